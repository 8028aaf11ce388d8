// threadlings:want fail

// Wait sleeps until its turn whatever happens to ctx.
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
	turn := l.next
	if turn.Before(now) {
		turn = now
	}
	l.next = turn.Add(l.interval)
	l.mu.Unlock()
	time.Sleep(turn.Sub(now))
	return nil
}
