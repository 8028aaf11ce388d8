// Package verify proves the course is sound: for every lesson, every spec
// fails on the stub, every spec passes on the reference solution, and every
// known-bad variant of the solution is rejected with the verdict it was
// written to get.
package verify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/mutate"
	"github.com/threadlings/threadlings/checker/internal/patch"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

// wantPrefix starts the first line of a known-bad variant's patch and
// names the verdict at least one spec must get.
const wantPrefix = "threadlings:want "

// Variant is a known-bad variant of a lesson's solution: a patch
// solutions/NN-topic/testdata/NAME.patch, a unified diff against the
// solution's files (see package patch) whose header says what the variant
// must get:
//
//	threadlings:want race
//	Pid reads the pid without the lock.
//
//	--- a/process.go
//	+++ b/process.go
//	@@ -181,8 +181,6 @@
//	...
type Variant struct {
	Name  string          // the patch's file name without ".patch"
	Path  string          // the patch, absolute
	Want  verdict.Verdict // from the header's wantPrefix line
	About string          // the rest of the header: what is wrong with it, if it says
	// Files maps each stub file the patch changes to the solution's file
	// with the patch applied.
	Files map[string][]byte
	// Err says why the patch cannot be read or no longer applies to the
	// solution; such a variant is not run, and it is a problem of the
	// lesson.
	Err error
}

// Write writes the variant's files into dir.
func (v Variant) Write(dir string) error {
	if v.Err != nil {
		return v.Err
	}
	for name, b := range v.Files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
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
	case v.Err != nil:
		return v.Err.Error()
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

// Variants finds the known-bad variants of lesson l in the kit at root:
// every *.patch file in the solution's testdata directory, nothing else
// there. A variant whose patch is malformed or no longer applies comes back
// with its Err set; the error is only for a directory that cannot be read.
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
		if !strings.HasSuffix(e.Name(), ".patch") || !e.Type().IsRegular() {
			continue
		}
		out = append(out, LoadVariant(root, l, filepath.Join(base, e.Name())))
	}
	return out, nil
}

// LoadVariant reads the patch at path, a known-bad variant of lesson l in
// the kit at root, and applies it to the solution's files.
func LoadVariant(root string, l course.Lesson, path string) Variant {
	v := Variant{Name: strings.TrimSuffix(filepath.Base(path), ".patch"), Path: path}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = path
	}
	fail := func(err error) Variant {
		v.Err = fmt.Errorf("%s: %w", filepath.ToSlash(rel), err)
		v.Files = nil
		return v
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fail(err)
	}
	p, err := patch.Parse(data)
	if err != nil {
		return fail(err)
	}
	if v.Want, v.About, err = parseHeader(p.Header); err != nil {
		return fail(err)
	}
	v.Files = map[string][]byte{}
	for _, f := range p.Files {
		if !slices.Contains(l.Stubs, f.Name) {
			return fail(fmt.Errorf("it changes %s, which is not a stub file of lesson %s (%s)", f.Name, l.Number, strings.Join(l.Stubs, ", ")))
		}
		old, err := os.ReadFile(filepath.Join(root, l.SolutionPath(), f.Name))
		if err != nil {
			return fail(err)
		}
		b, err := f.Apply(old)
		if err != nil {
			return fail(fmt.Errorf("the patch no longer fits the solution: %w", err))
		}
		v.Files[f.Name] = b
	}
	return v
}

// WriteVariant writes the files of the known-bad variant whose patch is at
// path (KIT/solutions/NN-topic/testdata/NAME.patch) into dir, for tests and
// fixtures that need a variant as a learner's files.
func WriteVariant(path, dir string) error {
	path, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	solution := filepath.Dir(filepath.Dir(path))
	l, err := course.Find(filepath.Base(solution))
	if err != nil {
		return fmt.Errorf("%s: not a variant of a lesson's solution: %w", path, err)
	}
	return LoadVariant(filepath.Dir(filepath.Dir(solution)), l, path).Write(dir)
}

// parseHeader reads a variant patch's header: the wantPrefix line first,
// then, optionally, what is wrong with the variant.
func parseHeader(h string) (verdict.Verdict, string, error) {
	first, rest, _ := strings.Cut(h, "\n")
	w, ok := strings.CutPrefix(strings.TrimSpace(first), strings.TrimSpace(wantPrefix))
	if !ok {
		return "", "", fmt.Errorf("the patch does not start with %q", wantPrefix+"VERDICT")
	}
	v := verdict.Verdict(strings.TrimSpace(w))
	if !slices.Contains(verdict.All, v) {
		return "", "", fmt.Errorf("unknown verdict %q", v)
	}
	return v, strings.TrimSpace(rest), nil
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
			rep.Variants[k] = VariantReport{Variant: v}
			if v.Err != nil {
				continue
			}
			add(func() error {
				dir, err := os.MkdirTemp(r.Dir, "variant-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				if err := v.Write(dir); err != nil {
					return err
				}
				res, err := runCached(l, r.Variant(l, dir), func(res *runner.Result) bool {
					return VariantReport{Variant: v, Result: res}.OK()
				})
				rep.Variants[k].Result = res
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
