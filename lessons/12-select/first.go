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
	// TODO: derive a cancellable context from ctx and cancel it when First
	// returns; start one goroutine per task that sends the task's result on a
	// channel with room for every result; take results until one succeeds.
	panic("TODO: First: run every task at once, return the first success, cancel the rest")
}
