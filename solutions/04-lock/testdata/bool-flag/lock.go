// threadlings:want race

// Known-bad: a bool flag with no synchronisation: goroutines read and write it at the same time.

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
	"runtime"
	"time"
)

// ErrNotLocked is returned by Release when the lock is not held, the mistake
// for which Python raises RuntimeError("release unlocked lock").
var ErrNotLocked = errors.New("lock: release of unlocked lock")

// A Lock is a mutual exclusion lock: at most one holder at a time.
//
// The zero value is an unlocked Lock, ready to use. A Lock must not be copied
// after first use.
//
// A Lock is not tied to a goroutine: one goroutine may acquire it and another
// release it, as with Python's threading.Lock. It is not re-entrant: a holder
// that acquires it again waits for itself forever.
type Lock struct {
	held bool
}

// Acquire locks l. If the lock is already held, Acquire blocks until it is
// released. It is Python's acquire().
func (l *Lock) Acquire() {
	for l.held {
		runtime.Gosched()
	}
	l.held = true
}

// TryAcquire locks l if it is free and reports whether it did. It never
// blocks. It is Python's acquire(blocking=False).
func (l *Lock) TryAcquire() bool {
	if l.held {
		return false
	}
	l.held = true
	return true
}

// AcquireTimeout locks l, waiting at most d for it to be released, and
// reports whether it did: true as soon as the lock is taken, false once d has
// passed. It is Python's acquire(timeout=d).
//
// If d is zero or negative AcquireTimeout does not wait: it is TryAcquire.
// (Python's timeout=-1 means "wait forever"; in Go that is Acquire.)
func (l *Lock) AcquireTimeout(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		if l.TryAcquire() {
			return true
		}
		if !time.Now().Before(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
}

// AcquireContext locks l, waiting until it is released or ctx is done. It
// returns nil once the caller holds the lock, or ctx.Err() if ctx was done
// first, in which case the caller does not hold the lock. If ctx is already
// done and the lock is free, either may happen.
func (l *Lock) AcquireContext(ctx context.Context) error {
	for {
		if l.TryAcquire() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		runtime.Gosched()
	}
}

// Release unlocks l. Any goroutine may release the lock, not only the one
// that acquired it. Releasing a lock that is not held returns ErrNotLocked
// and leaves the lock unlocked; sync.Mutex, in the same situation, stops the
// whole program.
func (l *Lock) Release() error {
	if !l.held {
		return ErrNotLocked
	}
	l.held = false
	return nil
}

// Locked reports whether l is held. The answer may be out of date as soon as
// it is returned, so use it for reports and tests, not to decide whether to
// acquire: that is what TryAcquire is for.
func (l *Lock) Locked() bool {
	return l.held
}
