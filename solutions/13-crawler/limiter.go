package crawler

// This file builds Limiter, the crawler's manners. A site asked for fifty
// pages in the same millisecond may slow down for everyone or shut the door
// on you, so a polite crawler spaces its requests out. Lesson 12's limiter
// let n callers through per period of a ticker; this one lets them through
// one at a time, an even interval apart, and needs no goroutine or ticker of
// its own: it only remembers when the next caller may go.

import (
	"context"
	"sync"
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

	mu   sync.Mutex
	next time.Time // the earliest time the next event may happen
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
	if l.interval == 0 {
		return nil
	}
	l.mu.Lock()
	now := time.Now()
	turn := l.next
	if turn.Before(now) {
		turn = now
	}
	l.next = turn.Add(l.interval)
	l.mu.Unlock()

	wait := turn.Sub(now)
	if wait <= 0 {
		return nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
