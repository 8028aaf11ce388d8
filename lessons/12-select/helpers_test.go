package selects_test

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Tasks for First, WithTimeout and Gather. Every one of them watches its
// context, as the contract asks of a task, except where a spec says so.

var (
	errBoom = errors.New("boom")
	errBust = errors.New("bust")
)

// stopwatch returns a function that tells how much (fake) time has passed
// since stopwatch was called.
func stopwatch() func() time.Duration {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }
}

// sleeper is a task that takes d and then returns v, or returns ctx.Err()
// at once if its context is done first.
func sleeper[T any](d time.Duration, v T) func(context.Context) (T, error) {
	return func(ctx context.Context) (T, error) {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return v, nil
		case <-ctx.Done():
			var zero T
			return zero, ctx.Err()
		}
	}
}

// failer is a task that fails with err after d, or returns ctx.Err() at once
// if its context is done first.
func failer[T any](d time.Duration, err error) func(context.Context) (T, error) {
	return func(ctx context.Context) (T, error) {
		var zero T
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return zero, err
		case <-ctx.Done():
			return zero, ctx.Err()
		}
	}
}

// hung is a task that never finishes on its own, like a request to a server
// that does not answer: it returns ctx.Err() when its context is done, after
// sending on cancelled how long after the spec's start (elapsed) that was.
// cancelled must have room for every hung task of the spec.
func hung[T any](elapsed func() time.Duration, cancelled chan<- time.Duration) func(context.Context) (T, error) {
	return func(ctx context.Context) (T, error) {
		<-ctx.Done()
		cancelled <- elapsed()
		var zero T
		return zero, ctx.Err()
	}
}

// slowToStop is a task that never finishes on its own, and that takes d to
// stop once its context is done, like a request that must tidy up before it
// gives up: it then fails with err, which wraps ctx.Err().
func slowToStop[T any](d time.Duration, err error) func(context.Context) (T, error) {
	return func(ctx context.Context) (T, error) {
		<-ctx.Done()
		time.Sleep(d)
		var zero T
		return zero, fmt.Errorf("%w: %w", err, ctx.Err())
	}
}

// drain returns the times in a channel of times, written as "1.5s", without
// waiting for more.
func drain(ch <-chan time.Duration) []string {
	out := []string{}
	for {
		select {
		case d := <-ch:
			out = append(out, d.String())
		default:
			return out
		}
	}
}

// times writes seconds the way drain does.
func times(seconds ...float64) []string {
	out := make([]string, len(seconds))
	for i, s := range seconds {
		out[i] = time.Duration(s * float64(time.Second)).String()
	}
	return out
}
