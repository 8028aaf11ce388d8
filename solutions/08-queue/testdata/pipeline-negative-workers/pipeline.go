// threadlings:want fail

// Known-bad: only workers == 0 is made 1: a negative count starts no worker at all.

// This file builds a pipeline stage out of plain channels: Pipeline fans the
// items of one channel out to several workers and Merge fans their results
// back in to one channel. Both stop cleanly, leaving no goroutine behind,
// when their input ends or when their context is cancelled.
//
// The channel directions in the signatures say who does what: a function
// that takes a <-chan only receives from it and never closes it; the <-chan
// it returns is one it sends on and closes itself, once, when it has nothing
// more to send.
package queue

import (
	"context"
	"sync"
)

// Merge sends every value received from each of ins on the channel it
// returns, in the order they arrive (fan-in). It receives from all of ins at
// once, so a slow input does not hold up the others.
//
// The returned channel is closed once every one of ins is closed and
// drained, or soon after ctx is done: Merge then stops receiving, drops a
// value it could not yet send, and leaves no goroutine behind. Merge never
// closes ins; with no ins, the returned channel is closed at once.
func Merge[T any](ctx context.Context, ins ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Go(func() { pump(ctx, in, out, func(v T) T { return v }) })
	}
	go closeWhenDone(&wg, out)
	return out
}

// Pipeline starts workers goroutines that each take items from in, call f
// on them and send the results on the channel it returns (fan-out, then
// fan-in). Results come out in the order they are ready, not the order of
// in. A workers below 1 counts as 1.
//
// The returned channel is closed once every worker has returned: when in is
// closed and drained, or soon after ctx is done, when the workers stop
// taking items and stop waiting to send (a result not yet sent is dropped;
// a worker inside f finishes that call first). So once it is closed, f is
// no longer running and no goroutine of the pipeline is left. Pipeline
// never closes in: that is for the goroutine sending on it.
func Pipeline[T, R any](ctx context.Context, in <-chan T, workers int, f func(T) R) <-chan R {
	out := make(chan R)
	var wg sync.WaitGroup
	if workers == 0 {
		workers = 1
	}
	for range workers {
		wg.Go(func() { pump(ctx, in, out, f) })
	}
	go closeWhenDone(&wg, out)
	return out
}

// pump sends f(v) on out for every v received from in, until in is closed
// or ctx is done. It waits on ctx.Done() wherever it waits, so that it can
// always return.
func pump[T, R any](ctx context.Context, in <-chan T, out chan<- R, f func(T) R) {
	for {
		select {
		case <-ctx.Done():
			return
		case v, ok := <-in:
			if !ok {
				return
			}
			select {
			case out <- f(v):
			case <-ctx.Done():
				return
			}
		}
	}
}

// closeWhenDone closes out once every sender counted in wg has returned:
// only the sender closes, and only the last of many senders may.
func closeWhenDone[R any](wg *sync.WaitGroup, out chan<- R) {
	wg.Wait()
	close(out)
}
