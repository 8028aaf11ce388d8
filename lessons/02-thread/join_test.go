package thread_test

import (
	"fmt"
	"runtime"
	"sync"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/02-thread"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Join", func() {
	It("is an error before Start", spec.Bubble, func() {
		t := thread.New("idle", func() {})
		Expect(t.Join()).To(MatchError(thread.ErrNotStarted), "Join on a thread that was never started should return ErrNotStarted, not wait")
		start := time.Now()
		finished, err := t.JoinTimeout(time.Minute)
		Expect(err).To(MatchError(thread.ErrNotStarted), "JoinTimeout on a thread that was never started should return ErrNotStarted")
		Expect(finished).To(BeFalse(), "a thread that was never started has not finished")
		Expect(time.Since(start)).To(BeZero(), "JoinTimeout on a thread that was never started should return at once, not wait out the timeout")
		for _, d := range []time.Duration{0, -time.Second} {
			finished, err := t.JoinTimeout(d)
			Expect(err).To(MatchError(thread.ErrNotStarted), fmt.Sprintf("JoinTimeout(%v) on a thread that was never started should return ErrNotStarted too: check that the thread was started before looking at d", d))
			Expect(finished).To(BeFalse(), "a thread that was never started has not finished")
		}
	})

	It("blocks until the target returns", spec.Bubble, spec.Points(2), func() {
		release := newLatch()
		defer release.Open()
		t := thread.New("slow", release.Wait)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		joined := joinAsync(t)
		synctest.Wait()
		Expect(joined).NotTo(Receive(), "Join returned while the target was still running: it must wait until the target returns")
		release.Open()
		synctest.Wait()
		Expect(joined).To(Receive(BeNil()), "the target returned but Join did not: wake the joiners when the target ends")
		Expect(t.IsAlive()).To(BeFalse(), "after Join returned, IsAlive should be false")
	})

	It("lets many goroutines wait for the same thread", spec.Bubble, func() {
		const n = 5
		release := newLatch()
		defer release.Open()
		t := thread.New("shared", release.Wait)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		joins := make([]<-chan error, n)
		for i := range joins {
			joins[i] = joinAsync(t)
		}
		synctest.Wait()
		for _, joined := range joins {
			Expect(joined).NotTo(Receive(), "a Join returned while the target was still running")
		}
		timed := make([]*spec.Call, n)
		finished := make([]bool, n)
		for i := range timed {
			timed[i] = spec.Go(func() { finished[i], _ = t.JoinTimeout(time.Hour) })
		}
		synctest.Wait()
		for _, c := range timed {
			Expect(c.Returned()).To(BeFalse(), "a JoinTimeout returned while the target was still running")
		}
		release.Open()
		// If a Join never returns, this spec deadlocks: a send on a channel
		// wakes one waiter, closing it wakes them all.
		for _, joined := range joins {
			Expect(<-joined).To(Succeed(), "Join of a started thread should succeed")
		}
		for i, c := range timed {
			c.Wait()
			Expect(finished[i]).To(BeTrue(), "JoinTimeout(1h), waiting next to other joiners, should report that the thread finished")
		}
	})

	It("leaves the thread Dead for every joiner", SpecTimeout(5*time.Second), func() {
		const threads, joiners = 20, 4
		for range threads {
			t := thread.New("", func() {})
			states := make([]thread.State, joiners)
			Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
			spec.Together(joiners, func(i int) {
				if i%2 == 0 {
					t.Join()
				} else {
					t.JoinTimeout(time.Minute)
				}
				states[i] = t.State()
			})
			for _, state := range states {
				Expect(state).To(Equal(thread.StateDead),
					"right after Join returned, the thread was %v: make the thread Dead first, then wake the joiners (close the channel last)", state)
			}
		}
	})

	It("returns at once for a finished thread", spec.Bubble, func() {
		release := newLatch()
		defer release.Open()
		t := thread.New("", release.Wait)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		synctest.Wait()
		start := time.Now()
		Expect(t.Join()).To(Succeed(), "a second Join of a finished thread should succeed")
		finished, err := t.JoinTimeout(time.Hour)
		Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started thread should not fail")
		Expect(finished).To(BeTrue(), "JoinTimeout of a finished thread should report that it finished")
		Expect(time.Since(start)).To(BeZero(), "joining a finished thread should not wait")
	})
})

var _ = Describe("JoinTimeout", func() {
	It("gives up after exactly d while the target runs", spec.Bubble, spec.Points(2), func() {
		release := newLatch()
		defer release.Open()
		t := thread.New("long", release.Wait)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		start := time.Now()
		finished, err := t.JoinTimeout(5 * time.Second)
		waited := time.Since(start)
		Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started thread should not fail")
		Expect(finished).To(BeFalse(), "JoinTimeout said the thread finished, but its target is still running")
		Expect(waited).To(Equal(5*time.Second), "JoinTimeout(5s) on a thread that runs longer should wait exactly 5s")
		Expect(t.IsAlive()).To(BeTrue(), "a timed-out JoinTimeout leaves the thread running")
		release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
	})

	It("returns as soon as the target finishes", spec.Bubble, spec.Points(2), func() {
		// Not a round number, so that a JoinTimeout that polls overshoots.
		const takes = 2*time.Second + 333*time.Microsecond + 7
		t := thread.New("quick", func() { time.Sleep(takes) })
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		start := time.Now()
		finished, err := t.JoinTimeout(time.Minute)
		waited := time.Since(start)
		Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started thread should not fail")
		Expect(finished).To(BeTrue(), "the target took about 2s, well inside the 1m timeout: JoinTimeout should report that it finished")
		Expect(waited).To(Equal(takes), "the target took %v, so JoinTimeout(1m) should return the moment it ends, after exactly %v; it took %v: wait for the end of the thread and for the timer at the same time (select), do not sleep or poll", takes, takes, waited)
		Expect(t.IsAlive()).To(BeFalse(), "after JoinTimeout reported the thread finished, IsAlive should be false")
	})

	It("only looks when d is zero or negative", spec.Bubble, func() {
		release := newLatch()
		defer release.Open()
		t := thread.New("", release.Wait)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		start := time.Now()
		for _, d := range []time.Duration{0, -time.Second} {
			finished, err := t.JoinTimeout(d)
			Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started thread should not fail")
			Expect(finished).To(BeFalse(), fmt.Sprintf("JoinTimeout(%v) said a running thread finished", d))
		}
		Expect(time.Since(start)).To(BeZero(), "JoinTimeout with no time to wait should not wait")
		release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		synctest.Wait()
		for range 20 {
			finished, err := t.JoinTimeout(0)
			Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started thread should not fail")
			Expect(finished).To(BeTrue(), "JoinTimeout(0) on a finished thread said it was still running: when a closed channel and an expired timer are both ready, select picks one at random; look at the thread first")
		}
	})
})

var _ = Describe("A running thread", func() {
	It("can be watched from many goroutines at once", spec.Points(2), func() {
		const n = 4
		looked := make(chan struct{}, n)
		// The target ends once every watcher has looked at the thread at
		// least once; the watchers go on looking until they see it Dead.
		t := thread.New("watched", func() {
			for range n {
				<-looked
			}
		})
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		problems := make([]string, n)
		spec.Together(n, func(i int) {
			var once sync.Once
			lookedOnce := func() { once.Do(func() { looked <- struct{}{} }) }
			defer lookedOnce()
			deadline := time.Now().Add(500 * time.Millisecond)
			for {
				state, alive := t.State(), t.IsAlive()
				lookedOnce()
				if state != thread.StateRunning && state != thread.StateDead {
					problems[i] = fmt.Sprintf("a started thread was seen in state %d", int(state))
					return
				}
				if state == thread.StateDead {
					if alive {
						problems[i] = "IsAlive was true after the state was already Dead"
						return
					}
					break
				}
				if time.Now().After(deadline) {
					problems[i] = "the target returned but the thread never became Dead"
					return
				}
				runtime.Gosched()
			}
		})
		for _, problem := range problems {
			Expect(problem).To(BeEmpty(), "a goroutine watching the thread saw something wrong")
		}
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
	})
})
