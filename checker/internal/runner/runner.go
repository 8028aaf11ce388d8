// Package runner runs one lesson's specs and turns what the test binary
// printed into one result per spec.
//
// A run has two steps. First the lesson's test binary is built (go test -c,
// with go's build cache), under a generous build limit of its own; then the
// binary runs, under the hard limit, so that a slow first build on a busy
// machine is never taken for a hanging spec. The specs always come from the
// kit's lesson directory. What they run against is chosen with an overlay
// (go test -overlay): the stub as it is, the reference solution, a known-bad
// variant or a student's files, without copying a file. Results come from
// the records that the spec helpers print (package verdict), never from
// Ginkgo's human output, so they are right for a binary that crashed (the
// spec with a start record and no end record is the one that crashed; the
// runner then runs the same binary again without it).
package runner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/threadlings/threadlings/checker/internal/allow"
	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/internal/verdict"
)

// DefaultLimit is the default hard limit for one run of a lesson's test
// binary. The build does not count against it.
const DefaultLimit = 3 * time.Minute

// DefaultBuildLimit is the default bound on building one lesson's test
// binary. A first build with an empty build cache on a busy machine can take
// many minutes; a build that takes longer than this is stuck.
const DefaultBuildLimit = 20 * time.Minute

// Runner runs lessons of one kit.
type Runner struct {
	Root  string        // the kit's root directory (where go.mod is), absolute
	Go    string        // the go command; "go" if empty
	Race  bool          // run under the race detector
	Limit time.Duration // hard limit for one run of a test binary; DefaultLimit if zero
	// BuildLimit bounds the build of one test binary; DefaultBuildLimit if
	// zero.
	BuildLimit time.Duration
	Env        []string // extra environment for the test binary, after the runner's own
	// Dir, if set, is where overlays and test binaries are written; a
	// temporary directory otherwise.
	Dir string
	// Sandbox, if set, returns the words of a command that the test binary
	// at path runs under (see package sandbox). Builds never run under it.
	Sandbox func(path string) []string
	// CleanEnv, if set, gives the test binary a minimal environment instead
	// of the checker's own, which may hold secrets (tokens, say).
	CleanEnv bool
	// MaxMemory and MaxProcs, if not zero, bound the resident memory and the
	// number of processes of one run of a test binary, everything it
	// started included; a run that passes either is stopped.
	MaxMemory int64
	MaxProcs  int
	// Seed, if not zero, runs the specs in the one order this seed
	// shuffles them into, so that the same code always gives the same
	// verdicts (the race detector reports each pair of racing lines once
	// per process, to whichever spec runs them first).
	Seed int
	// Status, if set, is told each step of a run as it starts. It may be
	// called from several goroutines at once when runs share the runner.
	Status func(Step)
}

// Step is a step of a run, for telling a waiting person what is going on.
type Step struct {
	Lesson course.Lesson
	Kind   StepKind
	Race   bool // the build is race-instrumented
}

// StepKind says which step a run is at.
type StepKind int

const (
	StepBuild StepKind = iota // building the test binary
	StepRun                   // running the specs
)

func (r *Runner) status(s Step) {
	if r.Status != nil {
		s.Race = r.Race
		r.Status(s)
	}
}

// Spec is the result of one spec.
type Spec struct {
	Name    string // the spec's full text
	File    string // spec file, base name
	Line    int
	Points  int
	Verdict verdict.Verdict
	Message string // what went wrong, in the learner's terms
	Where   string // file:line in the learner's code, when known
	Detail  string // stack, blocked goroutines or leaked goroutines
	Output  string // what was printed while the spec ran (capped): race reports, crash traces, the learner's prints
	Seconds float64
}

// Result is the result of one lesson.
type Result struct {
	Lesson     course.Lesson
	Sources    map[string]string // stub file name → the file that was compiled for it
	Specs      []Spec            // sorted by file and line
	BuildError string            // the compiler's complaint, when the lesson does not build
	// BuildTimedOut says that BuildError is not the compiler's: the build
	// did not finish within the build limit.
	BuildTimedOut bool
	// Forbidden lists what the lesson's code uses that the lesson does not
	// allow (see package allow), as "file:line: what"; the specs are then
	// not run, and every spec's verdict is Forbidden.
	Forbidden []string
	// Tampered says why the run's records cannot be trusted: something
	// other than the spec helpers wrote to the record channel, or the
	// records came out of order. Every spec's verdict is then Tampered.
	Tampered string
	Note     string // a problem of the whole run that no spec owns
	// Cached is set when the result was taken from a result cache (package
	// cache) instead of running the lesson.
	Cached  bool          `json:"-"`
	Runs    int           // runs of the test binary it took (more than one after a crash)
	Raw     string        // everything the test binary printed (capped), for -v
	Elapsed time.Duration // wall time
}

// Passed returns how many specs passed.
func (r *Result) Passed() int {
	n := 0
	for _, s := range r.Specs {
		if s.Verdict.Passed() {
			n++
		}
	}
	return n
}

// OK reports whether the lesson built and every spec passed.
func (r *Result) OK() bool {
	return r.BuildError == "" && r.Note == "" && r.Tampered == "" && len(r.Forbidden) == 0 && len(r.Specs) > 0 && r.Passed() == len(r.Specs)
}

// Counts returns how many specs got each verdict.
func (r *Result) Counts() map[verdict.Verdict]int {
	m := map[verdict.Verdict]int{}
	for _, s := range r.Specs {
		m[s.Verdict]++
	}
	return m
}

// Overlay maps files of the kit to the files that replace them; an empty
// replacement hides the file. Paths are absolute.
type Overlay map[string]string

// Stub runs the lesson as it is.
func Stub() Overlay { return nil }

// Solution lays the reference solution over the lesson's stub files.
func (r *Runner) Solution(l course.Lesson) Overlay {
	return r.Variant(l, filepath.Join(r.Root, l.SolutionPath()))
}

// Variant lays the files of dir over the lesson's stub files; a stub file
// that dir lacks comes from the reference solution.
func (r *Runner) Variant(l course.Lesson, dir string) Overlay {
	o := Overlay{}
	for _, stub := range l.Stubs {
		from := filepath.Join(dir, stub)
		if _, err := os.Stat(from); err != nil {
			from = filepath.Join(r.Root, l.SolutionPath(), stub)
		}
		o[filepath.Join(r.Root, l.LessonPath(), stub)] = from
	}
	return o
}

// ErrEnvironment wraps failures that are not the lesson's fault: no go
// command, no module, an unwritable temporary directory.
var ErrEnvironment = errors.New("environment")

// Run runs lesson l with overlay o and returns every spec's result. It
// builds the lesson's test binary first, under the build limit, then runs it
// under the hard limit; a binary that dies during a spec is run again, with
// the specs that have a result skipped, until every spec has one. An error
// means the run could not be made at all; a lesson that fails to build or
// crashes is a Result, not an error.
func (r *Runner) Run(ctx context.Context, l course.Lesson, o Overlay) (*Result, error) {
	return r.run(ctx, l, o, false)
}

// run is Run. With early set, the check of what the code uses starts
// beside the build rather than after it: it then costs nothing on a warm
// build cache, where the link keeps one core busy and little else runs,
// but on a cold one it would compile every dependency a second time, beside
// the build.
func (r *Runner) run(ctx context.Context, l course.Lesson, o Overlay, early bool) (*Result, error) {
	start := time.Now()
	res := &Result{Lesson: l, Sources: map[string]string{}}
	for _, stub := range l.Stubs {
		path := filepath.Join(r.Root, l.LessonPath(), stub)
		if from, ok := o[path]; ok {
			path = from
		}
		res.Sources[stub] = path
	}
	dir, err := os.MkdirTemp(r.Dir, "run-")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	defer os.RemoveAll(dir)

	// The check of what the code uses runs beside the build or the specs,
	// on the packages the build compiles; a violation voids the run.
	checked := make(chan []string, 1)
	check := func() { checked <- r.checkAllowed(l, o) }
	if early {
		go check()
	}
	r.status(Step{Lesson: l, Kind: StepBuild})
	bin, err := r.Build(ctx, l, o, dir)
	var berr *BuildError
	switch {
	case errors.As(err, &berr):
		res.BuildError, res.BuildTimedOut = berr.Output, berr.TimedOut
		res.Elapsed = time.Since(start)
		return res, nil
	case err != nil:
		return nil, err
	}
	r.status(Step{Lesson: l, Kind: StepRun})
	if !early {
		go check()
	}
	total, err := r.runSpecs(ctx, bin, res)
	forbidden := <-checked
	if err != nil {
		return nil, err
	}
	if len(forbidden) > 0 {
		all, _ := r.List(ctx, l)
		res.Forbidden, res.Specs, res.Note, res.Tampered = forbidden, nil, "", ""
		for _, s := range all {
			s.Verdict, s.Message, s.Output = verdict.Forbidden, "FORBIDDEN: the lesson's code uses what it may not; see above", ""
			res.Specs = append(res.Specs, s)
		}
		res.Elapsed = time.Since(start)
		return res, nil
	}
	if res.Tampered != "" {
		// Nothing the binary said counts: the specs come from the
		// reference, where there is one.
		all, _ := r.List(ctx, l)
		for _, s := range all {
			s.Verdict, s.Message, s.Output = verdict.Tampered, "TAMPERED: the run's records cannot be trusted: "+res.Tampered, ""
			res.Specs = append(res.Specs, s)
		}
		res.Elapsed = time.Since(start)
		return res, nil
	}
	if total < 0 || len(res.Specs) < total {
		if err := r.addNotRun(ctx, bin, res); err != nil {
			return nil, err
		}
	}
	sortSpecs(res.Specs)
	res.Elapsed = time.Since(start)
	return res, nil
}

// checkAllowed returns what the code laid over lesson l's stub files uses
// that the lesson does not allow (see package allow). A check that cannot
// be made is not a violation: the build has its say on broken code.
func (r *Runner) checkAllowed(l course.Lesson, o Overlay) []string {
	contents := map[string][]byte{}
	for path, from := range o {
		if from == "" {
			continue
		}
		b, err := os.ReadFile(from)
		if err != nil {
			return nil
		}
		contents[path] = b
	}
	flags := []string{"-trimpath"}
	if r.Race {
		flags = append(flags, "-race")
	}
	found, err := allow.Check(filepath.Join(r.Root, l.LessonPath()), contents, flags, l.Stubs, l.Allow)
	if err != nil {
		return nil
	}
	var out []string
	for _, v := range found {
		out = append(out, v.String())
	}
	return out
}

// MaxRestarts bounds how many times one run starts a lesson's test binary
// again after it died or exited during a spec.
const MaxRestarts = 64

// runSpecs runs bin until every spec has a result, adding them to res, and
// returns the number of specs the suite announced (-1 if it never started).
func (r *Runner) runSpecs(ctx context.Context, bin *Binary, res *Result) (total int, err error) {
	done := map[string]bool{}
	var skip []string
	total = -1
	for {
		p, err := bin.exec(ctx, r.runOptions(skip, false))
		if err != nil {
			return total, err
		}
		res.Runs++
		res.Raw = capString(res.Raw+p.raw.String(), rawCap)
		if p.tampered != "" {
			res.Tampered, res.Specs = p.tampered, nil
			return total, nil
		}
		if p.total >= 0 {
			total = p.total
		}
		progress := false
		for _, s := range p.ended {
			if !done[s.Name] {
				done[s.Name] = true
				progress = true
				res.Specs = append(res.Specs, s)
			}
		}
		if p.crashed == nil && !p.restart {
			if total < 0 || len(done) < total {
				res.Note = p.earlyExit()
			}
			return total, nil
		}
		if p.crashed != nil && !done[p.crashed.Name] {
			done[p.crashed.Name] = true
			progress = true
			res.Specs = append(res.Specs, *p.crashed)
		}
		switch {
		case total >= 0 && len(done) >= total:
			return total, nil
		case !progress:
			res.Note = "the test binary asked to be restarted but no spec had ended: it was stopped so that it cannot run for ever"
			return total, nil
		case res.Runs > MaxRestarts:
			res.Note = fmt.Sprintf("the test binary was restarted %d times and still had specs left: it was stopped there", MaxRestarts)
			return total, nil
		case ctx.Err() != nil:
			return total, nil
		}
		skip = slices.Sorted(maps.Keys(done))
	}
}

// runOptions says how the runner's runs of a binary go: the specs to skip,
// a dry run that only lists them, the runner's seed, a restart after a spec
// that timed out, and the environment.
func (r *Runner) runOptions(skip []string, dryRun bool) runOptions {
	return runOptions{skip: skip, dryRun: dryRun, seed: r.Seed, restart: true, env: append([]string{raceOptions()}, r.Env...)}
}

// List returns the lesson's specs, as not-run results, from a dry run of
// its reference solution.
func (r *Runner) List(ctx context.Context, l course.Lesson) ([]Spec, error) {
	dir, err := os.MkdirTemp(r.Dir, "list-")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	defer os.RemoveAll(dir)
	bin, err := r.Build(ctx, l, r.Solution(l), dir)
	var berr *BuildError
	if errors.As(err, &berr) {
		if berr.TimedOut {
			return nil, fmt.Errorf("%w: %s", ErrEnvironment, berr.Output)
		}
		return nil, fmt.Errorf("%w: the reference solution of %s does not build:\n%s", ErrEnvironment, l.Dir, berr.Output)
	}
	if err != nil {
		return nil, err
	}
	return r.list(ctx, bin)
}

// list returns the specs that a dry run of bin announces.
func (r *Runner) list(ctx context.Context, bin *Binary) ([]Spec, error) {
	p, err := bin.exec(ctx, r.runOptions(nil, true))
	if err != nil {
		return nil, err
	}
	specs := p.ended
	sortSpecs(specs)
	return specs, nil
}

// addNotRun completes res with the specs that never ran. They are listed by
// a dry run of the binary that ran; if that binary cannot even list its
// specs (it dies before any spec), by a dry run of the reference solution.
func (r *Runner) addNotRun(ctx context.Context, bin *Binary, res *Result) error {
	all, err := r.list(ctx, bin)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		if all, err = r.List(ctx, res.Lesson); err != nil {
			return err
		}
	}
	have := map[string]bool{}
	for _, s := range res.Specs {
		have[s.Name] = true
	}
	why := "not run: the test binary died before this spec"
	if res.Note != "" {
		why = "not run: " + res.Note
	}
	for _, s := range all {
		if !have[s.Name] {
			s.Verdict, s.Message, s.Output = verdict.NotRun, why, ""
			res.Specs = append(res.Specs, s)
		}
	}
	return nil
}

func sortSpecs(specs []Spec) {
	slices.SortStableFunc(specs, func(a, b Spec) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
}

// raceOptions is the GORACE setting for test binaries, after the user's
// own: no one-second sleep at exit. (Reporting every race, not just the
// first of each pair of stacks, would make a verdict independent of spec
// order, but a racy loop then floods the detector until the spec times out;
// a fixed spec order keeps verdicts stable instead.)
func raceOptions() string {
	return "GORACE=" + strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0")
}

// goArgs returns the arguments of a go command (verb "test" or "vet") for
// lesson l with overlay o: the verb, the runner's build flags, flags, the
// overlay, and the package. cleanup removes the overlay file.
func (r *Runner) goArgs(verb string, l course.Lesson, o Overlay, flags ...string) (args []string, cleanup func(), err error) {
	// -ldflags="-s -w": no symbol table and no DWARF tables, as go test
	// links the binaries it runs. Nothing reads them (stack traces and race
	// reports use the runtime's own tables); it takes a fifth off the link
	// of a test binary.
	//
	// -trimpath on every build, with an overlay or not, so that the stub,
	// the solution and every variant share the compiled dependencies in
	// go's build cache (the flag changes every package's build). With an
	// overlay, it is needed anyway: the file on disk is not the file that
	// was compiled, and Ginkgo, which reads source lines from disk for its
	// timeout report, panics when a line lies past the end of the file on
	// disk; module-relative paths make it find no file instead.
	args = append([]string{verb, "-ldflags=-s -w", "-trimpath"}, flags...)
	if r.Race {
		args = append(args, "-race")
	}
	cleanup = func() {}
	if len(o) > 0 {
		var file string
		file, cleanup, err = r.writeOverlay(o)
		if err != nil {
			return nil, nil, err
		}
		args = append(args, "-overlay", file)
	}
	return append(args, "./"+l.LessonPath()+"/"), cleanup, nil
}

// keyEnv lists the environment variables that can change a run's result
// besides the runner's own settings.
var keyEnv = []string{"GOFLAGS", "GORACE", "GOEXPERIMENT", "GOARCH", "GOOS", "GOAMD64", "CGO_ENABLED", "GOMAXPROCS", "GODEBUG", "GOTOOLCHAIN"}

// Key returns a key (see package cache) for the result of running lesson l
// with overlay o. It hashes the checker, the go version, the runner's
// settings and the environment that reaches go test, the module's go.mod
// and go.sum, the kit's shared packages (internal/ and lessons/internal/),
// every file of the lesson's directory, and every file the overlay lays
// over it.
func (r *Runner) Key(l course.Lesson, o Overlay) (string, error) {
	return r.key("run", l, o)
}

// key is Key for results of one kind: "run" for Run, "vet" for Vet.
func (r *Runner) key(kind string, l course.Lesson, o Overlay) (string, error) {
	v, err := r.GoVersion()
	if err != nil {
		return "", err
	}
	k := cache.NewKey(kind).Add("go", v).
		Add("settings", fmt.Sprint(r.Race, r.Seed, r.Sandbox != nil, r.CleanEnv, r.MaxMemory, r.MaxProcs, r.limit(), r.Env))
	for _, name := range keyEnv {
		k.Add(name, os.Getenv(name))
	}
	k.File("go.mod", filepath.Join(r.Root, "go.mod")).File("go.sum", filepath.Join(r.Root, "go.sum"))
	for _, dir := range []string{"internal", "lessons/internal", l.LessonPath()} {
		k.Add("tree", dir).Tree(filepath.Join(r.Root, dir))
	}
	for _, path := range slices.Sorted(maps.Keys(o)) {
		rel, _ := filepath.Rel(r.Root, path)
		if o[path] == "" {
			k.Add("hidden", rel)
			continue
		}
		k.File(rel, o[path])
	}
	return k.Sum()
}

// goEnvs maps a go command and a variable to what "go env" printed for it.
var goEnvs sync.Map

// goEnv returns the value "go env NAME" prints, asked once per process.
func (r *Runner) goEnv(name string) (string, error) {
	key := [2]string{r.goCmd(), name}
	if v, ok := goEnvs.Load(key); ok {
		return v.(string), nil
	}
	out, err := exec.Command(r.goCmd(), "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("%w: go env: %v", ErrEnvironment, err)
	}
	v := strings.TrimSpace(string(out))
	goEnvs.Store(key, v)
	return v, nil
}

// GoVersion returns the version of the go command, as "go env GOVERSION"
// prints it.
func (r *Runner) GoVersion() (string, error) { return r.goEnv("GOVERSION") }

func (r *Runner) limit() time.Duration {
	if r.Limit <= 0 {
		return DefaultLimit
	}
	return r.Limit
}

func (r *Runner) writeOverlay(o Overlay) (string, func(), error) {
	dir, err := os.MkdirTemp(r.Dir, "overlay-")
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	b, _ := json.Marshal(struct{ Replace Overlay }{o})
	file := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	return file, cleanup, nil
}
