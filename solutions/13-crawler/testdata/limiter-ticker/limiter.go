// threadlings:want fail

// A time.Ticker hands out the turns: the first caller waits a whole
// interval for the first tick, and after an idle spell the tick that waited
// in the channel lets the next caller go early.
package crawler

import (
	"context"
	"sync"
	"time"
)

type Limiter struct {
	interval time.Duration
	once     sync.Once
	ticker   *time.Ticker
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
	l.once.Do(func() { l.ticker = time.NewTicker(l.interval) })
	select {
	case <-l.ticker.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
