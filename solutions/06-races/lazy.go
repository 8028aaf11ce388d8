// This file builds Lazy, a value built the first time someone needs it: a
// configuration file read on first use, a connection opened on first query.
// "If it is not built yet, build it" is a check-then-act too: two first
// uses at once both find nothing and both build. sync.Once runs a function
// exactly once however many goroutines call Do, and makes every caller wait
// until that one call has returned.
package races

import "sync"

// A Lazy holds a value of type T that is built by the first call of Get.
//
// A Lazy is made by NewLazy and must not be copied after first use.
type Lazy[T any] struct {
	build func() T
	once  sync.Once
	value T
}

// NewLazy returns a Lazy whose value is built by build. It does not call
// build: nothing is built before the first Get.
func NewLazy[T any](build func() T) *Lazy[T] {
	return &Lazy[T]{build: build}
}

// Get returns the value, building it first if this is the first call. build
// is called exactly once, however many goroutines call Get at once; a Get
// that arrives while build is running waits for it to return, and every Get
// returns the value that one call built.
func (l *Lazy[T]) Get() T {
	l.once.Do(func() { l.value = l.build() })
	return l.value
}
