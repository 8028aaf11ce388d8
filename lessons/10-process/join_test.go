package process_test

import (
	"fmt"
	"sync"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/10-process"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// notYet is how long a spec watches a call that must not return yet. A
// correct call cannot return while the child waits for orders, however long
// one watches; this is only long enough to catch one that does not wait.
const notYet = 20 * time.Millisecond

var _ = Describe("A process that was never started", func() {
	It("cannot be joined, terminated or killed", func() {
		p := process.New("exit", "0")
		Expect(p.IsAlive()).To(BeFalse(), "a process is not alive before Start")
		Expect(p.ExitCode()).To(Equal(-1), "ExitCode should be -1 before Start: there is no exit code yet")
		Expect(p.ExitSignal()).To(BeNil(), "ExitSignal should be nil before Start")
		Expect(p.Join()).To(MatchError(process.ErrNotStarted), "Join before Start should return ErrNotStarted, not wait")
		finished, err := p.JoinTimeout(time.Minute)
		Expect(err).To(MatchError(process.ErrNotStarted), "JoinTimeout before Start should return ErrNotStarted, not wait")
		Expect(finished).To(BeFalse(), "a process that was never started has not finished")
		Expect(p.Terminate()).To(MatchError(process.ErrNotStarted), "Terminate before Start should return ErrNotStarted")
		Expect(p.Kill()).To(MatchError(process.ErrNotStarted), "Kill before Start should return ErrNotStarted")
	})
})

var _ = Describe("Join", func() {
	It("waits for the child to end, and reaps it", processTimeout, spec.Points(2), func() {
		c := newChild("wait")
		c.start()
		pid := c.Pid()
		Expect(c.IsAlive()).To(BeTrue(), "the child waits for its orders, so IsAlive should be true")
		joined := joinAsync(c.Process)
		Consistently(joined, notYet).ShouldNot(Receive(), "Join returned while the child was still waiting for its orders: it must wait until the child ends")
		c.tell("exit 5")
		Eventually(joined, waitLimit).Should(Receive(BeNil()), "the child was told to exit, but Join did not return nil: wait for the child (cmd.Wait) and then wake every joiner")
		Expect(c.IsAlive()).To(BeFalse(), "after Join returned, IsAlive should be false")
		Expect(c.ExitCode()).To(Equal(5), "the child exited with code 5")
		expectReaped(pid, "Join returned")
	})

	It("wakes every goroutine that waits, and returns at once later", processTimeout, func() {
		c := newChild("wait")
		c.start()
		const n = 5
		joins := make([]<-chan error, n)
		for i := range joins {
			joins[i] = joinAsync(c.Process)
		}
		time.Sleep(notYet)
		for _, joined := range joins {
			Expect(joined).NotTo(Receive(), "a Join returned while the child was still waiting for its orders")
		}
		c.tell("exit 0")
		for i, joined := range joins {
			Eventually(joined, waitLimit).Should(Receive(BeNil()),
				"Join %d of %d did not return nil after the child exited: only one goroutine can call cmd.Wait; let it close a channel that every Join waits on", i+1, n)
		}
		expectJoined(c.Process, "the child has ended: a later Join should return at once")
		expectReaped(c.Pid(), "Join returned")
	})
})

var _ = Describe("JoinTimeout", func() {
	It("gives up after d while the child runs", processTimeout, func() {
		c := newChild("wait")
		c.start()
		const d = 30 * time.Millisecond
		start := time.Now()
		finished, err := c.JoinTimeout(d)
		waited := time.Since(start)
		Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started process should not fail")
		Expect(finished).To(BeFalse(), "JoinTimeout said the child had ended, but it is still waiting for its orders")
		Expect(waited).To(BeNumerically(">=", d), "JoinTimeout(%v) returned after %v: it should wait for d before giving up", d, waited)
		Expect(c.IsAlive()).To(BeTrue(), "a JoinTimeout that gave up leaves the child running")
		for _, d := range []time.Duration{0, -time.Second} {
			finished, err := c.JoinTimeout(d)
			Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started process should not fail")
			Expect(finished).To(BeFalse(), fmt.Sprintf("JoinTimeout(%v) said a running child had ended", d))
		}
	})

	It("returns as soon as the child ends", processTimeout, spec.Points(2), func() {
		c := newChild("wait")
		c.start()
		c.expectReady()
		const d = 2 * waitLimit
		type result struct {
			finished bool
			err      error
			waited   time.Duration
		}
		results := make(chan result, 1)
		go func() {
			defer func() {
				if v := recover(); v != nil {
					results <- result{err: fmt.Errorf("JoinTimeout panicked: %v", v)}
				}
			}()
			start := time.Now()
			finished, err := c.JoinTimeout(d)
			results <- result{finished, err, time.Since(start)}
		}()
		c.tell("exit 0")
		var r result
		Eventually(results, waitLimit).Should(Receive(&r), "JoinTimeout never returned")
		Expect(r.err).NotTo(HaveOccurred(), "JoinTimeout of a started process should not fail")
		Expect(r.finished).To(BeTrue(), "the child exited well inside the %v timeout: JoinTimeout should report that it ended", d)
		Expect(r.waited).To(BeNumerically("<", waitLimit),
			"JoinTimeout(%v) took %v although the child exited at once: wait for the end of the child and for a timer at the same time (select), do not sleep", d, r.waited)
		for range 20 {
			finished, err := c.JoinTimeout(0)
			Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started process should not fail")
			Expect(finished).To(BeTrue(), "JoinTimeout(0) on an ended child said it was still running: when a closed channel and an expired timer are both ready, select picks one at random; look at the child first")
		}
		for _, d := range []time.Duration{-time.Second, -1} {
			finished, err := c.JoinTimeout(d)
			Expect(err).NotTo(HaveOccurred(), "JoinTimeout of a started process should not fail")
			Expect(finished).To(BeTrue(), "JoinTimeout(%v) on an ended child said it was still running: a negative d does not wait, but it still looks", d)
		}
		Expect(c.IsAlive()).To(BeFalse(), "after JoinTimeout reported the child ended, IsAlive should be false")
		expectReaped(c.Pid(), "JoinTimeout reported that the child had ended")
	})
})

var _ = Describe("ExitCode", func() {
	It("is -1 until the child ends, then the task's code", processTimeout, spec.Points(2), func() {
		c := newChild("wait")
		Expect(c.ExitCode()).To(Equal(-1), "ExitCode should be -1 before Start")
		c.start()
		Expect(c.ExitCode()).To(Equal(-1), "ExitCode should be -1 while the child runs, not 0: it has not exited yet")
		Expect(c.ExitSignal()).To(BeNil(), "ExitSignal should be nil while the child runs")
		c.tell("exit 3")
		expectJoined(c.Process, "the child was told to exit")
		Expect(c.ExitCode()).To(Equal(3), "the child exited with code 3")
		Expect(c.ExitSignal()).To(BeNil(), "the child exited by itself: ExitSignal should be nil")
		for _, d := range []time.Duration{0, waitLimit} {
			finished, err := c.JoinTimeout(d)
			Expect(err).NotTo(HaveOccurred(), "JoinTimeout(%v) of a child that exited with code 3 returned an error: like Join, it returns nil whatever the exit code, which ExitCode tells", d)
			Expect(finished).To(BeTrue(), "JoinTimeout(%v) of a child that has ended should report true", d)
		}
	})

	It("is the code each task returned", processTimeout, func() {
		codes := []int{0, 1, 42}
		ps := make([]*process.Process, len(codes))
		for i, code := range codes {
			ps[i] = process.New("exit", fmt.Sprint(code))
			Expect(startWatched(ps[i])).To(Succeed(), "Start of a new process should succeed")
			DeferCleanup(func() { joinWithin(ps[i], waitLimit) })
		}
		for i, p := range ps {
			expectJoined(p, "the exit task ends by itself")
			Expect(p.ExitCode()).To(Equal(codes[i]), "the task was given %d as its argument and returned it: pass New's args on as the child's arguments", codes[i])
		}
	})
})

var _ = Describe("A running process", func() {
	It("can be watched and joined from many goroutines at once", processTimeout, spec.Points(2), func() {
		c := newChild("wait")
		c.start()
		pid := c.Pid()
		const n = 4
		looked := make(chan struct{}, n)
		problems := make(chan string, 2*n)
		var wg sync.WaitGroup
		for range n {
			// A watcher looks until it sees the child end.
			wg.Go(func() {
				var once sync.Once
				lookedOnce := func() { once.Do(func() { looked <- struct{}{} }) }
				defer lookedOnce()
				defer func() {
					if v := recover(); v != nil {
						problems <- fmt.Sprint("a method panicked: ", v)
					}
				}()
				deadline := time.Now().Add(waitLimit)
				for {
					code, alive, p := c.ExitCode(), c.IsAlive(), c.Pid()
					lookedOnce()
					switch {
					case p != pid:
						problems <- fmt.Sprintf("Pid changed from %d to %d while the child ran", pid, p)
						return
					case alive && code != -1:
						problems <- fmt.Sprintf("IsAlive was still true after ExitCode had said %d", code)
						return
					case !alive:
						return
					case time.Now().After(deadline):
						problems <- "the child was told to exit, but IsAlive stayed true"
						return
					}
					time.Sleep(time.Millisecond)
				}
			})
			// A joiner only waits. Were it to call a method after Join, the
			// lock inside would pass on to the watchers what Join knows,
			// and a racy IsAlive would go unseen.
			wg.Go(func() {
				defer func() {
					if v := recover(); v != nil {
						problems <- fmt.Sprint("Join panicked: ", v)
					}
				}()
				if err := c.Join(); err != nil {
					problems <- fmt.Sprint("Join returned an error: ", err)
				}
			})
		}
		for range n {
			<-looked
		}
		c.tell("exit 3")
		Expect(waitAll(&wg, waitLimit)).To(BeTrue(), "the child was told to exit, but a Join or a watcher never saw it end")
		close(problems)
		for problem := range problems {
			Expect(problem).To(BeEmpty(), "a goroutine watching or joining the process saw something wrong")
		}
		Expect(c.ExitCode()).To(Equal(3), "the child exited with code 3")
	})
})

var _ = Describe("A child that ends", func() {
	It("may be watched with ExitCode alone, or ExitSignal alone, from another goroutine", processTimeout, func() {
		// Each watcher calls one method only and never Join: nothing but
		// that method's own lock orders its read after the write of the
		// goroutine that reaps the child, so an unlocked read is a race.
		watch := func(ended func() bool) *spec.Call {
			return spec.Go(func() {
				deadline := time.Now().Add(waitLimit)
				for !ended() && time.Now().Before(deadline) {
					time.Sleep(time.Millisecond)
				}
			})
		}
		exits := newChild("wait")
		exits.start()
		exits.expectReady()
		byCode := watch(func() bool { return exits.ExitCode() != -1 })
		exits.tell("exit 6")
		byCode.Wait()
		Expect(exits.ExitCode()).To(Equal(6), "the child exited with code 6, and a goroutine that only called ExitCode never saw it: "+
			"ExitCode must tell the code of an ended child, joined or not")

		killed := newChild("wait")
		killed.start()
		killed.expectReady()
		bySignal := watch(func() bool { return killed.ExitSignal() != nil })
		Expect(killed.Kill()).To(Succeed(), "Kill of a running child should succeed")
		bySignal.Wait()
		Expect(killed.ExitSignal()).To(Equal(syscall.SIGKILL), "the child was killed, and a goroutine that only called ExitSignal never saw SIGKILL: "+
			"ExitSignal must tell the signal of an ended child, joined or not")
	})

	It("is reaped at once, whether or not anyone joins it", processTimeout, spec.Points(2), func() {
		c := newChild("wait")
		c.start()
		pid := c.Pid()
		c.expectReady()
		c.tell("exit 4")
		// Nobody calls Join or JoinTimeout: the Process must see the end by
		// itself.
		Eventually(c.IsAlive, waitLimit, time.Millisecond).Should(BeFalse(),
			"the child exited and nobody joined it, but IsAlive stayed true: the goroutine that Start starts must wait for the child (cmd.Wait) at once, so that an ended child is reaped as it ends, not when someone joins it")
		Expect(c.ExitCode()).To(Equal(4), "IsAlive said the child had ended, so ExitCode should give its code (4) without a Join")
		expectReaped(pid, "IsAlive turned false without a Join")
		expectJoined(c.Process, "the child has ended: Join should return at once")
	})
})
