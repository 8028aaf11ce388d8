// threadlings:want fail

// With no tasks Gather returns nil, which the doc reserves for a failure.

// This file builds Gather, Python's asyncio.gather(*tasks) (or a TaskGroup):
// start every task at once, wait for all of them, and collect their results
// in the order the tasks were given. One failure makes the whole gather
// fail, and the tasks still running are told to stop.

package selects

import (
	"context"

	"golang.org/x/sync/errgroup"
)

// Gather runs every task in a goroutine of its own, all at once, and returns
// their results in the order of tasks once all of them have succeeded.
//
// When a task fails, Gather cancels the context of the others and returns
// nil and that task's error: the first error to happen, not the errors the
// cancelled tasks return because they were cancelled. Gather does not return
// before the cancelled tasks have returned, so the tasks must watch
// ctx.Done(). The tasks' context is derived from ctx.
//
// With no tasks, Gather returns an empty slice that is not nil, and a nil
// error: a nil slice is what a Gather that failed returns.
func Gather[T any](ctx context.Context, tasks ...func(context.Context) (T, error)) ([]T, error) {
	if len(tasks) == 0 {
		return nil, nil
	}
	g, ctx := errgroup.WithContext(ctx)
	results := make([]T, len(tasks))
	for i, task := range tasks {
		g.Go(func() error {
			v, err := task(ctx)
			results[i] = v // each goroutine writes its own element: no lock needed
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}
