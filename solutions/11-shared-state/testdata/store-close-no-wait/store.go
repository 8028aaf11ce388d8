// threadlings:want fail

// Close tells the owner to stop and returns at once, while the owner may
// still be running an operation.

// Package sharedstate is lesson 11: shared state, in one process and across
// processes.
//
// This file builds a Store, a map of counters that many goroutines use at
// once without a lock in sight. One goroutine, the owner, creates the map and
// is the only one that ever touches it; every other goroutine sends it a
// message saying what to do and waits for the answer. That is Go's proverb
// "Do not communicate by sharing memory; share memory by communicating": the
// memory is not shared at all, only the messages are.
package sharedstate

import (
	"errors"
	"maps"
	"sync"
)

// ErrClosed is returned by the methods of a Store once it has been closed.
var ErrClosed = errors.New("sharedstate: store is closed")

// A Store is a map from keys to ints that any number of goroutines may use
// at once. A key that was never set reads as 0.
//
// Create a Store with NewStore; the zero value is not usable. The map is
// owned by a goroutine that NewStore starts and Close stops, so every Store
// must be closed.
type Store struct {
	ops       chan func(map[string]int) // work for the owner
	quit      chan struct{}             // closed by Close
	done      chan struct{}             // closed by the owner when it has stopped
	closeOnce sync.Once
}

// NewStore returns an empty Store and starts the goroutine that owns its map.
func NewStore() *Store {
	s := &Store{
		ops:  make(chan func(map[string]int)),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	go s.own(make(map[string]int))
	return s
}

// own is the owner goroutine: the only code that reads or writes m.
func (s *Store) own(m map[string]int) {
	defer close(s.done)
	for {
		select {
		case op := <-s.ops:
			op(m)
		case <-s.quit:
			return
		}
	}
}

// do runs op on the owner goroutine and waits until it has run, or returns
// ErrClosed if the Store is closed first.
func (s *Store) do(op func(m map[string]int)) error {
	ran := make(chan struct{})
	select {
	case s.ops <- func(m map[string]int) { op(m); close(ran) }:
		<-ran // the owner has taken op and will finish it
		return nil
	case <-s.quit:
		return ErrClosed
	}
}

// Get returns the value of key, 0 if it was never set.
func (s *Store) Get(key string) (int, error) {
	var v int
	err := s.do(func(m map[string]int) { v = m[key] })
	return v, err
}

// Set sets key to v.
func (s *Store) Set(key string, v int) error {
	return s.do(func(m map[string]int) { m[key] = v })
}

// Update sets key to f(old), where old is its current value, and returns
// the new value. No other call of the Store runs between the read of old
// and the write of f's result: f runs on the owner goroutine. f must not
// call methods of the same Store (it would wait for itself), and must not
// panic.
func (s *Store) Update(key string, f func(old int) int) (int, error) {
	var v int
	err := s.do(func(m map[string]int) {
		v = f(m[key])
		m[key] = v
	})
	return v, err
}

// Snapshot returns a copy of the whole map. Changing the copy does not
// change the Store.
func (s *Store) Snapshot() (map[string]int, error) {
	var c map[string]int
	err := s.do(func(m map[string]int) { c = maps.Clone(m) })
	return c, err
}

// Close stops the owner goroutine and returns once it has stopped. Every
// call that starts after Close returns ErrClosed; a call that races with
// Close either completes or returns ErrClosed, and never blocks for ever.
// Closing a closed Store returns ErrClosed.
func (s *Store) Close() error {
	err := ErrClosed
	s.closeOnce.Do(func() {
		close(s.quit)
		err = nil
	})
	return err
}
