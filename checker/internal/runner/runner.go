// Package runner runs one lesson's specs through go test and turns what the
// test binary printed into one result per spec.
//
// The specs always come from the kit's lesson directory. What they run
// against is chosen with an overlay (go test -overlay): the stub as it is, the
// reference solution, a known-bad variant or a student's files, without
// copying a file. Results come from the records that the spec helpers print
// (package verdict), never from Ginkgo's human output, so they are right for a
// cached run (go test replays the output) and for a binary that crashed (the
// spec with a start record and no end record is the one that crashed; the
// runner then runs the rest again without it).
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

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Environment variables shared with the spec helpers (lessons/internal/spec).
const (
	skipEnv    = "THREADLINGS_SKIP"
	dryRunEnv  = "THREADLINGS_DRY_RUN"
	restartEnv = "THREADLINGS_RESTART"
	seedEnv    = "THREADLINGS_SEED"
)

// DefaultLimit is the default hard limit for one run of go test on one
// lesson, build included.
const DefaultLimit = 3 * time.Minute

// Runner runs lessons of one kit.
type Runner struct {
	Root  string        // the kit's root directory (where go.mod is), absolute
	Go    string        // the go command; "go" if empty
	Race  bool          // run under the race detector
	Limit time.Duration // hard limit for one go test run; DefaultLimit if zero
	Env   []string      // extra environment for go test, after the runner's own
	// Dir, if set, is where overlay files are written; a temporary
	// directory otherwise.
	Dir string
	// Sandbox, if set, is a command that go test runs under: its words come
	// before go's, e.g. a network namespace of its own.
	Sandbox []string
	// Seed, if not zero, runs the specs in the one order this seed
	// shuffles them into, so that the same code always gives the same
	// verdicts (the race detector reports each pair of racing lines once
	// per process, to whichever spec runs them first).
	Seed int
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
	BuildError string            // the compiler's (or vet's) complaint, when the lesson does not build
	Note       string            // a problem of the whole run that no spec owns
	Cached     bool              // go test replayed a cached result
	// FromCache is set by a caller that took the result from a result
	// cache (package cache) instead of running the lesson.
	FromCache bool          `json:"-"`
	Runs      int           // go test runs it took (more than one after a crash)
	Raw       string        // everything go test printed (capped), for -v
	Elapsed   time.Duration // wall time
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
	return r.BuildError == "" && r.Note == "" && len(r.Specs) > 0 && r.Passed() == len(r.Specs)
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

// Run runs lesson l with overlay o and returns every spec's result. An error
// means the run could not be made at all; a lesson that fails to build or
// crashes is a Result, not an error.
func (r *Runner) Run(ctx context.Context, l course.Lesson, o Overlay) (*Result, error) {
	start := time.Now()
	res := &Result{Lesson: l, Sources: map[string]string{}}
	for _, stub := range l.Stubs {
		path := filepath.Join(r.Root, l.LessonPath(), stub)
		if from, ok := o[path]; ok {
			path = from
		}
		res.Sources[stub] = path
	}
	done := map[string]bool{}
	var skip []string
	total := -1
	for {
		p, err := r.invoke(ctx, l, o, skip, false)
		if err != nil {
			return nil, err
		}
		if res.Runs == 0 {
			res.Cached = p.cached
		}
		res.Runs++
		res.Raw = capString(res.Raw+p.raw.String(), rawCap)
		if p.buildError != "" {
			res.BuildError = p.buildError
			break
		}
		if p.total >= 0 {
			total = p.total
		}
		for _, s := range p.ended {
			if !done[s.Name] {
				done[s.Name] = true
				res.Specs = append(res.Specs, s)
			}
		}
		if p.crashed == nil && !p.restart {
			if total < 0 || len(done) < total {
				res.Note = p.earlyExit()
			}
			break
		}
		if p.crashed != nil {
			done[p.crashed.Name] = true
			res.Specs = append(res.Specs, *p.crashed)
		}
		if total >= 0 && len(done) >= total {
			break
		}
		skip = slices.Sorted(maps.Keys(done))
		if ctx.Err() != nil {
			break
		}
	}
	if res.BuildError == "" && (total < 0 || len(res.Specs) < total) {
		if err := r.addNotRun(ctx, l, res); err != nil {
			return nil, err
		}
	}
	sortSpecs(res.Specs)
	res.Elapsed = time.Since(start)
	return res, nil
}

// List returns the lesson's specs, as not-run results, from a dry run of
// its reference solution.
func (r *Runner) List(ctx context.Context, l course.Lesson) ([]Spec, error) {
	p, err := r.invoke(ctx, l, r.Solution(l), nil, true)
	if err != nil {
		return nil, err
	}
	if p.buildError != "" {
		return nil, fmt.Errorf("%w: the reference solution of %s does not build:\n%s", ErrEnvironment, l.Dir, p.buildError)
	}
	specs := p.ended
	sortSpecs(specs)
	return specs, nil
}

// addNotRun completes res with the specs that never ran.
func (r *Runner) addNotRun(ctx context.Context, l course.Lesson, res *Result) error {
	all, err := r.List(ctx, l)
	if err != nil {
		return err
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

// invoke runs go test once.
func (r *Runner) invoke(ctx context.Context, l course.Lesson, o Overlay, skip []string, dryRun bool) (*pass, error) {
	limit := r.limit()
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

	args, cleanup, err := r.testArgs(l, o, r.Race && !dryRun, "-json", "-timeout", limit.String())
	if err != nil {
		return nil, err
	}
	defer cleanup()

	goCmd := r.goCmd()
	if len(r.Sandbox) > 0 {
		args = append(append(r.Sandbox[1:len(r.Sandbox):len(r.Sandbox)], goCmd), args...)
		goCmd = r.Sandbox[0]
	}
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Dir = r.Root
	cmd.Env = append(os.Environ(), raceOptions(), restartEnv+"=1")
	if r.Seed != 0 {
		cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%d", seedEnv, r.Seed))
	}
	if len(skip) > 0 {
		cmd.Env = append(cmd.Env, skipEnv+"="+strings.Join(skip, "\n"))
	}
	if dryRun {
		cmd.Env = append(cmd.Env, dryRunEnv+"=1")
	}
	cmd.Env = append(cmd.Env, r.Env...)
	killGroup(cmd)
	var stderr strings.Builder
	cmd.Stderr = &capWriter{b: &stderr, max: 64 << 10}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: cannot run %s: %v", ErrEnvironment, goCmd, err)
	}
	p := newPass(l)
	p.read(stdout)
	waitErr := cmd.Wait()
	reapGroup(cmd)
	p.killed = ctx.Err() != nil
	p.finish()
	if !p.sawJSON && waitErr != nil && !p.killed {
		return nil, fmt.Errorf("%w: go test %s: %v\n%s", ErrEnvironment, l.LessonPath(), waitErr, strings.TrimSpace(stderr.String()))
	}
	if p.buildError == "" && p.buildFailed {
		p.buildError = strings.TrimSpace(stderr.String())
	}
	return p, nil
}

// raceOptions is the GORACE setting for test binaries, after the user's
// own: no one-second sleep at exit. (Reporting every race, not just the
// first of each pair of stacks, would make a verdict independent of spec
// order, but a racy loop then floods the detector until the spec times out;
// a fixed spec order keeps verdicts stable instead.)
func raceOptions() string {
	return "GORACE=" + strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0")
}

// testArgs returns the arguments of go test for lesson l with overlay o:
// flags, then the race detector if race, the overlay, and the package.
// cleanup removes the overlay file.
func (r *Runner) testArgs(l course.Lesson, o Overlay, race bool, flags ...string) (args []string, cleanup func(), err error) {
	// -ldflags=-w: no DWARF tables. Nothing reads them (stack traces and
	// race reports use the runtime's own tables). go test leaves them out
	// of the binaries it runs anyway; for a binary built with -c (stress),
	// it takes a fifth off the link.
	args = append([]string{"test", "-ldflags=-w"}, flags...)
	if race {
		args = append(args, "-race")
	}
	cleanup = func() {}
	if len(o) > 0 {
		var file string
		file, cleanup, err = r.writeOverlay(o)
		if err != nil {
			return nil, nil, err
		}
		// -trimpath: with an overlay, the file on disk is not the file that
		// was compiled. Ginkgo reads source lines from disk for its timeout
		// report and panics when a line lies past the end of the file on
		// disk; module-relative paths make it find no file instead.
		args = append(args, "-overlay", file, "-trimpath")
	}
	return append(args, "./"+l.LessonPath()+"/"), cleanup, nil
}

// keyEnv lists the environment variables that can change a run's result
// besides the runner's own settings.
var keyEnv = []string{"GOFLAGS", "GORACE", "GOEXPERIMENT", "GOARCH", "GOOS", "GOAMD64", "CGO_ENABLED", "GOMAXPROCS", "GODEBUG", "GOTOOLCHAIN", skipEnv, seedEnv}

// Key returns a key (see package cache) for the result of running lesson l
// with overlay o. It hashes the checker, the go version, the runner's
// settings and the environment that reaches go test, the module's go.mod
// and go.sum, the kit's shared packages (internal/ and lessons/internal/),
// every file of the lesson's directory, and every file the overlay lays
// over it.
func (r *Runner) Key(l course.Lesson, o Overlay) (string, error) {
	v, err := r.GoVersion()
	if err != nil {
		return "", err
	}
	k := cache.NewKey("run").Add("go", v).
		Add("settings", fmt.Sprint(r.Race, r.Seed, len(r.Sandbox) > 0, r.limit(), r.Env))
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

// goVersions maps go commands to what "go env GOVERSION" printed.
var goVersions sync.Map

// GoVersion returns the version of the go command, as "go env GOVERSION"
// prints it.
func (r *Runner) GoVersion() (string, error) {
	if v, ok := goVersions.Load(r.goCmd()); ok {
		return v.(string), nil
	}
	out, err := exec.Command(r.goCmd(), "env", "GOVERSION").Output()
	if err != nil {
		return "", fmt.Errorf("%w: go env: %v", ErrEnvironment, err)
	}
	v := strings.TrimSpace(string(out))
	goVersions.Store(r.goCmd(), v)
	return v, nil
}

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
