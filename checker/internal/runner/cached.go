package runner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/internal/verdict"
)

// RunCached is Run through the result cache c: a result kept under the
// run's key (see Key) comes back at once, with Cached set; otherwise the
// lesson runs, and its result is kept if keep accepts it. A zero c keeps
// nothing and runs every time.
func (r *Runner) RunCached(ctx context.Context, l course.Lesson, o Overlay, c cache.Dir, keep func(*Result) bool) (*Result, error) {
	key, err := r.Key(l, o)
	if err != nil {
		key = "" // an unreadable input: run, and keep nothing
	}
	var res Result
	if c.Load(key, &res) {
		res.Cached = true
		return &res, nil
	}
	// Once this lesson has built here, with these settings and this build
	// cache, later builds are warm: the check of what the code uses may
	// start beside them.
	warmKey, _ := r.warmKey(l)
	var warm bool
	c.Load(warmKey, &warm)
	got, err := r.run(ctx, l, o, warm)
	if err == nil && ctx.Err() == nil && got.BuildError == "" && !warm {
		c.Store(warmKey, true)
	}
	if err == nil && ctx.Err() == nil && keep(got) {
		c.Store(key, got)
	}
	return got, err
}

// warmKey is the key under which RunCached notes that lesson l has built
// with this runner's settings and this go command's build cache.
func (r *Runner) warmKey(l course.Lesson) (string, error) {
	v, err := r.GoVersion()
	if err != nil {
		return "", err
	}
	gocache, err := r.goEnv("GOCACHE")
	if err != nil {
		return "", err
	}
	k := cache.NewKey("warm").Add("go", v).Add("gocache", gocache).Add("lesson", l.Dir).
		Add("settings", fmt.Sprint(r.Race, r.Env))
	for _, name := range keyEnv {
		k.Add(name, os.Getenv(name))
	}
	return k.File("go.sum", filepath.Join(r.Root, "go.sum")).Sum()
}

// Repeatable reports whether running the same code again would give the
// same result, so that it may be kept in a result cache: the lesson built
// (or failed to compile) and no spec timed out, crashed, leaked or went
// unrun, the verdicts that a busy machine or an unlucky schedule can
// change.
func (r *Result) Repeatable() bool {
	if r.BuildTimedOut || r.Note != "" || r.Tampered != "" {
		return false
	}
	if r.BuildError != "" || len(r.Forbidden) > 0 {
		return true
	}
	for _, s := range r.Specs {
		switch s.Verdict {
		case verdict.Timeout, verdict.Crash, verdict.Leak, verdict.NotRun:
			return false
		}
	}
	return len(r.Specs) > 0
}
