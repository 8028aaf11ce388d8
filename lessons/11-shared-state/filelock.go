package sharedstate

// This file builds FileLock, a lock that works between processes, like
// Python's multiprocessing.Lock. A sync.Mutex lives in one process's memory,
// so another process cannot see it; a lock between processes must live
// somewhere both can reach. Here it is the kernel: flock(2) locks an open
// file, every process that opens the same path sees the same lock, and the
// kernel drops a process's locks when it exits, even when it crashes.

import "errors"

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
	// TODO: add the open *os.File while the lock is held: the kernel ties
	// the lock to the open file, so it stays held only while the file does.
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
	// TODO: open the file (os.OpenFile with O_RDWR|O_CREATE), then
	// syscall.Flock(int(f.Fd()), syscall.LOCK_EX), and keep f open.
	panic("TODO: Lock: open the file and flock it with LOCK_EX, keeping it open")
}

// TryLock takes the lock if no other holder has it and reports whether it
// did. It never waits.
func (l *FileLock) TryLock() (bool, error) {
	// TODO: the same as Lock with LOCK_EX|LOCK_NB: syscall.EWOULDBLOCK means
	// someone else holds it (return false, nil, and close the file).
	panic("TODO: TryLock: flock with LOCK_EX|LOCK_NB, false on EWOULDBLOCK")
}

// Unlock releases the lock, or returns ErrNotLocked if l does not hold it.
func (l *FileLock) Unlock() error {
	// TODO: flock with LOCK_UN and close the file.
	panic("TODO: Unlock: flock with LOCK_UN and close the file, or return ErrNotLocked")
}
