package goroutines_test

import (
	"slices"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	goroutines "github.com/threadlings/threadlings/lessons/01-goroutines"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// The notes' session: five rounds of four one-second steps for each worker.
const rounds = 5

var oneWorker = time.Duration(rounds*4) * goroutines.StepTime

var _ = Describe("Market", func() {
	It("runs the buyer and the seller at the same time", spec.Bubble, func() {
		defer settle()
		start := time.Now()
		goroutines.Market(rounds)
		elapsed := time.Since(start)
		Expect(elapsed).NotTo(Equal(2*oneWorker),
			"the session took %v, the buyer's time plus the seller's: run each worker in its own goroutine", elapsed)
		Expect(elapsed).To(Equal(oneWorker),
			"with both workers running at once the session takes one worker's time, %v; it took %v", oneWorker, elapsed)
	})

	It("closes the market after both workers are done", spec.Bubble, func() {
		defer settle()
		log := goroutines.Market(rounds)
		Expect(log).NotTo(BeEmpty(), "Market must return its log")
		Expect(log[0]).To(Equal(goroutines.OpenLine), "the first line must be %q", goroutines.OpenLine)
		Expect(log[len(log)-1]).To(Equal(goroutines.CloseLine),
			"the last line must be %q, written after both workers are done: did main wait for them?", goroutines.CloseLine)
		Expect(log).To(HaveLen(2+2*4*rounds),
			"the log must hold the opening line, %d lines from each worker and the closing line; got %d lines: did main wait for both workers?", 4*rounds, len(log))
	})

	It("waits for the slower worker, whichever it is", spec.Bubble, func() {
		const rounds = 3
		for _, slow := range []string{"[buyer]", "[seller]"} {
			steps := &goroutines.BuyerSteps
			if slow == "[seller]" {
				steps = &goroutines.SellerSteps
			}
			func() {
				saved := *steps
				// This worker has three more steps a round than the other.
				*steps = append(slices.Clip(saved), slow+" checking the news", slow+" calling the broker", slow+" having a coffee")
				defer func() {
					settle() // the workers are done before the steps are put back
					*steps = saved
				}()
				slowTime := time.Duration(rounds*len(*steps)) * goroutines.StepTime
				start := time.Now()
				log := goroutines.Market(rounds)
				elapsed := time.Since(start)
				Expect(log).To(HaveLen(2+rounds*(len(goroutines.BuyerSteps)+len(goroutines.SellerSteps))),
					"with the %s doing %d steps a round, the log must hold every line of both workers; got %d lines: Market must wait for both workers, not for one of them and not for a fixed time", slow, len(*steps), len(log))
				Expect(log[len(log)-1]).To(Equal(goroutines.CloseLine),
					"the last line must be %q, written after both workers are done, the slower %s too", goroutines.CloseLine, slow)
				Expect(elapsed).To(Equal(slowTime),
					"the %s takes %v and the other worker less, so the session should take %v; it took %v: wait for both workers to finish, do not work out how long they should take", slow, slowTime, slowTime, elapsed)
			}()
		}
	})

	It("keeps every line of a long session", spec.Bubble, func() {
		defer settle()
		const long = 150 // 600 lines from each worker
		start := time.Now()
		log := goroutines.Market(long)
		elapsed := time.Since(start)
		Expect(log).To(HaveLen(2+2*4*long),
			"a session of %d rounds logs %d lines from each worker, and the opening and closing lines; got %d lines: the log must grow with the session, whatever its length, so do not give it (or a channel it goes through) a fixed size", long, 4*long, len(log))
		Expect(log[len(log)-1]).To(Equal(goroutines.CloseLine), "the last line must be %q, written after both workers are done", goroutines.CloseLine)
		Expect(elapsed).To(Equal(time.Duration(4*long)*goroutines.StepTime),
			"a session of %d rounds takes one worker's time, %v; it took %v", long, time.Duration(4*long)*goroutines.StepTime, elapsed)
	})

	It("opens and closes at once with no rounds", spec.Bubble, func() {
		start := time.Now()
		log := goroutines.Market(0)
		Expect(log).To(Equal([]string{goroutines.OpenLine, goroutines.CloseLine}), "a session of 0 rounds logs only the opening and the closing line")
		Expect(time.Since(start)).To(BeZero(), "a session of 0 rounds takes no time")
	})

	It("keeps each worker's steps in order", spec.Bubble, func() {
		defer settle()
		log := goroutines.Market(rounds)
		for _, worker := range []struct {
			prefix string
			steps  []string
		}{{"[buyer]", goroutines.BuyerSteps}, {"[seller]", goroutines.SellerSteps}} {
			var own []string
			for _, line := range log {
				if strings.HasPrefix(line, worker.prefix) {
					own = append(own, line)
				}
			}
			var want []string
			for range rounds {
				want = append(want, worker.steps...)
			}
			Expect(slices.Equal(own, want)).To(BeTrue(),
				"the %s lines must be its %d steps, %d rounds over, in order; got %d lines: %q", worker.prefix, len(worker.steps), rounds, len(own), own)
		}
	})
})
