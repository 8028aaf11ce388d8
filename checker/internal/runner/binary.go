package runner

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Binary is a lesson's compiled test binary, for running the same specs
// several times without building them again.
type Binary struct {
	Lesson course.Lesson
	Path   string
	dir    string // the lesson's directory: test binaries run there
	limit  time.Duration
	runner *Runner // sandbox, environment and limits
}

// BuildError is the error of a build that did not make a test binary
// because of the lesson's code: the compiler's complaint, or a build that
// did not finish within the build limit.
type BuildError struct {
	Lesson   course.Lesson
	Output   string // what the go command printed, or why the build was stopped
	TimedOut bool
}

func (e *BuildError) Error() string {
	return fmt.Sprintf("building %s: %s", e.Lesson.Dir, e.Output)
}

// Build compiles lesson l with overlay o into a test binary in dir, with
// the runner's build flags, under the build limit. A lesson that does not
// compile, or a build that does not finish in time, is a *BuildError; any
// other error wraps ErrEnvironment.
func (r *Runner) Build(ctx context.Context, l course.Lesson, o Overlay, dir string) (*Binary, error) {
	bin := filepath.Join(dir, l.Dir+".test")
	args, cleanup, err := r.goArgs("test", l, o, "-c", "-o", bin, "-vet=off")
	if err != nil {
		return nil, err
	}
	defer cleanup()
	limit := r.buildLimit()
	bctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cmd := exec.CommandContext(bctx, r.goCmd(), args...)
	cmd.Dir = r.Root
	killGroup(cmd)
	var out strings.Builder
	w := &capWriter{b: &out, max: specOutputCap}
	cmd.Stdout, cmd.Stderr = w, w
	runErr := cmd.Run()
	reapGroup(cmd)
	text := strings.TrimSpace(out.String())
	switch {
	case runErr == nil:
		return &Binary{Lesson: l, Path: bin, dir: filepath.Join(r.Root, l.LessonPath()), limit: r.limit(), runner: r}, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case bctx.Err() != nil:
		return nil, &BuildError{Lesson: l, TimedOut: true, Output: fmt.Sprintf(
			"building lesson %s did not finish within %s (the build limit, --build-limit), so it was stopped. "+
				"On a busy machine with an empty build cache the first build is slow; run again: the next build starts from what this one compiled.",
			l.Number, limit)}
	case errors.Is(runErr, exec.ErrNotFound) || isStartError(runErr):
		return nil, fmt.Errorf("%w: cannot run %s: %v", ErrEnvironment, r.goCmd(), runErr)
	case blamesLesson(text, l, o):
		return nil, &BuildError{Lesson: l, Output: text}
	default:
		return nil, fmt.Errorf("%w: go test -c %s: %v\n%s", ErrEnvironment, l.LessonPath(), runErr, text)
	}
}

// isStartError reports whether err kept the command from starting at all.
func isStartError(err error) bool {
	var exit *exec.ExitError
	return !errors.As(err, &exit)
}

// blamesLesson reports whether a failed build's output is about the
// lesson's own files (a compile error, a package clause that does not
// match) rather than about the machine (no module cache, no network).
func blamesLesson(out string, l course.Lesson, o Overlay) bool {
	if strings.Contains(out, l.LessonPath()) || pkgHeader.MatchString(out) {
		return true
	}
	for _, from := range o {
		if from != "" && strings.Contains(out, from) {
			return true
		}
	}
	return false
}

var pkgHeader = regexp.MustCompile(`(?m)^# \S+`)

// Run runs the binary once, its specs shuffled with seed (0: in file
// order), with extra environment env, and returns the specs that ended, the
// spec the binary died in (nil if none), and a note when the binary died
// outside any spec or could not be trusted.
func (b *Binary) Run(ctx context.Context, seed int, env ...string) (ended []Spec, crashed *Spec, note string, err error) {
	p, err := b.exec(ctx, runOptions{seed: seed, env: append([]string{raceOptions()}, env...)})
	if err != nil {
		return nil, nil, "", err
	}
	switch {
	case p.tampered != "":
		note = "tampered: " + p.tampered
	case p.crashed == nil && !p.restart && p.exitErr && (p.total < 0 || len(p.ended) < p.total):
		note = p.earlyExit()
	}
	return p.ended, p.crashed, note, nil
}

// runOptions say how one run of a test binary goes.
type runOptions struct {
	skip    []string // full texts of specs not to run
	dryRun  bool     // list the specs, run none
	seed    int      // shuffle seed; 0: file order
	restart bool     // exit after a spec that timed out
	env     []string // after the process's own environment
}

// killGrace is how long a test binary has after its own -test.timeout
// to print its goroutines and exit before it is killed.
const killGrace = 15 * time.Second

// exec runs the binary once and reads what it said: verdicts from the
// record channel, a socket whose other end is the binary's descriptor 3,
// and output from its standard output and error.
func (b *Binary) exec(ctx context.Context, o runOptions) (*pass, error) {
	ctx, cancel := context.WithTimeout(ctx, b.limit+killGrace)
	defer cancel()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	records, theirs, err := recordChannel()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	defer records.Close()
	cfg, _ := json.Marshal(verdict.Config{Key: hex.EncodeToString(key), Skip: o.skip, DryRun: o.dryRun, Seed: int64(o.seed), Restart: o.restart})
	if _, err := records.Write(append(cfg, '\n')); err != nil {
		theirs.Close()
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}

	var words []string
	if b.runner.Sandbox != nil {
		words = b.runner.Sandbox(b.Path)
	}
	words = append(words, b.Path, "-test.paniconexit0", "-test.timeout="+b.limit.String())
	cmd := exec.CommandContext(ctx, words[0], words[1:]...)
	cmd.Dir = b.dir
	base := os.Environ()
	if b.runner.CleanEnv {
		base = cleanEnv()
	}
	cmd.Env = append(append(base, o.env...), verdict.ChannelEnv+"=3")
	cmd.ExtraFiles = []*os.File{theirs}
	killGroup(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		theirs.Close()
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	cmd.Stderr = cmd.Stdout
	err = cmd.Start()
	theirs.Close()
	if err != nil {
		return nil, fmt.Errorf("%w: cannot run the test binary of %s: %v", ErrEnvironment, b.Lesson.Dir, err)
	}
	p := newPass(b.Lesson, key)
	var wg sync.WaitGroup
	wg.Go(func() { p.readRecords(records) })
	if r := b.runner; r.MaxMemory > 0 || r.MaxProcs > 0 {
		done := make(chan struct{})
		defer close(done)
		var once sync.Once
		go watchTree(cmd.Process.Pid, r.MaxMemory, r.MaxProcs, done, func(why string) {
			once.Do(func() {
				p.setOverLimit(why)
				cmd.Cancel()
			})
		})
	}
	p.readOutput(stdout)
	waitErr := cmd.Wait()
	reapGroup(cmd)
	// Every process that held the channel is gone now: the reader sees its
	// end. (A record channel held open by something that escaped would
	// keep it waiting; closing our end stops that.)
	records.SetReadDeadline(time.Now().Add(time.Second))
	wg.Wait()
	p.killed = ctx.Err() != nil
	p.exitErr = waitErr != nil
	p.finish()
	return p, nil
}

// cleanEnv is the environment of a test binary that must not see the
// checker's: enough to run, and nothing else.
func cleanEnv() []string {
	env := []string{"HOME=/tmp", "TMPDIR=/tmp", "PATH=/usr/local/bin:/usr/bin:/bin"}
	for _, name := range []string{"LANG", "LC_ALL", "GOMAXPROCS", "GODEBUG"} {
		if v, ok := os.LookupEnv(name); ok {
			env = append(env, name+"="+v)
		}
	}
	return env
}

func (r *Runner) goCmd() string {
	if r.Go == "" {
		return "go"
	}
	return r.Go
}

func (r *Runner) buildLimit() time.Duration {
	if r.BuildLimit <= 0 {
		return DefaultBuildLimit
	}
	return r.BuildLimit
}
