// threadlings:want fail

// This file builds Gather, Python's asyncio.gather(*tasks) (or a TaskGroup):
// start every task at once, wait for all of them, and collect their results
// in the order the tasks were given. One failure makes the whole gather
// fail, and the tasks still running are told to stop.

package selects

import (
	"context"
	"sync"
)

func Gather[T any](ctx context.Context, tasks ...func(context.Context) (T, error)) ([]T, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]T, len(tasks))
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Go(func() {
			results[i], errs[i] = task(ctx)
			if errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	for _, err := range errs { // the first error in task order, not in time
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}
