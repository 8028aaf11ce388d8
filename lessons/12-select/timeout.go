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
	// TODO: make a context that expires after d, run f in a goroutine that
	// sends its result on a buffered channel, and select on that channel and
	// on the context's Done channel.
	panic("TODO: WithTimeout: run f, give up after d and cancel f's context")
}
