package daemon_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/03-daemon"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

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
		Expect(s.Go(func(context.Context) { ran.Store(true) })).To(MatchError(daemon.ErrShutdown),
			"Go after Shutdown must return ErrShutdown: nobody would wait for that task")
		Expect(s.Daemon(func(context.Context) { ran.Store(true) })).To(MatchError(daemon.ErrShutdown),
			"Daemon after Shutdown must return ErrShutdown: nobody would cancel that task")
		synctest.Wait()
		Expect(ran.Load()).To(BeFalse(), "a task passed after Shutdown ran anyway")
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
