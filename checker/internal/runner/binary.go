package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// Binary is a lesson's compiled test binary, for running the same specs
// several times without building them again.
type Binary struct {
	Lesson  course.Lesson
	Path    string
	dir     string // the lesson's directory: test binaries run there
	limit   time.Duration
	sandbox []string // words before the binary's, if any
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
		return &Binary{Lesson: l, Path: bin, dir: filepath.Join(r.Root, l.LessonPath()), limit: r.limit(), sandbox: r.Sandbox}, nil
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

// Run runs the binary once with extra environment env and returns the
// specs that ended, the spec the binary died in (nil if none), and a note
// when the binary died outside any spec.
func (b *Binary) Run(ctx context.Context, env ...string) (ended []Spec, crashed *Spec, note string, err error) {
	p, err := b.exec(ctx, append([]string{raceOptions()}, env...))
	if err != nil {
		return nil, nil, "", err
	}
	if p.crashed == nil && !p.restart && p.exitErr && (p.total < 0 || len(p.ended) < p.total) {
		note = p.earlyExit()
	}
	return p.ended, p.crashed, note, nil
}

// killGrace is how long a test binary has after its own -test.timeout
// to print its goroutines and exit before it is killed.
const killGrace = 15 * time.Second

// exec runs the binary once, with the environment env after the process's
// own, and reads what it printed.
func (b *Binary) exec(ctx context.Context, env []string) (*pass, error) {
	ctx, cancel := context.WithTimeout(ctx, b.limit+killGrace)
	defer cancel()
	words := append(append([]string{}, b.sandbox...), b.Path, "-test.paniconexit0", "-test.timeout="+b.limit.String())
	cmd := exec.CommandContext(ctx, words[0], words[1:]...)
	cmd.Dir = b.dir
	cmd.Env = append(os.Environ(), env...)
	killGroup(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEnvironment, err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: cannot run the test binary of %s: %v", ErrEnvironment, b.Lesson.Dir, err)
	}
	p := newPass(b.Lesson)
	p.readPlain(stdout)
	waitErr := cmd.Wait()
	reapGroup(cmd)
	p.killed = ctx.Err() != nil
	p.exitErr = waitErr != nil
	p.finish()
	return p, nil
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
