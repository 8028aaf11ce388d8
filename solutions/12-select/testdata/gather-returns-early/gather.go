// threadlings:want fail

// This file builds Gather, Python's asyncio.gather(*tasks) (or a TaskGroup):
// start every task at once, wait for all of them, and collect their results
// in the order the tasks were given. One failure makes the whole gather
// fail, and the tasks still running are told to stop.

package selects

import "context"

func Gather[T any](ctx context.Context, tasks ...func(context.Context) (T, error)) ([]T, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		i   int
		v   T
		err error
	}
	done := make(chan result, len(tasks))
	for i, task := range tasks {
		go func() {
			v, err := task(ctx)
			done <- result{i, v, err}
		}()
	}
	results := make([]T, len(tasks))
	for range tasks {
		r := <-done
		if r.err != nil {
			return nil, r.err // the others are cancelled, but still running
		}
		results[r.i] = r.v
	}
	return results, nil
}
