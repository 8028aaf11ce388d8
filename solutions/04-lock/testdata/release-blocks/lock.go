// threadlings:want timeout

// Known-bad: Release of an unlocked lock waits for someone to acquire it
// instead of returning ErrNotLocked. (Doc comments left out: this is the
// solution with one line changed.)
package lock

import (
	"context"
	"errors"
	"sync"
	"time"
)

var ErrNotLocked = errors.New("lock: release of unlocked lock")

type Lock struct {
	once sync.Once
	slot chan struct{}
}

func (l *Lock) ch() chan struct{} {
	l.once.Do(func() { l.slot = make(chan struct{}, 1) })
	return l.slot
}

func (l *Lock) Acquire() {
	l.ch() <- struct{}{}
}

func (l *Lock) TryAcquire() bool {
	select {
	case l.ch() <- struct{}{}:
		return true
	default:
		return false
	}
}

func (l *Lock) AcquireTimeout(d time.Duration) bool {
	if l.TryAcquire() {
		return true
	}
	if d <= 0 {
		return false
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case l.ch() <- struct{}{}:
		return true
	case <-t.C:
		return false
	}
}

func (l *Lock) AcquireContext(ctx context.Context) error {
	select {
	case l.ch() <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *Lock) Release() error {
	<-l.ch()
	return nil
}

func (l *Lock) Locked() bool {
	return len(l.ch()) == 1
}
