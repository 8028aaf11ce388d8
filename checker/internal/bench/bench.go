// Package bench measures the kit on the machine it runs on: a learner's
// edit-to-verdict time for every lesson, through make and beside raw go
// test; checker verify of the whole course; and grading the fixture class
// of the end-to-end tests, with one job, with every core, and beside a naive
// loop. Report.Markdown writes the figures as docs/PERFORMANCE.md.
//
// Every measurement runs in a copy of the kit in a temporary directory, so
// the kit it measures is left as it was.
package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/sandbox"
	"github.com/threadlings/threadlings/checker/internal/verify"
)

// Sections names the parts of a bench, in the order they run.
var Sections = []string{"first", "edit", "verify", "grade", "sandbox", "gradescope"}

// Options configure a bench.
type Options struct {
	Root string // the kit to measure, absolute
	Runs int    // timed runs of each measurement; the figure is their median
	// SlowRuns is the number of timed runs of the measurements that take
	// minutes each: verify without its result cache, warm and cold, and
	// the naive grading loop. Runs if zero.
	SlowRuns int
	Sections []string  // which of Sections to run; all if empty
	Lessons  []string  // lesson directories for the edit section; all if empty
	Log      io.Writer // progress, one line per timed run
}

// Report holds the figures of one bench.
type Report struct {
	Machine  Machine
	Runs     int
	SlowRuns int
	Edit     []EditRow
	// FirstRun is make lesson-01 with an empty build cache: a learner's
	// first run on a fresh machine.
	FirstRun *Row
	Verify   []Row
	// Gradescope is one submission graded warm by the Gradescope bundle,
	// and checker run of the same lessons with the same files.
	Gradescope []Row
	Grade      []Row
	// Sandbox is grading the class with every core, in the sandbox and
	// without it, taking turns.
	Sandbox []Row
	// GradeLessons is how many student-lessons grading the class scores.
	GradeLessons int
	Breakdown    *Breakdown // where the time of one raw edit-to-verdict goes
	Elapsed      time.Duration
	// Measured says, for each section with figures, which bench measured
	// them: this one, or an earlier one whose figures Carry kept.
	Measured map[string]Provenance
}

// Provenance is the bench that measured a section: its machine and how
// many runs each figure is the median of.
type Provenance struct {
	Machine        Machine
	Runs, SlowRuns int
}

// Carry copies into r the sections of an earlier report prev that r did
// not measure, with prev's provenance for each, so that a bench of a few
// sections leaves a whole report.
func (r *Report) Carry(prev *Report) {
	if r.Measured == nil {
		r.Measured = map[string]Provenance{}
	}
	for _, s := range Sections {
		from, ok := prev.Measured[s]
		if _, have := r.Measured[s]; have || !ok {
			continue
		}
		r.Measured[s] = from
		switch s {
		case "first":
			r.FirstRun = prev.FirstRun
		case "edit":
			r.Edit, r.Breakdown = prev.Edit, prev.Breakdown
		case "verify":
			r.Verify = prev.Verify
		case "grade":
			r.Grade, r.GradeLessons = prev.Grade, prev.GradeLessons
		case "sandbox":
			r.Sandbox = prev.Sandbox
			if r.GradeLessons == 0 {
				r.GradeLessons = prev.GradeLessons
			}
		case "gradescope":
			r.Gradescope = prev.Gradescope
		}
	}
}

// Row is one measurement: its timed runs and their median.
type Row struct {
	Name  string
	Times []time.Duration // wall time of each run
	CPU   []time.Duration // processor time of each run, when recorded
}

// Median returns the median of the row's times.
func (r Row) Median() time.Duration { return median(r.Times) }

// Cores returns how many cores the row's runs kept busy on average: the
// median processor time over the median wall time; 0 if not recorded.
func (r Row) Cores() float64 {
	if len(r.CPU) == 0 || r.Median() == 0 {
		return 0
	}
	return median(r.CPU).Seconds() / r.Median().Seconds()
}

// EditRow is the edit-to-verdict time of one lesson, through the checker
// and through raw go test.
type EditRow struct {
	Lesson       string
	Checker, Raw Row // to the verdict; raw go test's verdict is its exit
	// Exit is the checker to its exit, after go vet's notes.
	Exit Row
}

// Ratio is the checker's median over raw go test's.
func (e EditRow) Ratio() float64 {
	return e.Checker.Median().Seconds() / e.Raw.Median().Seconds()
}

func median(ts []time.Duration) time.Duration {
	if len(ts) == 0 {
		return 0
	}
	s := slices.Clone(ts)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// bench is one run of Run.
type bench struct {
	o        Options
	kit      string // the copy of the kit
	tmp      string
	rep      *Report
	base     []string // environment of every command
	students []string // the fixture class, once made
	graded   int      // gradings so far, each into an output directory of its own
	// cpu is the processor time of the commands run since timed last
	// cleared it: theirs and their children's, user and system.
	cpu time.Duration
}

// Run measures the kit at o.Root.
func Run(ctx context.Context, o Options) (*Report, error) {
	start := time.Now()
	if o.Runs < 1 {
		o.Runs = 5
	}
	if o.SlowRuns < 1 {
		o.SlowRuns = o.Runs
	}
	if len(o.Sections) == 0 {
		o.Sections = Sections
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	tmp, err := os.MkdirTemp("", "threadlings-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	b := &bench{o: o, tmp: tmp, kit: filepath.Join(tmp, "kit"), rep: &Report{Runs: o.Runs, SlowRuns: o.SlowRuns}}
	// Every command sees the environment a learner's shell has, without a
	// result cache the bench did not ask for.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "THREADLINGS_") && !strings.HasPrefix(kv, "GORACE=") {
			b.base = append(b.base, kv)
		}
	}
	b.base = append(b.base, "THREADLINGS_CACHE=off", "NO_COLOR=1")
	if b.rep.Machine, err = machine(ctx, o.Root); err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Log, "bench: %s, %d cores, %s\n", b.rep.Machine.CPU, b.rep.Machine.Cores, b.rep.Machine.Go)
	if err := copyKit(o.Root, b.kit); err != nil {
		return nil, err
	}
	if _, err := b.run(ctx, b.kit, nil, "make", "-s", "build"); err != nil {
		return nil, err
	}
	for _, s := range o.Sections {
		var err error
		switch s {
		case "first":
			err = b.firstRun(ctx)
		case "edit":
			err = b.edit(ctx)
		case "verify":
			err = b.verify(ctx)
		case "grade":
			err = b.grade(ctx)
		case "sandbox":
			err = b.sandboxCost(ctx)
		case "gradescope":
			err = b.gradescope(ctx)
		default:
			err = fmt.Errorf("no section %q (want one of %s)", s, strings.Join(Sections, ", "))
		}
		if err != nil {
			return nil, err
		}
		if b.rep.Measured == nil {
			b.rep.Measured = map[string]Provenance{}
		}
		b.rep.Measured[s] = Provenance{Machine: b.rep.Machine, Runs: o.Runs, SlowRuns: o.SlowRuns}
	}
	b.rep.Elapsed = time.Since(start)
	return b.rep, nil
}

// run runs a command in dir with the bench's environment and env, and
// returns how long it took. A command that exits non-zero is not an error:
// failing specs are what a stub is for. Only a command that cannot start,
// or is killed, is.
func (b *bench) run(ctx context.Context, dir string, env []string, name string, args ...string) (time.Duration, error) {
	return b.runMarked(ctx, dir, env, nil, name, args...)
}

// runMarked is run, with m, if not nil, told when the command's output
// first holds a line it looks for.
func (b *bench) runMarked(ctx context.Context, dir string, env []string, m *marker, name string, args ...string) (time.Duration, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(slices.Clone(b.base), env...)
	var out strings.Builder
	start := time.Now()
	cmd.Stdout, cmd.Stderr = &out, &out
	if m != nil {
		m.start, m.at, m.partial = start, 0, ""
		cmd.Stdout = io.MultiWriter(&out, m)
	}
	err := cmd.Run()
	d := time.Since(start)
	if cmd.ProcessState != nil {
		// The child's usage includes that of its children it waited for:
		// the compiler, linker and test binaries under go test.
		b.cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	// Exit status 1 is a verdict: specs failed, or the checker found a
	// problem. make exits 2 when its recipe failed, and names the recipe's
	// status.
	var exit *exec.ExitError
	if errors.As(err, &exit) && (exit.ExitCode() == 1 ||
		name == "make" && exit.ExitCode() == 2 && strings.Contains(out.String(), "] Error 1\n")) {
		err = nil
	}
	if err != nil {
		return d, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(out.String(), 2000))
	}
	return d, nil
}

// A marker notes when a command's output first holds a whole line that
// matches its pattern: for the checker, the summary line that gives the
// verdict, which comes before go vet's notes and the exit.
type marker struct {
	pattern *regexp.Regexp
	start   time.Time
	at      time.Duration // since start; 0 until the line is seen
	partial string        // the start of a line not yet ended
}

func (m *marker) Write(p []byte) (int, error) {
	if m.at != 0 {
		return len(p), nil
	}
	lines := strings.Split(m.partial+string(p), "\n")
	m.partial = lines[len(lines)-1]
	for _, line := range lines[:len(lines)-1] {
		if m.pattern.MatchString(line) {
			m.at = time.Since(m.start)
			break
		}
	}
	return len(p), nil
}

// verdictLine is the checker's summary of a run: "01-goroutines: 0 of 27
// specs pass; …".
var verdictLine = regexp.MustCompile(`^\d\d-[a-z-]+: `)

// timed runs f n times and logs each time under name.
func (b *bench) timed(name string, n int, f func(i int) (time.Duration, error)) (Row, error) {
	row := Row{Name: name}
	for i := range n {
		b.cpu = 0
		d, err := f(i)
		if err != nil {
			return row, err
		}
		row.Times = append(row.Times, d)
		row.CPU = append(row.CPU, b.cpu)
		fmt.Fprintf(b.o.Log, "  %-40s run %d: %6.2fs (%.2f cores busy)\n", name, i+1, d.Seconds(), b.cpu.Seconds()/d.Seconds())
	}
	return row, nil
}

// edit measures, for each lesson, the time from a saved edit of the stub
// to the verdict: through make lesson-NN, and through go test -race of the
// same package, alternating which goes first.
func (b *bench) edit(ctx context.Context) error {
	fmt.Fprintln(b.o.Log, "edit-to-verdict:")
	n := 0
	for _, l := range course.Lessons() {
		if len(b.o.Lessons) > 0 && !slices.Contains(b.o.Lessons, l.Dir) {
			continue
		}
		file := filepath.Join(b.kit, l.LessonPath(), l.Stubs[0])
		orig, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		// An edit is a real change of code, a new function: the package,
		// the test binary and the link are all made again, as after a
		// learner's save.
		save := func() error {
			n++
			return appendFunc(file, orig, n)
		}
		// Through make, the time to the verdict, and to the exit after go
		// vet's notes, kept apart. The checker keeps its result cache, as
		// on a learner's machine: no edit is ever answered from it, but it
		// remembers that the lesson has built here.
		learner := []string{"THREADLINGS_CACHE=" + filepath.Join(b.tmp, "learner-cache")}
		var exits []time.Duration
		viaMake := func() (time.Duration, error) {
			if err := save(); err != nil {
				return 0, err
			}
			m := &marker{pattern: verdictLine}
			d, err := b.runMarked(ctx, b.kit, learner, m, "make", "-s", "lesson-"+l.Dir[:2])
			if err == nil && m.at == 0 {
				err = fmt.Errorf("make lesson-%s printed no verdict line", l.Dir[:2])
			}
			exits = append(exits, d)
			return m.at, err
		}
		raw := func() (time.Duration, error) {
			if err := save(); err != nil {
				return 0, err
			}
			return b.run(ctx, b.kit, nil, "go", "test", "-race", "./"+l.LessonPath()+"/")
		}
		// Warm up: the build cache holds everything but the lesson.
		for _, f := range []func() (time.Duration, error){viaMake, raw} {
			if _, err := f(); err != nil {
				return err
			}
		}
		exits = nil
		row := EditRow{Lesson: l.Dir, Checker: Row{Name: "make lesson-" + l.Dir[:2]}, Raw: Row{Name: "go test -race"}}
		for i := range b.o.Runs {
			order := []*Row{&row.Checker, &row.Raw}
			fns := []func() (time.Duration, error){viaMake, raw}
			if i%2 == 1 {
				slices.Reverse(order)
				slices.Reverse(fns)
			}
			for k, f := range fns {
				d, err := f()
				if err != nil {
					return err
				}
				order[k].Times = append(order[k].Times, d)
			}
		}
		row.Exit = Row{Name: "make lesson-" + l.Dir[:2] + ", to its exit", Times: exits}
		fmt.Fprintf(b.o.Log, "  %-16s checker %5.2fs (exit %5.2fs)  raw %5.2fs  ratio %.2f\n", l.Dir, row.Checker.Median().Seconds(), row.Exit.Median().Seconds(), row.Raw.Median().Seconds(), row.Ratio())
		b.rep.Edit = append(b.rep.Edit, row)
		if b.rep.Breakdown == nil {
			if err := save(); err != nil {
				return err
			}
			bd, err := b.breakdown(ctx, l)
			if err != nil {
				return err
			}
			b.rep.Breakdown = bd
		}
		if err := os.WriteFile(file, orig, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// appendFunc writes orig to file with a new function numbered n at the
// end: a change of compiled code, which no cache can answer.
func appendFunc(file string, orig []byte, n int) error {
	return os.WriteFile(file, fmt.Appendf(slices.Clone(orig), "\nfunc benchEdit%d() int { return %d }\n", n, n), 0o644)
}

// firstRun measures make lesson-01 with an empty build cache, as on a
// fresh machine (the module cache stays: downloading is the network's
// time, not the kit's).
func (b *bench) firstRun(ctx context.Context) error {
	fmt.Fprintln(b.o.Log, "first run:")
	row, err := b.timed("make lesson-01, empty build cache", b.o.SlowRuns, func(i int) (time.Duration, error) {
		gocache := filepath.Join(b.tmp, fmt.Sprintf("gocache-first-%d", i))
		defer os.RemoveAll(gocache)
		return b.run(ctx, b.kit, []string{"GOCACHE=" + gocache}, "make", "-s", "lesson-01")
	})
	b.rep.FirstRun = &row
	return err
}

// verify measures checker verify of the whole course: with the result cache
// full, with every run made again on a warm build cache, and with an empty
// build cache.
func (b *bench) verify(ctx context.Context) error {
	fmt.Fprintln(b.o.Log, "verify:")
	checker := filepath.Join(b.kit, "bin", "checker")
	// Every run with an empty result cache on a warm build cache; the
	// first one's cache then serves the cached runs.
	results := func(i int) string { return "THREADLINGS_CACHE=" + filepath.Join(b.tmp, fmt.Sprintf("results-%d", i)) }
	full, err := b.timed("verify, result cache empty, build cache warm", b.o.SlowRuns, func(i int) (time.Duration, error) {
		return b.run(ctx, b.kit, []string{results(i)}, checker, "verify")
	})
	if err != nil {
		return err
	}
	row, err := b.timed("verify, results cached", b.o.Runs, func(int) (time.Duration, error) {
		return b.run(ctx, b.kit, []string{results(0)}, checker, "verify")
	})
	if err != nil {
		return err
	}
	b.rep.Verify = append(b.rep.Verify, row, full)
	row, err = b.timed("verify --no-cache, build cache empty", b.o.SlowRuns, func(i int) (time.Duration, error) {
		gocache := filepath.Join(b.tmp, fmt.Sprintf("gocache-%d", i))
		defer os.RemoveAll(gocache)
		return b.run(ctx, b.kit, []string{"GOCACHE=" + gocache}, checker, "verify", "--no-cache")
	})
	if err != nil {
		return err
	}
	b.rep.Verify = append(b.rep.Verify, row)
	return nil
}

// classScript is the end-to-end test that builds the fixture class.
const classScript = "checker/testdata/script/grade.txtar"

// classLessons are the lessons the fixture class is graded on.
var classLessons = []string{"01-goroutines", "04-lock"}

// grade measures grading the fixture class with one job, with a job per
// core, and a naive loop over the same students and lessons.
func (b *bench) grade(ctx context.Context) error {
	fmt.Fprintln(b.o.Log, "grading the fixture class:")
	students, err := b.makeClass(ctx)
	if err != nil {
		return err
	}
	checker := filepath.Join(b.kit, "bin", "checker")
	grade := func(jobs int) func(int) (time.Duration, error) { return b.gradeClass(ctx, students, jobs, true) }
	if err := b.warmGrade(ctx, checker, students); err != nil {
		return err
	}
	row, err := b.timed("checker grade --jobs 1", b.o.Runs, grade(1))
	if err != nil {
		return err
	}
	b.rep.Grade = append(b.rep.Grade, row)
	row, err = b.timed(fmt.Sprintf("checker grade --jobs %d (every core)", runtime.NumCPU()), b.o.Runs, grade(runtime.NumCPU()))
	if err != nil {
		return err
	}
	b.rep.Grade = append(b.rep.Grade, row)
	row, err = b.timed("naive loop", b.o.SlowRuns, func(i int) (time.Duration, error) {
		return b.naive(ctx, students, i)
	})
	if err != nil {
		return err
	}
	b.rep.Grade = append(b.rep.Grade, row)
	return nil
}

// gradeClass returns a timed grading of the fixture class with jobs at
// once, in the sandbox or not, into an output directory of its own.
func (b *bench) gradeClass(ctx context.Context, students []string, jobs int, sandboxed bool) func(int) (time.Duration, error) {
	checker := filepath.Join(b.kit, "bin", "checker")
	return func(int) (time.Duration, error) {
		b.graded++
		out := filepath.Join(b.tmp, fmt.Sprintf("grades-%d", b.graded))
		defer os.RemoveAll(out)
		args := []string{"grade", "--jobs", fmt.Sprint(jobs), "--lessons", "01,04", "--format", "csv", "--out", out, fmt.Sprintf("--sandbox=%t", sandboxed)}
		return b.run(ctx, b.kit, nil, checker, append(args, students...)...)
	}
}

// sandboxCost measures the sandbox's cost: the fixture class graded with
// every core in the sandbox and without it, taking turns going first.
func (b *bench) sandboxCost(ctx context.Context) error {
	fmt.Fprintln(b.o.Log, "the sandbox's cost:")
	if ok, why := sandbox.Available(); !ok {
		fmt.Fprintf(b.o.Log, "  no sandbox here, so no measure of its cost: %s\n", why)
		return nil
	}
	students, err := b.makeClass(ctx)
	if err != nil {
		return err
	}
	if err := b.warmGrade(ctx, filepath.Join(b.kit, "bin", "checker"), students); err != nil {
		return err
	}
	jobs := runtime.NumCPU()
	with, without := Row{Name: fmt.Sprintf("checker grade --jobs %d, sandboxed", jobs)}, Row{Name: fmt.Sprintf("checker grade --jobs %d, --sandbox=false", jobs)}
	for i := range b.o.Runs {
		order := []*Row{&with, &without}
		fns := []func(int) (time.Duration, error){b.gradeClass(ctx, students, jobs, true), b.gradeClass(ctx, students, jobs, false)}
		if i%2 == 1 {
			slices.Reverse(order)
			slices.Reverse(fns)
		}
		for k, f := range fns {
			d, err := f(i)
			if err != nil {
				return err
			}
			order[k].Times = append(order[k].Times, d)
			fmt.Fprintf(b.o.Log, "  %-40s run %d: %6.2fs\n", order[k].Name, i+1, d.Seconds())
		}
	}
	b.rep.Sandbox = []Row{with, without}
	return nil
}

// gradescope measures the Gradescope bundle in a simulated /autograder:
// setup.sh once, untimed, then run_autograder on one submission that
// changed both graded lessons, against checker run of the same lessons
// with the same files, one after the other. Each timed run changes the
// submission's code, so no result cache answers it.
func (b *bench) gradescope(ctx context.Context) error {
	fmt.Fprintln(b.o.Log, "gradescope:")
	ag := filepath.Join(b.tmp, "autograder")
	source := filepath.Join(ag, "source")
	if err := copyKit(b.kit, source); err != nil {
		return err
	}
	env := []string{"AUTOGRADER=" + ag, "THREADLINGS_SKIP_SYSTEM=1", "LESSONS=01,04"}
	if _, err := b.run(ctx, source, env, "bash", "autograder/gradescope/setup.sh"); err != nil {
		return err
	}
	// The submission, a student's copy of the kit: lesson 01 solved,
	// lesson 04 as shipped.
	sub := filepath.Join(ag, "submission")
	if err := copyKit(b.kit, sub); err != nil {
		return err
	}
	if err := copyTree(filepath.Join(b.kit, "solutions", "01-goroutines"), filepath.Join(sub, "lessons", "01-goroutines"), func(rel string) bool { return rel == "testdata" }); err != nil {
		return err
	}
	files := []string{filepath.Join(sub, "lessons", "01-goroutines", "goroutines.go"), filepath.Join(sub, "lessons", "04-lock", course.Lessons()[3].Stubs[0])}
	origs := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if origs[i], err = os.ReadFile(f); err != nil {
			return err
		}
	}
	n := 0
	edit := func() error {
		n++
		for i, f := range files {
			if err := appendFunc(f, origs[i], n); err != nil {
				return err
			}
		}
		return nil
	}
	graded, err := b.timed("run_autograder, one submission, lessons 01 and 04", b.o.Runs, func(int) (time.Duration, error) {
		if err := edit(); err != nil {
			return 0, err
		}
		return b.run(ctx, source, env, "bash", "autograder/gradescope/run_autograder")
	})
	if err != nil {
		return err
	}
	checker := filepath.Join(source, "bin", "checker")
	ran, err := b.timed("checker run 01, then checker run 04, same files", b.o.Runs, func(int) (time.Duration, error) {
		if err := edit(); err != nil {
			return 0, err
		}
		var total time.Duration
		for _, l := range []string{"01", "04"} {
			d, err := b.run(ctx, sub, nil, checker, "run", "--root", sub, l)
			if err != nil {
				return 0, err
			}
			total += d
		}
		return total, nil
	})
	b.rep.Gradescope = []Row{graded, ran}
	return err
}

// warmGrade grades the class once, untimed.
func (b *bench) warmGrade(ctx context.Context, checker string, students []string) error {
	out := filepath.Join(b.tmp, "grades-warm")
	defer os.RemoveAll(out)
	args := append([]string{"grade", "--lessons", "01,04", "--format", "csv", "--out", out}, students...)
	_, err := b.run(ctx, b.kit, nil, checker, args...)
	b.rep.GradeLessons = len(students) * len(classLessons)
	return err
}

// naive grades the class the way a script would: each student's copy with
// the pristine specs laid over it, go test -race of the graded lessons, one
// student after another.
func (b *bench) naive(ctx context.Context, students []string, run int) (time.Duration, error) {
	var total time.Duration
	for k, s := range students {
		dir := filepath.Join(b.tmp, fmt.Sprintf("naive-%d-%d", run, k))
		if err := copyTree(s, dir, nil); err != nil {
			return 0, err
		}
		if err := b.pristine(dir); err != nil {
			return 0, err
		}
		var pkgs []string
		for _, l := range classLessons {
			pkgs = append(pkgs, "./lessons/"+l+"/")
		}
		// The copying is not timed; the students are graded one after
		// another.
		d, err := b.run(ctx, dir, nil, "go", append([]string{"test", "-race"}, pkgs...)...)
		total += d
		os.RemoveAll(dir)
		if err != nil {
			return 0, err
		}
	}
	return total, nil
}

// pristine lays the instructor's module files, shared packages and specs
// over a student's copy, and the kit's stub for any stub file it lacks.
func (b *bench) pristine(dir string) error {
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := copyFile(filepath.Join(b.kit, f), filepath.Join(dir, f)); err != nil {
			return err
		}
	}
	for _, d := range []string{"internal", "lessons/internal"} {
		os.RemoveAll(filepath.Join(dir, d))
		if err := copyTree(filepath.Join(b.kit, d), filepath.Join(dir, d), nil); err != nil {
			return err
		}
	}
	for _, l := range classLessons {
		src, dst := filepath.Join(b.kit, "lessons", l), filepath.Join(dir, "lessons", l)
		entries, err := os.ReadDir(src)
		if err != nil {
			return err
		}
		for _, e := range entries {
			to := filepath.Join(dst, e.Name())
			_, err := os.Stat(to)
			if strings.HasSuffix(e.Name(), "_test.go") || os.IsNotExist(err) {
				if err := copyFile(filepath.Join(src, e.Name()), to); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// makeClass builds the fixture class with the script in classScript, once,
// and returns the students' directories.
func (b *bench) makeClass(ctx context.Context) ([]string, error) {
	if b.students != nil {
		return b.students, nil
	}
	a, err := txtar.ParseFile(filepath.Join(b.kit, classScript))
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(b.tmp, "class-work")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var script []byte
	for _, f := range a.Files {
		if f.Name == "make-class.sh" {
			script = f.Data
		}
	}
	if script == nil {
		return nil, fmt.Errorf("%s has no make-class.sh", classScript)
	}
	if err := os.WriteFile(filepath.Join(dir, "make-class.sh"), script, 0o644); err != nil {
		return nil, err
	}
	if _, err := b.run(ctx, dir, []string{"KIT=" + b.kit}, "sh", "make-class.sh"); err != nil {
		return nil, err
	}
	// The script's variant lines lay known-bad variants over the class.
	sc := bufio.NewScanner(strings.NewReader(string(a.Comment)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 || f[0] != "variant" {
			continue
		}
		patch := strings.Replace(f[1], "$KIT", b.kit, 1)
		if err := verify.WriteVariant(patch, filepath.Join(dir, f[2])); err != nil {
			return nil, fmt.Errorf("%s: %w", classScript, err)
		}
	}
	// The students in the order the script grades them.
	var students []string
	sc = bufio.NewScanner(strings.NewReader(string(a.Comment)))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "exec checker grade") {
			continue
		}
		for _, w := range strings.Fields(line) {
			name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(w), ".zip"), ".tar.gz")
			if strings.HasPrefix(w, "class/") || strings.HasPrefix(w, "submissions/") {
				students = append(students, filepath.Join(dir, "class", name))
			}
		}
		break
	}
	if len(students) == 0 {
		return nil, fmt.Errorf("%s grades no student", classScript)
	}
	b.students = students
	return students, nil
}

// copyKit copies the kit at src to dst, without its version control, build
// outputs and grades.
func copyKit(src, dst string) error {
	skip := map[string]bool{".git": true, "bin": true, "dist": true, "grades": true, ".threadlings": true}
	return copyTree(src, dst, func(rel string) bool { return skip[rel] })
}

// copyTree copies the tree at src to dst; skip, if not nil, leaves out the
// paths (relative to src) it reports. Symbolic links are copied as links.
func copyTree(src, dst string, skip func(rel string) bool) error {
	return filepath.WalkDir(src, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if skip != nil && rel != "." && skip(filepath.ToSlash(rel)) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		to := filepath.Join(dst, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(to, 0o755)
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		default:
			return copyFile(path, to)
		}
	})
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, b, info.Mode().Perm())
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
