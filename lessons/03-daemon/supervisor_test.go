package daemon_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/03-daemon"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// beErrShutdown succeeds for daemon.ErrShutdown, or an error that wraps
// it: what errors.Is finds. An error of its own with the same text is
// another error.
func beErrShutdown() OmegaMatcher {
	return Satisfy(func(err error) bool { return errors.Is(err, daemon.ErrShutdown) })
}

var _ = Describe("Supervisor", func() {
	It("Shutdown waits for the slowest non-daemon task", spec.Bubble, func() {
		s := daemon.New(context.Background())
		start := time.Now()
		var finished atomic.Int32
		for _, d := range []time.Duration{time.Second, 3 * time.Second, 2 * time.Second} {
			err := s.Go(func(context.Context) {
				time.Sleep(d)
				finished.Add(1)
			})
			Expect(err).NotTo(HaveOccurred(), "Go returned an error before Shutdown was called")
		}
		Expect(time.Since(start)).To(BeZero(),
			"Go waited for the task to finish: it must start f in a new goroutine and return at once")

		s.Shutdown()
		Expect(finished.Load()).To(BeEquivalentTo(3),
			"Shutdown returned before every task started with Go had finished: count them in a sync.WaitGroup and Wait for it")
		Expect(time.Since(start)).To(Equal(3*time.Second),
			"tasks of 1s, 3s and 2s run side by side, so Shutdown should return when the slowest ends, after 3s")
	})

	It("cancels the daemons when the non-daemon work is done", spec.Bubble, func() {
		s := daemon.New(context.Background())
		start := time.Now()
		cancelledAt := make(chan time.Duration, 2)
		for range 2 {
			s.Daemon(func(ctx context.Context) {
				<-ctx.Done()
				cancelledAt <- time.Since(start)
			})
		}
		s.Go(func(context.Context) { time.Sleep(2 * time.Second) })
		s.Go(func(context.Context) { time.Sleep(5 * time.Second) })

		s.Shutdown()
		Expect(time.Since(start)).To(Equal(5*time.Second),
			"Shutdown should return when the last non-daemon task ends (5s) and the daemons have stopped")
		for range 2 {
			Expect(<-cancelledAt).To(Equal(5*time.Second),
				"a daemon's context must be cancelled right when the last non-daemon task ends (5s): wait for the work first, then cancel")
		}
	})

	It("Shutdown waits for the daemons to return", spec.Bubble, func() {
		s := daemon.New(context.Background())
		start := time.Now()
		var cleanedUp atomic.Bool
		s.Daemon(func(ctx context.Context) {
			<-ctx.Done()
			time.Sleep(time.Second) // tidying up after the cancel
			cleanedUp.Store(true)
		})
		s.Go(func(context.Context) { time.Sleep(2 * time.Second) })

		s.Shutdown()
		Expect(cleanedUp.Load()).To(BeTrue(),
			"Shutdown returned while a daemon was still finishing after its context was cancelled: wait for the daemons too")
		Expect(time.Since(start)).To(Equal(3*time.Second),
			"the work ends at 2s and the daemon needs 1s more to return, so Shutdown should return at 3s")
	})

	It("stops daemons at once when there is no other work", spec.Bubble, func() {
		s := daemon.New(context.Background())
		start := time.Now()
		for range 3 {
			s.Daemon(func(ctx context.Context) { <-ctx.Done() })
		}
		s.Shutdown()
		Expect(time.Since(start)).To(BeZero(),
			"with no non-daemon work, Shutdown should cancel the daemons and return straight away")
	})

	It("passes New's context on to every task", spec.Bubble, func() {
		parent, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s := daemon.New(parent)
		start := time.Now()
		doneAt := make(chan time.Duration, 2)
		watch := func(ctx context.Context) {
			select {
			case <-ctx.Done():
			case <-time.After(time.Minute): // never told: give up
			}
			doneAt <- time.Since(start)
		}
		s.Go(watch)
		s.Daemon(watch)
		s.Go(func(context.Context) { time.Sleep(10 * time.Second) })

		s.Shutdown()
		for range 2 {
			Expect(<-doneAt).To(Equal(5*time.Second),
				"New's context ran out at 5s, and every task, daemon or not, should see that: derive the daemons' context from it and give it to Go's tasks")
		}
		Expect(time.Since(start)).To(Equal(10*time.Second),
			"Shutdown should still wait for the 10s task, which does not watch its context")
	})

	It("refuses new tasks after Shutdown", spec.Bubble, func() {
		s := daemon.New(context.Background())
		s.Shutdown()
		var ran atomic.Bool
		Expect(s.Go(func(context.Context) { ran.Store(true) })).To(beErrShutdown(),
			"Go after Shutdown must return ErrShutdown: nobody would wait for that task")
		Expect(s.Daemon(func(context.Context) { ran.Store(true) })).To(beErrShutdown(),
			"Daemon after Shutdown must return ErrShutdown: nobody would cancel that task")
		synctest.Wait()
		Expect(ran.Load()).To(BeFalse(), "a task passed after Shutdown ran anyway")
	})

	It("refuses new tasks as soon as Shutdown is called, while it waits", spec.Bubble, spec.Points(2), func() {
		s := daemon.New(context.Background())
		release := make(chan struct{})
		fromTask := make(chan [2]error, 1)
		var ran atomic.Bool
		s.Go(func(context.Context) {
			<-release
			// The task itself asks for more work while Shutdown waits for it.
			fromTask <- [2]error{
				s.Go(func(context.Context) { ran.Store(true) }),
				s.Daemon(func(context.Context) { ran.Store(true) }),
			}
		})
		shutdown := spec.Go(s.Shutdown)
		synctest.Wait()
		Expect(shutdown.Returned()).To(BeFalse(), "Shutdown returned while a task started with Go was still running")
		Expect(s.Go(func(context.Context) { ran.Store(true) })).To(beErrShutdown(),
			"Go, called while Shutdown waits for the work, must return ErrShutdown: set the shutdown flag first, before waiting")
		Expect(s.Daemon(func(context.Context) { ran.Store(true) })).To(beErrShutdown(),
			"Daemon, called while Shutdown waits for the work, must return ErrShutdown")
		close(release)
		errs := <-fromTask
		shutdown.Wait()
		Expect(errs[0]).To(beErrShutdown(), "Go, called by a task after Shutdown was called, must return ErrShutdown")
		Expect(errs[1]).To(beErrShutdown(), "Daemon, called by a task after Shutdown was called, must return ErrShutdown")
		synctest.Wait()
		Expect(ran.Load()).To(BeFalse(), "a task passed after Shutdown was called ran anyway")
	})

	It("lets several goroutines call Shutdown, each until every task has returned", spec.Points(2), SpecTimeout(20*time.Second), func() {
		// Not in a bubble: a correct Shutdown may keep its callers waiting
		// on a mutex (a sync.Once), which fake time cannot wait out. Each
		// Settle lists every goroutine, which is slow on a busy machine:
		// tenths of a second on a quiet one, seconds on a very busy one.
		w := spec.Watch()
		s := daemon.New(context.Background())
		releaseWork, releaseDaemon := make(chan struct{}), make(chan struct{})
		var workDone, daemonDone atomic.Bool
		s.Go(func(context.Context) {
			<-releaseWork
			workDone.Store(true)
		})
		s.Daemon(func(ctx context.Context) {
			<-ctx.Done()
			<-releaseDaemon
			daemonDone.Store(true)
		})
		const callers = 3
		calls := make([]*spec.Call, callers)
		seen := make([][2]bool, callers)
		for i := range calls {
			calls[i] = spec.Go(func() {
				s.Shutdown()
				seen[i] = [2]bool{workDone.Load(), daemonDone.Load()}
			})
		}
		for _, c := range calls {
			Expect(w.Settle(c)).To(BeFalse(),
				"one of %d Shutdowns called at once returned while a task started with Go was still running: every call must wait, not only the first", callers)
		}
		close(releaseWork)
		for _, c := range calls {
			Expect(w.Settle(c)).To(BeFalse(),
				"one of %d Shutdowns called at once returned while a daemon was still running after its cancel: every call must wait for the daemons too", callers)
		}
		close(releaseDaemon)
		for i, c := range calls {
			c.Wait()
			Expect(seen[i]).To(Equal([2]bool{true, true}),
				"a Shutdown returned before every task had returned (work done, daemon done: %v)", seen[i])
		}
		again := spec.Go(s.Shutdown)
		Expect(w.Settle(again)).To(BeTrue(), "a Shutdown after everything has stopped should return at once")
		again.Wait()
	})

	It("hands Go's tasks New's context, which Shutdown does not cancel", spec.Bubble, func() {
		type key struct{}
		parent := context.WithValue(context.Background(), key{}, "from New")
		s := daemon.New(parent)
		got := make(chan context.Context, 1)
		s.Go(func(ctx context.Context) { got <- ctx })
		s.Daemon(func(ctx context.Context) { <-ctx.Done() })
		s.Shutdown()
		ctx := <-got
		Expect(ctx.Value(key{})).To(Equal("from New"), "a task started with Go should get the context given to New, with its values")
		Expect(ctx.Err()).NotTo(HaveOccurred(),
			"the context of a task started with Go was cancelled by Shutdown: Go's tasks get New's context, only the daemons' context is cancelled")
	})

	It("takes new tasks from its own tasks", spec.Bubble, func() {
		s := daemon.New(context.Background())
		start := time.Now()
		var finished atomic.Int32
		started := make(chan error, 2)
		s.Go(func(context.Context) {
			started <- s.Go(func(context.Context) {
				time.Sleep(3 * time.Second)
				finished.Add(1)
			})
			finished.Add(1)
		})
		s.Daemon(func(ctx context.Context) {
			started <- s.Go(func(context.Context) {
				time.Sleep(4 * time.Second)
				finished.Add(1)
			})
			<-ctx.Done()
		})
		for range 2 {
			Expect(<-started).To(Succeed(), "a task may start more work with Go before Shutdown is called")
		}
		s.Shutdown()
		Expect(finished.Load()).To(BeEquivalentTo(3), "Shutdown returned before the work that tasks started with Go had finished")
		Expect(time.Since(start)).To(Equal(4*time.Second), "the longest task, started by the daemon, takes 4s, so Shutdown should return at 4s")
	})

	It("either runs and waits for a task or refuses it, when Go or Daemon races Shutdown", spec.Bubble, SpecTimeout(30*time.Second), func() {
		// Many rounds of goroutines that spin until they all meet: on a
		// machine much busier than it has cores, that takes seconds of real
		// time, though only milliseconds on a quiet one.
		for range 20 {
			s := daemon.New(context.Background())
			const callers = 8 // even ones call Go, odd ones Daemon
			errs := make([]error, callers)
			var finished [2]atomic.Int32 // tasks started with Go, daemons
			var atShutdown [2]int32
			spec.Together(callers+1, func(i int) {
				if i == callers {
					s.Shutdown()
					atShutdown = [2]int32{finished[0].Load(), finished[1].Load()}
					return
				}
				if i%2 == 0 {
					errs[i] = s.Go(func(context.Context) {
						time.Sleep(time.Second)
						finished[0].Add(1)
					})
				} else {
					errs[i] = s.Daemon(func(ctx context.Context) {
						// Busy for a while before it looks at its
						// context: Shutdown may have cancelled it by then.
						time.Sleep(2 * time.Second)
						<-ctx.Done()
						finished[1].Add(1)
					})
				}
			})
			var accepted [2]int32
			for i, err := range errs {
				if err == nil {
					accepted[i%2]++
				} else {
					Expect(err).To(beErrShutdown(), "Go and Daemon may only fail with ErrShutdown")
				}
			}
			Expect(atShutdown[0]).To(Equal(accepted[0]),
				"%d calls of Go were accepted, but only %d of their tasks had finished when Shutdown returned: the shutdown flag and the count of tasks must change under one lock, so that every accepted task is waited for", accepted[0], atShutdown[0])
			Expect(atShutdown[1]).To(Equal(accepted[1]),
				"%d calls of Daemon were accepted, but only %d of those daemons had returned when Shutdown returned: Daemon, too, must look at the shutdown flag and count the daemon in under the same lock as Shutdown", accepted[1], atShutdown[1])
			time.Sleep(time.Minute)
			Expect(finished[0].Load()+finished[1].Load()).To(Equal(accepted[0]+accepted[1]), "a task refused with ErrShutdown ran anyway")
		}
	})

	It("takes tasks from many goroutines at once", spec.Bubble, func() {
		s := daemon.New(context.Background())
		var work, daemons atomic.Int32
		gate := make(chan struct{})
		var callers sync.WaitGroup
		for range 8 {
			callers.Go(func() {
				<-gate
				s.Go(func(context.Context) { work.Add(1) })
				s.Daemon(func(ctx context.Context) {
					<-ctx.Done()
					daemons.Add(1)
				})
			})
		}
		close(gate)
		callers.Wait()

		s.Shutdown()
		Expect(work.Load()).To(BeEquivalentTo(8), "of 8 tasks started with Go from 8 goroutines, not all had run when Shutdown returned")
		Expect(daemons.Load()).To(BeEquivalentTo(8), "of 8 daemons started from 8 goroutines, not all had stopped when Shutdown returned")
	})
})
