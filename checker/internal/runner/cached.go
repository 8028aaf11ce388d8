package runner

import (
	"context"

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
	got, err := r.Run(ctx, l, o)
	if err == nil && ctx.Err() == nil && keep(got) {
		c.Store(key, got)
	}
	return got, err
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
