package runner

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// Binary is a lesson's compiled test binary, for running the same specs many
// times without building them again.
type Binary struct {
	Lesson course.Lesson
	Path   string
	dir    string // the lesson's directory: test binaries run there
}

// Build compiles lesson l with overlay o into a test binary in dir.
func (r *Runner) Build(ctx context.Context, l course.Lesson, o Overlay, dir string) (*Binary, error) {
	bin := filepath.Join(dir, l.Dir+".test")
	args, cleanup, err := r.testArgs(l, o, r.Race, "-c", "-o", bin)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	cmd := exec.CommandContext(ctx, r.goCmd(), args...)
	cmd.Dir = r.Root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("building %s: %v\n%s", l.Dir, err, out.String())
	}
	return &Binary{Lesson: l, Path: bin, dir: filepath.Join(r.Root, l.LessonPath())}, nil
}

// Run runs the binary once with extra environment env and returns the
// specs that ended, the spec the binary died in (nil if none), and a note
// when the binary died outside any spec.
func (b *Binary) Run(ctx context.Context, env ...string) (ended []Spec, crashed *Spec, note string, err error) {
	cmd := exec.CommandContext(ctx, b.Path)
	cmd.Dir = b.dir
	cmd.Env = append(os.Environ(), raceOptions())
	cmd.Env = append(cmd.Env, env...)
	killGroup(cmd)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, "", err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return nil, nil, "", err
	}
	p := newPass(b.Lesson)
	p.readPlain(stdout)
	waitErr := cmd.Wait()
	reapGroup(cmd)
	p.killed = ctx.Err() != nil
	p.finish()
	if p.crashed == nil && !p.restart && waitErr != nil && (p.total < 0 || len(p.ended) < p.total) {
		note = p.earlyExit()
	}
	return p.ended, p.crashed, note, nil
}

func (r *Runner) goCmd() string {
	if r.Go == "" {
		return "go"
	}
	return r.Go
}
