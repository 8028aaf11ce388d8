package spec

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/onsi/ginkgo/v2/types"
	"github.com/onsi/gomega/gleak"
)

// lessonDir is the directory of the lesson under test: go test runs a test
// binary in its package's directory. lessonImportDir is the same directory as
// a binary built with -trimpath names it: the module path and the directory
// within the module.
var lessonDir, lessonImportDir = lessonDirs()

func lessonDirs() (dir, importDir string) {
	dir, _ = os.Getwd()
	for root := dir; filepath.Dir(root) != root; root = filepath.Dir(root) {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			rel, _ := filepath.Rel(root, dir)
			return dir, path.Join(module, filepath.ToSlash(rel))
		}
	}
	return dir, ""
}

// module is the kit's module path.
const module = "github.com/threadlings/threadlings"

// inLessonDir reports whether file is in the lesson's directory: the
// learner's code or the lesson's specs.
func inLessonDir(file string) bool {
	dir := filepath.Dir(file)
	return dir == lessonDir || dir == lessonImportDir
}

// isLearnerFile reports whether file is one of the lesson's own source files
// (not a spec file), the code a learner writes.
func isLearnerFile(file string) bool {
	return inLessonDir(file) && !strings.HasSuffix(file, "_test.go")
}

// frameLine matches the file line of a frame in a Go stack trace:
// "\t/path/to/file.go:42 +0x1d".
var frameLine = regexp.MustCompile(`(?m)^\s+(\S+\.go):(\d+)`)

// learnerFrame finds the innermost frame of a stack trace that is in the
// learner's code.
func learnerFrame(stack string) (file string, line int) {
	file, line, _ = innermostFrame(stack, isLearnerFile)
	return file, line
}

// innermostFrame finds the innermost frame of a stack trace whose file want
// accepts.
func innermostFrame(stack string, want func(file string) bool) (file string, line int, ok bool) {
	for _, m := range frameLine.FindAllStringSubmatch(stack, -1) {
		if want(m[1]) {
			n, _ := strconv.Atoi(m[2])
			return m[1], n, true
		}
	}
	return "", 0, false
}

// blockedGoroutines summarises, from Ginkgo's progress report at a timeout,
// every goroutine that runs the learner's code: its state and the innermost
// learner frame, as "[chan send] goroutines.Download at goroutines.go:31".
func blockedGoroutines(pr types.ProgressReport) []string {
	var lines []string
	for _, g := range pr.Goroutines {
		for _, call := range g.Stack {
			if !isLearnerFile(call.Filename) {
				continue
			}
			lines = append(lines, fmt.Sprintf("[%s] %s at %s:%d", g.State, shortFunc(call.Function), filepath.Base(call.Filename), call.Line))
			break
		}
	}
	return lines
}

// shortFunc drops the import path from a function name:
// "github.com/x/lessons/goroutines.Download.func1" → "goroutines.Download.func1".
// Arguments, when the name carries them ("Balance(0xc000305100)"), are
// dropped: they change from run to run.
func shortFunc(name string) string {
	if strings.HasSuffix(name, ")") {
		if i := strings.LastIndex(name, "("); i > 0 {
			name = name[:i]
		}
	}
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[i+1:]
	}
	return name
}

// learnerGoroutines describes every goroutine now running the learner's
// code: its state, the innermost learner frame and where it was started,
// as "[chan receive] daemon.Monitor at monitor.go:31 (started at monitor.go:22)".
// Goroutines in before are left out; identical lines are merged, with a
// count.
func learnerGoroutines(before map[uint64]bool) []string {
	var t tally
	for _, g := range gleak.Goroutines() {
		if before[g.ID] {
			continue
		}
		file, line, fn := innermostLearnerCall(g.Backtrace)
		if file == "" {
			continue
		}
		desc := fmt.Sprintf("[%s] %s at %s:%d", stateOf(g), shortFunc(fn), filepath.Base(file), line)
		if g.BornAt != "" {
			desc += " (started at " + filepath.Base(g.BornAt) + ")"
		}
		t.add(desc)
	}
	return t.lines()
}

// stateOf returns a goroutine's state without what follows it: "chan
// receive", not "chan receive, 2 minutes, synctest bubble 7".
func stateOf(g gleak.Goroutine) string {
	state, _, _ := strings.Cut(g.State, ",")
	return state
}

// goroutineIDs returns the ids of the goroutines alive now.
func goroutineIDs() map[uint64]bool {
	ids := map[uint64]bool{}
	for _, g := range gleak.Goroutines() {
		ids[g.ID] = true
	}
	return ids
}

// innermostLearnerCall finds, in a goroutine's backtrace, the innermost
// call in the learner's code.
func innermostLearnerCall(backtrace string) (file string, line int, fn string) {
	rows := strings.Split(backtrace, "\n")
	for i := 0; i+1 < len(rows); i++ {
		m := frameLine.FindStringSubmatch(rows[i+1])
		if m == nil || !isLearnerFile(m[1]) {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		name, _, _ := strings.Cut(strings.TrimSpace(rows[i]), "(")
		return m[1], n, name
	}
	return "", 0, ""
}

// tally keeps lines in the order first seen, counting repeats. The zero
// value is empty and ready to use.
type tally struct {
	order []string
	count map[string]int
}

func (t *tally) add(line string) {
	if t.count == nil {
		t.count = map[string]int{}
	}
	if t.count[line] == 0 {
		t.order = append(t.order, line)
	}
	t.count[line]++
}

// lines returns the lines in the order first seen, a repeated one as
// "line ×N".
func (t *tally) lines() []string {
	var out []string
	for _, l := range t.order {
		if n := t.count[l]; n > 1 {
			l = fmt.Sprintf("%s ×%d", l, n)
		}
		out = append(out, l)
	}
	return out
}
