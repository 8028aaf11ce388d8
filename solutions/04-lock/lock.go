// This file builds Lock, Go's answer to Python's threading.Lock: one holder
// at a time, a way to try without waiting, a way to wait for a while and give
// up, and a release that tells you when you got it wrong.
//
// The lock is a channel with room for one token. Acquiring puts the token in,
// which blocks while the token is already there; releasing takes it out.
// Because acquiring is a channel send, it can sit in a select next to a timer
// or a context, which sync.Mutex cannot.
package lock

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrNotLocked is returned by Release when the lock is not held, the mistake
// for which Python raises RuntimeError("release unlocked lock"). Release
// returns this very value, so callers test for it with errors.Is.
var ErrNotLocked = errors.New("lock: release of unlocked lock")

// A Lock is a mutual exclusion lock: at most one holder at a time.
//
// The zero value is an unlocked Lock, ready to use. A Lock must not be copied
// after first use.
//
// A Lock is not tied to a goroutine: one goroutine may acquire it and another
// release it, as with Python's threading.Lock. It is not re-entrant: a holder
// that acquires it again waits for itself forever.
//
// A Lock is safe for use by many goroutines at once: any method may be called
// while other goroutines call any of them, on a new Lock too.
type Lock struct {
	once sync.Once
	slot chan struct{} // holds one token while the lock is held
}

// ch returns the lock's channel, making it on first use. sync.Once makes that
// first use safe when many goroutines arrive at once.
func (l *Lock) ch() chan struct{} {
	l.once.Do(func() { l.slot = make(chan struct{}, 1) })
	return l.slot
}

// Acquire locks l. If the lock is already held, Acquire blocks until it is
// released: it waits parked, on a channel or a lock, and uses no CPU while it
// waits (a loop of TryAcquire and runtime.Gosched spins instead). When
// several goroutines wait, each Release lets exactly one of them in. It is
// Python's acquire().
func (l *Lock) Acquire() {
	l.ch() <- struct{}{}
}

// TryAcquire locks l if it is free and reports whether it did. It never
// blocks. When many goroutines call it at once on a free lock, exactly one of
// them gets it. It is Python's acquire(blocking=False).
func (l *Lock) TryAcquire() bool {
	select {
	case l.ch() <- struct{}{}:
		return true
	default:
		return false
	}
}

// AcquireTimeout locks l, waiting at most d for it to be released, and
// reports whether it did: true as soon as the lock is taken, false once d has
// passed, in which case it has not taken the lock and never takes it later.
// It is Python's acquire(timeout=d).
//
// If d is zero or negative AcquireTimeout does not wait: it is TryAcquire.
// (Python's timeout=-1 means "wait forever"; in Go that is Acquire.)
func (l *Lock) AcquireTimeout(d time.Duration) bool {
	// Try first: with both cases of the select below ready, Go would pick
	// one at random, and a free lock must not be missed because d is tiny.
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

// AcquireContext locks l, waiting until it is released or ctx is done. It
// returns nil once the caller holds the lock, or ctx.Err() if ctx was done
// first, in which case the caller does not hold the lock and never gets it
// later. If ctx is already done and the lock is held, it returns ctx.Err() at
// once; if ctx is already done and the lock is free, either may happen.
func (l *Lock) AcquireContext(ctx context.Context) error {
	select {
	case l.ch() <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Release unlocks l. Any goroutine may release the lock, not only the one
// that acquired it. Releasing a lock that is not held returns ErrNotLocked
// and leaves the lock unlocked; sync.Mutex, in the same situation, stops the
// whole program. Release never blocks: when two goroutines release a held
// lock at the same time, one gets nil and the other ErrNotLocked.
func (l *Lock) Release() error {
	select {
	case <-l.ch():
		return nil
	default:
		return ErrNotLocked
	}
}

// Locked reports whether l is held. The answer may be out of date as soon as
// it is returned, so use it for reports and tests, not to decide whether to
// acquire: that is what TryAcquire is for. Locked only looks: it never takes
// the lock, not even for an instant, so it never makes another goroutine's
// TryAcquire fail.
func (l *Lock) Locked() bool {
	return len(l.ch()) == 1
}
