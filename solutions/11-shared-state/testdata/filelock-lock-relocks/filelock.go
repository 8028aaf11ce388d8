// threadlings:want fail

// Only TryLock checks whether l already holds the lock: Lock opens the file
// again and flocks it, and waits for ever for the lock it holds itself.

package sharedstate

// This file builds FileLock, a lock that works between processes, like
// Python's multiprocessing.Lock. A sync.Mutex lives in one process's memory,
// so another process cannot see it; a lock between processes must live
// somewhere both can reach. Here it is the kernel: flock(2) locks an open
// file, every process that opens the same path sees the same lock, and the
// kernel drops a process's locks when it exits, even when it crashes.

import (
	"errors"
	"os"
	"syscall"
)

// ErrNotLocked is returned by Unlock when the FileLock is not held.
var ErrNotLocked = errors.New("sharedstate: unlock of unlocked file lock")

// ErrLocked is returned by Lock and TryLock when the FileLock is already
// held: a FileLock is not re-entrant.
var ErrLocked = errors.New("sharedstate: file lock already held")

// A FileLock is an exclusive lock on a file, shared by every process (and
// every FileLock in one process) that locks the same path. It is an flock(2)
// lock, so it also excludes other programs that flock the file, such as the
// flock(1) command. The file is created if it does not exist and is never
// written.
//
// Create a FileLock with NewFileLock. A FileLock is meant for one goroutine
// at a time; goroutines of one process that must exclude each other use a
// sync.Mutex, or a FileLock each.
type FileLock struct {
	path string
	f    *os.File // open while the lock is held
}

// NewFileLock returns a FileLock for the file at path. It does not touch the
// file: Lock does.
func NewFileLock(path string) *FileLock {
	return &FileLock{path: path}
}

// Lock takes the lock, waiting while another holder has it. It returns an
// error if the file cannot be opened or locked, and ErrLocked if l already
// holds the lock.
func (l *FileLock) Lock() error {
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return err
	}
	l.f = f
	return nil
}

// TryLock takes the lock if no other holder has it and reports whether it
// did. It never waits.
func (l *FileLock) TryLock() (bool, error) {
	return l.lock(syscall.LOCK_EX | syscall.LOCK_NB)
}

func (l *FileLock) lock(how int) (bool, error) {
	if l.f != nil {
		return false, ErrLocked
	}
	f, err := os.OpenFile(l.path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return false, err
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return false, nil
		}
		return false, &os.PathError{Op: "flock", Path: l.path, Err: err}
	}
	// The lock belongs to the open file: it stays held only while f is open.
	l.f = f
	return true, nil
}

// Unlock releases the lock, or returns ErrNotLocked if l does not hold it.
func (l *FileLock) Unlock() error {
	if l.f == nil {
		return ErrNotLocked
	}
	f := l.f
	l.f = nil
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
