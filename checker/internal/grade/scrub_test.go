package grade

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/runner"
)

func TestScrubberLeavesOnlyPathsFromTheKitsRoot(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/kit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(filepath.Dir(root), "class", "alice")
	stub := filepath.Join(sub, "lessons/01-goroutines/market.go")
	rel, _ := filepath.Rel(root, stub)
	s := newScrubber(root, runner.Overlay{filepath.Join(root, "lessons/01-goroutines/market.go"): stub})
	res := &runner.Result{
		BuildError: "# example.com/kit/lessons/01-goroutines\n" + rel + ":77:14: syntax error\n" + stub + ":3:1: x\n" +
			filepath.Join(sub, "lessons/01-goroutines/other.go") + ":1:1: y",
		Specs: []runner.Spec{{Output: "panic: boom\n\ngoroutine 1 [running]:\nexample.com/kit/lessons/01-goroutines.F()\n\texample.com/kit/lessons/01-goroutines/market.go:9 +0x1\n"}},
	}
	s.result(res)
	for _, bad := range []string{root, sub, "../", "class/alice"} {
		if strings.Contains(res.BuildError, bad) {
			t.Errorf("build error still names %q:\n%s", bad, res.BuildError)
		}
	}
	for _, want := range []string{"lessons/01-goroutines/market.go:77:14", "lessons/01-goroutines/market.go:3:1", "lessons/01-goroutines/other.go:1:1"} {
		if !strings.Contains(res.BuildError, want) {
			t.Errorf("build error lacks %q:\n%s", want, res.BuildError)
		}
	}
	if !strings.Contains(res.Specs[0].Output, "\tlessons/01-goroutines/market.go:9 +0x1") {
		t.Errorf("a stack frame's file is not from the kit's root:\n%s", res.Specs[0].Output)
	}
}

func TestOpenProblemNamesTheSubmissionOnly(t *testing.T) {
	abs := "/home/teacher/classes/2026/subs/bob.zip"
	got := openProblem(errors.New(abs+": zip: not a valid zip file"), abs, "/tmp/threadlings-grade-1")
	if got != "bob.zip: zip: not a valid zip file" {
		t.Errorf("got %q", got)
	}
}
