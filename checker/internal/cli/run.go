package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/explain"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

func runCmd(ctx context.Context, s *session, args []string) int {
	l, ok := oneLesson(s, "run", args)
	if !ok {
		return ExitUsage
	}
	overlay := runner.Stub()
	if s.opts.Solution {
		overlay = s.runner.Solution(l)
	}
	res, vet, err := s.runLesson(ctx, l, overlay)
	if err != nil {
		return s.envError("run", err)
	}
	printResult(s.out, res, s.opts.Verbose, false)
	s.printVetNotes(s.out, vet)
	if !s.opts.Solution {
		if err := saveProgress(s.opts.Root, res); err != nil {
			fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker: could not save progress: %v\n", err))
		}
	}
	if res.OK() {
		return ExitOK
	}
	return ExitFailed
}

// runLesson runs lesson l with overlay o for a learner: through the result
// cache, so that an unchanged lesson comes back at once, with each step
// shown on the status line. go vet starts on the lesson once the specs
// have their verdicts, so that it takes no core from them; the returned job
// delivers its findings. Cancelling ctx stops the run but not go vet, whose
// findings are cached for the next run.
func (s *session) runLesson(ctx context.Context, l course.Lesson, o runner.Overlay) (*runner.Result, *vetJob, error) {
	vet := &vetJob{}
	vetCtx := context.WithoutCancel(ctx)
	r := *s.runner
	r.Status = s.status.Step
	res, err := r.RunCached(ctx, l, o, cache.Default(), (*runner.Result).Repeatable)
	s.status.Clear()
	if err != nil || res.BuildError != "" {
		return res, nil, err
	}
	res = inTaskOrder(s.opts.Root, res)
	vet.start(vetCtx, s.runner, l, o)
	return res, vet, nil
}

// vetJob is a run of go vet on a lesson, started once.
type vetJob struct {
	once     sync.Once
	lesson   course.Lesson
	done     chan struct{}
	findings []runner.Finding
	err      error
}

func (j *vetJob) start(ctx context.Context, r *runner.Runner, l course.Lesson, o runner.Overlay) {
	j.once.Do(func() {
		j.lesson = l
		j.done = make(chan struct{})
		go func() {
			defer close(j.done)
			j.findings, j.err = r.VetCached(ctx, l, o, cache.Default())
		}()
	})
}

// printVetNotes waits for vet (nil: nothing to wait for) and writes what it
// found under a result. go vet failing is not the learner's problem: it is
// left out.
func (s *session) printVetNotes(p *render.Printer, vet *vetJob) {
	if vet == nil || vet.done == nil {
		return
	}
	select {
	case <-vet.done:
	case <-time.After(200 * time.Millisecond):
		s.status.show(msg.T(s.opts.Lang, "checking your code with go vet"))
		<-vet.done
		s.status.Clear()
	}
	if vet.err != nil || len(vet.findings) == 0 {
		return
	}
	p.Printf("%s\n", p.Yellow(p.T("Notes from go vet on your code (they do not change the verdicts):")))
	for _, f := range vet.findings {
		p.Printf("  %s: %s\n", fromRoot(vet.lesson, f.File+":"+strconv.Itoa(f.Line)), f.Message)
		if advice := explain.VetAdvice(f.Analyzer); advice != "" {
			p.Printf("%s", render.Indent(p.T(advice), "      "))
		}
	}
}

func (s *session) envError(cmd string, err error) int {
	fmt.Fprintf(s.env.Stderr, "checker %s: %v\n", cmd, err)
	if errors.Is(err, runner.ErrEnvironment) {
		return ExitEnvironment
	}
	return ExitFailed
}

func saveProgress(root string, res *runner.Result) error {
	st, err := progress.Load(root)
	if err != nil {
		return err
	}
	// The hints shown so far stay shown: the next hint goes on from them.
	p := st.Lessons[res.Lesson.Dir]
	p.Passed, p.Total, p.At = res.Passed(), len(res.Specs), time.Now().UTC().Truncate(time.Second)
	st.Lessons[res.Lesson.Dir] = p
	return st.Save(root)
}

// printResult writes a lesson's result: one line per spec, a short block
// under each failure, and a summary line. watching says that watch mode
// shows it: the way to run the lesson again is then to save, not make.
func printResult(p *render.Printer, res *runner.Result, verbose bool, watching bool) {
	l := res.Lesson
	p.Printf("%s %s\n", p.Bold(l.Number), p.Bold(l.TitleIn(p.Lang)))
	if res.BuildTimedOut {
		p.Printf("%s", render.Indent(res.BuildError, "  "))
	} else if res.BuildError != "" {
		p.Printf("  %s %s", p.Verdict(verdict.BuildError), p.Tf("%s does not compile:\n", l.LessonPath()))
		errs := explain.BuildErrors(res.BuildError, 10)
		if verbose {
			errs = strings.Split(strings.TrimSpace(res.BuildError), "\n")
		}
		p.Printf("%s", render.Indent(explain.WithSource(strings.Join(errs, "\n"), res.Sources), "      "))
	}
	if len(res.Forbidden) > 0 {
		p.Printf("  %s %s", p.Verdict(verdict.Forbidden), p.T("your code uses what this lesson does not allow, so no spec was run:\n"))
		p.Printf("%s", render.Indent(strings.Join(res.Forbidden, "\n"), "      "))
		p.Say("      (the rules: docs/SECURITY.md)\n")
	}
	if res.Tampered != "" {
		p.Printf("  %s %s", p.Verdict(verdict.Tampered), p.Tf("the run's records cannot be trusted: %s\n", res.Tampered))
	}
	todos := untouchedTODOs(res.Specs)
	var shown explained // -v shows every block whole
	if !verbose {
		shown = explained{}
	}
	for _, sp := range res.Specs {
		if sp.Verdict == verdict.Forbidden || sp.Verdict == verdict.Tampered {
			continue
		}
		todo, isTODO := untouchedTODO(sp)
		if isTODO && !verbose {
			// A spec stopped by a TODO still in the stub is one line,
			// marked todo (the word is for the eye; its verdict stays
			// panic). The TODO itself is shown once, under the first spec
			// that reached it.
			p.Printf("  %s %s\n", p.Verdict(todoMark), msg.Spec(p.Lang, sp.Name))
			if where, first := todos[todo]; first {
				delete(todos, todo)
				todo := msg.Spec(p.Lang, todo)
				line := "TODO: " + todo
				if where != "" {
					line = p.Tf("TODO at %s: %s", fromRoot(l, where), todo)
				}
				p.Printf("%s", render.Indent(line, "                "))
			}
			continue
		}
		p.Printf("  %s %s\n", p.Verdict(sp.Verdict), msg.Spec(p.Lang, sp.Name))
		if sp.Verdict.Passed() || sp.Verdict == verdict.NotRun && !verbose {
			continue
		}
		block := shown.once(fromRoot(l, feedback(p, sp, l, res.Sources, shown)), msg.Spec(p.Lang, sp.Name), func(first string) string {
			return p.Tf("The same failure as under “%s” above.\n", first)
		})
		p.Printf("%s", render.Indent(explain.WithSource(block, res.Sources), "                "))
	}
	if res.Note != "" {
		p.Printf("  %s\n", p.Red(p.T(res.Note)))
	}
	if verbose && res.Raw != "" {
		p.Say("\n--- go test output ---\n%s\n", res.Raw)
	}
	p.Printf("%s\n", summary(p, res, watching))
}

// explained remembers, while a result is printed, what a failure above has
// explained already (an explanation, or a whole block) and under which
// spec, so that one mistake that fails several specs is explained once. A
// nil explained remembers nothing: everything is shown (-v).
type explained map[string]string

// once returns text if no spec above has shown it, and remembers it as
// shown under spec; otherwise it returns what ref says of the spec that
// showed it.
func (e explained) once(text, spec string, ref func(first string) string) string {
	if first, ok := e[text]; ok {
		return ref(first)
	}
	if e != nil {
		e[text] = spec
	}
	return text
}

// feedback is the block shown under a failed spec; sources are the
// learner's files that were compiled (base name → path). An explanation
// already in shown is named, not repeated; a nil shown asks for everything
// (-v).
func feedback(p *render.Printer, sp runner.Spec, l course.Lesson, sources map[string]string, shown explained) string {
	verbose := shown == nil
	var b strings.Builder
	text := msg.Feedback(p.Lang, sp.Message)
	var race []string
	if sp.Verdict == verdict.Race {
		var waitGroup bool
		race, waitGroup = explain.Race(p.Lang, sp.Output, l.Dir, l.Stubs)
		switch {
		case waitGroup && strings.HasPrefix(sp.Message, "DATA RACE: "):
			// Nothing but the race failed: the advice to guard shared
			// data would send the learner the wrong way.
			text = p.T(explain.WaitGroupRace)
		case waitGroup:
			race = append(race, p.T(explain.WaitGroupAdvice))
		}
	}
	if !verbose {
		text = trimLines(p, text, 12+timelineLines(p, text))
	}
	b.WriteString(text)
	b.WriteString("\n")
	switch sp.Verdict {
	case verdict.Race:
		for _, line := range race {
			b.WriteString(line + "\n")
		}
	case verdict.Timeout, verdict.Leak:
		if detail := msg.Feedback(p.Lang, sp.Detail); detail != "" && !strings.Contains(text, detail) {
			b.WriteString(trimLines(p, detail, 8) + "\n")
		}
		if strings.HasPrefix(sp.Message, "DEADLOCK: ") {
			// Only a deadlock's lines follow each stack through the
			// learner's calls, which the explanation needs.
			for _, line := range explain.Deadlock(p.Lang, sp.Detail, sources) {
				line = shown.once(line, msg.Spec(p.Lang, sp.Name), func(first string) string {
					return p.Tf("The cause is explained under “%s” above.", first)
				})
				b.WriteString(line + "\n")
			}
		}
	}
	if sp.Where != "" && !strings.Contains(b.String(), sp.Where) {
		b.WriteString(p.Tf("at %s\n", sp.Where))
	}
	if verbose {
		if sp.Detail != "" && sp.Verdict != verdict.Timeout && sp.Verdict != verdict.Leak {
			b.WriteString(sp.Detail + "\n")
		}
		if sp.Output != "" {
			b.WriteString(p.T("output:\n") + sp.Output)
		}
	}
	return b.String()
}

// timelineHeading heads the picture of who ran when that a spec helper's
// gauge draws under a failed expectation (spec.TimelineHeading).
const timelineHeading = "When each one ran, on the fake clock (# running):"

// timelineLines counts the lines of the gauge's picture in a message: its
// heading, its rows and its time axis. They do not count against the lines
// a failure shows without -v: the picture is the point of the message.
func timelineLines(p *render.Printer, text string) int {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if !strings.Contains(line, p.T(timelineHeading)) && !strings.Contains(line, timelineHeading) {
			continue
		}
		n := 1
		for _, row := range lines[i+1:] {
			n++
			if !timelineRow.MatchString(row) {
				break // the axis under the rows
			}
		}
		return n
	}
	return 0
}

var timelineRow = regexp.MustCompile(`[#.|>]{8,}\s*$`)

func trimLines(p *render.Printer, s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + p.Tf("\n… %d more lines (-v shows all)", len(lines)-n)
}

func summary(p *render.Printer, res *runner.Result, watching bool) string {
	l := res.Lesson
	total := len(res.Specs)
	cached := ""
	if res.Cached {
		cached = p.T(", cached")
	}
	switch {
	case res.BuildTimedOut && watching:
		return p.Red(p.Tf("%s: not run: the build did not finish in time. Press r to try again.", l.Dir))
	case res.BuildTimedOut:
		return p.Red(p.Tf("%s: not run: the build did not finish in time. Run make lesson-%s again.", l.Dir, l.Number))
	case res.BuildError != "" && watching:
		return p.Red(p.Tf("%s: does not compile. Fix the first error above and save: watch runs it again.", l.Dir))
	case res.BuildError != "":
		return p.Red(p.Tf("%s: does not compile. Fix the first error above and run make lesson-%s again.", l.Dir, l.Number))
	case len(res.Forbidden) > 0 && watching:
		return p.Red(p.Tf("%s: not run: change the lines above to use only what the lesson allows, then save: watch runs it again.", l.Dir))
	case len(res.Forbidden) > 0:
		return p.Red(p.Tf("%s: not run: change the lines above to use only what the lesson allows, then run make lesson-%s again.", l.Dir, l.Number))
	case res.Tampered != "":
		return p.Red(p.Tf("%s: not graded: the test binary's records were tampered with.", l.Dir))
	case total == 0 || res.Passed() == 0 && res.Counts()[verdict.NotRun] == total:
		why := p.T(res.Note)
		if why == "" {
			why = p.T("the test binary ran no spec")
		}
		again := p.Tf("\nRun make lesson-%s again; if it says the same, run bin/checker run -v %s to see everything the test binary printed.", l.Number, l.Number)
		if watching {
			again = p.Tf("\n%s; if it says the same, run bin/checker run -v %s to see everything the test binary printed.", p.T("Press r to run it again"), l.Number)
		}
		return p.Red(p.Tf("%s: no spec ran: %s (%s).", l.Dir, why, res.Elapsed.Round(10*time.Millisecond))) + again
	case res.OK():
		return p.Green(p.Tf("%s: all %d specs pass (%s%s).", l.Dir, total, res.Elapsed.Round(10*time.Millisecond), cached))
	}
	counts := res.Counts()
	todos := 0
	for _, sp := range res.Specs {
		if _, ok := untouchedTODO(sp); ok {
			todos++
		}
	}
	counts[verdict.Panic] -= todos
	counts[todoMark] = todos
	var parts []string
	for _, v := range append(slices.Clone(verdict.All), todoMark) {
		if v != verdict.Pass && counts[v] > 0 {
			parts = append(parts, p.Tf("%d %s", counts[v], p.T(string(v))))
		}
	}
	next := p.Tf("\nFix the first failure above, then make lesson-%s again. The lesson: %s/README.md. Stuck? make hint-%s", l.Number, l.LessonPath(), l.Number)
	if watching {
		next = p.Tf("\nFix the first failure above and save: watch runs it again. The lesson: %s/README.md. Stuck? Press h for a hint.", l.LessonPath())
	}
	return p.Red(p.Tf("%s: %d of %d specs pass; %s (%s%s).", l.Dir, res.Passed(), total, strings.Join(parts, ", "), res.Elapsed.Round(10*time.Millisecond), cached)) + next
}

// inTaskOrder returns res with its specs in the order of the tasks of the
// lesson's README (see course.ReadTasks), so that the first failure shown
// is in the first task not yet done; specs of one task, and those of no
// task, keep their order. Without a README, res is returned as it is.
func inTaskOrder(root string, res *runner.Result) *runner.Result {
	readme, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(res.Lesson.LessonPath()), "README.md"))
	if err != nil {
		return res
	}
	tasks := course.ReadTasks(string(readme))
	rank := func(sp runner.Spec) int {
		if i := course.TaskOf(tasks, sp.Name, sp.File); i >= 0 {
			return i
		}
		return len(tasks)
	}
	ordered := *res
	ordered.Specs = slices.Clone(res.Specs)
	slices.SortStableFunc(ordered.Specs, func(a, b runner.Spec) int { return rank(a) - rank(b) })
	return &ordered
}

// todoMark is the word that marks a spec stopped by an untouched TODO in
// the run's output and summary. It is not a verdict: the spec's verdict is
// panic, as grading records it.
const todoMark verdict.Verdict = "todo"

// untouchedTODO returns the text of the TODO that sp panicked with, "Start:
// run target(arg) in a new goroutine…", when sp failed only because the
// stub still panics where the learner is to write code.
func untouchedTODO(sp runner.Spec) (string, bool) {
	if sp.Verdict != verdict.Panic || strings.Contains(sp.Message, "\n") {
		return "", false
	}
	return strings.CutPrefix(sp.Message, "PANIC: TODO: ")
}

// untouchedTODOs returns every untouched TODO that specs reached (see
// untouchedTODO), with the first place in the learner's files that one of
// them located it ("" if none did).
func untouchedTODOs(specs []runner.Spec) map[string]string {
	todos := map[string]string{}
	for _, sp := range specs {
		if todo, ok := untouchedTODO(sp); ok && todos[todo] == "" {
			todos[todo] = sp.Where
		}
	}
	return todos
}

// fromRoot rewrites each bare "file.go:28" in text that names a file of
// the lesson's directory (one of its stub files, or a spec file,
// "…_test.go") as a path from the kit's root,
// "lessons/01-goroutines/file.go:28", as build errors show it, so that
// editors and terminals can open it.
func fromRoot(l course.Lesson, text string) string {
	names := []string{`[A-Za-z0-9_]+_test\.go`}
	for _, stub := range l.Stubs {
		names = append(names, regexp.QuoteMeta(path.Base(stub)))
	}
	bare := regexp.MustCompile(`(^|[^A-Za-z0-9_./-])((?:` + strings.Join(names, "|") + `):\d+)`)
	return bare.ReplaceAllString(text, "${1}"+l.LessonPath()+"/${2}")
}
