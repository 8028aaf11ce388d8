// This file builds WithTimeout, Python's asyncio.wait_for(f(), timeout): run
// one piece of work, but give up on it after a fixed time, tell it to stop,
// and get on with your own work at once.

package selects

import (
	"context"
	"time"
)

// WithTimeout runs f in a goroutine of its own with a context that is
// cancelled after d, and returns f's result if f returns first.
//
// If d passes first, WithTimeout returns the zero value and an error wrapping
// context.DeadlineExceeded exactly then, whether f has returned or not. A d
// of zero or less has passed already, as for context.WithTimeout (it does not
// mean "no time limit"): WithTimeout then gives up at once. If ctx is done
// first, it returns ctx.Err() the same way. In both cases f's context is
// done, so f can see that its work is no longer wanted; f may return after
// WithTimeout has returned, and must then not be left blocked.
func WithTimeout[T any](ctx context.Context, d time.Duration, f func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()

	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1) // f may finish after we have gone: its send must not block
	go func() {
		v, err := f(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
