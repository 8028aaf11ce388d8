// Package explain turns raw tool output (race reports, compiler errors)
// into a few lines that point into the learner's own files.
package explain

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

var (
	raceAccess  = regexp.MustCompile(`^(Read|Write|Previous read|Previous write|Atomic read|Atomic write|Previous atomic read|Previous atomic write) at 0x[0-9a-f]+ by (goroutine \d+|main goroutine):$`)
	raceCreated = regexp.MustCompile(`^Goroutine (\d+) \((?:running|finished)\) created at:$`)
	frameFile   = regexp.MustCompile(`^\s+(\S+\.go):(\d+)`)
)

// Race summarises the race reports in out. Each access and each goroutine
// start is located at its first frame in one of files (base names of the
// learner's files), or else at its first frame outside the Go runtime, the
// testing package and the spec helpers.
func Race(out string, files []string) []string {
	var lines []string
	for _, block := range strings.Split(out, "WARNING: DATA RACE")[1:] {
		if end := strings.Index(block, "=================="); end >= 0 {
			block = block[:end]
		}
		rows := strings.Split(block, "\n")
		for i, row := range rows {
			row = strings.TrimSpace(row)
			var head string
			if m := raceAccess.FindStringSubmatch(row); m != nil {
				head = m[1] + " by " + m[2]
			} else if m := raceCreated.FindStringSubmatch(row); m != nil {
				head = "goroutine " + m[1] + " was started"
			} else {
				continue
			}
			if where := locate(rows[i+1:], files); where != "" {
				head += " at " + where
			}
			lines = append(lines, head)
		}
		if len(lines) > 0 {
			break // the first report is the one to fix first
		}
	}
	return lines
}

// locate finds the frame to show among the frames that follow a header.
func locate(rows []string, files []string) string {
	var fallback string
	for _, row := range rows {
		if strings.TrimSpace(row) == "" {
			break
		}
		m := frameFile.FindStringSubmatch(row)
		if m == nil {
			continue
		}
		base := filepath.Base(m[1])
		if slices.Contains(files, base) {
			return base + ":" + m[2]
		}
		if fallback == "" && !strings.Contains(m[1], "/src/runtime/") && !strings.Contains(m[1], "/src/testing/") &&
			!strings.Contains(m[1], "/lessons/internal/spec/") && !strings.Contains(m[1], "ginkgo") {
			fallback = base + ":" + m[2]
		}
	}
	return fallback
}

// BuildErrors returns the first max compiler or vet errors of out, as
// "file:line:col: message", with paths made short.
func BuildErrors(out string, max int) []string {
	var errs []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "FAIL") {
			continue
		}
		errs = append(errs, strings.TrimSpace(line))
		if len(errs) == max {
			break
		}
	}
	return errs
}
