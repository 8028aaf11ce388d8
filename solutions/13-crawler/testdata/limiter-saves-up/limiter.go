// threadlings:want fail

// A token bucket that fills up to a whole second's worth while idle:
// after a rest, a burst of callers all go at once.
package crawler

import (
	"context"
	"sync"
	"time"
)

type Limiter struct {
	interval time.Duration
	mu       sync.Mutex
	next     time.Time
}

func NewLimiter(perSecond int) *Limiter {
	l := &Limiter{}
	if perSecond > 0 {
		l.interval = time.Second / time.Duration(perSecond)
	}
	return l
}

func (l *Limiter) Wait(ctx context.Context) error {
	if l.interval == 0 {
		return nil
	}
	l.mu.Lock()
	now := time.Now()
	// Turns not taken in the last second are still there to be taken.
	if earliest := now.Add(-time.Second); l.next.Before(earliest) {
		l.next = earliest
	}
	turn := l.next
	l.next = turn.Add(l.interval)
	l.mu.Unlock()
	if wait := turn.Sub(now); wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
