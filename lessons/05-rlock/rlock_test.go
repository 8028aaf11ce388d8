package rlock_test

import (
	"context"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	rlock "github.com/threadlings/threadlings/lessons/05-rlock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("RLock", func() {
	It("lets its owner acquire it again", func() {
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

	It("makes another owner wait until the last release", spec.Points(2), func() {
		var l rlock.RLock
		a, b := rlock.NewOwner(), rlock.NewOwner()
		l.Acquire(a)
		l.Acquire(a)
		w := spec.Watch()
		got := spec.Go(func() { l.Acquire(b) })
		Expect(w.WaitFor(got.Done())).NotTo(BeEmpty(), "owner b got the lock while owner a held it: Acquire by another owner must wait")
		Expect(l.Release(a)).To(Succeed(), "a acquired twice, so its first Release must succeed")
		Expect(w.WaitFor(got.Done())).NotTo(BeEmpty(), "owner b got the lock after a released once of its two acquires: the lock is free only when the count is back to 0")
		Expect(l.Release(a)).To(Succeed(), "a acquired twice, so its second Release must succeed")
		waiting := w.WaitFor(got.Done())
		Expect(waiting).To(BeEmpty(), "owner b still waits after a's last Release: wake the waiting owners when the count drops to 0. b waits at %s", strings.Join(waiting, ", "))
		got.Check()
		Expect(l.Release(b)).To(Succeed(), "b holds the lock now, so its Release must succeed")
	})

	It("refuses to release a lock nobody holds", func() {
		var l rlock.RLock
		a := rlock.NewOwner()
		Expect(l.Release(a)).To(MatchError(rlock.ErrNotHeld), "Release on a new RLock must return ErrNotHeld")
		l.Acquire(a)
		Expect(l.Release(a)).To(Succeed(), "Release after Acquire must succeed")
		Expect(l.Release(a)).To(MatchError(rlock.ErrNotHeld), "a second Release after one Acquire must return ErrNotHeld")
	})

	It("refuses a release by another owner", func() {
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
		Expect(l.Release(a)).To(Succeed(), "a acquired twice")
		Expect(l.Release(a)).To(Succeed(), "a acquired twice, and b's attempt that timed out must not count")
		Expect(l.AcquireContext(context.Background(), b)).To(Succeed(), "the lock is free: b must get it")
		Expect(l.Release(b)).To(Succeed(), "b holds the lock")
	})

	It("keeps owners apart under load", func() {
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
