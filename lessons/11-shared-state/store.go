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

import "errors"

// ErrClosed is returned by the methods of a Store once it has been closed.
var ErrClosed = errors.New("sharedstate: store is closed")

// A Store is a map from keys to ints that any number of goroutines may use
// at once. A key that was never set reads as 0.
//
// Create a Store with NewStore; the zero value is not usable. The map is
// owned by a goroutine that NewStore starts and Close stops, so every Store
// must be closed.
type Store struct {
	// TODO: add what callers and the owner goroutine share: a channel of
	// operations for the owner to run (a func(map[string]int) is a fine
	// operation), a channel that Close closes to tell the owner to stop, and
	// one the owner closes when it has stopped. The map itself is NOT a
	// field: it is a local variable of the owner goroutine.
}

// NewStore returns an empty Store and starts the goroutine that owns its map.
func NewStore() *Store {
	// TODO: make the channels, start the owner goroutine with a new map, and
	// return the Store. The owner loops: select on the next operation (run
	// it on the map) and on the stop channel (return).
	panic("TODO: NewStore: start one goroutine that owns the map and runs the operations sent to it")
}

// Get returns the value of key, 0 if it was never set.
func (s *Store) Get(key string) (int, error) {
	// TODO: send the owner an operation that reads m[key], wait until it has
	// run, and return what it read.
	panic("TODO: Get: ask the owner goroutine for the value and wait for the answer")
}

// Set sets key to v.
func (s *Store) Set(key string, v int) error {
	// TODO: send the owner an operation that writes m[key] and wait for it.
	panic("TODO: Set: ask the owner goroutine to store the value and wait until it has")
}

// Update sets key to f(old), where old is its current value, and returns
// the new value. No other call of the Store runs between the read of old
// and the write of f's result: f runs on the owner goroutine. f must not
// call methods of the same Store (it would wait for itself), and must not
// panic.
func (s *Store) Update(key string, f func(old int) int) (int, error) {
	// TODO: ONE operation that reads m[key], calls f and writes the result,
	// all on the owner. A Get followed by a Set lets other calls slip in
	// between them.
	panic("TODO: Update: read, call f and write back in one operation on the owner goroutine")
}

// Snapshot returns a copy of the whole map. Changing the copy does not
// change the Store.
func (s *Store) Snapshot() (map[string]int, error) {
	// TODO: let the owner copy the map (maps.Clone) and hand back the copy,
	// never the map itself.
	panic("TODO: Snapshot: have the owner goroutine copy the map and return the copy")
}

// Close stops the owner goroutine and returns once it has stopped. Every
// call that starts after Close returns ErrClosed; a call that races with
// Close either completes or returns ErrClosed, and never blocks for ever.
// Closing a closed Store returns ErrClosed.
func (s *Store) Close() error {
	// TODO: close the stop channel once (sync.Once), then wait for the owner
	// to signal that it has stopped. For the other methods to notice, each
	// one's send to the owner must be a select that also watches the stop
	// channel.
	panic("TODO: Close: tell the owner goroutine to stop and wait until it has")
}
