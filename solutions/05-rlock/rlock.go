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
	"sync"
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
	mu    sync.Mutex    // guards the fields below
	owner Owner         // the holder, while count > 0
	count int           // acquires by owner not yet released
	free  chan struct{} // closed when count drops to 0; nil while nobody waits
}

// Acquire takes the lock for owner. If owner already holds it, Acquire
// returns at once and owner now needs one more Release. If another owner
// holds it, Acquire waits until that owner's last Release. When several
// owners wait, each last Release lets exactly one of them in.
func (l *RLock) Acquire(owner Owner) {
	_ = l.AcquireContext(context.Background(), owner)
}

// AcquireContext is Acquire that stops waiting when ctx is done. It returns
// nil once owner holds the lock, or ctx.Err() if ctx ended first, in which
// case the lock is left as it was, then and later. ctx only limits the wait:
// if owner can take the lock without waiting (it is free, or owner already
// holds it), AcquireContext takes it and returns nil even when ctx is already
// done; if another owner holds it and ctx is already done, it returns
// ctx.Err() at once.
func (l *RLock) AcquireContext(ctx context.Context, owner Owner) error {
	l.mu.Lock()
	for l.count > 0 && l.owner != owner {
		if l.free == nil {
			l.free = make(chan struct{})
		}
		free := l.free
		l.mu.Unlock()
		select {
		case <-free:
		case <-ctx.Done():
			return ctx.Err()
		}
		l.mu.Lock() // another waiter may have got in first: look again
	}
	l.owner = owner
	l.count++
	l.mu.Unlock()
	return nil
}

// Release gives up one of owner's acquires. The lock is free for other
// owners when every acquire has been released. It is an error (ErrNotHeld)
// to release a lock nobody holds, and an error (ErrNotOwner) to release a
// lock held by another owner; in both cases the lock is left as it was.
func (l *RLock) Release(owner Owner) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.count == 0:
		return ErrNotHeld
	case l.owner != owner:
		return ErrNotOwner
	}
	l.count--
	if l.count == 0 && l.free != nil {
		close(l.free) // wake every waiter; one of them wins
		l.free = nil
	}
	return nil
}
