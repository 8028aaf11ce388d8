package pool_test

import (
	"context"
	"runtime"
	"sync"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	pool "github.com/threadlings/threadlings/lessons/07-pool"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// napper returns a task for MapUnordered that counts itself in inside,
// waits took(item) of fake time and returns item. When its context ends
// first it stops at once and returns -1.
func napper(inside *spec.Gauge, took func(int) time.Duration) func(context.Context, int) int {
	return func(ctx context.Context, item int) int {
		inside.Enter()
		defer inside.Leave()
		select {
		case <-time.After(took(item)):
			return item
		case <-ctx.Done():
			return -1
		}
	}
}

// closedNow reports whether ch is closed once every goroutine of the bubble
// is blocked, throwing away any results still waiting in it.
func closedNow(ch <-chan int) bool {
	synctest.Wait()
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return true
			}
		default:
			return false
		}
	}
}

var _ = Describe("MapUnordered", func() {
	It("sends each result as soon as its call returns", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		took := func(item int) time.Duration { return []time.Duration{4, 2, 5, 1, 3}[item] * time.Second }
		start := time.Now()
		results := pool.MapUnordered(context.Background(), 5, numbers(5), napper(&inside, took))
		var got []int
		var at []time.Duration
		for r := range results {
			got = append(got, r)
			at = append(at, time.Since(start))
		}
		Expect(got).NotTo(BeEmpty(), "no result came out of the channel")
		Expect(at[0]).To(Equal(time.Second),
			"the fastest call took 1 s but the first result came after %v: send each result the moment its call returns, not after all of them", at[0])
		Expect(got).To(Equal([]int{3, 1, 4, 0, 2}),
			"results must come in the order the calls finish (item 3 after 1 s, item 1 after 2 s, ...), not in the order of the items")
		Expect(at).To(Equal([]time.Duration{1 * time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second, 5 * time.Second}),
			"each result must arrive when its call returns")
	})

	It("runs n calls at once and closes the channel when all are done", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		start := time.Now()
		results := pool.MapUnordered(context.Background(), 2, numbers(6), napper(&inside, seconds(1)))
		var got []int
		for r := range results {
			got = append(got, r)
		}
		Expect(got).To(ConsistOf(0, 1, 2, 3, 4, 5), "every item's result must come out of the channel exactly once")
		Expect(inside.Max()).To(Equal(2), inside.Explain("with n = 2, exactly 2 calls should run at once; %d did", inside.Max()))
		Expect(time.Since(start)).To(Equal(3*time.Second), inside.Explain(
			"six calls of 1 s with 2 workers end after 3 s, and the channel must be closed then; it was closed after %v", time.Since(start)))
	})

	It("closes the channel when ctx is cancelled", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		results := pool.MapUnordered(ctx, 2, numbers(10), napper(&inside, seconds(1)))
		<-results // the first two results come after 1 s
		<-results
		cancel()
		Expect(closedNow(results)).To(BeTrue(),
			"ctx was cancelled but the channel was not closed: every send (of an item to a worker, of a result to the caller) must give up when ctx is done, "+
				"and the channel is closed once the workers have ended")
		Expect(inside.Total()).To(BeNumerically("<=", 4),
			"f was called %d times, but only 4 calls can have started before ctx was cancelled: start no call once ctx is done", inside.Total())
	})

	It("leaves no goroutine behind when the caller stops early", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		results := pool.MapUnordered(ctx, 3, numbers(10), func(ctx context.Context, item int) int {
			time.Sleep(time.Second) // this one pays no attention to ctx
			return item
		})
		<-results
		cancel()
		// The caller reads no other result. It waits long enough for the
		// calls in flight to end, and then every goroutine MapUnordered
		// started must be able to end too.
		time.Sleep(2 * time.Second)
	})

	It("starts no call once ctx is done, even with a worker free", spec.Bubble, func() {
		// As for MapContext: the call of item 0 cancels ctx and returns at
		// once, and no other call may start after that.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		for range cancelRounds {
			ctx, cancel := context.WithCancel(context.Background())
			var mu sync.Mutex
			var late []int
			for range pool.MapUnordered(ctx, 1, numbers(4), func(_ context.Context, item int) int {
				mu.Lock()
				defer mu.Unlock()
				if ctx.Err() != nil {
					late = append(late, item)
				}
				if item == 0 {
					cancel()
				}
				return item
			}) {
			}
			cancel()
			mu.Lock()
			Expect(late).To(BeEmpty(),
				"the call of item 0 cancelled ctx, and f was still called for items %v: once ctx is done, start no call. Check ctx.Err() in the worker before each item; a select between handing out an item and ctx.Done() picks either at random when both are ready", late)
			mu.Unlock()
		}
	})

	It("with n <= 0 runs one call per CPU", spec.Bubble, func() {
		cpus := runtime.NumCPU()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus + 2))
		for _, n := range []int{0, -3} {
			inside := spec.Gauge{Name: "call"}
			start := time.Now()
			var got []int
			for r := range pool.MapUnordered(context.Background(), n, numbers(2*cpus+1), napper(&inside, seconds(1))) {
				got = append(got, r)
			}
			Expect(got).To(HaveLen(2*cpus+1), "MapUnordered(ctx, %d, ...) must send one result per item", n)
			Expect(inside.Max()).To(Equal(cpus), inside.Explain(
				"MapUnordered(ctx, %d, ...) ran %d calls at once on a machine with %d CPUs: n <= 0 means runtime.NumCPU() workers", n, inside.Max(), cpus))
			Expect(time.Since(start)).To(Equal(3*time.Second), inside.Explain("%d calls of 1 s with %d workers take 3 s", 2*cpus+1, cpus))
		}
	})

	It("closes the channel only after the calls in flight have returned", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		results := pool.MapUnordered(ctx, 3, numbers(10), func(ctx context.Context, item int) int {
			inside.Enter()
			defer inside.Leave()
			// Item 0 takes 1 s, the others 2 s, and none of them pays any
			// attention to ctx.
			time.Sleep(time.Duration(min(item+1, 2)) * time.Second)
			return item
		})
		<-results // item 0, after 1 s: items 1 and 2 are still running
		cancel()
		cancelledAt := time.Now()
		for range results {
			// a result that was ready as ctx was cancelled may still come
		}
		Expect(inside.Now()).To(BeZero(),
			"the channel was closed while %d call(s) of f were still running: once ctx is done, close the channel only after the calls in flight have returned (wait for the workers)", inside.Now())
		Expect(inside.Total()).To(BeNumerically("<=", 4),
			"f was called %d times, but only 4 calls can have started before ctx was cancelled: a worker whose call ends after ctx is done must not start another (check ctx before each item)", inside.Total())
		Expect(time.Since(cancelledAt)).To(BeNumerically("<=", 2*time.Second),
			"the channel closed %v after ctx was cancelled: a call in flight takes at most 2 s, and no new call may start", time.Since(cancelledAt))
	})
})
