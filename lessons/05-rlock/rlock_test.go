package rlock_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	rlock "github.com/threadlings/threadlings/lessons/05-rlock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("RLock", func() {
	It("lets its owner acquire it again", busy, func() {
		var l rlock.RLock
		a := rlock.NewOwner()
		l.Acquire(a)
		mustReturn("a second Acquire by the owner that holds the lock",
			"The holder must get in again at once: if owner == the holder, add one to the count instead of waiting.",
			func() { l.Acquire(a); l.Acquire(a) })
		for i := 1; i <= 3; i++ {
			Expect(l.Release(a)).To(Succeed(), "release %d of 3 by the owner that acquired 3 times: count every Acquire and free the lock only when the count reaches 0", i)
		}
		Expect(l.Release(a)).To(MatchError(rlock.ErrNotHeld), "a fourth Release after three Acquires must return ErrNotHeld: the count is 0")
	})

	It("makes another owner wait until the last release", spec.Points(2), busy, func() {
		var l rlock.RLock
		a, b := rlock.NewOwner(), rlock.NewOwner()
		l.Acquire(a)
		l.Acquire(a)
		w := spec.Watch()
		got := spec.Go(func() { l.Acquire(b) })
		Expect(w.WaitFor(got.Done())).NotTo(BeEmpty(), "owner b got the lock while owner a held it: Acquire by another owner must wait")
		Expect(l.Release(a)).To(Succeed(), "owner a acquired it twice, so its first Release must succeed")
		Expect(w.WaitFor(got.Done())).NotTo(BeEmpty(), "owner b got the lock after a released once of its two acquires: the lock is free only when the count is back to 0")
		Expect(l.Release(a)).To(Succeed(), "owner a acquired it twice, so its second Release must succeed")
		waiting := w.WaitFor(got.Done())
		Expect(waiting).To(BeEmpty(), "owner b still waits after a's last Release: wake the waiting owners when the count drops to 0. b waits at %s", strings.Join(waiting, ", "))
		got.Check()
		Expect(l.Release(b)).To(Succeed(), "b holds the lock now, so its Release must succeed")
	})

	It("lets exactly one of several waiting owners in at each last release", spec.Points(2), busy, func() {
		var l rlock.RLock
		holder := rlock.NewOwner()
		l.Acquire(holder)
		const waiters = 3
		entered := make(chan rlock.Owner, waiters)
		var in atomic.Int32
		w := spec.Watch()
		calls := make([]*spec.Call, waiters)
		allDone := make(chan struct{})
		for i := range calls {
			me := rlock.NewOwner()
			calls[i] = spec.Go(func() {
				l.Acquire(me)
				in.Add(1)
				entered <- me
			})
		}
		go func() {
			for _, c := range calls {
				<-c.Done()
			}
			close(allDone)
		}()
		Expect(w.WaitFor(allDone)).NotTo(BeEmpty(), "%d owners got the lock while another owner held it: Acquire by another owner must wait", in.Load())
		for i := 1; i <= waiters; i++ {
			Expect(l.Release(holder)).To(Succeed(), "the owner that got the lock last must be able to release it")
			waiting := w.WaitFor(allDone)
			Expect(in.Load()).To(BeEquivalentTo(i), "%d owners waited, the lock was freed %d times, and %d of them got in: "+
				"at each last Release exactly one waiting owner may take the lock. A woken waiter must look again and wait again if another owner got there first.", waiters, i, in.Load())
			if i < waiters {
				Expect(waiting).NotTo(BeEmpty(), "the other owners must still be waiting")
			}
			holder = <-entered
		}
		Expect(l.Release(holder)).To(Succeed(), "the last owner holds the lock")
		for _, c := range calls {
			c.Wait()
		}
	})

	It("refuses to release a lock nobody holds", busy, func() {
		var l rlock.RLock
		a := rlock.NewOwner()
		Expect(l.Release(a)).To(MatchError(rlock.ErrNotHeld), "Release on a new RLock must return ErrNotHeld")
		l.Acquire(a)
		Expect(l.Release(a)).To(Succeed(), "Release after Acquire must succeed")
		Expect(l.Release(a)).To(MatchError(rlock.ErrNotHeld), "a second Release after one Acquire must return ErrNotHeld")
	})

	It("refuses a release by another owner", busy, func() {
		var l rlock.RLock
		a, b := rlock.NewOwner(), rlock.NewOwner()
		l.Acquire(a)
		Expect(l.Release(b)).To(MatchError(rlock.ErrNotOwner), "b released the lock that a holds: Release must return ErrNotOwner")
		w := spec.Watch()
		got := spec.Go(func() { l.Acquire(b) })
		Expect(w.WaitFor(got.Done())).NotTo(BeEmpty(), "after b's refused Release, b got the lock that a still holds: a refused Release must leave the lock as it was")
		Expect(l.Release(a)).To(Succeed(), "a still holds the lock, so its Release must succeed")
		Expect(w.WaitFor(got.Done())).To(BeEmpty(), "b still waits after a released the lock")
		got.Check()
		Expect(l.Release(b)).To(Succeed(), "b holds the lock now, so its Release must succeed")
	})

	It("gives up waiting when the context ends", spec.Bubble, func() {
		var l rlock.RLock
		a, b := rlock.NewOwner(), rlock.NewOwner()
		Expect(l.AcquireContext(context.Background(), a)).To(Succeed(), "AcquireContext on a free lock must succeed")
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		begin := time.Now()
		Expect(l.AcquireContext(ctx, b)).To(MatchError(context.DeadlineExceeded), "b waited for the lock that a holds with a 1s timeout: AcquireContext must return ctx.Err()")
		Expect(time.Since(begin)).To(Equal(time.Second), "AcquireContext must wait until the context ends, not give up before")
		Expect(l.AcquireContext(context.Background(), a)).To(Succeed(), "the holder must get in again with AcquireContext too")
		Expect(l.Release(a)).To(Succeed(), "owner a acquired it twice, so its first Release must succeed")
		Expect(l.Release(a)).To(Succeed(), "owner a acquired it twice, and b's attempt that timed out must not count")
		time.Sleep(time.Hour)
		synctest.Wait()
		Expect(l.Release(b)).To(MatchError(rlock.ErrNotHeld), "b's AcquireContext gave up, but b holds the lock now: a wait that was given up must not take the lock later")
		Expect(l.AcquireContext(context.Background(), b)).To(Succeed(), "the lock is free: b must get it")
		Expect(l.Release(b)).To(Succeed(), "b holds the lock")
	})

	It("lets owners waiting in AcquireContext in, one at each last release", spec.Points(2), spec.Bubble, func() {
		var l rlock.RLock
		a := rlock.NewOwner()
		l.Acquire(a)
		l.Acquire(a)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // it never ends while they wait: only a Release lets them in
		type result struct {
			who int
			err error
		}
		results := make(chan result, 3)
		owners := []rlock.Owner{rlock.NewOwner(), rlock.NewOwner(), rlock.NewOwner()}
		quitCtx, quit := context.WithCancel(context.Background())
		defer quit()
		for i, o := range owners {
			waitCtx := ctx
			if i == 2 {
				waitCtx = quitCtx // the third one gives up while the others wait
			}
			go func() { results <- result{i, l.AcquireContext(waitCtx, o)} }()
		}
		synctest.Wait()
		Expect(results).To(BeEmpty(), "%d of 3 owners got out of AcquireContext while a held the lock: AcquireContext by another owner must wait", len(results))

		reentered := make(chan struct{})
		go func() { l.Acquire(a); close(reentered) }()
		synctest.Wait()
		Expect(reentered).To(BeClosed(), "a holds the lock and other owners wait for it: a must still get in again at once, not queue behind them")

		quit()
		synctest.Wait()
		Expect(results).To(HaveLen(1), "the context of one of three waiting owners was canceled: that AcquireContext, and only it, must return at once")
		Expect(<-results).To(Equal(result{2, context.Canceled}), "the owner whose context was canceled must give up with ctx.Err(), while the others wait on. "+
			"Watch ctx.Done() itself in the select, not only a deadline")

		for range 3 {
			Expect(l.Release(a)).To(Succeed(), "a acquired it three times, so its three Releases must succeed")
		}
		synctest.Wait()
		Expect(results).To(HaveLen(1), "two owners waited in AcquireContext, the lock was freed once, and %d of them got in: "+
			"exactly one must. Wake the waiters when the count drops to 0; a woken waiter must look again. "+
			"A waiter that gives up must not take away what wakes the others", len(results))
		first := <-results
		Expect(first.err).NotTo(HaveOccurred(), "the lock was freed and the context is live: AcquireContext must take the lock")
		Expect(l.Release(owners[first.who])).To(Succeed(), "the owner that got in holds the lock")
		synctest.Wait()
		Expect(results).To(HaveLen(1), "the lock was freed again and the last waiting owner did not get in")
		second := <-results
		Expect(second.err).NotTo(HaveOccurred(), "the lock was freed and the context is live: AcquireContext must take the lock")
		Expect(l.Release(owners[second.who])).To(Succeed(), "the last owner that got in holds the lock")
		Expect(l.Release(owners[2])).To(MatchError(rlock.ErrNotHeld), "the owner that gave up must not hold the lock")
	})

	It("leaves nothing waiting behind when AcquireContext gives up", spec.Bubble, func() {
		var l rlock.RLock
		a, b := rlock.NewOwner(), rlock.NewOwner()
		l.Acquire(a)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		Expect(l.AcquireContext(ctx, b)).To(MatchError(context.DeadlineExceeded), "b waited for the lock that a holds with a 1s timeout: AcquireContext must return ctx.Err()")
		// a keeps the lock to the end: a goroutine that still waits for it on
		// b's behalf would wait for ever, and the spec fails as a leak.
		time.Sleep(time.Hour)
		synctest.Wait()
		Expect(l.Release(b)).To(MatchError(rlock.ErrNotOwner), "b gave up, and a still holds the lock")
	})

	It("with a done context takes the lock only when it need not wait", busy, func() {
		var l rlock.RLock
		a, b := rlock.NewOwner(), rlock.NewOwner()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var err error
		mustReturn("AcquireContext with a done context on a free lock", "A free lock needs no waiting: take it.", func() { err = l.AcquireContext(ctx, a) })
		for i := range 20 {
			if i > 0 {
				err = l.AcquireContext(ctx, a)
			}
			Expect(err).NotTo(HaveOccurred(), "the lock was free, so AcquireContext must take it even though ctx is done: ctx only limits the wait. "+
				"Look at the lock first (a select picks at random among ready cases); only a wait can be given up.")
			Expect(l.Release(a)).To(Succeed(), "AcquireContext returned nil, so a holds the lock")
		}
		l.Acquire(a)
		mustReturn("AcquireContext with a done context by the holder", "The holder needs no waiting: count one more.", func() { err = l.AcquireContext(ctx, a) })
		for i := range 20 {
			if i > 0 {
				err = l.AcquireContext(ctx, a)
			}
			Expect(err).NotTo(HaveOccurred(), "a holds the lock, so its AcquireContext needs no wait and must succeed even though ctx is done")
		}
		for range 20 {
			Expect(l.Release(a)).To(Succeed(), "a acquired 21 times, so 21 Releases must succeed")
		}
		mustReturn("AcquireContext with a done context on another owner's lock", "ctx is done: give up at once with ctx.Err().", func() { err = l.AcquireContext(ctx, b) })
		Expect(err).To(MatchError(context.Canceled), "a holds the lock and ctx is done: b's AcquireContext must return ctx.Err() at once")
		Expect(l.Release(b)).To(MatchError(rlock.ErrNotOwner), "b's AcquireContext gave up, so b must not hold the lock")
		Expect(l.Release(a)).To(Succeed(), "b's attempt must leave a's hold as it was")
		Expect(l.Release(a)).To(MatchError(rlock.ErrNotHeld), "a acquired 21 times and released 21 times, so the lock is free")
	})

	It("keeps owners apart under load", busy, func() {
		var l rlock.RLock
		var inside spec.Gauge
		const owners, rounds = 8, 50
		first := rlock.NewOwner()
		l.Acquire(first)
		Expect(l.Release(first)).To(Succeed(), "Release after Acquire must succeed")
		total := 0 // guarded by l
		var wg sync.WaitGroup
		for range owners {
			wg.Go(func() {
				defer GinkgoRecover()
				me := rlock.NewOwner()
				for range rounds {
					l.Acquire(me)
					l.Acquire(me)
					inside.Enter()
					total++
					inside.Leave()
					_ = l.Release(me)
					_ = l.Release(me)
				}
			})
		}
		wg.Wait()
		Expect(inside.Max()).To(Equal(1), "%d owners were inside the lock at once: only the holder may be inside", inside.Max())
		Expect(total).To(Equal(owners*rounds), "updates made under the lock were lost")
	})
})
