// This file builds RLock, a re-entrant lock in the spirit of Python's
// threading.RLock: whoever holds it may acquire it again without waiting,
// and it is free again only after as many releases as there were acquires.
//
// Python knows who "whoever" is because every call runs on a thread with an
// identity. Go gives goroutines no identity you can read, on purpose, so the
// holder here is an Owner: a token the caller makes once and passes to every
// call made on its behalf, from whichever goroutine makes it.
package rlock

import (
	"context"
	"errors"
)

// Errors returned by RLock.Release. Compare with errors.Is.
var (
	// ErrNotHeld means the lock was released while nobody held it.
	ErrNotHeld = errors.New("rlock: release of an unheld lock")
	// ErrNotOwner means the lock was released by an owner that does not hold it.
	ErrNotOwner = errors.New("rlock: release by an owner that does not hold the lock")
)

// An Owner names who holds an RLock. Owners are compared with ==: a copy of
// an Owner is the same owner, two Owners made by NewOwner never are. Make one
// with NewOwner and pass it to every call made on the owner's behalf. Do not
// use the zero Owner: every caller that did would count as one owner.
type Owner struct{ id *byte }

// NewOwner returns an Owner different from every other.
func NewOwner() Owner { return Owner{id: new(byte)} }

// An RLock is a re-entrant mutual exclusion lock keyed by Owner: the owner
// that holds it may acquire it again, and must release it once for every
// acquire; any other owner waits until the last of those releases.
//
// The zero value is an unlocked RLock. An RLock must not be copied after
// first use.
type RLock struct {
	// TODO: the lock's state: a sync.Mutex guarding who holds the lock
	// (an Owner) and how many times (a count), and a way for other owners
	// to wait for the count to drop to zero (a channel, or a sync.Cond).
}

// Acquire takes the lock for owner. If owner already holds it, Acquire
// returns at once and owner now needs one more Release. If another owner
// holds it, Acquire waits until that owner's last Release. When several
// owners wait, each last Release lets exactly one of them in.
func (l *RLock) Acquire(owner Owner) {
	// TODO: the same owner counts up; another owner waits for a count of 0.
	panic("TODO: Acquire: let the holder in again (count + 1), make other owners wait until the count is 0")
}

// AcquireContext is Acquire that stops waiting when ctx is done. It returns
// nil once owner holds the lock, or ctx.Err() if ctx ended first, in which
// case the lock is left as it was, then and later. ctx only limits the wait:
// if owner can take the lock without waiting (it is free, or owner already
// holds it), AcquireContext takes it and returns nil even when ctx is already
// done; if another owner holds it and ctx is already done, it returns
// ctx.Err() at once.
func (l *RLock) AcquireContext(ctx context.Context, owner Owner) error {
	// TODO: wait as Acquire does, in a select that also watches ctx.Done().
	panic("TODO: AcquireContext: wait like Acquire, but give up with ctx.Err() when ctx is done")
}

// Release gives up one of owner's acquires. The lock is free for other
// owners when every acquire has been released. It is an error (ErrNotHeld)
// to release a lock nobody holds, and an error (ErrNotOwner) to release a
// lock held by another owner; in both cases the lock is left as it was.
func (l *RLock) Release(owner Owner) error {
	// TODO: check the lock is held, and by owner; count down; at 0 wake the waiters.
	panic("TODO: Release: count one acquire down, wake waiters at 0, refuse unheld locks and other owners")
}
