package mutate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Status is what became of a mutant.
type Status string

const (
	Killed     Status = "killed"     // the lesson does not pass with it
	Survived   Status = "survived"   // every spec passes with it
	Equivalent Status = "equivalent" // it survived, and is listed as equivalent
	Invalid    Status = "invalid"    // it does not compile (or uses what the lesson may not)
	Errored    Status = "error"      // it could not be run
)

// Outcome is a mutant and what its run came to.
type Outcome struct {
	Mutant
	Status Status
	Why    string // how it was killed ("2 fail, 1 race: first: SPEC"), why it is invalid or equivalent
	Cached bool   // the run came from the result cache
}

// Report is the mutation testing of one lesson.
type Report struct {
	Lesson   course.Lesson
	Specs    int // specs the reference solution passes
	Outcomes []Outcome
	// Problems lists entries of the lesson's EquivalentFile that are no
	// longer true: no such mutant, or a listed mutant that is killed.
	Problems []string
	Err      error // the lesson could not be mutation-tested
}

// Count returns how many outcomes have status s.
func (r *Report) Count(s Status) int {
	n := 0
	for _, o := range r.Outcomes {
		if o.Status == s {
			n++
		}
	}
	return n
}

// Score is killed ÷ (mutants − equivalent − invalid), the share of the
// mutants that matter that the specs kill; 1 when there are none.
func (r *Report) Score() float64 {
	n := len(r.Outcomes) - r.Count(Equivalent) - r.Count(Invalid) - r.Count(Errored)
	if n <= 0 {
		return 1
	}
	return float64(r.Count(Killed)) / float64(n)
}

// OK reports whether no mutant survived, every run could be made and the
// list of equivalents holds.
func (r *Report) OK() bool {
	return r.Err == nil && r.Count(Survived) == 0 && r.Count(Errored) == 0 && len(r.Problems) == 0
}

// Options configure Run.
type Options struct {
	Ops  []string // operators to use; all if nil
	Jobs int      // mutants run at once
	// Max, if positive, keeps the first Max mutants of each lesson.
	Max int
	// Only, if set, keeps the mutants whose ID it holds.
	Only map[string]bool
	// Cache keeps each run's result under a key of its inputs (see
	// runner.Runner.Key), so that mutating an unchanged lesson again costs
	// no run.
	Cache cache.Dir
	// Progress, if set, is called after each mutant's run, from several
	// goroutines at once.
	Progress func(Outcome)
}

// Run mutation-tests lessons: for each, it checks that the reference
// solution passes, makes its mutants, runs the specs on every one (Jobs at
// a time, across lessons) and checks the list of equivalents.
func Run(ctx context.Context, r *runner.Runner, lessons []course.Lesson, o Options) []*Report {
	reports := make([]*Report, len(lessons))
	type job struct {
		rep *Report
		k   int // index in rep.Outcomes
	}
	var jobs []job
	equivalents := make([]map[string]string, len(lessons))
	tmp, err := os.MkdirTemp(r.Dir, "mutants-")
	if err != nil {
		for i, l := range lessons {
			reports[i] = &Report{Lesson: l, Err: fmt.Errorf("%w: %v", runner.ErrEnvironment, err)}
		}
		return reports
	}
	defer os.RemoveAll(tmp)
	for i, l := range lessons {
		rep := &Report{Lesson: l}
		reports[i] = rep
		eq, err := ReadEquivalents(r.Root, l)
		if err != nil {
			rep.Err = err
			continue
		}
		equivalents[i] = eq
		base, err := r.RunCached(ctx, l, r.Solution(l), o.Cache, (*runner.Result).OK)
		if err != nil {
			rep.Err = err
			continue
		}
		if !base.OK() {
			rep.Err = fmt.Errorf("%w: the reference solution of %s does not pass its specs (%s): mutants of it say nothing", runner.ErrEnvironment, l.Dir, countsText(base))
			continue
		}
		rep.Specs = len(base.Specs)
		mutants, err := generateCached(r, l, o.Ops, o.Cache)
		if err != nil {
			rep.Err = fmt.Errorf("%w: %v", runner.ErrEnvironment, err)
			continue
		}
		found := map[string]bool{}
		for _, m := range mutants {
			found[m.ID] = true
		}
		for _, id := range sortedKeys(eq) {
			if !found[id] && len(o.Ops) == 0 {
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s lists %s, but there is no such mutant", EquivalentFile, id))
			}
		}
		if o.Only != nil {
			var kept []Mutant
			for _, m := range mutants {
				if o.Only[m.ID] {
					kept = append(kept, m)
				}
			}
			mutants = kept
		}
		if o.Max > 0 && len(mutants) > o.Max {
			mutants = mutants[:o.Max]
		}
		for k, m := range mutants {
			rep.Outcomes = append(rep.Outcomes, Outcome{Mutant: m})
			jobs = append(jobs, job{rep, k})
		}
	}
	queue := make(chan job)
	var wg sync.WaitGroup
	for range max(o.Jobs, 1) {
		wg.Go(func() {
			for j := range queue {
				out := &j.rep.Outcomes[j.k]
				runMutant(ctx, r, tmp, o.Cache, out)
				if o.Progress != nil {
					o.Progress(*out)
				}
			}
		})
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	wg.Wait()
	for i, rep := range reports {
		for k := range rep.Outcomes {
			out := &rep.Outcomes[k]
			reason, listed := equivalents[i][out.ID]
			switch {
			case listed && out.Status == Survived:
				out.Status, out.Why = Equivalent, reason
			case listed && out.Status == Killed:
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s lists %s as equivalent, but the specs kill it (%s): take it off the list", EquivalentFile, out.ID, out.Why))
			}
		}
	}
	return reports
}

// runMutant runs the lesson's specs on one mutant and sets its status.
func runMutant(ctx context.Context, r *runner.Runner, tmp string, c cache.Dir, out *Outcome) {
	sum := sha256.Sum256([]byte(out.ID + "\x00" + string(out.Source)))
	dir := filepath.Join(tmp, hex.EncodeToString(sum[:8]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		out.Status, out.Why = Errored, err.Error()
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, out.File)
	if err := os.WriteFile(path, out.Source, 0o644); err != nil {
		out.Status, out.Why = Errored, err.Error()
		return
	}
	l := out.Lesson
	ov := r.Solution(l)
	ov[filepath.Join(r.Root, l.LessonPath(), out.File)] = path
	res, err := r.RunCached(ctx, l, ov, c, func(res *runner.Result) bool {
		return !res.BuildTimedOut && res.Note == "" && res.Tampered == ""
	})
	if err != nil {
		out.Status, out.Why = Errored, err.Error()
		return
	}
	out.Cached = res.Cached
	out.Status, out.Why = classify(res)
}

// classify says what a mutant's run came to.
func classify(res *runner.Result) (Status, string) {
	switch {
	case res.BuildTimedOut:
		return Errored, "the build did not finish in time"
	case res.BuildError != "":
		return Invalid, "does not compile: " + firstLine(res.BuildError)
	case len(res.Forbidden) > 0:
		return Invalid, "uses what the lesson may not: " + res.Forbidden[0]
	case res.OK():
		return Survived, ""
	}
	why := countsText(res)
	for _, s := range res.Specs {
		if !s.Verdict.Passed() {
			why += ": first: " + s.Name
			break
		}
	}
	if res.Note != "" {
		why += " (" + res.Note + ")"
	}
	return Killed, why
}

func countsText(res *runner.Result) string {
	m := res.Counts()
	var parts []string
	for _, v := range verdict.All {
		if m[v] > 0 && !v.Passed() {
			parts = append(parts, fmt.Sprintf("%d %s", m[v], v))
		}
	}
	if len(parts) == 0 {
		return "no spec failed"
	}
	return strings.Join(parts, ", ")
}

func firstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			return line
		}
	}
	return strings.TrimSpace(s)
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// generateCached is Generate through the result cache c, under a key of
// the checker, the go version, the operators, the lesson's directory and
// the solution's files:
// generating type-checks the solution, which costs more than looking up
// every run that a verify of unchanged mutants makes.
func generateCached(r *runner.Runner, l course.Lesson, ops []string, c cache.Dir) ([]Mutant, error) {
	v, err := r.GoVersion()
	if err != nil {
		return nil, err
	}
	k := cache.NewKey("mutants").Add("go", v).Add("lesson", l.Dir).Add("ops", strings.Join(ops, ",")).
		File("go.mod", filepath.Join(r.Root, "go.mod")).Tree(filepath.Join(r.Root, l.LessonPath()))
	for _, stub := range l.Stubs {
		k.File(stub, filepath.Join(r.Root, l.SolutionPath(), stub))
	}
	key, kerr := k.Sum()
	var ms []Mutant
	if kerr == nil && c.Load(key, &ms) {
		return ms, nil
	}
	ms, err = Generate(r.Root, l, ops)
	if err == nil && kerr == nil {
		c.Store(key, ms)
	}
	return ms, err
}
