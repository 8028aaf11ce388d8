// Package fixture has one function per mutation operator, for the tests of
// package mutate.
package fixture

import (
	"context"
	"sync"
)

// Counter has a mutex, a read-write mutex and a condition variable.
type Counter struct {
	mu   sync.Mutex
	rw   sync.RWMutex
	cond *sync.Cond
	n    int
}

// Inc locks with a deferred unlock.
func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

// Get takes a read lock and unlocks on two paths.
func (c *Counter) Get(min int) int {
	c.rw.RLock()
	if c.n < min {
		c.rw.RUnlock()
		return min
	}
	n := c.n
	c.rw.RUnlock()
	return n
}

// Set takes the write lock twice in a row.
func (c *Counter) Set(n int) {
	c.rw.Lock()
	c.n = n
	c.rw.Unlock()
	c.rw.Lock()
	c.n++
	c.rw.Unlock()
}

// Wake wakes every waiter.
func (c *Counter) Wake() {
	c.cond.Broadcast()
}

// Sleep waits on the condition.
func (c *Counter) Sleep() {
	c.cond.Wait()
}

// All runs f n times at once and waits.
func All(n int, f func(int)) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	wg.Wait()
}

// Each runs f for each of n with wg.Go.
func Each(n int, f func(int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { f(i) })
	}
	wg.Wait()
}

// Gen sends 0..n-1 on a channel it closes.
func Gen(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	done := make(chan struct{}, 1)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
		done <- struct{}{}
	}()
	<-done
	return out
}

// Call passes its context on.
func Call(ctx context.Context, f func(context.Context) error) error {
	return f(ctx)
}

// Big reports whether n is more than limit.
func Big(n, limit int) bool {
	return n > limit
}
