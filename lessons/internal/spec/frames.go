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

// isLearnerFile reports whether file is one of the lesson's own source files
// (not a spec file), the code a learner writes.
func isLearnerFile(file string) bool {
	dir := filepath.Dir(file)
	return (dir == lessonDir || dir == lessonImportDir) && !strings.HasSuffix(file, "_test.go")
}

// frameLine matches the file line of a frame in a Go stack trace:
// "\t/path/to/file.go:42 +0x1d".
var frameLine = regexp.MustCompile(`(?m)^\s+(\S+\.go):(\d+)`)

// learnerFrame finds the innermost frame of a stack trace that is in the
// learner's code.
func learnerFrame(stack string) (file string, line int) {
	for _, m := range frameLine.FindAllStringSubmatch(stack, -1) {
		if isLearnerFile(m[1]) {
			n, _ := strconv.Atoi(m[2])
			return m[1], n
		}
	}
	return "", 0
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
func shortFunc(name string) string {
	if i := strings.LastIndex(name, "/"); i >= 0 {
		return name[i+1:]
	}
	return name
}
