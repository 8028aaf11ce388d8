package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/threadlings/threadlings/checker/internal/grade"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/sandbox"
	"github.com/threadlings/threadlings/checker/internal/stress"
)

func stressCmd(ctx context.Context, s *session, args []string) int {
	lessons, err := lessonsFrom(args)
	if err != nil {
		fmt.Fprintln(s.env.Stderr, "checker stress:", err)
		return ExitUsage
	}
	var procs []int
	for _, f := range strings.Split(s.opts.Procs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fmt.Fprintf(s.env.Stderr, "checker stress: --procs: %q is not a positive number\n", f)
			return ExitUsage
		}
		procs = append(procs, n)
	}
	if s.opts.Runs < 1 {
		fmt.Fprintln(s.env.Stderr, "checker stress: -n must be at least 1")
		return ExitUsage
	}
	if s.opts.Sandbox {
		ok, why := sandbox.Available()
		if !ok {
			fmt.Fprintln(s.env.Stderr, "checker stress: --sandbox:", why)
			return ExitEnvironment
		}
		// As grading runs student code: in the sandbox, with a clean
		// environment and grading's limits.
		s.runner.CleanEnv, s.runner.MaxMemory, s.runner.MaxProcs = true, grade.DefaultMaxMemory, grade.DefaultMaxProcs
		s.runner.Sandbox = func(binary string) []string {
			return sandbox.Command(sandbox.Options{
				Keep: []string{s.opts.Root}, Hide: []string{filepath.Join(s.opts.Root, "solutions")}, Show: []string{filepath.Dir(binary)},
				FileSize: sandbox.DefaultFileSize, OpenFiles: sandbox.DefaultOpenFiles,
			})
		}
	}
	start := time.Now()
	// Each lesson's count goes to standard error as it ends: a run of
	// many lessons takes long, and the table comes only at the end.
	done := func(r *stress.Report) {
		elapsed := time.Since(start).Round(time.Second)
		switch {
		case r.Err != nil:
			fmt.Fprintf(s.env.Stderr, "stress: %s did not build (%s)\n", r.Lesson.Dir, elapsed)
		default:
			fmt.Fprintf(s.env.Stderr, "stress: %s: %d runs, %d failed (%s)\n", r.Lesson.Dir, r.Runs, r.FailedRuns(), elapsed)
		}
	}
	reports := stress.Course(ctx, s.runner, lessons, stress.Options{Runs: s.opts.Runs, Procs: procs, Jobs: s.opts.Jobs, Seed: s.opts.Seed, Done: done})
	rows := [][]string{{"lesson", "runs", "failed runs", "failures"}}
	ok := true
	for _, r := range reports {
		if r.Err != nil {
			ok = false
			rows = append(rows, []string{r.Lesson.Dir, "0", "", s.out.Red("did not build")})
			continue
		}
		mark := s.out.Green("0")
		if r.FailedRuns() > 0 {
			ok = false
			mark = s.out.Red(strconv.Itoa(r.FailedRuns()))
		}
		rows = append(rows, []string{r.Lesson.Dir, strconv.Itoa(r.Runs), mark, failureSummary(r)})
	}
	s.out.Printf("stress: %d runs per lesson at GOMAXPROCS=%s, shuffled, race detector %s\n\n", s.opts.Runs*len(procs), s.opts.Procs, onOff(s.runner.Race))
	render.Table(s.env.Stdout, rows)
	for _, r := range reports {
		var lines []string
		if r.Err != nil {
			lines = append(lines, r.Err.Error())
		}
		for i, f := range r.Failures {
			if i == 10 {
				lines = append(lines, fmt.Sprintf("… and %d more", len(r.Failures)-10))
				break
			}
			lines = append(lines, fmt.Sprintf("GOMAXPROCS=%d seed=%d %s: %s: %s", f.Procs, f.Seed, f.Verdict, f.Spec, firstLine(f.Message)))
		}
		if len(lines) > 0 {
			s.out.Printf("\n%s:\n%s", r.Lesson.Dir, render.Indent(strings.Join(lines, "\n"), "  "))
		}
	}
	elapsed := time.Since(start).Round(100 * time.Millisecond)
	if !ok {
		s.out.Printf("\n%s\n", s.out.Red(fmt.Sprintf("stress: flaky specs found (%s). Re-run one with THREADLINGS_SEED and GOMAXPROCS as shown.", elapsed)))
		return ExitFailed
	}
	s.out.Printf("\n%s\n", s.out.Green(fmt.Sprintf("stress: no failures (%s)", elapsed)))
	return ExitOK
}

// failureSummary names the specs that failed and how often, e.g.
// "Join waits (timeout ×2)".
func failureSummary(r *stress.Report) string {
	counts := map[string]int{}
	var order []string
	for _, f := range r.Failures {
		key := fmt.Sprintf("%s (%s", f.Spec, f.Verdict)
		if counts[key] == 0 {
			order = append(order, key)
		}
		counts[key]++
	}
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s ×%d)", k, counts[k]))
	}
	return strings.Join(parts, "; ")
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
