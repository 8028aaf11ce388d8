// threadlings:want fail

// Known-bad: n <= 0 means runtime.GOMAXPROCS(0) workers, not runtime.NumCPU().

// This file builds Map and MapContext, Go's answer to Python's
// multiprocessing.Pool(processes).map: call one function on every item of a
// slice with a fixed number of workers at once, and get the results back in
// the order of the items.
//
// A worker is just a goroutine that takes the index of the next item from a
// channel, calls the function, stores the result at that index and goes back
// for more. The number of workers is the bound; the channel hands out the
// work, so a worker that finishes early takes the next item at once.
package pool

import (
	"context"
	"runtime"
	"sync"
)

// workers returns how many workers to start for n requested: n itself, or
// one per CPU when n is zero or negative, as Python's Pool(processes=None).
func workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// Map calls f on every item with at most n calls running at once, and
// returns the results in the order of items: result i is f(items[i]),
// whichever call finished first. If n is zero or negative, Map runs one call
// per CPU at once (runtime.NumCPU).
//
// Each worker takes the next item as soon as it is free, so one slow item
// does not hold up the others. Map returns when every call has returned. It
// is Python's Pool(n).map(f, items).
func Map[T, R any](n int, items []T, f func(T) R) []R {
	results := make([]R, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers(n), len(items)) {
		wg.Go(func() {
			for i := range next {
				results[i] = f(items[i]) // each index is written by one worker only
			}
		})
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// MapContext is Map for work that can fail or be cancelled: it calls f on
// every item with at most n calls running at once (n <= 0: one per CPU) and
// returns the results in the order of items.
//
// Every call of f gets a context derived from ctx. When a call returns an
// error, that context is cancelled so the calls in flight can stop early, no
// new call starts, and MapContext returns that first error and nil results.
// When ctx itself is done first, MapContext likewise stops and returns
// ctx's error. Either way it returns only after every call it started has
// returned: no goroutine is left behind.
func MapContext[T, R any](ctx context.Context, n int, items []T, f func(context.Context, T) (R, error)) ([]R, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	results := make([]R, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers(n), len(items)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() != nil {
					return // an index handed out as ctx ended: do not start it
				}
				r, err := f(ctx, items[i])
				if err != nil {
					cancel(err) // only the first cause is kept
					return
				}
				results[i] = r
			}
		})
	}
feed:
	for i := range items {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return results, nil
}
