// threadlings:want timeout

// Wait sleeps with the mutex held, so callers go one at a time, but every
// other caller is stuck in Lock, where not even ctx can reach it. In a
// bubble, fake time cannot move on while goroutines wait for a mutex.
package crawler

import (
	"context"
	"sync"
	"time"
)

type Limiter struct {
	interval time.Duration
	mu       sync.Mutex
	last     time.Time
	used     bool
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
	defer l.mu.Unlock()
	if l.used {
		if wait := time.Until(l.last.Add(l.interval)); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	l.used = true
	l.last = time.Now()
	return nil
}
