package selects_test

import (
	"context"
	"errors"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	selects "github.com/threadlings/threadlings/lessons/12-select"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Gather", func() {
	It("runs the tasks at once and keeps their order", spec.Bubble, func() {
		elapsed := stopwatch()
		got, err := selects.Gather(context.Background(),
			sleeper(3*time.Second, "a"),
			sleeper(time.Second, "b"),
			sleeper(2*time.Second, "c"),
		)
		Expect(err).NotTo(HaveOccurred(), "every task succeeded, so Gather must return a nil error")
		Expect(got).To(Equal([]string{"a", "b", "c"}),
			"Gather must return the results in the order of the tasks, not the order they finished in: store each at its task's index")
		Expect(elapsed()).To(Equal(3*time.Second),
			"tasks of 3s, 1s and 2s took %v: run at once they take as long as the slowest (3s), one after the other 6s", elapsed())
	})

	It("returns the first error and cancels the rest", spec.Bubble, func() {
		elapsed := stopwatch()
		cancelled := make(chan time.Duration, 2)
		got, err := selects.Gather(context.Background(),
			hung[string](elapsed, cancelled),
			sleeper(time.Second, "done"),
			failer[string](2*time.Second, errBoom),
			hung[string](elapsed, cancelled),
		)
		Expect(err).To(MatchError(errBoom),
			"a task failed with %q at 2s: Gather must return that error, not %q (the others only failed because they were cancelled)", errBoom, err)
		Expect(errors.Is(err, context.Canceled)).To(BeFalse(),
			"Gather returned %q: it must return the first error alone, not joined to the errors the cancelled tasks returned because they were cancelled", err)
		Expect(got).To(BeNil(), "when a task fails Gather must return nil results")
		Expect(elapsed()).To(Equal(2*time.Second), "Gather must return when the failure happens (2s)")
		synctest.Wait()
		Expect(drain(cancelled)).To(Equal(times(2, 2)),
			"two tasks never finish unless cancelled, and the failure at 2s must cancel them: errgroup.WithContext gives the tasks such a context")
	})

	It("waits for the cancelled tasks to return", spec.Bubble, func() {
		elapsed := stopwatch()
		returned := make(chan time.Duration, 1)
		cleanup := func(ctx context.Context) (int, error) {
			<-ctx.Done()
			time.Sleep(500 * time.Millisecond) // takes a while to clean up
			returned <- elapsed()
			return 0, ctx.Err()
		}
		_, err := selects.Gather(context.Background(), cleanup, failer[int](time.Second, errBoom))
		Expect(err).To(MatchError(errBoom), "a task failed with %q: Gather must return that error", errBoom)
		Expect(returned).To(Receive(Equal(1500*time.Millisecond)),
			"Gather returned at %v, before the cancelled task had returned (1.5s): wait for every task (errgroup's Wait does) so that none outlives the call", elapsed())
		Expect(elapsed()).To(Equal(1500*time.Millisecond), "Gather must return once the cancelled task has returned (1.5s)")
	})

	It("fails when its context is done, and cancels the tasks", spec.Bubble, func() {
		elapsed := stopwatch()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		cancelled := make(chan time.Duration, 2)
		got, err := selects.Gather(ctx,
			hung[int](elapsed, cancelled), sleeper(time.Hour, 1), hung[int](elapsed, cancelled),
			slowToStop[int](500*time.Millisecond, errBust),
		)
		Expect(err).To(MatchError(context.DeadlineExceeded), "ctx expired at 2s with no task done: Gather must fail with ctx's error")
		Expect(got).To(BeNil(), "a Gather that fails returns nil results")
		Expect(elapsed()).To(Equal(2500*time.Millisecond),
			"Gather returned at %v: ctx expired at 2s, and one task took until 2.5s to stop: Gather must fail then, once every task has returned, not the moment ctx is done", elapsed())
		Expect(drain(cancelled)).To(Equal(times(2, 2)), "the tasks' context must be derived from ctx, so that they see it expire: errgroup.WithContext(ctx)")
	})

	It("with no tasks returns an empty slice, not nil", func() {
		got, err := selects.Gather[int](context.Background())
		Expect(err).NotTo(HaveOccurred(), "with nothing to run, nothing can fail")
		Expect(got).NotTo(BeNil(), "with no tasks Gather must return an empty slice that is not nil: nil results mean that the Gather failed")
		Expect(got).To(BeEmpty(), "with no tasks there are no results")
	})
})
