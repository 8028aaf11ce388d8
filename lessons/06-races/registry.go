// This file builds Registry, a map from names to numbers that many
// goroutines fill at once, like a desk that gives each visitor a badge.
// A Go map is not safe for concurrent use: two goroutines writing it at once
// can corrupt it, and the runtime stops the whole program with "fatal error:
// concurrent map writes" when it notices. Guard the map with a mutex (one
// lock around the lookup and the insert), or use sync.Map, whose LoadOrStore
// looks up and inserts in one step.
package races

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

	// TODO: many goroutines write this map. Guard it with a sync.Mutex,
	// or replace it with a sync.Map.
	numbers map[string]int
}

// Register returns name's number, giving name a new number if it has none.
func (r *Registry) Register(name string) int {
	// TODO: the lookup, the choice of a number and the insert must be one
	// step: hold one lock from here to the end, or let
	// sync.Map.LoadOrStore decide which number wins.
	if n, ok := r.numbers[name]; ok {
		return n
	}
	n := len(r.numbers)
	if r.Between != nil {
		r.Between(name)
	}
	if r.numbers == nil {
		r.numbers = make(map[string]int)
	}
	r.numbers[name] = n
	return n
}

// Lookup returns name's number, and false if name has none. It may be
// called while other goroutines call Register.
func (r *Registry) Lookup(name string) (int, bool) {
	// TODO: reading the map while another goroutine writes it is a race.
	n, ok := r.numbers[name]
	return n, ok
}

// Len returns how many names have a number. It may be called while other
// goroutines call Register.
func (r *Registry) Len() int {
	// TODO: guard this read too.
	return len(r.numbers)
}
