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

var _ = Describe("First", func() {
	It("returns the fastest result at its time", spec.Bubble, func() {
		elapsed := stopwatch()
		v, err := selects.First(context.Background(),
			sleeper(3*time.Second, "slow"),
			sleeper(time.Second, "fast"),
			sleeper(2*time.Second, "medium"),
		)
		Expect(err).NotTo(HaveOccurred(), "every task succeeded, so First must return a nil error")
		Expect(v).To(Equal("fast"), "the tasks took 3s, 1s and 2s: the 1s task's result must win")
		Expect(elapsed()).To(Equal(time.Second),
			"First returned after %v: it must return the moment the fastest task succeeds (1s), without waiting for the others", elapsed())
	})

	It("cancels the losers", spec.Bubble, func() {
		elapsed := stopwatch()
		cancelled := make(chan time.Duration, 2)
		v, err := selects.First(context.Background(),
			hung[int](elapsed, cancelled),
			sleeper(time.Second, 7),
			hung[int](elapsed, cancelled),
		)
		Expect(err).NotTo(HaveOccurred(), "the 1s task succeeded, so First must return a nil error")
		Expect(v).To(Equal(7), "only one task ever finishes on its own: its result must win")
		Expect(elapsed()).To(Equal(time.Second), "First must return as soon as the winner succeeds (1s)")
		synctest.Wait() // let the losers run as far as they can
		Expect(drain(cancelled)).To(Equal(times(1, 1)),
			"two tasks never finish unless their context is cancelled, and they must be cancelled when the winner is known (1s): "+
				"give the tasks a context from context.WithCancel and cancel it when First returns")
	})

	It("does not let a failure win", spec.Bubble, func() {
		elapsed := stopwatch()
		v, err := selects.First(context.Background(),
			failer[string](time.Second, errBoom),
			sleeper(2*time.Second, "ok"),
		)
		Expect(err).NotTo(HaveOccurred(), "one task failed at 1s but another succeeded at 2s: First returns the first success, so no error")
		Expect(v).To(Equal("ok"), "the first task to succeed (at 2s) must win, not the first to return")
		Expect(elapsed()).To(Equal(2*time.Second), "First must return when the first success arrives (2s)")
	})

	It("reports every error when every task fails", spec.Bubble, func() {
		elapsed := stopwatch()
		v, err := selects.First(context.Background(),
			failer[int](time.Second, errBoom),
			func(ctx context.Context) (int, error) {
				time.Sleep(2 * time.Second)
				return 9, errBust // a value that comes with an error is no result
			},
		)
		Expect(err).To(HaveOccurred(), "every task failed, so First must return an error")
		Expect(errors.Is(err, errBoom) && errors.Is(err, errBust)).To(BeTrue(),
			"First returned %q: when every task fails its error must wrap every task's error (errors.Join)", err)
		Expect(v).To(BeZero(),
			"First returned %v: on failure First must return the zero value, not the value a failed task returned with its error", v)
		Expect(elapsed()).To(Equal(2*time.Second), "First can only know that every task failed when the last one fails (2s)")
	})

	It("fails when its context is done", spec.Bubble, func() {
		elapsed := stopwatch()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// Many tasks fail at the same moment, while First waits for their
		// results: none of those results may get lost.
		const n = 12
		cancelled := make(chan time.Duration, n)
		tasks := make([]func(context.Context) (int, error), n)
		want := make([]float64, n)
		for i := range tasks {
			tasks[i] = hung[int](elapsed, cancelled)
			want[i] = 2
		}
		_, err := selects.First(ctx, tasks...)
		Expect(err).To(MatchError(context.DeadlineExceeded),
			"ctx expired at 2s while no task had succeeded: First must fail with an error wrapping ctx.Err()")
		Expect(elapsed()).To(Equal(2*time.Second), "First must fail when ctx expires (2s)")
		synctest.Wait()
		Expect(drain(cancelled)).To(Equal(times(want...)), "the tasks' context must be derived from ctx, so that they see it expire")
	})

	It("fails when its context is done only once every task has failed", spec.Bubble, func() {
		elapsed := stopwatch()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		v, err := selects.First(ctx,
			slowToStop[int](time.Second, errBoom),
			slowToStop[int](2*time.Second, errBust),
		)
		Expect(elapsed()).To(Equal(4*time.Second),
			"ctx expired at 2s, and the two tasks took 1s and 2s to stop: they failed at 3s and 4s, but First returned at %v. "+
				"A done ctx is no reason for First to return by itself: the tasks see it and fail, and First then fails as it does whenever every task fails, "+
				"once the last one has failed (4s). Keep taking results until one succeeds or every task has failed; do not select on ctx.Done() there", elapsed())
		Expect(errors.Is(err, errBoom) && errors.Is(err, errBust)).To(BeTrue(),
			"First returned %q: when ctx is done every task fails, and First's error must wrap every task's error (errors.Join), not just ctx.Err()", err)
		Expect(v).To(BeZero(), "on failure First must return the zero value")

		done, cancelDone := context.WithCancel(context.Background())
		cancelDone()
		start := elapsed()
		_, err = selects.First(done,
			slowToStop[int](time.Second, errBoom),
			slowToStop[int](2*time.Second, errBust),
		)
		Expect(elapsed()-start).To(Equal(2*time.Second),
			"ctx was already done when First was called, and the two tasks took 1s and 2s to stop, but First returned after %v: "+
				"a ctx that is already done does not make First return by itself either (no early return on ctx.Err()): run the tasks, and fail once the last one has failed (2s)", elapsed()-start)
		Expect(errors.Is(err, errBoom) && errors.Is(err, errBust)).To(BeTrue(),
			"First returned %q: with ctx already done every task fails, and First's error must wrap every task's error (errors.Join)", err)
	})

	It("with no tasks returns ErrNoTasks", func() {
		_, err := selects.First[int](context.Background())
		Expect(err).To(MatchError(selects.ErrNoTasks), "with nothing to run, First must return ErrNoTasks at once")
	})
})
