// This file builds Map and MapContext, Go's answer to Python's
// multiprocessing.Pool(processes).map: call one function on every item of a
// slice with a fixed number of workers at once, and get the results back in
// the order of the items.
//
// A worker is just a goroutine that takes the next item, calls the function,
// stores the result and goes back for more. Start n of them and hand out the
// work through a channel: the number of workers is the bound, and a worker
// that finishes early takes the next item at once.
package pool

import (
	"context"
)

// Map calls f on every item with at most n calls running at once, and
// returns the results in the order of items: result i is f(items[i]),
// whichever call finished first. If n is zero or negative, Map runs one call
// per CPU at once (runtime.NumCPU).
//
// Each worker takes the next item as soon as it is free, so one slow item
// does not hold up the others. Map returns when every call has returned. It
// is Python's Pool(n).map(f, items).
func Map[T, R any](n int, items []T, f func(T) R) []R {
	// TODO: start n workers (one per CPU if n <= 0) that take item indexes
	// from a channel and store f(items[i]) at results[i]; feed them every
	// index, close the channel, wait for the workers, return the results.
	panic("TODO: Map: call f on every item with n workers, results in the order of items")
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
	// TODO: as Map, with a context of your own (context.WithCancelCause):
	// the first error cancels it, workers start no call once it is done,
	// feeding stops when it is done, and after the workers are waited for
	// the first error (or ctx's) is returned.
	panic("TODO: MapContext: Map whose first error cancels the rest")
}
