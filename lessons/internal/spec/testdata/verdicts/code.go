// Package verdicts is a fixture: code with one defect of each kind, for the
// spec helpers' own tests.
package verdicts

import (
	"sync"
	"time"
)

// Add returns a+b.
func Add(a, b int) int { return a + b }

// Explode panics.
func Explode() { panic("exploded on purpose") }

// CountRacy increments a counter from n goroutines without a lock.
func CountRacy(n int) int {
	count := 0
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			count++
		}()
	}
	wg.Wait()
	return count
}

// AppendRacy appends to one slice from n goroutines without a lock.
func AppendRacy(n int) []int {
	var out []int
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out = append(out, i)
		}()
	}
	wg.Wait()
	return out
}

// WaitForever receives from a channel nobody sends on.
func WaitForever() {
	never := make(chan int)
	<-never
}

// LockTwice locks a mutex it already holds.
func LockTwice() {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock()
}

// StartAndForget starts a goroutine that never ends.
func StartAndForget() {
	never := make(chan int)
	go func() { <-never }()
}

// Nap sleeps for d.
func Nap(d time.Duration) { time.Sleep(d) }

// WaitOn waits until ch is closed.
func WaitOn(ch <-chan struct{}) {
	<-ch
}
