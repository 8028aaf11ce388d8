// threadlings:want fail

// Known-bad: once ctx is cancelled the channel is closed without waiting for the calls in flight.

// This file builds MapUnordered, Go's answer to Python's
// Pool.imap_unordered: the same bounded workers as Map, but each result is
// handed over the moment it is ready, on a channel, instead of all of them
// at the end in the order of the items.
package pool

import (
	"context"
	"sync"
)

// MapUnordered calls f on every item with at most n calls running at once
// (n <= 0: one per CPU) and sends each result on the returned channel as soon
// as its call returns, so results arrive in the order the calls finish, not
// in the order of items. The channel is closed once every call has returned
// and every result has been received.
//
// The caller receives until the channel is closed, or cancels ctx to stop
// early. Once ctx is done no new call starts, results not yet received are
// dropped, and the channel is closed after the calls in flight (which get
// ctx, to stop early) have returned; the caller need not drain it. Either
// way MapUnordered leaves no goroutine behind.
func MapUnordered[T, R any](ctx context.Context, n int, items []T, f func(context.Context, T) R) <-chan R {
	out := make(chan R)
	next := make(chan T)
	var wg sync.WaitGroup
	for range min(workers(n), len(items)) {
		wg.Go(func() {
			for item := range next {
				if ctx.Err() != nil {
					return
				}
				r := f(ctx, item)
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
	feed:
		for _, item := range items {
			select {
			case next <- item:
			case <-ctx.Done():
				break feed
			}
		}
		close(next)
		if ctx.Err() == nil {
			wg.Wait() // cancelled: the caller is gone, no need to wait
		}
		close(out)
	}()
	return out
}
