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

// A Wallet is a balance guarded by a mutex, with the mistakes that leave the
// mutex locked.
type Wallet struct {
	mu sync.Mutex
	n  int
}

// Spend replaces the balance with pay(balance), but unlocks without defer:
// when pay panics, the mutex stays locked.
func (w *Wallet) Spend(pay func(int) int) {
	w.mu.Lock()
	w.n = pay(w.n)
	w.mu.Unlock()
}

// Total returns the balance.
func (w *Wallet) Total() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.n
}

// Double adds the balance to itself, reading it with Total while it
// already holds the mutex.
func (w *Wallet) Double() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n += w.Total()
}

// HoldWhile locks the mutex, closes locked, sleeps for d and unlocks.
func (w *Wallet) HoldWhile(d time.Duration, locked chan<- struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	close(locked)
	time.Sleep(d)
}

// SumRacy adds 1 to a total from n goroutines without a lock.
func SumRacy(n int) int {
	total := 0
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total++
		}()
	}
	wg.Wait()
	return total
}

// DoneTwice calls Done once more than Add.
func DoneTwice() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done()
}

// KeepBusy starts a goroutine that never blocks and ends only after d: it
// is runnable all that time.
func KeepBusy(d time.Duration) {
	end := time.Now().Add(d)
	go func() {
		for time.Now().Before(end) {
		}
	}()
}
