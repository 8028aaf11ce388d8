// This file builds Registry, a map from names to numbers that many
// goroutines fill at once, like a desk that gives each visitor a badge.
// A Go map is not safe for concurrent use: two goroutines writing it at once
// can corrupt it, and the runtime stops the whole program with "fatal error:
// concurrent map writes" when it notices. Guard the map with a mutex (one
// lock around the lookup and the insert), or use sync.Map, whose LoadOrStore
// looks up and inserts in one step.
package races

import (
	"sync"
	"sync/atomic"
)

// A Registry gives every name a number. Distinct names get distinct
// numbers, and a name keeps its number for ever. Numbers are not negative
// but need not be consecutive.
//
// The zero value is an empty Registry, ready to use. A Registry must not be
// copied after first use.
type Registry struct {
	// Between, if not nil, is called by Register for a name it has not
	// found, after Register has chosen the name's number and before it has
	// recorded it: every Register that gives a name its number calls it
	// with that name, and a Register of a name that already has a number
	// does not call it. Between may take as long as it likes, and every
	// name must still end up with exactly one number, whatever other calls
	// run meanwhile. Between must not use the Registry.
	Between func(name string)

	numbers sync.Map     // name → int
	next    atomic.Int64 // the next number to try
	count   atomic.Int64 // how many names have a number
}

// Register returns name's number, giving name a new number if it has none.
func (r *Registry) Register(name string) int {
	if n, ok := r.numbers.Load(name); ok {
		return n.(int)
	}
	n := int(r.next.Add(1) - 1)
	if r.Between != nil {
		r.Between(name)
	}
	// If another Register stored a number for name meanwhile, that one
	// wins and n is never used: numbers may have gaps.
	got, loaded := r.numbers.LoadOrStore(name, n)
	if !loaded {
		r.count.Add(1)
	}
	return got.(int)
}

// Lookup returns name's number, and false if name has none. It may be
// called while other goroutines call Register.
func (r *Registry) Lookup(name string) (int, bool) {
	n, ok := r.numbers.Load(name)
	if !ok {
		return 0, false
	}
	return n.(int), true
}

// Len returns how many names have a number. It may be called while other
// goroutines call Register.
func (r *Registry) Len() int {
	return int(r.count.Load())
}
