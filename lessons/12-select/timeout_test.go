package selects_test

import (
	"context"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	selects "github.com/threadlings/threadlings/lessons/12-select"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("WithTimeout", func() {
	It("returns f's result when f is in time", spec.Bubble, func() {
		elapsed := stopwatch()
		v, err := selects.WithTimeout(context.Background(), 5*time.Second, sleeper(time.Second, 42))
		Expect(err).NotTo(HaveOccurred(), "f succeeded after 1s, well inside the 5s timeout, so WithTimeout must return a nil error")
		Expect(v).To(Equal(42), "f returned in time, so WithTimeout must return its result")
		Expect(elapsed()).To(Equal(time.Second), "WithTimeout must return as soon as f does (1s)")

		_, err = selects.WithTimeout(context.Background(), 5*time.Second, failer[int](time.Second, errBoom))
		Expect(err).To(MatchError(errBoom), "f failed in time, so WithTimeout must return f's own error")
		Expect(elapsed()).To(Equal(2*time.Second), "WithTimeout must return as soon as f fails")
	})

	It("gives up after exactly d and cancels f", spec.Bubble, func() {
		elapsed := stopwatch()
		cancelled := make(chan time.Duration, 1)
		v, err := selects.WithTimeout(context.Background(), 2*time.Second, hung[string](elapsed, cancelled))
		Expect(err).To(MatchError(context.DeadlineExceeded),
			"f never finished, so WithTimeout(2s) must fail with an error wrapping context.DeadlineExceeded")
		Expect(v).To(BeZero(), "on a timeout WithTimeout must return the zero value")
		Expect(elapsed()).To(Equal(2*time.Second), "WithTimeout(2s) must give up after exactly 2s")
		synctest.Wait()
		Expect(drain(cancelled)).To(Equal(times(2)),
			"f's context was never cancelled, so f would run for ever: give f a context from context.WithTimeout(ctx, d)")

		for _, d := range []time.Duration{0, -time.Second} {
			start := elapsed()
			_, err = selects.WithTimeout(context.Background(), d, hung[string](elapsed, cancelled))
			Expect(err).To(MatchError(context.DeadlineExceeded),
				"WithTimeout(%v) must fail with an error wrapping context.DeadlineExceeded: a d of zero or less has passed already, as with context.WithTimeout: it does not mean \"no time limit\"", d)
			Expect(elapsed()-start).To(BeZero(), "WithTimeout(%v) must give up at once: a d of zero or less has passed already", d)
			synctest.Wait()
			Expect(drain(cancelled)).To(HaveLen(1), "WithTimeout(%v) gave up, so f's context must be done", d)
		}
	})

	It("does not wait for an f that is slow to stop", spec.Bubble, func() {
		elapsed := stopwatch()
		finished := make(chan time.Duration, 1)
		slow := func(ctx context.Context) (int, error) {
			time.Sleep(10 * time.Second) // does not look at ctx
			finished <- elapsed()
			return 1, nil
		}
		_, err := selects.WithTimeout(context.Background(), 2*time.Second, slow)
		Expect(err).To(MatchError(context.DeadlineExceeded),
			"f took 10s, so WithTimeout(2s) must fail with an error wrapping context.DeadlineExceeded")
		Expect(elapsed()).To(Equal(2*time.Second),
			"WithTimeout returned after %v: it must give up at 2s even when f ignores its context, so run f in a goroutine and select on its result and the deadline", elapsed())
		Expect(<-finished).To(Equal(10 * time.Second))
		// f has returned; the goroutine that ran it must now be able to end,
		// although nobody waits for its result any more.
	})

	It("gives up when ctx is cancelled first", spec.Bubble, func() {
		elapsed := stopwatch()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(time.Second, cancel)
		cancelled := make(chan time.Duration, 1)
		_, err := selects.WithTimeout(ctx, time.Hour, hung[int](elapsed, cancelled))
		Expect(err).To(MatchError(context.Canceled), "ctx was cancelled at 1s, so WithTimeout must return ctx.Err()")
		Expect(elapsed()).To(Equal(time.Second), "WithTimeout must give up when ctx is cancelled (1s), not wait for d")
		synctest.Wait()
		Expect(drain(cancelled)).To(Equal(times(1)), "f's context must be derived from ctx, so that f sees ctx cancelled")

		ctx, cancel = context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(time.Second, cancel)
		start := elapsed()
		stopped := make(chan struct{})
		slow := func(ctx context.Context) (int, error) {
			defer close(stopped)
			return slowToStop[int](2*time.Second, errBoom)(ctx)
		}
		_, err = selects.WithTimeout(ctx, time.Hour, slow)
		Expect(err).To(MatchError(context.Canceled), "ctx was cancelled, so WithTimeout must return ctx.Err()")
		Expect(elapsed()-start).To(Equal(time.Second),
			"ctx was cancelled at 1s and f took 2s more to stop, but WithTimeout returned after %v: it must give up the moment ctx is done, "+
				"whether f has returned or not (select on ctx.Done(), not only on f's result and a timer)", elapsed()-start)
		<-stopped
		// f has returned; the goroutine that ran it must now be able to end.
	})
})
