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
				time.Sleep(oddSleep(n))
				done[n] = true
			}, i)
		}
		g.Join()
		elapsed := time.Since(start)
		seen := slices.Clone(done)
		Expect(seen).To(HaveEach(BeTrue()),
			"Join returned before every goroutine had finished (finished: %v): count each goroutine in the WaitGroup before its go statement, and wait on it", seen)
		Expect(elapsed).To(Equal(oddSleep(2)),
			"three goroutines sleeping %v, %v and %v at the same time should take %v, the longest, and Join should return the moment the last one does; took %v: wait on the WaitGroup, do not sleep or poll",
			oddSleep(0), oddSleep(1), oddSleep(2), oddSleep(2), elapsed)
	})

	It("takes Starts from many goroutines at once", spec.Bubble, func() {
		defer settle()
		const n = 23
		var g goroutines.Group
		finished := make([]bool, n) // slot i is written by the target started with i
		start := time.Now()
		spec.Together(n, func(i int) {
			g.Start(func(arg int) {
				time.Sleep(time.Duration(arg+1) * time.Minute)
				finished[arg] = true
			}, i)
		})
		g.Join()
		elapsed := time.Since(start)
		seen := slices.Clone(finished)
		Expect(seen).To(HaveEach(BeTrue()),
			"%d goroutines called Start at the same time, and Join returned before every target had finished (finished: %v): Start may be called from several goroutines at once, so what it counts must be safe for that (a WaitGroup is)", n, seen)
		Expect(elapsed).To(Equal(n*time.Minute),
			"the longest of the %d targets sleeps %d minutes, so Join should return after exactly %v; it took %v", n, n, n*time.Minute, elapsed)
	})

	It("runs every target at the same time, however many", spec.Bubble, func() {
		for _, n := range []int{37, many} {
			var g goroutines.Group
			m := newMeeting(n)
			for i := range n {
				g.Start(func(int) { m.arrive() }, i)
			}
			g.Join()
			Expect(m.inside.Total()).To(Equal(n), "each of the %d targets must be called once", n)
			Expect(m.inside.Max()).To(Equal(n), m.inside.Explain(
				"only %d of %d targets ran at once, want all of them: Start must give every target a new goroutine of its own, not a place in a queue or a pool of workers", m.inside.Max(), n))
		}
	})

	It("lets several goroutines Join at once", spec.Bubble, func() {
		defer settle()
		var g goroutines.Group
		const targets, joiners = 5, 3
		var finished atomic.Int32
		start := time.Now()
		for i := range targets {
			g.Start(func(n int) {
				time.Sleep(time.Duration(n+1) * time.Second)
				finished.Add(1)
			}, i)
		}
		returnedAt := make([]time.Duration, joiners)
		seen := make([]int32, joiners)
		spec.Together(joiners, func(j int) {
			g.Join()
			returnedAt[j] = time.Since(start)
			seen[j] = finished.Load()
		})
		for j := range joiners {
			Expect(seen[j]).To(BeEquivalentTo(targets),
				"one of %d goroutines calling Join at once returned when only %d of %d targets had finished: every Join must wait for all of them", joiners, seen[j], targets)
			Expect(returnedAt[j]).To(Equal(targets*time.Second),
				"every Join should return when the last target ends, after %v; one returned after %v", targets*time.Second, returnedAt[j])
		}
	})

	It("can be used again after Join", spec.Bubble, func() {
		defer settle()
		var g goroutines.Group
		for round := 1; round <= 3; round++ {
			var finished atomic.Bool
			start := time.Now()
			g.Start(func(int) {
				time.Sleep(time.Hour)
				finished.Store(true)
			}, round)
			g.Join()
			Expect(finished.Load()).To(BeTrue(),
				"in round %d, Join returned before the target had finished: a Group must work again after Join, so do not remember that it was joined", round)
			Expect(time.Since(start)).To(Equal(time.Hour), "in round %d, Join should wait exactly the hour the target sleeps", round)
		}
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
		for _, n := range []int{0, 1, 8, 13} {
			m := newMeeting(n)
			pids := goroutines.Pids(n, m.arrive)
			Expect(pids).To(HaveLen(n), "Pids(%d, ...) must return one pid per goroutine", n)
			for _, pid := range pids {
				Expect(pid).To(Equal(os.Getpid()),
					"every goroutine runs inside this very process, so each must see its pid %d", os.Getpid())
			}
			Expect(m.inside.Total()).To(Equal(n), "Pids(%d, ...): each of the %d goroutines must call ready exactly once", n, n)
		}
	})

	It("runs n goroutines at the same time", spec.Bubble, func() {
		for _, n := range []int{8, 41, many} {
			m := newMeeting(n)
			goroutines.Pids(n, m.arrive)
			Expect(m.inside.Total()).To(Equal(n), "each of the %d goroutines must call ready exactly once", n)
			Expect(m.inside.Max()).To(Equal(n), m.inside.Explain(
				"only %d goroutines were in ready at once, want %d: start them all before waiting, each with the go statement, and do not cap how many run at once", m.inside.Max(), n))
		}
	})

	It("returns only once every goroutine has finished", spec.Bubble, func() {
		const n = 9
		m := newMeeting(n)
		busy := spec.Gauge{Name: "ready"}
		start := time.Now()
		goroutines.Pids(n, func() {
			m.arrive()
			busy.Enter() // still busy in ready for another second
			defer busy.Leave()
			time.Sleep(time.Second)
		})
		Expect(busy.Now()).To(BeZero(), busy.Explain(
			"Pids returned while %d goroutines were still inside ready: wait for the goroutines to finish, not just for their pids", busy.Now()))
		Expect(time.Since(start)).To(Equal(time.Second), busy.Explain("ready takes a second in every goroutine at once, so Pids should take a second"))
	})
})

// oddSleep is how long target n sleeps in the specs that check that Join
// returns right when the last target does: n+1 seconds and a little, so that
// a Join that sleeps or polls on a round interval overshoots.
func oddSleep(n int) time.Duration {
	return time.Duration(n+1)*time.Second + 777*time.Microsecond + 1
}
