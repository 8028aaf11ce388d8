package pool_test

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
	"github.com/onsi/gomega/gleak"

	pool "github.com/threadlings/threadlings/lessons/07-pool"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var errBroken = errors.New("item 1 is broken")

// cancelRounds is how many times a spec runs when a wrong answer shows only
// by chance, one time in two or four: a wrong answer passes all of them
// about once in a billion runs or less.
const cancelRounds = 80

// patient returns a task for MapContext that counts itself in inside, waits
// took(item) of fake time and returns item*item, unless item is broken: then
// it returns errBroken after 1 s. When its context ends first it stops at
// once, counts itself in stopped and returns the context's error.
func patient(inside *spec.Gauge, stopped *atomic.Int32, broken int, took func(int) time.Duration) func(context.Context, int) (int, error) {
	return func(ctx context.Context, item int) (int, error) {
		inside.Enter()
		defer inside.Leave()
		if item == broken {
			time.Sleep(time.Second)
			return 0, errBroken
		}
		select {
		case <-time.After(took(item)):
			return item * item, nil
		case <-ctx.Done():
			stopped.Add(1)
			return 0, ctx.Err()
		}
	}
}

// otherContext is a context of the spec's own kind, not one of the context
// package's: its Done is a channel the spec closes.
type otherContext struct {
	context.Context
	done chan struct{}
}

func (c otherContext) Done() <-chan struct{} { return c.done }

func (c otherContext) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

// contextWatchers counts the goroutines that the context package starts to
// carry a cancel from a parent of another kind to a derived context. Each
// ends when the derived context is cancelled.
func contextWatchers() int {
	n := 0
	for _, g := range gleak.Goroutines() {
		if g.CreatorFunction == "context.(*cancelCtx).propagateCancel" {
			n++
		}
	}
	return n
}

var _ = Describe("MapContext", func() {
	It("runs n calls at once and keeps the order of the items", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		var stopped atomic.Int32
		took := func(item int) time.Duration { return time.Duration(1+(8-item)%3) * time.Second }
		start := time.Now()
		results, err := pool.MapContext(context.Background(), 3, numbers(9), patient(&inside, &stopped, -1, took))
		elapsed := time.Since(start)
		Expect(err).NotTo(HaveOccurred(), "every call succeeded, so MapContext must return a nil error")
		Expect(results).To(Equal([]int{0, 1, 4, 9, 16, 25, 36, 49, 64}),
			"result i must be f(ctx, items[i]), whatever order the calls finished in")
		Expect(inside.Max()).To(Equal(3), inside.Explain("with n = 3, exactly 3 calls of f should run at once; %d did", inside.Max()))
		Expect(elapsed).To(Equal(7*time.Second), inside.Explain("nine calls of 1 to 3 s with 3 workers, each taking the next item when free, take 7 s; took %v", elapsed))
	})

	It("stops at the first error and returns it", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		var stopped atomic.Int32
		start := time.Now()
		results, err := pool.MapContext(context.Background(), 3, numbers(10), patient(&inside, &stopped, 1, seconds(5)))
		elapsed := time.Since(start)
		Expect(err).To(MatchError(errBroken),
			"item 1 failed first, so MapContext must return its error (not the context.Canceled the others returned once they were cancelled)")
		Expect(results).To(BeNil(), "MapContext failed, so it must return nil results")
		Expect(elapsed).To(Equal(time.Second), inside.Explain(
			"item 1 failed after 1 s, but MapContext returned after %v: cancel the context the calls got, so that the others stop at once", elapsed))
		Expect(stopped.Load()).To(BeEquivalentTo(2), "the two calls running next to the broken one must see their context cancelled")
		Expect(inside.Total()).To(Equal(3),
			"f was called %d times: after the first error no new call may start (check the context before each item)", inside.Total())
	})

	It("waits for the calls in flight before it returns", spec.Bubble, func() {
		var finished atomic.Bool
		var calls atomic.Int32
		f := func(ctx context.Context, item int) (int, error) {
			calls.Add(1)
			if item == 0 {
				time.Sleep(time.Second)
				return 0, errBroken
			}
			time.Sleep(3 * time.Second) // this one pays no attention to ctx
			finished.Store(true)
			return item, nil
		}
		start := time.Now()
		_, err := pool.MapContext(context.Background(), 2, numbers(6), f)
		Expect(err).To(MatchError(errBroken), "MapContext must return the error of the call that failed")
		Expect(finished.Load()).To(BeTrue(),
			"MapContext returned after %v while a call of f was still running: wait for every worker before returning, or its goroutine is left behind", time.Since(start))
		Expect(calls.Load()).To(BeEquivalentTo(2),
			"f was called %d times: item 0 failed at 1 s, so no call may start after it, not even by the worker whose call ended well at 3 s (check the context before each item)", calls.Load())
		Expect(time.Since(start)).To(Equal(3*time.Second), "the slow call took 3 s, so MapContext must return then")
	})

	It("leaves nothing running after it returns, even on a context of another kind", spec.Bubble, func() {
		// A parent context that is not one of the context package's own:
		// a context derived from it has a goroutine that watches both,
		// which ends only once the derived context is cancelled.
		parent := otherContext{Context: context.Background(), done: make(chan struct{})}
		defer close(parent.done)
		results, err := pool.MapContext(parent, 2, numbers(4), func(ctx context.Context, item int) (int, error) {
			return item, nil
		})
		Expect(err).NotTo(HaveOccurred(), "every call succeeded, so MapContext must return a nil error")
		Expect(results).To(Equal([]int{0, 1, 2, 3}))
		synctest.Wait()
		Expect(contextWatchers()).To(BeZero(),
			"a context derived from ctx was never cancelled, and the goroutine that watches ctx for it is still running after MapContext returned: cancel the context you derive when MapContext returns, whether or not a call failed (defer cancel)")
	})

	It("stops when the parent context ends", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		var stopped atomic.Int32
		ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
		defer cancel()
		start := time.Now()
		results, err := pool.MapContext(ctx, 2, numbers(10), patient(&inside, &stopped, -1, seconds(1)))
		elapsed := time.Since(start)
		Expect(err).To(MatchError(context.DeadlineExceeded), "ctx reached its deadline before the work was done: MapContext must return ctx's error")
		Expect(results).To(BeNil(), "MapContext failed, so it must return nil results")
		Expect(elapsed).To(Equal(2500*time.Millisecond),
			"ctx ended after 2.5 s, MapContext returned after %v: the calls must get a context derived from ctx", elapsed)
		Expect(inside.Total()).To(BeNumerically("<=", 6),
			"f was called %d times, but only 6 calls can have started before ctx ended: start no call once ctx is done", inside.Total())
	})

	It("starts no call once ctx is done, even with a worker free", spec.Bubble, func() {
		// The call of item 0 cancels ctx and returns at once, so its worker
		// is free again right away while items are left. A worker that
		// does not look at ctx before each item, fed by a select on "a
		// worker took the item" and ctx.Done(), gets the next item
		// whenever the select finds both ready and picks the item: Go picks
		// at random, so the spec tries many times, on one processor.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		for range cancelRounds {
			ctx, cancel := context.WithCancel(context.Background())
			var late []int
			_, err := pool.MapContext(ctx, 1, numbers(4), func(_ context.Context, item int) (int, error) {
				if ctx.Err() != nil {
					late = append(late, item)
				}
				if item == 0 {
					cancel()
				}
				return item, nil
			})
			cancel()
			Expect(err).To(MatchError(context.Canceled), "ctx was cancelled before the work was done: MapContext must return ctx's error")
			Expect(late).To(BeEmpty(),
				"the call of item 0 cancelled ctx, and f was still called for items %v: once ctx is done, start no call. Check ctx.Err() in the worker before each item; a select between handing out an item and ctx.Done() picks either at random when both are ready", late)
		}
	})

	It("with n <= 0 runs one call per CPU", spec.Bubble, func() {
		cpus := runtime.NumCPU()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus + 2))
		for _, n := range []int{0, -3} {
			inside := spec.Gauge{Name: "call"}
			var stopped atomic.Int32
			start := time.Now()
			results, err := pool.MapContext(context.Background(), n, numbers(2*cpus+1), patient(&inside, &stopped, -1, seconds(1)))
			Expect(err).NotTo(HaveOccurred(), "MapContext(ctx, %d, ...): every call succeeded, so it must return a nil error", n)
			Expect(results).To(HaveLen(2*cpus+1), "MapContext(ctx, %d, ...) must return one result per item", n)
			Expect(inside.Max()).To(Equal(cpus), inside.Explain(
				"MapContext(ctx, %d, ...) ran %d calls at once on a machine with %d CPUs: n <= 0 means runtime.NumCPU() workers, as in Map", n, inside.Max(), cpus))
			Expect(time.Since(start)).To(Equal(3*time.Second), inside.Explain("%d calls of 1 s with %d workers take 3 s", 2*cpus+1, cpus))
		}
	})
})
