// This file builds a rate limiter: at most n callers get through in each
// period, however many are asking. A ticker marks the periods; a channel
// holds the allowance that is left in the current one.

package selects

import (
	"context"
	"errors"
	"time"
)

// ErrStopped is returned by Wait once the Limiter has been stopped.
var ErrStopped = errors.New("selects: limiter stopped")

// A Limiter admits at most n Wait calls in each period. The periods start
// when the limiter is made: [0, per), [per, 2*per), ... At the start of each
// period the allowance is set to n; allowance left unused at the end of a
// period is lost, so a limiter that was idle for a while still admits only n
// at once. Callers that find no allowance left wait for the next period.
//
// Make a Limiter with NewLimiter, and call Stop when done with it.
type Limiter struct {
	// TODO: the limiter's state, e.g. a channel with room for n tokens (the
	// allowance left in this period) and a channel that Stop closes.
}

// NewLimiter returns a Limiter that admits n calls per period of length per.
// It panics if n < 1 or per <= 0.
func NewLimiter(n int, per time.Duration) *Limiter {
	// TODO: fill the allowance, and start a goroutine with a time.Ticker that
	// tops it up to n at every tick until Stop.
	panic("TODO: NewLimiter: n tokens now, topped up to n at every tick")
}

// Wait returns nil as soon as the caller is admitted: at once if the current
// period has allowance left, otherwise at the start of a later period. If
// ctx is done first it returns ctx.Err() and uses no allowance; a ctx that
// is already done when Wait is called counts as done first, even when
// allowance is left. Once Stop has been called it returns ErrStopped, both
// to callers already waiting and to later calls, whether or not their ctx
// is done.
func (l *Limiter) Wait(ctx context.Context) error {
	// TODO: return ErrStopped if stopped, and ctx.Err() if ctx is already
	// done (a select with a default case looks without waiting); otherwise
	// select on taking a token, on Stop and on ctx.Done().
	panic("TODO: Wait: take a token, or give up when ctx is done or the limiter stops")
}

// Stop stops the limiter: it releases every waiting caller with ErrStopped
// and ends the limiter's goroutine and ticker. It is an error to call Stop
// twice: the second call panics.
func (l *Limiter) Stop() {
	// TODO: close the channel that the limiter's goroutine and every waiter
	// select on.
	panic("TODO: Stop: end the ticker goroutine and release every waiter")
}
