package selects_test

import (
	"fmt"
	"sort"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	selects "github.com/threadlings/threadlings/lessons/12-select"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// send is one value to send on an input of Merge, at a time after the
// spec's start.
type send struct {
	At time.Duration
	V  int
}

// GomegaString shows a send in a failure message as "10 at 1s".
func (s send) GomegaString() string { return fmt.Sprintf("%d at %v", s.V, s.At) }

// input is an unbuffered channel that a goroutine feeds: it sends each value
// at its time and closes the channel at closeAt. Once stop is closed it sends
// nothing more, so that a spec that failed with Merge half-done does not feed
// it further.
func input(elapsed func() time.Duration, stop <-chan struct{}, closeAt time.Duration, sends ...send) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, s := range sends {
			time.Sleep(s.At - elapsed())
			select {
			case <-stop:
				return
			default:
			}
			select {
			case ch <- s.V:
			case <-stop:
				return
			}
		}
		time.Sleep(closeAt - elapsed())
	}()
	return ch
}

// collect receives from out until it is closed, noting when each value
// arrived, and says when out was closed; closed is false if it was still
// open an hour later.
func collect(elapsed func() time.Duration, out <-chan int) (got []send, closedAt time.Duration, closed bool) {
	give := time.After(time.Hour)
	for {
		select {
		case v, ok := <-out:
			if !ok {
				return got, elapsed(), true
			}
			got = append(got, send{elapsed(), v})
		case <-give:
			return got, 0, false
		}
	}
}

var _ = Describe("Merge", func() {
	It("delivers every value the moment it is sent", spec.Bubble, func() {
		elapsed := stopwatch()
		stop := make(chan struct{})
		defer close(stop)
		a := input(elapsed, stop, 5*time.Second, send{time.Second, 10}, send{4 * time.Second, 11})
		b := input(elapsed, stop, 6*time.Second, send{2 * time.Second, 20})
		c := input(elapsed, stop, 3500*time.Millisecond, send{3 * time.Second, 30})

		got, _, closed := collect(elapsed, selects.Merge(a, b, c))
		Expect(closed).To(BeTrue(), "the merged channel was still open an hour after every input had closed: close it once every input is drained")
		Expect(got).To(ConsistOf(
			send{time.Second, 10}, send{2 * time.Second, 20}, send{3 * time.Second, 30}, send{4 * time.Second, 11},
		), "each value must arrive once, at the time it was sent: read every input at once, one goroutine per input, not one input after the other")
	})

	It("closes only after the last input closes", spec.Bubble, func() {
		elapsed := stopwatch()
		stop := make(chan struct{})
		defer close(stop)
		a := input(elapsed, stop, time.Second)
		b := input(elapsed, stop, 3*time.Second, send{2 * time.Second, 7})
		c := input(elapsed, stop, 1500*time.Millisecond)

		got, closedAt, closed := collect(elapsed, selects.Merge(a, b, c))
		Expect(closed).To(BeTrue(), "the merged channel was still open an hour after every input had closed: close it once every input is drained (a WaitGroup over the forwarding goroutines)")
		Expect(closedAt).To(Equal(3*time.Second),
			"the inputs closed at 1s, 1.5s and 3s, and the merged channel closed at %v: it must close when the last input closes, not before", closedAt)
		Expect(got).To(Equal([]send{{2 * time.Second, 7}}), "the value sent at 2s must arrive at 2s")
	})

	It("with no inputs returns a closed channel", spec.Bubble, func() {
		elapsed := stopwatch()
		got, closedAt, closed := collect(elapsed, selects.Merge[int]())
		Expect(closed).To(BeTrue(), "with no inputs there is nothing to wait for: Merge must return a channel that is (or soon is) closed")
		Expect(got).To(BeEmpty(), "with no inputs no value can arrive")
		Expect(closedAt).To(BeZero(), "with no inputs the merged channel must be closed at once")
	})
})

var _ = Describe("Merge of inputs whose values are all ready", func() {
	It("keeps the order of each input", spec.Bubble, func() {
		const n = 30
		a, b := make(chan int, n), make(chan int, n)
		for i := range n {
			a <- i
			b <- 100 + i
		}
		close(a)
		close(b)
		var fromA, fromB []int
		for v := range selects.Merge[int](a, b) {
			if v < 100 {
				fromA = append(fromA, v)
			} else {
				fromB = append(fromB, v)
			}
		}
		Expect(fromA).To(HaveLen(n), "every value of the first input must arrive once")
		Expect(fromB).To(HaveLen(n), "every value of the second input must arrive once")
		Expect(sort.IntsAreSorted(fromA) && sort.IntsAreSorted(fromB)).To(BeTrue(),
			"the values of one input came out of order (%v): forward each input's values one after the other, from one goroutine per input, not a goroutine per value", fromA)
	})
})
