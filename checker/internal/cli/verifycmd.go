package cli

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/checker/internal/verify"
)

func verifyCmd(ctx context.Context, s *session, args []string) int {
	lessons, err := lessonsFrom(args)
	if err != nil {
		fmt.Fprintln(s.env.Stderr, "checker verify:", err)
		return ExitUsage
	}
	start := time.Now()
	var mu sync.Mutex
	var store cache.Dir
	if !s.opts.NoCache {
		store = cache.Default()
	}
	reports := verify.Course(ctx, s.runner, lessons, verify.Options{Jobs: s.opts.Jobs, Cache: store, Progress: func(r *verify.Report) {
		mu.Lock()
		defer mu.Unlock()
		mark := s.out.Green("ok")
		if !r.OK() {
			mark = s.out.Red("FAILED")
		}
		s.out.Printf("verified %s: %s%s\n", r.Lesson.Dir, mark, cachedNote(r))
	}})
	s.out.Printf("\n")
	rows := [][]string{{"lesson", "specs", "stub", "solution", "bad variants", ""}}
	ok := true
	for _, r := range reports {
		rows = append(rows, verifyRow(s.out, r))
		ok = ok && r.OK()
	}
	render.Table(s.env.Stdout, rows)
	for _, r := range reports {
		printProblems(s.out, r, s.opts.Verbose)
	}
	race := "with -race"
	if !s.runner.Race {
		race = "WITHOUT -race"
	}
	if !ok {
		s.out.Printf("\n%s\n", s.out.Red(fmt.Sprintf("verify: problems found (%s, %s)", race, time.Since(start).Round(100*time.Millisecond))))
		return ExitFailed
	}
	s.out.Printf("\n%s\n", s.out.Green(fmt.Sprintf("verify: %d %s sound (%s, %s)", len(reports), lessonsNoun(len(reports)), race, time.Since(start).Round(100*time.Millisecond))))
	return ExitOK
}

// cachedNote says how many of a lesson's runs were taken from the result
// cache.
func cachedNote(r *verify.Report) string {
	runs := []*runner.Result{r.Stub, r.Solution}
	for _, v := range r.Variants {
		runs = append(runs, v.Result)
	}
	n := 0
	for _, res := range runs {
		if res != nil && res.Cached {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d of %d runs taken from the cache)", n, len(runs))
}

func verifyRow(p *render.Printer, r *verify.Report) []string {
	if r.Err != nil {
		return []string{r.Lesson.Dir, "", "", "", "", p.Red("error")}
	}
	specs := "?"
	if r.Solution != nil {
		specs = fmt.Sprint(len(r.Solution.Specs))
	}
	stub := fmt.Sprintf("%d/%d fail", len(r.Stub.Specs)-r.Stub.Passed(), len(r.Stub.Specs))
	if len(r.StubProblems()) > 0 {
		stub = p.Red(stub)
	}
	sol := fmt.Sprintf("%d/%d pass", r.Solution.Passed(), len(r.Solution.Specs))
	if len(r.SolutionProblems()) > 0 {
		sol = p.Red(sol)
	}
	good := 0
	for _, v := range r.Variants {
		if v.OK() {
			good++
		}
	}
	variants := fmt.Sprintf("%d/%d rejected", good, len(r.Variants))
	if good < len(r.Variants) {
		variants = p.Red(variants)
	}
	mark := p.Green("ok")
	if !r.OK() {
		mark = p.Red("FAILED")
	}
	return []string{r.Lesson.Dir, specs, stub, sol, variants, mark}
}

func printProblems(p *render.Printer, r *verify.Report, verbose bool) {
	var lines []string
	if r.Err != nil {
		lines = append(lines, r.Err.Error())
	}
	lines = append(lines, r.StubProblems()...)
	lines = append(lines, r.SolutionProblems()...)
	lines = append(lines, r.Equivalents...)
	for _, v := range r.Variants {
		if !v.OK() {
			lines = append(lines, fmt.Sprintf("bad variant %s (want %s): %s", v.Name, v.Want, v.Problem()))
		} else if verbose {
			lines = append(lines, fmt.Sprintf("bad variant %s: rejected with %s", v.Name, verify.CountsText(v.Result.Counts())))
		}
	}
	if len(lines) == 0 {
		return
	}
	p.Printf("\n%s:\n%s", r.Lesson.Dir, render.Indent(strings.Join(lines, "\n"), "  "))
	if verbose {
		for _, res := range []*runner.Result{r.Stub, r.Solution} {
			if res != nil {
				printResult(p, res, false, false)
			}
		}
	}
}

// lessonsNoun is "lesson" or "lessons", to go after n.
func lessonsNoun(n int) string {
	if n == 1 {
		return "lesson"
	}
	return "lessons"
}
