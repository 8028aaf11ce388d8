// Package verify proves the course is sound: for every lesson, every spec
// fails on the stub, every spec passes on the reference solution, and every
// known-bad variant of the solution is rejected with the verdict it was
// written to get.
package verify

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/mutate"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

// wantPrefix starts the first line of a known-bad variant's file and names
// the verdict at least one spec must get.
const wantPrefix = "// threadlings:want "

// Variant is a known-bad variant of a lesson's solution: a directory under
// solutions/NN-topic/testdata/ whose files replace stub files.
type Variant struct {
	Name string          // the directory's name
	Dir  string          // absolute
	Want verdict.Verdict // from the wantPrefix line
}

// Report is the verification of one lesson.
type Report struct {
	Lesson   course.Lesson
	Stub     *runner.Result
	Solution *runner.Result
	Variants []VariantReport
	// Equivalents lists what is no longer true of the lesson's list of
	// equivalent mutants (see mutate.EquivalentFile): a listed mutant that
	// no longer exists, or that the specs now kill.
	Equivalents []string
	Err         error // the lesson could not be verified at all
}

// VariantReport is the check of one variant.
type VariantReport struct {
	Variant
	Result *runner.Result
}

// OK reports whether the variant was rejected as intended.
func (v VariantReport) OK() bool { return v.Problem() == "" }

// Problem says what is wrong with the variant's result, or "" when it was
// rejected as intended.
func (v VariantReport) Problem() string {
	r := v.Result
	switch {
	case r == nil:
		return "not run"
	case v.Want == verdict.BuildError && r.BuildError != "":
		return ""
	case r.BuildError != "":
		return "does not build:\n" + r.BuildError
	case r.OK():
		return "every spec passed: the specs accept this wrong answer"
	case r.Counts()[v.Want] == 0:
		return fmt.Sprintf("rejected, but no spec got %q (got %s)", v.Want, CountsText(r.Counts()))
	}
	return ""
}

// StubProblems lists what is wrong with the stub's run: specs that pass on
// the stub, or a stub that does not build.
func (r *Report) StubProblems() []string {
	if r.Stub == nil {
		return nil
	}
	if r.Stub.BuildError != "" {
		return []string{"the stub does not build:\n" + r.Stub.BuildError}
	}
	var out []string
	for _, s := range r.Stub.Specs {
		if s.Verdict.Passed() {
			out = append(out, "passes on the stub: "+s.Name)
		}
	}
	if len(r.Stub.Specs) == 0 {
		out = append(out, "the stub ran no spec")
	}
	return out
}

// SolutionProblems lists specs that do not pass on the solution.
func (r *Report) SolutionProblems() []string {
	if r.Solution == nil {
		return nil
	}
	if r.Solution.BuildError != "" {
		return []string{"the solution does not build:\n" + r.Solution.BuildError}
	}
	var out []string
	if r.Solution.Note != "" {
		out = append(out, r.Solution.Note)
	}
	for _, s := range r.Solution.Specs {
		if !s.Verdict.Passed() {
			out = append(out, fmt.Sprintf("%s on the solution: %s: %s", s.Verdict, s.Name, firstLine(s.Message)))
		}
	}
	if len(r.Solution.Specs) == 0 {
		out = append(out, "the solution ran no spec")
	}
	if r.Stub != nil && r.Stub.BuildError == "" && len(r.Stub.Specs) != len(r.Solution.Specs) {
		out = append(out, fmt.Sprintf("the stub ran %d specs and the solution %d", len(r.Stub.Specs), len(r.Solution.Specs)))
	}
	return out
}

// OK reports whether the lesson is sound.
func (r *Report) OK() bool {
	if r.Err != nil || len(r.StubProblems()) > 0 || len(r.SolutionProblems()) > 0 || len(r.Equivalents) > 0 {
		return false
	}
	for _, v := range r.Variants {
		if !v.OK() {
			return false
		}
	}
	return true
}

// Variants finds the known-bad variants of lesson l in the kit at root.
func Variants(root string, l course.Lesson) ([]Variant, error) {
	base := filepath.Join(root, l.SolutionPath(), "testdata")
	entries, err := os.ReadDir(base)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Variant
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		v := Variant{Name: e.Name(), Dir: filepath.Join(base, e.Name())}
		want, err := readWant(v.Dir)
		if err != nil {
			return nil, err
		}
		v.Want = want
		out = append(out, v)
	}
	return out, nil
}

func readWant(dir string) (verdict.Verdict, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	sort.Strings(files)
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return "", err
		}
		first, _ := bufio.NewReader(fh).ReadString('\n')
		fh.Close()
		if w, ok := strings.CutPrefix(strings.TrimSpace(first), strings.TrimSpace(wantPrefix)); ok {
			v := verdict.Verdict(strings.TrimSpace(w))
			for _, known := range verdict.All {
				if v == known {
					return v, nil
				}
			}
			return "", fmt.Errorf("%s: unknown verdict %q", f, v)
		}
	}
	return "", fmt.Errorf("%s: no file starts with %q", dir, wantPrefix+"VERDICT")
}

// Options configure Course.
type Options struct {
	Jobs int // go test runs at once
	// Cache, if set, keeps the result of each run that came out as it
	// should, under a key of everything it was computed from (see
	// runner.Runner.Key), so that verifying an unchanged lesson again
	// costs no run. A run that came out wrong is never kept: it runs again
	// next time.
	Cache cache.Dir
	// Progress, if set, is called after each lesson is complete.
	Progress func(*Report)
}

// Course verifies lessons.
func Course(ctx context.Context, r *runner.Runner, lessons []course.Lesson, o Options) []*Report {
	reports := make([]*Report, len(lessons))
	type job struct {
		lesson int // index in lessons and reports
		run    func() error
	}
	var jobsList []job
	remaining := make([]int, len(lessons))
	runCached := func(l course.Lesson, ov runner.Overlay, good func(*runner.Result) bool) (*runner.Result, error) {
		return r.RunCached(ctx, l, ov, o.Cache, good)
	}
	for i, l := range lessons {
		rep := &Report{Lesson: l}
		reports[i] = rep
		variants, err := Variants(r.Root, l)
		if err != nil {
			rep.Err = err
			continue
		}
		rep.Variants = make([]VariantReport, len(variants))
		add := func(f func() error) {
			jobsList = append(jobsList, job{i, f})
			remaining[i]++
		}
		add(func() (err error) {
			rep.Stub, err = runCached(l, runner.Stub(), func(res *runner.Result) bool {
				return len((&Report{Stub: res}).StubProblems()) == 0
			})
			return err
		})
		add(func() (err error) {
			rep.Solution, err = runCached(l, r.Solution(l), func(res *runner.Result) bool {
				return len((&Report{Solution: res}).SolutionProblems()) == 0
			})
			return err
		})
		if eq, err := mutate.ReadEquivalents(r.Root, l); err != nil || len(eq) > 0 {
			add(func() (err error) {
				rep.Equivalents, err = mutate.CheckEquivalents(ctx, r, l, o.Cache)
				return err
			})
		}
		for k, v := range variants {
			add(func() error {
				res, err := runCached(l, r.Variant(l, v.Dir), func(res *runner.Result) bool {
					return VariantReport{Variant: v, Result: res}.OK()
				})
				rep.Variants[k] = VariantReport{Variant: v, Result: res}
				return err
			})
		}
	}
	if o.Progress != nil {
		for i, rep := range reports {
			if remaining[i] == 0 {
				o.Progress(rep)
			}
		}
	}
	var mu sync.Mutex
	queue := make(chan job)
	var wg sync.WaitGroup
	for range max(o.Jobs, 1) {
		wg.Go(func() {
			for j := range queue {
				err := j.run()
				rep := reports[j.lesson]
				mu.Lock()
				if err != nil && rep.Err == nil {
					rep.Err = err
				}
				remaining[j.lesson]--
				last := remaining[j.lesson] == 0
				mu.Unlock()
				if last && o.Progress != nil {
					o.Progress(rep)
				}
			}
		})
	}
	for _, j := range jobsList {
		queue <- j
	}
	close(queue)
	wg.Wait()
	return reports
}

// CountsText describes verdict counts in report order: "3 pass, 1 timeout".
func CountsText(m map[verdict.Verdict]int) string {
	var parts []string
	for _, v := range verdict.All {
		if m[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", m[v], v))
		}
	}
	return strings.Join(parts, ", ")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
