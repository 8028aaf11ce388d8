// Package explain turns raw tool output (race reports, compiler errors)
// into a few lines that point into the learner's own files.
package explain

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
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
		if fallback == "" && !isStdlib(m[1]) && !strings.Contains(m[1], "lessons/internal/spec/") && !strings.Contains(m[1], "ginkgo") {
			fallback = base + ":" + m[2]
		}
	}
	return fallback
}

// isStdlib reports whether a stack frame's file is in Go's standard library:
// under GOROOT, or, in a binary built with -trimpath, a path whose first
// element is not a domain ("sync/waitgroup.go").
func isStdlib(file string) bool {
	if strings.HasPrefix(file, runtime.GOROOT()+"/src/") {
		return true
	}
	first, _, _ := strings.Cut(file, "/")
	return !filepath.IsAbs(file) && !strings.Contains(first, ".")
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

// fileRef finds "name.go:42" (optionally ":col") in a line of feedback.
var fileRef = regexp.MustCompile(`([A-Za-z0-9_./-]+\.go):(\d+)`)

// WithSource returns text with, under each line that names a line of one of
// the files in sources (base name → path of the file that was compiled),
// that line of code:
//
//	at goroutines.go:28
//	   28 │ 	panic("TODO: Start: ...")
func WithSource(text string, sources map[string]string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		b.WriteString(line + "\n")
		m := fileRef.FindStringSubmatch(line)
		if m == nil || strings.Contains(line, "│") {
			continue
		}
		path, ok := sources[filepath.Base(m[1])]
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		if code, ok := sourceLine(path, n); ok {
			fmt.Fprintf(&b, "%6d │ %s\n", n, code)
		}
	}
	return b.String()
}

func sourceLine(file string, n int) (string, bool) {
	data, err := os.ReadFile(file)
	if err != nil || n < 1 {
		return "", false
	}
	lines := strings.Split(string(data), "\n")
	if n > len(lines) {
		return "", false
	}
	return strings.TrimRight(strings.ReplaceAll(lines[n-1], "\t", "    "), " "), true
}

// vetAdvice says, for a go vet analyzer, why what it found matters in
// concurrent code and what to do about it.
var vetAdvice = map[string]string{
	"atomic":       "an assignment of an atomic operation's result to the variable it changed is a second, plain write that races with the atomic ones: keep only the atomic call.",
	"copylocks":    "this copies a lock (or a value that holds one, such as a sync.WaitGroup): the copy is a separate lock, so whoever uses it guards nothing. Pass and keep it by pointer.",
	"defers":       "the arguments of a deferred call are evaluated when defer runs, not when the function returns: wrap the call in a func literal to read them at the end.",
	"httpresponse": "the response is used before its error is checked: when the error is not nil, the response is nil.",
	"loopclosure":  "a function started here reads a loop variable: pass it as an argument so that each goroutine gets the value it was started for.",
	"lostcancel":   "the cancel function of this context is never called, so the context (and its timer) lives on: call it, usually with defer cancel().",
	"printf":       "the format string and its arguments do not match.",
	"unusedresult": "the result of this call is thrown away, so the call does nothing useful.",
	"waitgroup":    "WaitGroup.Add runs inside the goroutine it counts, so Wait may return before Add has run: call Add before the go statement (or use wg.Go).",
}

// VetAdvice returns what a learner should know about a go vet finding from
// analyzer, or "" when there is nothing to add to go vet's own message.
func VetAdvice(analyzer string) string { return vetAdvice[analyzer] }
