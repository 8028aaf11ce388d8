// Package stress runs each lesson's reference solution many times, with the
// specs in a new shuffled order each time and at several GOMAXPROCS, to
// prove the specs deterministic: a spec that passes 99 runs in 100 is
// broken. Each lesson's test binary is built once and run many times.
package stress

import (
	"context"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Failure is one spec that did not pass in one run.
type Failure struct {
	Procs   int
	Seed    int
	Spec    string
	Verdict verdict.Verdict
	Message string
}

// Report is the stress result of one lesson.
type Report struct {
	Lesson   course.Lesson
	Runs     int
	Failures []Failure
	Err      error // the lesson could not be built
}

// FailedRuns counts the runs with at least one failure.
func (r *Report) FailedRuns() int {
	runs := map[[2]int]bool{}
	for _, f := range r.Failures {
		runs[[2]int{f.Procs, f.Seed}] = true
	}
	return len(runs)
}

// Options say how hard to push.
type Options struct {
	Runs  int   // runs per GOMAXPROCS value
	Procs []int // GOMAXPROCS values
	Jobs  int   // binaries running at once
	Seed  int   // the first run's seed; run i uses Seed+i
	// Done, if not nil, is called with each lesson's report once all its
	// runs have ended, while the other lessons still run: a long stress
	// shows what it has found so far. Calls do not overlap.
	Done func(*Report)
}

// Course stresses the solutions of lessons.
func Course(ctx context.Context, r *runner.Runner, lessons []course.Lesson, o Options) []*Report {
	dir, err := os.MkdirTemp(r.Dir, "stress-")
	reports := make([]*Report, len(lessons))
	for i, l := range lessons {
		reports[i] = &Report{Lesson: l, Err: err}
	}
	if err != nil {
		return reports
	}
	defer os.RemoveAll(dir)

	type job struct {
		report      *Report
		bin         *runner.Binary
		procs, seed int
	}
	jobs := make(chan job)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range max(o.Jobs, 1) {
		wg.Go(func() {
			for j := range jobs {
				ended, crashed, note, err := j.bin.Run(ctx, j.seed, fmt.Sprintf("GOMAXPROCS=%d", j.procs))
				mu.Lock()
				j.report.Runs++
				add := func(spec string, v verdict.Verdict, msg string) {
					j.report.Failures = append(j.report.Failures, Failure{Procs: j.procs, Seed: j.seed, Spec: spec, Verdict: v, Message: msg})
				}
				switch {
				case err != nil:
					add("(the binary did not start)", verdict.Crash, err.Error())
				case note != "":
					add("(the whole run)", verdict.Crash, note)
				}
				for _, s := range ended {
					if !s.Verdict.Passed() {
						add(s.Name, s.Verdict, s.Message)
					}
				}
				if crashed != nil {
					add(crashed.Name, crashed.Verdict, crashed.Message)
				}
				if j.report.Runs == len(o.Procs)*o.Runs && o.Done != nil {
					o.Done(j.report)
				}
				mu.Unlock()
			}
		})
	}
	for _, rep := range reports {
		bin, err := r.Build(ctx, rep.Lesson, r.Solution(rep.Lesson), dir)
		if err != nil {
			rep.Err = err
			if o.Done != nil {
				mu.Lock()
				o.Done(rep)
				mu.Unlock()
			}
			continue
		}
		for _, procs := range o.Procs {
			for i := range o.Runs {
				jobs <- job{rep, bin, procs, o.Seed + i}
			}
		}
	}
	close(jobs)
	wg.Wait()
	for _, rep := range reports {
		sort.SliceStable(rep.Failures, func(a, b int) bool {
			fa, fb := rep.Failures[a], rep.Failures[b]
			if fa.Procs != fb.Procs {
				return fa.Procs < fb.Procs
			}
			return fa.Seed < fb.Seed
		})
	}
	return reports
}
