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
	allowance chan struct{} // one token for each admission left in this period
	stop      chan struct{} // closed by Stop
}

// NewLimiter returns a Limiter that admits n calls per period of length per.
// It panics if n < 1 or per <= 0.
func NewLimiter(n int, per time.Duration) *Limiter {
	if n < 1 || per <= 0 {
		panic("selects: NewLimiter needs n >= 1 and per > 0")
	}
	l := &Limiter{
		allowance: make(chan struct{}, n),
		stop:      make(chan struct{}),
	}
	l.refill()
	go l.tick(time.NewTicker(per))
	return l
}

// tick refills the allowance at the start of every period until Stop.
func (l *Limiter) tick(t *time.Ticker) {
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			l.refill()
		}
	}
}

// refill sets the allowance back to n. It sends only the missing tokens:
// "send until the channel is full" would also hand a token to every caller
// already waiting, since a send to a waiting receiver never fills the
// buffer. Only this goroutine sends, so the sends never block.
func (l *Limiter) refill() {
	for range cap(l.allowance) - len(l.allowance) {
		l.allowance <- struct{}{}
	}
}

// Wait returns nil as soon as the caller is admitted: at once if the current
// period has allowance left, otherwise at the start of a later period. If
// ctx is done first it returns ctx.Err() and uses no allowance; a ctx that
// is already done when Wait is called counts as done first, even when
// allowance is left. Once Stop has been called it returns ErrStopped, both
// to callers already waiting and to later calls, whether or not their ctx
// is done.
func (l *Limiter) Wait(ctx context.Context) error {
	select {
	case <-l.stop: // checked first: a select with several ready cases picks at random
		return ErrStopped
	default:
	}
	select {
	case <-ctx.Done(): // then ctx, for the same reason: a done ctx takes no allowance
		return ctx.Err()
	default:
	}
	select {
	case <-l.allowance:
		return nil
	case <-l.stop:
		return ErrStopped
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stop stops the limiter: it releases every waiting caller with ErrStopped
// and ends the limiter's goroutine and ticker. It is an error to call Stop
// twice: the second call panics.
func (l *Limiter) Stop() {
	close(l.stop)
}
