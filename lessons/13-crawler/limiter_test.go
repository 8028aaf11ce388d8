package crawler_test

import (
	"context"
	"slices"
	"sync"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	crawler "github.com/threadlings/threadlings/lessons/13-crawler"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// waitTogether calls l.Wait(ctx) from n goroutines at once and returns how
// long after since each one returned, sorted, once all have returned. A panic
// in a call is raised again here, on the spec's goroutine.
func waitTogether(l *crawler.Limiter, n int, since time.Time) []time.Duration {
	var (
		mu       sync.Mutex
		after    []time.Duration
		errs     []error
		panicked any
		wg       sync.WaitGroup
	)
	for range n {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					panicked = p
					mu.Unlock()
				}
			}()
			err := l.Wait(context.Background())
			mu.Lock()
			defer mu.Unlock()
			after = append(after, time.Since(since))
			errs = append(errs, err)
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	for _, err := range errs {
		Expect(err).NotTo(HaveOccurred(), "Wait with a context that never ends must return nil")
	}
	slices.Sort(after)
	return after
}

func ms(ns ...int) []time.Duration {
	out := make([]time.Duration, len(ns))
	for i, n := range ns {
		out[i] = time.Duration(n) * time.Millisecond
	}
	return out
}

var _ = Describe("Limiter", func() {
	It("lets the first caller through at once and the rest one interval apart", spec.Bubble, func() {
		l := crawler.NewLimiter(4) // an interval of 250 ms
		start := time.Now()
		Expect(l.Wait(context.Background())).To(Succeed())
		Expect(time.Since(start)).To(BeZero(),
			"the first Wait must return at once, but it waited %v (a Ticker's first tick comes one interval late)", time.Since(start))
		after := waitTogether(l, 4, start)
		Expect(after).To(Equal(ms(250, 500, 750, 1000)),
			"four more callers at once must go through one at a time, 250 ms apart (at 250, 500, 750 and 1000 ms), but went at %v", after)
	})

	It("lets no burst through after being idle", spec.Bubble, func() {
		l := crawler.NewLimiter(4)
		Expect(l.Wait(context.Background())).To(Succeed())
		time.Sleep(10*time.Second + 100*time.Millisecond)
		idle := time.Now()
		after := waitTogether(l, 3, idle)
		Expect(after).To(Equal(ms(0, 250, 500)),
			"after 10.1 s of rest, three callers at once must go at 0, 250 and 500 ms after that: the first at once (not at the next multiple of the interval), the others still one interval apart (no saving up), but went at %v", after)
	})

	It("gives up when the context ends", spec.Bubble, func() {
		l := crawler.NewLimiter(1) // one a second
		Expect(l.Wait(context.Background())).To(Succeed())
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := l.Wait(ctx)
		Expect(err).To(MatchError(context.DeadlineExceeded),
			"the caller's context ended 300 ms before its turn: Wait must give up and return ctx.Err()")
		Expect(time.Since(start)).To(Equal(300*time.Millisecond),
			"Wait must return as soon as the context ends (after 300 ms), not at its turn: select on ctx.Done() too")
	})

	It("keeps events one interval apart when a caller gives up", spec.Bubble, func() {
		l := crawler.NewLimiter(4) // an interval of 250 ms
		start := time.Now()
		var (
			mu     sync.Mutex
			events []time.Duration // when each Wait that returned nil returned
		)
		wait := func(ctx context.Context) error {
			err := l.Wait(ctx)
			if err == nil {
				mu.Lock()
				events = append(events, time.Since(start))
				mu.Unlock()
			}
			return err
		}
		Expect(wait(context.Background())).To(Succeed(), "Wait with a context that never ends must return nil") // A, at once
		ctxB, cancelB := context.WithCancel(context.Background())
		defer cancelB()
		var errB, errC, errD error
		b := spec.Go(func() { errB = wait(ctxB) })
		synctest.Wait() // B has its turn, 250 ms
		c := spec.Go(func() { errC = wait(context.Background()) })
		synctest.Wait() // C has its turn, 500 ms
		time.Sleep(100 * time.Millisecond)
		cancelB()
		b.Wait()
		Expect(errB).To(MatchError(context.Canceled),
			"B's context was cancelled 100 ms into the spec, before its turn: Wait must give up and return ctx.Err()")
		d := spec.Go(func() { errD = wait(context.Background()) })
		c.Wait()
		d.Wait()
		Expect(errC).NotTo(HaveOccurred(), "Wait with a context that never ends must return nil")
		Expect(errD).NotTo(HaveOccurred(), "Wait with a context that never ends must return nil")
		slices.Sort(events)
		for i := 1; i < len(events); i++ {
			Expect(events[i]-events[i-1]).To(BeNumerically(">=", 250*time.Millisecond),
				"A went at 0 ms; then B called Wait (its turn: 250 ms) and C (the turn after: 500 ms); B gave up at 100 ms, and D called Wait after that. A, C and D went at %v: two events less than 250 ms apart. When a Wait gives up, do not hand its turn back by moving the next turn earlier: the turns after it may be taken already, and the next caller would get one of those a second time. The doc lets a Wait that gives up leave its turn used",
				events)
		}
	})

	It("never makes anyone wait without a rate", spec.Bubble, func() {
		for _, rate := range []int{0, -1} {
			l := crawler.NewLimiter(rate)
			start := time.Now()
			for range 3 {
				Expect(l.Wait(context.Background())).To(Succeed(), "Wait without a limit must return nil")
			}
			after := waitTogether(l, 5, start)
			Expect(after).To(HaveEach(BeZero()),
				"NewLimiter(%d) sets no limit: every Wait must return at once, but callers waited %v", rate, after)
		}
	})
})
