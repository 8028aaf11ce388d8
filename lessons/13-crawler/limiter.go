package crawler

// This file builds Limiter, the crawler's manners. A site asked for fifty
// pages in the same millisecond may slow down for everyone or shut the door
// on you, so a polite crawler spaces its requests out. Lesson 12's limiter
// let n callers through per period of a ticker; this one lets them through
// one at a time, an even interval apart, and needs no goroutine or ticker of
// its own: it only remembers when the next caller may go.

import (
	"context"
	"time"
)

// A Limiter spaces events out in time: two events are never less than one
// interval apart, where the interval is time.Second divided by the rate.
//
// The first Wait returns at once. Each later Wait returns at the earliest
// instant that is at least one interval after the event before it, so a
// Limiter that has been idle lets the next caller through at once, but it
// never saves up idle time to let a burst through later. Wait may be called
// from many goroutines at once: they go through one at a time, an interval
// apart, in no particular order.
//
// Make a Limiter with NewLimiter. It holds no goroutine or timer between
// calls, so there is nothing to stop. A Limiter must not be copied after
// first use.
type Limiter struct {
	interval time.Duration // zero: no limit

	// TODO: add a sync.Mutex and, guarded by it, the earliest time at which
	// the next event may happen.
}

// NewLimiter returns a Limiter that lets at most perSecond events through in
// a second, one every time.Second/perSecond. If perSecond is 0 or less, the
// Limiter never makes anyone wait.
func NewLimiter(perSecond int) *Limiter {
	l := &Limiter{}
	if perSecond > 0 {
		l.interval = time.Second / time.Duration(perSecond)
	}
	return l
}

// Wait blocks until it is the caller's turn and returns nil, or returns
// ctx.Err() if ctx is done before then. A Wait that gives up may still have
// used its turn: later callers may be spaced out as if its event had
// happened.
func (l *Limiter) Wait(ctx context.Context) error {
	// TODO: with no limit, return nil. Otherwise, under the mutex, take your
	// turn: the later of now and the time kept in the Limiter; keep that turn
	// plus one interval as the time for the next caller. Let go of the mutex
	// BEFORE waiting (a goroutine that sleeps holding a mutex makes everyone
	// else wait for nothing), then wait for your turn with a time.Timer in a
	// select that also watches ctx.Done().
	panic("TODO: Wait: take the next turn under a mutex, then wait for it (or for ctx) without the mutex")
}
