package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/mutate"
	"github.com/threadlings/threadlings/checker/internal/render"
)

func mutateFlags(fs *pflag.FlagSet, o *Options) {
	raceFlag(fs, o)
	var ops strings.Builder
	for _, op := range mutate.Operators {
		fmt.Fprintf(&ops, "\n  %-16s %s", op.Name, op.Doc)
	}
	fs.StringVar(&o.Ops, "ops", "", "operators to use, comma-separated (default: all):"+ops.String())
	fs.StringVar(&o.Only, "only", "", "run only these mutants, by ID, comma-separated (IDs as --list shows them)")
	fs.IntVar(&o.Max, "max", 0, "run only the first N mutants of each lesson (0: all)")
	fs.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), "mutants run at once")
	fs.BoolVar(&o.List, "list", false, "show each mutant as a diff, run none")
	fs.BoolVar(&o.Check, "check", false, "run only the mutants listed as equivalent (solutions/NN-topic/"+mutate.EquivalentFile+") and check that each still exists and survives")
	fs.StringVar(&o.Format, "format", "text", "what to print: text, or markdown (the quality table with every survivor as a diff)")
	fs.StringVar(&o.Quality, "quality", "", "also write the markdown quality table to this file (docs/QUALITY.md)")
	fs.BoolVarP(&o.Verbose, "verbose", "v", false, "show every mutant: how each was killed, and why each invalid one does not compile")
	fs.BoolVar(&o.NoCache, "no-cache", false, "run every mutant, even those whose inputs are unchanged since they last ran")
}

func mutateCmd(ctx context.Context, s *session, args []string) int {
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(s.env.Stderr, "checker mutate: "+format+"\n", a...)
		return code
	}
	lessons, err := lessonsFrom(args)
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	ops, err := mutate.ParseOps(s.opts.Ops)
	if err != nil {
		return fail(ExitUsage, "--ops: %v", err)
	}
	if s.opts.Ops == "" {
		ops = nil
	}
	if s.opts.Format != "text" && s.opts.Format != "markdown" {
		return fail(ExitUsage, "--format must be text or markdown, not %q", s.opts.Format)
	}
	if s.opts.Max < 0 {
		return fail(ExitUsage, "--max must not be negative")
	}
	if s.opts.List {
		return listMutants(s, lessons, ops)
	}
	var store cache.Dir
	if !s.opts.NoCache {
		store = cache.Default()
	}
	start := time.Now()
	var (
		mu   sync.Mutex
		done int
	)
	var only map[string]bool
	if s.opts.Only != "" {
		only = map[string]bool{}
		for _, id := range strings.Split(s.opts.Only, ",") {
			only[strings.TrimSpace(id)] = true
		}
	}
	o := mutate.Options{Ops: ops, Jobs: s.opts.Jobs, Max: s.opts.Max, Only: only, Cache: store, Progress: func(out mutate.Outcome) {
		mu.Lock()
		defer mu.Unlock()
		done++
		s.status.show(fmt.Sprintf("mutant %d: %s %s %s", done, out.Lesson.Number, out.ID, out.Status))
	}}
	var reports []*mutate.Report
	if s.opts.Check {
		for _, l := range lessons {
			eq, err := mutate.ReadEquivalents(s.opts.Root, l)
			if err != nil {
				return fail(ExitEnvironment, "%v", err)
			}
			only := map[string]bool{}
			for id := range eq {
				only[id] = true
			}
			lo := o
			lo.Only = only
			reports = append(reports, mutate.Run(ctx, s.runner, []course.Lesson{l}, lo)...)
		}
	} else {
		reports = mutate.Run(ctx, s.runner, lessons, o)
	}
	s.status.Clear()

	var rows []mutate.QualityRow
	for _, r := range reports {
		n, err := mutate.ContractSentences(s.opts.Root, r.Lesson)
		if err != nil && r.Err == nil {
			r.Err = err
		}
		rows = append(rows, mutate.Row(r, n))
	}
	header := qualityHeader(s, ops)
	if s.opts.Quality != "" {
		path := s.opts.Quality
		if !filepath.IsAbs(path) {
			path = filepath.Join(s.env.Dir, path)
		}
		if err := writeAtomic(path, mutate.Markdown(header, rows, reports)); err != nil {
			return fail(ExitEnvironment, "%v", err)
		}
	}
	if s.opts.Format == "markdown" {
		fmt.Fprint(s.env.Stdout, mutate.Markdown(header, rows, reports))
	} else {
		printMutateText(s, rows, reports)
	}

	code := ExitOK
	for _, r := range reports {
		switch {
		case r.Err != nil:
			code = ExitEnvironment
		case !r.OK() && code == ExitOK:
			code = ExitFailed
		}
	}
	if s.opts.Format == "text" {
		took := time.Since(start).Round(100 * time.Millisecond)
		switch code {
		case ExitOK:
			s.out.Printf("\n%s\n", s.out.Green(fmt.Sprintf("mutate: no mutant survived (%s)", took)))
		case ExitFailed:
			s.out.Printf("\n%s\n", s.out.Red(fmt.Sprintf("mutate: mutants survived, or the list of equivalents is out of date (%s)", took)))
		default:
			s.out.Printf("\n%s\n", s.out.Red(fmt.Sprintf("mutate: some lessons could not be mutation-tested (%s)", took)))
		}
	}
	return code
}

// qualityHeader says how the numbers were made.
func qualityHeader(s *session, ops []string) string {
	race := "with -race"
	if !s.runner.Race {
		race = "WITHOUT -race"
	}
	what := "every operator"
	if len(ops) > 0 {
		what = "operators " + strings.Join(ops, ", ")
	}
	if s.opts.Max > 0 {
		what += fmt.Sprintf(", the first %d mutants of each lesson", s.opts.Max)
	}
	if s.opts.Check {
		what += ", only the mutants listed as equivalent"
	}
	return fmt.Sprintf("Measured %s, %s, %s.", time.Now().UTC().Format("2006-01-02"), race, what)
}

func printMutateText(s *session, rows []mutate.QualityRow, reports []*mutate.Report) {
	table := [][]string{{"lesson", "specs", "sentences", "mutants", "killed", "equivalent", "invalid", "survived", "score"}}
	for i, row := range rows {
		if reports[i].Err != nil {
			table = append(table, []string{row.Lesson.Dir, "", "", "", "", "", "", "", s.out.Red("error")})
			continue
		}
		survived := strconv.Itoa(row.Survived)
		score := mutate.Percent(row.Score)
		if row.Survived > 0 {
			survived, score = s.out.Red(survived), s.out.Red(score)
		}
		table = append(table, []string{row.Lesson.Dir, strconv.Itoa(row.Specs), strconv.Itoa(row.Sentences), strconv.Itoa(row.Mutants),
			strconv.Itoa(row.Killed), strconv.Itoa(row.Equivalent), strconv.Itoa(row.Invalid), survived, score})
	}
	render.Table(s.env.Stdout, table)
	for _, r := range reports {
		var lines []string
		if r.Err != nil {
			lines = append(lines, r.Err.Error())
		}
		lines = append(lines, r.Problems...)
		for _, o := range r.Outcomes {
			switch {
			case o.Status == mutate.Survived:
				lines = append(lines, fmt.Sprintf("%s %s (line %d): %s\n%s", s.out.Red("SURVIVED"), o.ID, o.Line, o.What, render.Indent(o.Diff, "  ")))
			case o.Status == mutate.Errored:
				lines = append(lines, fmt.Sprintf("%s %s: %s", s.out.Red("NOT RUN"), o.ID, o.Why))
			case s.opts.Verbose:
				lines = append(lines, fmt.Sprintf("%s %s (line %d): %s: %s", o.Status, o.ID, o.Line, o.What, o.Why))
			}
		}
		if len(lines) > 0 {
			s.out.Printf("\n%s:\n%s", r.Lesson.Dir, render.Indent(strings.Join(lines, "\n"), "  "))
		}
	}
}

// listMutants shows the mutants of each lesson without running them.
func listMutants(s *session, lessons []course.Lesson, ops []string) int {
	code := ExitOK
	for _, l := range lessons {
		ms, err := mutate.Generate(s.opts.Root, l, ops)
		if err != nil {
			fmt.Fprintf(s.env.Stderr, "checker mutate: %s: %v\n", l.Dir, err)
			code = ExitEnvironment
			continue
		}
		if s.opts.Max > 0 && len(ms) > s.opts.Max {
			ms = ms[:s.opts.Max]
		}
		s.out.Printf("%s: %d mutants\n", l.Dir, len(ms))
		for _, m := range ms {
			s.out.Printf("\n%s (line %d): %s\n%s", m.ID, m.Line, m.What, m.Diff)
		}
		s.out.Printf("\n")
	}
	return code
}

// writeAtomic writes text to path through a temporary file in the same
// directory.
func writeAtomic(path, text string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".quality-*")
	if err != nil {
		return err
	}
	_, werr := tmp.WriteString(text)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
