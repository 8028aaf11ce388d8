package selects_test

import (
	"context"
	"sync"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	selects "github.com/threadlings/threadlings/lessons/12-select"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// admissions counts how many callers a Limiter admitted at each moment,
// written as "1.5s".
type admissions struct {
	mu sync.Mutex
	at map[string]int
}

func (a *admissions) add(d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.at == nil {
		a.at = map[string]int{}
	}
	a.at[d.String()]++
}

func (a *admissions) count() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.at
}

var _ = Describe("Limiter", func() {
	It("admits n per period, at the start of each period", spec.Bubble, func() {
		elapsed := stopwatch()
		l := selects.NewLimiter(3, time.Second)
		defer l.Stop()
		ctx, cancel := context.WithTimeout(context.Background(), 9500*time.Millisecond)
		defer cancel()

		var got admissions
		Expect(l.Wait(ctx)).To(Succeed(), "a new limiter has its whole allowance: the first Wait must return nil at once")
		got.add(elapsed())
		var wg sync.WaitGroup
		for range 8 { // more callers than the limiter admits per period
			wg.Go(func() {
				defer GinkgoRecover()
				for l.Wait(ctx) == nil {
					got.add(elapsed())
				}
			})
		}
		wg.Wait()

		want := map[string]int{}
		for s := range 10 {
			want[(time.Duration(s) * time.Second).String()] = 3
		}
		Expect(got.count()).To(Equal(want),
			"with callers always waiting, a limiter of 3 per second must admit exactly 3 at 0s, 3 at 1s, ... 3 at 9s "+
				"(the map says how many were admitted at each time): at every tick of a time.Ticker set the allowance back to n. "+
				"Careful: a send to a channel with a waiting receiver hands the value over and leaves the buffer as it was, so \"send until full\" gives out too many")
	})

	It("does not save up allowance it did not use", spec.Bubble, func() {
		elapsed := stopwatch()
		l := selects.NewLimiter(3, time.Second)
		defer l.Stop()
		time.Sleep(5500 * time.Millisecond) // idle for five periods and a half

		var got admissions
		Expect(l.Wait(context.Background())).To(Succeed())
		got.add(elapsed())
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				defer GinkgoRecover()
				if l.Wait(context.Background()) == nil {
					got.add(elapsed())
				}
			})
		}
		wg.Wait()
		Expect(got.count()).To(Equal(map[string]int{"5.5s": 3, "6s": 3, "7s": 3}), "after 5.5s idle, 9 callers came: the limiter must admit 3 at once (this period's allowance), 3 at 6s and 3 at 7s. "+
			"Unused allowance must not pile up: at each tick top it up to n, never beyond")
	})

	It("sets the allowance back to n in each period, even when some was left", spec.Bubble, func() {
		elapsed := stopwatch()
		l := selects.NewLimiter(3, time.Second)
		defer l.Stop()

		var got admissions
		Expect(l.Wait(context.Background())).To(Succeed(), "a new limiter has its whole allowance: the first Wait must return nil at once")
		got.add(elapsed())
		time.Sleep(1500 * time.Millisecond) // into the next period, with 2 of the first one's allowance unused
		for range 4 {
			Expect(l.Wait(context.Background())).To(Succeed())
			got.add(elapsed())
		}
		Expect(got.count()).To(Equal(map[string]int{"0s": 1, "1.5s": 3, "2s": 1}),
			"a limiter of 3 per second admitted 1 caller at 0s, then 4 callers came one after the other at 1.5s: "+
				"the period that started at 1s has an allowance of 3, so 3 must be admitted at once and the fourth at 2s (the map says how many were admitted at each time). "+
				"At the start of every period set the allowance back to n, whether or not the last period used it all")
	})

	It("gives up waiting when ctx is done", spec.Bubble, func() {
		elapsed := stopwatch()
		l := selects.NewLimiter(1, time.Hour)
		defer l.Stop()
		Expect(l.Wait(context.Background())).To(Succeed(), "a new limiter has its whole allowance: the first Wait must return nil at once")

		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		Expect(l.Wait(ctx)).To(MatchError(context.DeadlineExceeded),
			"this hour's allowance was used up and ctx expired at 2s: Wait must return ctx.Err() (select on ctx.Done() too)")
		Expect(elapsed()).To(Equal(2*time.Second), "Wait must give up the moment ctx expires (2s)")

		Expect(l.Wait(context.Background())).To(Succeed(), "the next period must admit a caller")
		Expect(elapsed()).To(Equal(time.Hour),
			"the caller that gave up must not have used the next period's allowance: the next Wait must be admitted at 1h")
	})

	It("takes no allowance for a ctx that is already done", spec.Bubble, func() {
		elapsed := stopwatch()
		l := selects.NewLimiter(2, time.Second)
		defer l.Stop()
		done, cancel := context.WithCancel(context.Background())
		cancel()
		for range 20 {
			Expect(l.Wait(done)).To(MatchError(context.Canceled),
				"Wait with a ctx that was already done must return ctx.Err() and use no allowance, even with allowance left: look at ctx.Done() first, with a select that has a default case (a select with several ready cases picks at random)")
		}
		var got admissions
		for range 3 {
			Expect(l.Wait(context.Background())).To(Succeed())
			got.add(elapsed())
		}
		Expect(got.count()).To(Equal(map[string]int{"0s": 2, "1s": 1}),
			"the callers whose ctx was done must not have used this period's allowance: 2 must still be admitted at once, the third at 1s")
	})

	It("panics when made with n < 1 or per <= 0", spec.Bubble, func() {
		Expect(func() { selects.NewLimiter(1, time.Second).Stop() }).NotTo(Panic(), "NewLimiter(1, time.Second) and its Stop must not panic")
		for _, bad := range []struct {
			n   int
			per time.Duration
		}{{0, time.Second}, {-1, time.Second}, {1, 0}, {1, -time.Second}} {
			var l *selects.Limiter
			Expect(func() { l = selects.NewLimiter(bad.n, bad.per) }).To(Panic(),
				"NewLimiter(%d, %v) must panic: a limiter needs n >= 1 and per > 0", bad.n, bad.per)
			if l != nil {
				l.Stop()
			}
		}
	})

	It("Stop releases the waiters and leaves nothing running", spec.Bubble, func() {
		l := selects.NewLimiter(1, time.Second)
		Expect(l.Wait(context.Background())).To(Succeed(), "a new limiter has its whole allowance: the first Wait must return nil at once")
		results := make(chan error, 2)
		for range 2 {
			go func() {
				defer GinkgoRecover()
				results <- l.Wait(context.Background())
			}()
		}
		synctest.Wait()
		Expect(results).To(BeEmpty(), "the allowance was used up, so the waiting callers must wait for the next period")
		l.Stop()
		synctest.Wait()
		Expect(results).To(HaveLen(2), "Stop must release every caller waiting in Wait (close a channel they all select on)")
		Expect(<-results).To(MatchError(selects.ErrStopped), "a caller released by Stop must get ErrStopped")
		Expect(<-results).To(MatchError(selects.ErrStopped), "a caller released by Stop must get ErrStopped")

		spare := selects.NewLimiter(5, time.Second)
		Expect(spare.Wait(context.Background())).To(Succeed())
		spare.Stop()
		for range 10 {
			Expect(spare.Wait(context.Background())).To(MatchError(selects.ErrStopped),
				"Wait after Stop must return ErrStopped, even with allowance left: look at the stop channel first, a select picks at random among ready cases")
		}
		done, cancel := context.WithCancel(context.Background())
		cancel()
		for range 10 {
			Expect(spare.Wait(done)).To(MatchError(selects.ErrStopped),
				"Wait after Stop must return ErrStopped whatever its ctx: look at the stop channel before ctx")
		}
		Expect(spare.Stop).To(Panic(), "a second Stop must panic: it is an error to stop a limiter twice (closing a closed channel panics, so do not guard it with sync.Once)")
		time.Sleep(10 * time.Second)
		// Both limiters are stopped: their goroutines and tickers must be gone
		// when the spec ends.
	})
})
