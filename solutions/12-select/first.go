// This file builds First, the race between several ways of getting the same
// answer: ask every replica, keep the first good reply, and tell the others to
// stop. It is what Python does with asyncio.wait(..., return_when=
// FIRST_COMPLETED) followed by cancelling the pending tasks.
//
// A task is a function that takes a context. The context is how First tells
// the losers that their work is no longer wanted: a task must watch
// ctx.Done() and return soon after it is closed.
package selects

import (
	"context"
	"errors"
)

// ErrNoTasks is returned by First when it is given no task to run.
var ErrNoTasks = errors.New("selects: no tasks")

// First runs every task in a goroutine of its own, all at once, and returns
// the result of the first task to succeed (return a nil error) as soon as it
// has it. Then it cancels the context it gave the tasks, so that the others
// can stop.
//
// If every task fails, First returns the zero value and an error wrapping
// every task's error (errors.Join), once the last one has failed. The tasks'
// context is derived from ctx: when ctx is done, the tasks see it and fail,
// and then so does First, as above: once the last task has failed, with every
// task's error. A done ctx does not make First return by itself.
//
// First may return before the losers have returned. It never leaves a
// goroutine behind that cannot finish: a loser that returns late must not
// block. With no tasks, First returns ErrNoTasks at once.
func First[T any](ctx context.Context, tasks ...func(context.Context) (T, error)) (T, error) {
	var zero T
	if len(tasks) == 0 {
		return zero, ErrNoTasks
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // tells the losers to stop

	type result struct {
		v   T
		err error
	}
	// Room for every task's result, so that a loser finishing after First
	// has returned can still hand over its result and end.
	results := make(chan result, len(tasks))
	for _, task := range tasks {
		go func() {
			v, err := task(ctx)
			results <- result{v, err}
		}()
	}
	var errs []error
	for range tasks {
		r := <-results
		if r.err == nil {
			return r.v, nil
		}
		errs = append(errs, r.err)
	}
	return zero, errors.Join(errs...)
}
