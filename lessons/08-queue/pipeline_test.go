package queue_test

import (
	"context"
	"slices"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	queue "github.com/threadlings/threadlings/lessons/08-queue"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// produce sends 0, 1, 2, ... on in, n of them (for ever if n < 0), and
// closes in when done or when ctx is done: the sender is the one that
// closes. The returned channel is closed when it has returned.
func produce(ctx context.Context, in chan<- int, n int) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(in)
		for i := 0; n < 0 || i < n; i++ {
			select {
			case in <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return done
}

// slowSquare is a worker's job: one second of fake time per item, counted
// in a gauge whose timeline calls each one a call.
func slowSquare(g *spec.Gauge) func(int) int {
	g.Name = "call"
	return func(x int) int {
		g.Enter()
		defer g.Leave()
		time.Sleep(time.Second)
		return x * x
	}
}

// isClosed reports whether ch is closed, without waiting: a value still in
// ch counts as not closed.
func isClosed[T any](ch <-chan T) bool {
	select {
	case _, ok := <-ch:
		return !ok
	default:
		return false
	}
}

var _ = Describe("Pipeline", func() {
	It("fans the items out to the workers and closes when the input ends", spec.Bubble, spec.Points(2), func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var busy spec.Gauge
		in := make(chan int)
		out := queue.Pipeline(ctx, in, 4, slowSquare(&busy))
		produced := produce(ctx, in, 20)
		defer func() { <-produced }()

		start := time.Now()
		var got []int
		for r := range out {
			got = append(got, r)
		}
		var want []int
		for i := range 20 {
			want = append(want, i*i)
		}
		Expect(got).To(ConsistOf(want), "every item of the input must come out exactly once, as f of the item (in any order)")
		Expect(busy.Max()).To(Equal(4), busy.Explain("Pipeline(ctx, in, 4, f) had %d calls of f running at once: it must run exactly 4 workers side by side", busy.Max()))
		Expect(time.Since(start)).To(Equal(5*time.Second), "20 items of 1s each on 4 workers must take 5s of fake time; it took %v", time.Since(start))
	})

	It("runs one worker when workers < 1", spec.Bubble, func() {
		for _, workers := range []int{0, -3} {
			ctx, cancel := context.WithCancel(context.Background())
			var busy spec.Gauge
			in := make(chan int)
			out := queue.Pipeline(ctx, in, workers, slowSquare(&busy))
			produced := produce(ctx, in, 3)

			var got []int
			for r := range out {
				got = append(got, r)
			}
			cancel()
			<-produced
			Expect(got).To(ConsistOf(0, 1, 4), "Pipeline with workers = %d must still run one worker and handle every item", workers)
			Expect(busy.Max()).To(Equal(1), busy.Explain("Pipeline with workers = %d must run exactly one worker", workers))
		}
	})

	It("closes its output soon after ctx is cancelled", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var busy spec.Gauge
		in := make(chan int)
		out := queue.Pipeline(ctx, in, 4, slowSquare(&busy))
		produced := produce(ctx, in, -1)
		defer func() { <-produced }()

		for range 6 {
			_, ok := <-out
			Expect(ok).To(BeTrue(), "the output was closed while the input was still open and ctx was live")
		}
		cancel()
		cancelledAt := time.Now()
		for range out {
			// a result that was ready as ctx was cancelled may still come
		}
		Expect(time.Since(cancelledAt)).To(BeNumerically("<=", time.Second),
			"the output closed %v after ctx was cancelled: once ctx is done, workers must stop taking items and stop waiting to send (one call of f, 1s, may finish)", time.Since(cancelledAt))
		Expect(busy.Now()).To(BeZero(), busy.Explain("the output was closed while a worker was still inside f: close it only once every worker has returned (sync.WaitGroup)"))
	})

	It("stops waiting for input when ctx is cancelled", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		in := make(chan int)
		defer close(in) // only the sender closes; here, at the very end
		out := queue.Pipeline(ctx, in, 3, func(x int) int { return 2 * x })
		in <- 21
		Expect(<-out).To(Equal(42), "the result of f(21) must come out")

		cancel()
		synctest.Wait()
		Expect(isClosed(out)).To(BeTrue(), "ctx was cancelled while the workers waited for input that never came, and the output was not closed: "+
			"a worker waiting on the input must also wait on ctx.Done() (select)")
	})

	It("leaves no goroutine behind when the consumer stops reading", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		var busy spec.Gauge
		in := make(chan int)
		out := queue.Pipeline(ctx, in, 4, slowSquare(&busy))
		produced := produce(ctx, in, -1)

		for range 3 {
			_, ok := <-out
			Expect(ok).To(BeTrue(), "the output was closed while the input was still open and ctx was live")
		}
		// The consumer walks away: it cancels and never reads out again.
		// Within one call of f, every worker must have returned.
		cancel()
		<-produced
		time.Sleep(time.Second)
		synctest.Wait()
	})
})

var _ = Describe("Merge", func() {
	It("forwards every value and closes when every input is closed", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// Input k sends three values, k+1 seconds apart, then closes.
		var ins []<-chan int
		for k := range 3 {
			ch := make(chan int)
			ins = append(ins, ch)
			go func() {
				defer close(ch)
				for j := range 3 {
					time.Sleep(time.Duration(k+1) * time.Second)
					ch <- 10*k + j
				}
			}()
		}
		out := queue.Merge(ctx, ins...)

		start := time.Now()
		var got []int
		for v := range out {
			got = append(got, v)
		}
		Expect(got).To(ConsistOf(0, 1, 2, 10, 11, 12, 20, 21, 22), "Merge must forward every value of every input exactly once")
		Expect(time.Since(start)).To(Equal(9*time.Second), "the slowest input took 9s, so Merge must be done after 9s; it took %v: receive from every input at once, not one after another", time.Since(start))
		for k := range 3 {
			Expect(slices.Index(got, 10*k) < slices.Index(got, 10*k+1) && slices.Index(got, 10*k+1) < slices.Index(got, 10*k+2)).
				To(BeTrue(), "values of one input must come out in the order they were sent")
		}
	})

	It("keeps the order of each input, however slow the reader", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// Each input sends five values as fast as Merge takes them; the
		// reader takes one a second, so values wait to be sent.
		var ins []<-chan int
		for k := range 2 {
			ch := make(chan int)
			ins = append(ins, ch)
			go func() {
				defer close(ch)
				for j := range 5 {
					ch <- 10*k + j
				}
			}()
		}
		out := queue.Merge(ctx, ins...)
		var got []int
		for v := range out {
			time.Sleep(time.Second)
			got = append(got, v)
		}
		Expect(got).To(ConsistOf(0, 1, 2, 3, 4, 10, 11, 12, 13, 14), "Merge must forward every value of every input exactly once")
		for k := range 2 {
			var of []int
			for _, v := range got {
				if v/10 == k {
					of = append(of, v)
				}
			}
			Expect(slices.IsSorted(of)).To(BeTrue(), "the values of input %d came out as %v: values of one input must come out in the order they were sent. "+
				"Send each value before receiving the next from the same input (not from a goroutine of its own)", k, of)
		}
	})

	It("with no inputs closes at once", spec.Bubble, func() {
		out := queue.Merge[int](context.Background())
		synctest.Wait()
		Expect(isClosed(out)).To(BeTrue(), "Merge with no inputs has nothing to send: its output must be closed at once")
	})

	It("stops and closes when ctx is cancelled", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		a, b := make(chan int), make(chan int)
		defer close(a)
		defer close(b)
		out := queue.Merge[int](ctx, a, b)
		a <- 1
		b <- 2
		Expect(<-out).To(Or(Equal(1), Equal(2)), "Merge must forward the values it receives")

		cancel()
		synctest.Wait()
		Expect(isClosed(out)).To(BeTrue(), "ctx was cancelled, the inputs are still open and nobody reads the output, but the output was not closed: "+
			"every receive from an input and every send on the output must also wait on ctx.Done()")
	})
})
