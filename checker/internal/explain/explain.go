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

	"github.com/threadlings/threadlings/checker/internal/msg"
)

var (
	raceAccess  = regexp.MustCompile(`^(Read|Write|Previous read|Previous write|Atomic read|Atomic write|Previous atomic read|Previous atomic write) at 0x[0-9a-f]+ by (goroutine \d+|main goroutine):$`)
	raceCreated = regexp.MustCompile(`^Goroutine (\d+) \((?:running|finished)\) created at:$`)
	frameFile   = regexp.MustCompile(`^\s+(\S+\.go):(\d+)`)
)

// Race summarises, in lang, the first race report in out: each access and
// each goroutine's start, with where it happened. A place in the learner's
// files (files, base names of the lesson's files, in directory dir under
// lessons/ or solutions/) is named as file:line. An access with no line of
// the learner's code on top of its stack says where it happened instead: in
// Go's library or runtime, called from which line of the learner's or the
// spec's code, or in the test framework. waitGroup reports whether both
// accesses were a sync.WaitGroup's own marks: an Add that ran at the same
// time as a Wait, which WaitGroupAdvice explains.
func Race(lang, out, dir string, files []string) (lines []string, waitGroup bool) {
	for _, block := range strings.Split(out, "WARNING: DATA RACE")[1:] {
		if end := strings.Index(block, "=================="); end >= 0 {
			block = block[:end]
		}
		rows := strings.Split(block, "\n")
		var accesses, starts []string
		annotated := 0
		for i, row := range rows {
			row = strings.TrimSpace(row)
			if m := raceAccess.FindStringSubmatch(row); m != nil {
				if i+1 < len(rows) && raceAnnotation.MatchString(rows[i+1]) {
					annotated++
				}
				who := msg.T(lang, m[2])
				if id, ok := strings.CutPrefix(m[2], "goroutine "); ok {
					who = msg.F(lang, "goroutine %s", id)
				}
				head := msg.F(lang, "%s by %s", msg.T(lang, m[1]), who)
				accesses = append(accesses, msg.F(lang, "%s %s", head, placeAccess(lang, stackFrames(rows[i+1:]), dir, files)))
			} else if m := raceCreated.FindStringSubmatch(row); m != nil {
				head := msg.F(lang, "goroutine %s was started", m[1])
				starts = append(starts, msg.F(lang, "%s %s", head, placeStart(lang, stackFrames(rows[i+1:]), dir, files)))
			}
		}
		if annotated == len(accesses) && annotated == 2 {
			// Both stacks start in the race annotation and seldom reach
			// anyone's code: only where the goroutines started tells.
			return starts, true
		}
		if lines = append(accesses, starts...); len(lines) > 0 {
			// The first report is the one to fix first.
			return lines, false
		}
	}
	return nil, false
}

// raceAnnotation is the top frame of an access that no code of anyone's
// made, but a sync type's own race annotation: of the sync package, only
// WaitGroup marks reads and writes for the race detector (Add, when the
// counter leaves zero, writes; Wait reads), so that an Add that races with
// a Wait is reported.
var raceAnnotation = regexp.MustCompile(`^\s*runtime\.race(read|write)\(\)$`)

// WaitGroupAdvice explains a race between two of a WaitGroup's own marks,
// under a spec's own message that says what went wrong.
const WaitGroupAdvice = "Both accesses are a sync.WaitGroup's own: an Add ran at the same time as a Wait on the same WaitGroup. Call Add before the go statement, in the goroutine that starts the work, never inside the new goroutine: then every Add happens before the Wait that counts on it."

// WaitGroupRace is the message for a spec that failed only by a race
// between two of a WaitGroup's own marks. It takes the place of the general
// advice to guard shared data, which does not apply: the WaitGroup guards
// itself, and the mistake is where Add is called.
const WaitGroupRace = "DATA RACE on a sync.WaitGroup: an Add ran at the same time as a Wait on the same WaitGroup, so the Wait could return before it had counted the new goroutine. " +
	"Call Add before the go statement, in the goroutine that starts the work, never inside the new goroutine (or let wg.Go do both). Below: where each goroutine started."

// stackFrame is one frame of a race report's stack.
type stackFrame struct {
	fn, file, line string
}

// stackFrames reads the frames that follow a header, up to the blank line
// that ends them.
func stackFrames(rows []string) []stackFrame {
	var frames []stackFrame
	for i, row := range rows {
		if strings.TrimSpace(row) == "" {
			break
		}
		m := frameFile.FindStringSubmatch(row)
		if m == nil || i == 0 {
			continue
		}
		fn := strings.TrimSpace(rows[i-1])
		if j := strings.LastIndex(fn, "("); j > 0 && strings.HasSuffix(fn, ")") {
			fn = fn[:j]
		}
		frames = append(frames, stackFrame{fn: fn, file: m[1], line: m[2]})
	}
	return frames
}

func (f stackFrame) at() string { return filepath.Base(f.file) + ":" + f.line }

// inLesson reports whether a frame is in the lesson's directory dir.
func (f stackFrame) inLesson(dir string) bool {
	d := filepath.ToSlash(filepath.Dir(f.file))
	return d == dir || strings.HasSuffix(d, "/"+dir)
}

func (f stackFrame) isLearner(dir string, files []string) bool {
	return f.inLesson(dir) && slices.Contains(files, filepath.Base(f.file))
}

func (f stackFrame) isSpec(dir string) bool {
	return f.inLesson(dir) && strings.HasSuffix(f.file, "_test.go")
}

func (f stackFrame) isRuntime() bool {
	return strings.HasPrefix(f.fn, "runtime.") || strings.HasPrefix(f.fn, "internal/")
}

// library returns the frame's function as a learner would call it, without
// the directories of its import path or its type arguments: "slices.Clone".
func (f stackFrame) library() string {
	fn := f.fn
	if i := strings.Index(fn, "["); i >= 0 {
		fn = fn[:i]
	}
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	return fn
}

// placeAccess says where a racing access happened.
func placeAccess(lang string, frames []stackFrame, dir string, files []string) string {
	for i, f := range frames {
		if !f.isLearner(dir, files) {
			continue
		}
		if i == 0 || frames[0].isSpec(dir) {
			// In the learner's code, or in a function of the spec's that
			// the learner's code called: the learner's line is the one.
			return msg.F(lang, "at %s", f.at())
		}
		return msg.F(lang, "inside %s (Go's library), called from %s", frames[i-1].library(), f.at())
	}
	for i, f := range frames {
		if !f.isSpec(dir) {
			continue
		}
		if i == 0 {
			return msg.F(lang, "at %s (in the spec)", f.at())
		}
		return msg.F(lang, "inside %s (Go's library), called from the spec at %s", frames[i-1].library(), f.at())
	}
	library := ""
	for _, f := range frames {
		switch {
		case f.isRuntime():
		case isStdlib(f.file) && !strings.HasPrefix(f.fn, "testing."):
			library = f.library()
		default:
			return msg.T(lang, "in the test framework's code, not in yours")
		}
	}
	if library != "" {
		return msg.F(lang, "inside %s (Go's library), with no line of your code on its stack", library)
	}
	return msg.T(lang, "inside the Go runtime, with no line of your code on its stack")
}

// placeStart says where a goroutine of a race report was started.
func placeStart(lang string, frames []stackFrame, dir string, files []string) string {
	for _, f := range frames {
		if f.isLearner(dir, files) {
			return msg.F(lang, "at %s", f.at())
		}
	}
	for _, f := range frames {
		if f.isSpec(dir) {
			return msg.F(lang, "at %s (in the spec)", f.at())
		}
	}
	return msg.T(lang, "by the test framework, to run the spec")
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
		if !ok || strings.Contains(m[1], "/") && filepath.Base(filepath.Dir(m[1])) != filepath.Base(filepath.Dir(path)) {
			continue // another file of the same name: the spec helpers' goroutines.go
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
