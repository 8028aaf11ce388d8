// This file builds Lock, Go's answer to Python's threading.Lock: one holder
// at a time, a way to try without waiting, a way to wait for a while and give
// up, and a release that tells you when you got it wrong.
//
// The natural Go build is a channel with room for one token. Acquiring puts
// the token in, which blocks while the token is already there; releasing
// takes it out. Because acquiring is then a channel send, it can sit in a
// select next to a timer or a context, which sync.Mutex cannot.
package lock

import (
	"context"
	"errors"
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
	// TODO: add the lock's state, e.g. a channel of capacity 1 that holds a
	// token while the lock is held. The zero value must work, so make the
	// channel on first use, and make that first use safe for many goroutines
	// at once (sync.Once).
}

// Acquire locks l. If the lock is already held, Acquire blocks until it is
// released: it waits parked, on a channel or a lock, and uses no CPU while it
// waits (a loop of TryAcquire and runtime.Gosched spins instead). When
// several goroutines wait, each Release lets exactly one of them in. It is
// Python's acquire().
func (l *Lock) Acquire() {
	// TODO: wait until the lock is free, then take it.
	panic("TODO: Acquire: take the lock, waiting while someone else holds it")
}

// TryAcquire locks l if it is free and reports whether it did. It never
// blocks. When many goroutines call it at once on a free lock, exactly one of
// them gets it. It is Python's acquire(blocking=False).
func (l *Lock) TryAcquire() bool {
	// TODO: take the lock only if that needs no waiting (select with default).
	panic("TODO: TryAcquire: take the lock if it is free, never wait")
}

// AcquireTimeout locks l, waiting at most d for it to be released, and
// reports whether it did: true as soon as the lock is taken, false once d has
// passed, in which case it has not taken the lock and never takes it later.
// It is Python's acquire(timeout=d).
//
// If d is zero or negative AcquireTimeout does not wait: it is TryAcquire.
// (Python's timeout=-1 means "wait forever"; in Go that is Acquire.)
func (l *Lock) AcquireTimeout(d time.Duration) bool {
	// TODO: wait for the lock or for a timer of d, whichever comes first.
	panic("TODO: AcquireTimeout: take the lock, giving up after d")
}

// AcquireContext locks l, waiting until it is released or ctx is done. It
// returns nil once the caller holds the lock, or ctx.Err() if ctx was done
// first, in which case the caller does not hold the lock and never gets it
// later. If ctx is already done and the lock is held, it returns ctx.Err() at
// once; if ctx is already done and the lock is free, either may happen.
func (l *Lock) AcquireContext(ctx context.Context) error {
	// TODO: wait for the lock or for ctx.Done(), whichever comes first.
	panic("TODO: AcquireContext: take the lock, giving up when ctx is done")
}

// Release unlocks l. Any goroutine may release the lock, not only the one
// that acquired it. Releasing a lock that is not held returns ErrNotLocked
// and leaves the lock unlocked; sync.Mutex, in the same situation, stops the
// whole program. Release never blocks: when two goroutines release a held
// lock at the same time, one gets nil and the other ErrNotLocked.
func (l *Lock) Release() error {
	// TODO: give the lock back, or return ErrNotLocked if nobody holds it.
	panic("TODO: Release: free the lock, or return ErrNotLocked if it is not held")
}

// Locked reports whether l is held. The answer may be out of date as soon as
// it is returned, so use it for reports and tests, not to decide whether to
// acquire: that is what TryAcquire is for. Locked only looks: it never takes
// the lock, not even for an instant, so it never makes another goroutine's
// TryAcquire fail.
func (l *Lock) Locked() bool {
	// TODO: report whether someone holds the lock.
	panic("TODO: Locked: report whether the lock is held")
}
