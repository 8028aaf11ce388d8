package races_test

import (
	"runtime"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	races "github.com/threadlings/threadlings/lessons/06-races"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Counter", func() {
	It("keeps both updates when one Inc is held halfway", busy, func() {
		g := newGate()
		c := &races.Counter{Yield: g.pass}
		overlap(g, c.Inc, c.Inc)
		Expect(c.Value()).To(Equal(int64(2)),
			"one Inc was held between reading the count and writing it back, a second Inc ran meanwhile, and the count is %d, not 2: "+
				"both read the same old value, so one update was lost. Make the increment one step (atomic.Int64's Add) "+
				"or hold a mutex from the read to the write, Yield included.", c.Value())
		Expect(g.calls.Load()).To(BeNumerically(">=", 2),
			"two Incs ran but Yield was called %d times: every Inc must call Yield (in the middle of the increment, or just before or after an atomic add). "+
				"The specs hold an Inc in Yield to test it at its most fragile point; an Inc that skips Yield hides its race from them.", g.calls.Load())
	})

	It("works as the zero value, with no Yield, from many goroutines", busy, func() {
		var c races.Counter
		Expect(c.Inc).NotTo(Panic(),
			"Inc panicked on a zero Counter, whose Yield is nil: the zero value is ready to use, so call Yield only if it is not nil")
		spec.Together(4, func(int) {
			for range 100 {
				c.Inc()
			}
		})
		Expect(c.Value()).To(Equal(int64(401)),
			"one Inc, then 100 from each of four goroutines at once, on a zero Counter with no Yield, and the count is %d, not 401: updates were lost", c.Value())
	})

	It("keeps every update when ten Incs overlap", busy, func() {
		g := newGate()
		c := &races.Counter{Yield: g.pass}
		others := make([]func(), 9)
		for i := range others {
			others[i] = c.Inc
		}
		overlap(g, c.Inc, others...)
		Expect(c.Value()).To(Equal(int64(10)),
			"ten Incs ran while the first was held halfway, and the count is %d, not 10: updates were lost. "+
				"No Inc may read the count while another one is between its read and its write.", c.Value())
	})

	It("counts exactly while many goroutines Inc and read Value", busy, func() {
		c := &races.Counter{Yield: runtime.Gosched}
		const workers, incs = 8, 200
		var wentDown atomic.Bool
		spec.Together(workers, func(int) {
			last := int64(0)
			for range incs {
				c.Inc()
				v := c.Value()
				if v < last {
					wentDown.Store(true)
				}
				last = v
			}
		})
		Expect(wentDown.Load()).To(BeFalse(), "Value went down between two calls: an Inc wrote back a count it had read long before, wiping out newer updates")
		Expect(c.Value()).To(Equal(int64(workers*incs)),
			"%d goroutines called Inc %d times each, and the count is %d: updates were lost. "+
				"Use an atomic.Int64 (Add in Inc, Load in Value) or one mutex in both.", workers, incs, c.Value())
	})
})
