// Package crashes is a fixture: code that kills the whole test binary, for
// the spec helpers' own tests.
package crashes

import (
	"os"
	"sync"
)

// PanicInGoroutine panics on a goroutine of its own, which no recover on the
// caller's goroutine can catch.
func PanicInGoroutine() {
	never := make(chan struct{})
	go func() {
		panic("panic on a goroutine of its own")
	}()
	<-never
}

// Exit ends the process with the given status.
func Exit(code int) { os.Exit(code) }

// WriteMapConcurrently writes one map from many goroutines until the runtime
// notices.
func WriteMapConcurrently() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1_000_000 {
				m[i%64] = g
			}
		}()
	}
	wg.Wait()
}

// Unfinished is a stub that has not been written yet.
func Unfinished() {
	panic("TODO: Unfinished: write me")
}

// DoneTooOften starts a goroutine that calls Done on a WaitGroup that
// nothing added to, and waits for ever.
func DoneTooOften() {
	var wg sync.WaitGroup
	never := make(chan struct{})
	go func() {
		defer wg.Done()
	}()
	<-never
}
