package goroutines_test

import (
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	goroutines "github.com/threadlings/threadlings/lessons/01-goroutines"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Group", func() {
	It("Join returns at once when nothing was started", spec.Bubble, func() {
		var g goroutines.Group
		start := time.Now()
		g.Join()
		Expect(time.Since(start)).To(BeZero(), "Join on an empty Group must not wait")
	})

	It("Start returns at once and Join waits for the target", spec.Bubble, func() {
		defer settle()
		var g goroutines.Group
		var finished atomic.Bool
		start := time.Now()
		g.Start(func(int) {
			time.Sleep(time.Hour)
			finished.Store(true)
		}, 0)
		Expect(time.Since(start)).To(BeZero(),
			"Start waited for the target to finish: run the target in a new goroutine with the go statement")
		g.Join()
		Expect(finished.Load()).To(BeTrue(),
			"Join returned while the target was still running: did you wait on the WaitGroup?")
		Expect(time.Since(start)).To(Equal(time.Hour), "the target sleeps for an hour, so Join should return after exactly an hour")
	})

	It("Join waits for every started goroutine", spec.Bubble, func() {
		defer settle()
		var g goroutines.Group
		// Plain bools, no lock: Join returning is what makes it safe to
		// read what the goroutines wrote.
		done := make([]bool, 3)
		start := time.Now()
		for i := range done {
			g.Start(func(n int) {
				time.Sleep(time.Duration(n+1) * time.Second)
				done[n] = true
			}, i)
		}
		g.Join()
		elapsed := time.Since(start)
		seen := slices.Clone(done)
		Expect(seen).To(HaveEach(BeTrue()),
			"Join returned before every goroutine had finished (finished: %v): count each goroutine in the WaitGroup before its go statement, and wait on it", seen)
		Expect(elapsed).To(Equal(3*time.Second),
			"three goroutines sleeping 1 s, 2 s and 3 s at the same time should take 3 s, took %v", elapsed)
	})

	It("Start passes each target its own argument", spec.Bubble, func() {
		var g goroutines.Group
		var mu sync.Mutex
		var got []int
		for i := range 5 {
			g.Start(func(n int) {
				mu.Lock()
				defer mu.Unlock()
				got = append(got, n)
			}, i*10)
		}
		g.Join()
		mu.Lock()
		defer mu.Unlock()
		Expect(got).To(ConsistOf(0, 10, 20, 30, 40), "each target must be called once, with the argument given to its Start")
	})
})

var _ = Describe("Pids", func() {
	It("sees the test's own pid in every goroutine", spec.Bubble, func() {
		const n = 8
		m := newMeeting(n)
		pids := goroutines.Pids(n, m.arrive)
		Expect(pids).To(HaveLen(n), "Pids(%d, ...) must return one pid per goroutine", n)
		Expect(pids).To(HaveEach(Equal(os.Getpid())),
			"every goroutine runs inside this very process, so each must see its pid %d", os.Getpid())
	})

	It("runs n goroutines at the same time", spec.Bubble, func() {
		const n = 8
		m := newMeeting(n)
		goroutines.Pids(n, m.arrive)
		Expect(m.inside.Total()).To(Equal(n), "each of the %d goroutines must call ready exactly once", n)
		Expect(m.inside.Max()).To(Equal(n),
			"only %d goroutines were in ready at once, want %d: start them all before waiting, each with the go statement", m.inside.Max(), n)
	})
})
