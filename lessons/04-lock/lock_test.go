package lock_test

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	lock "github.com/threadlings/threadlings/lessons/04-lock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// unblock releases l until the goroutine that closes done has finished, so
// that a spec that failed while a goroutine still waited for l ends with its
// own message rather than a leak. For bubble specs only.
func unblock(l *lock.Lock, done <-chan struct{}) {
	for range 3 {
		select {
		case <-done:
			return
		default:
		}
		l.Release()
		synctest.Wait()
	}
}

var _ = Describe("Lock", func() {
	It("zero value is unlocked and ready to use", func() {
		var l lock.Lock
		Expect(l.Locked()).To(BeFalse(), "a new Lock must start unlocked, but Locked() returned true")
		Expect(l.TryAcquire()).To(BeTrue(), "TryAcquire on a new, free Lock must take it")
		Expect(l.Locked()).To(BeTrue(), "TryAcquire returned true, so Locked() must now report true")
		Expect(l.Release()).To(Succeed(), "Release of a held Lock must return nil")
		Expect(l.Locked()).To(BeFalse(), "after Release, Locked() must report false")
	})

	It("zero value is safe for many goroutines at once", func() {
		var probe lock.Lock
		probe.TryAcquire() // an unfinished TryAcquire panics here, not in a goroutine

		var l lock.Lock
		const n = 8
		start := make(chan struct{})
		got := make(chan bool)
		for range n {
			go func() {
				<-start
				got <- l.TryAcquire()
			}()
		}
		close(start)
		winners := 0
		for range n {
			if <-got {
				winners++
			}
		}
		Expect(winners).To(Equal(1), "%d goroutines called TryAcquire at once on a new Lock and %d of them got it: "+
			"exactly one may hold it. Set the lock up on first use exactly once (sync.Once).", n, winners)
	})

	It("lets one goroutine at a time hold it", func() {
		var l lock.Lock
		var inside spec.Gauge
		var badReleases atomic.Int32
		const workers, rounds = 8, 200
		l.Acquire() // an unfinished Acquire or Release panics here, not in a goroutine
		Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")

		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for range rounds {
					l.Acquire()
					inside.Enter()
					runtime.Gosched() // give another goroutine a chance to barge in
					inside.Leave()
					if l.Release() != nil {
						badReleases.Add(1)
					}
				}
			})
		}
		wg.Wait()
		Expect(inside.Max()).To(Equal(1), "%d goroutines held the lock at the same time: Acquire must wait while another goroutine holds it", inside.Max())
		Expect(inside.Total()).To(Equal(workers*rounds), "every Acquire should have been followed by one turn in the locked section")
		Expect(badReleases.Load()).To(BeZero(), "Release returned an error although the goroutine calling it had just acquired the lock")
	})

	It("can be released by another goroutine", func() {
		var l lock.Lock
		l.Acquire()
		released := make(chan error)
		go func() { released <- l.Release() }()
		Expect(<-released).To(Succeed(), "one goroutine acquired the lock and another released it: that is allowed, as in Python, so Release must return nil")
		Expect(l.Locked()).To(BeFalse(), "the lock was released from another goroutine, so it must be free")

		acquired := make(chan struct{})
		go func() {
			l.Acquire()
			close(acquired)
		}()
		<-acquired
		Expect(l.Release()).To(Succeed(), "a goroutine acquired the lock and this one released it: Release must return nil")
	})
})

var _ = Describe("Acquire", func() {
	It("blocks while the lock is held, returns after Release", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		acquired := make(chan struct{})
		go func() {
			l.Acquire()
			close(acquired)
		}()
		defer unblock(&l, acquired)

		synctest.Wait() // the goroutine has run as far as it can
		Expect(acquired).NotTo(BeClosed(), "a second Acquire returned while the lock was still held: Acquire must wait for Release")
		Expect(l.Locked()).To(BeTrue(), "the lock is held, so Locked() must report true")

		Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")
		synctest.Wait()
		Expect(acquired).To(BeClosed(), "the lock was released but the waiting Acquire did not return")
		Expect(l.Locked()).To(BeTrue(), "the waiting goroutine took the lock, so Locked() must report true again")
		Expect(l.Release()).To(Succeed())
	})
})

var _ = Describe("Release", func() {
	It("of an unlocked lock returns ErrNotLocked", func() {
		var l lock.Lock
		Expect(l.Release()).To(MatchError(lock.ErrNotLocked), "Release of a lock nobody holds must return ErrNotLocked (Python raises RuntimeError here)")
		l.Acquire()
		Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")
		Expect(l.Release()).To(MatchError(lock.ErrNotLocked), "the lock was released twice: the second Release must return ErrNotLocked")
		Expect(l.Locked()).To(BeFalse(), "a failed Release must leave the lock unlocked")
		Expect(l.TryAcquire()).To(BeTrue(), "after a failed Release the lock must still work")
	})
})

var _ = Describe("TryAcquire", func() {
	It("returns false at once while the lock is held", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		start := time.Now()
		Expect(l.TryAcquire()).To(BeFalse(), "TryAcquire took a lock that was already held")
		Expect(time.Since(start)).To(BeZero(), "TryAcquire waited: it must never block")
		Expect(l.Release()).To(Succeed())
		Expect(l.TryAcquire()).To(BeTrue(), "the lock is free again, so TryAcquire must take it")
		Expect(l.Release()).To(Succeed())
	})
})

var _ = Describe("AcquireTimeout", func() {
	It("gives up after exactly d while the lock is held", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		start := time.Now()
		Expect(l.AcquireTimeout(3*time.Second)).To(BeFalse(), "AcquireTimeout took a lock that was held all along")
		Expect(time.Since(start)).To(Equal(3*time.Second), "AcquireTimeout(3s) on a held lock must wait exactly 3s, then give up")
		Expect(l.Release()).To(Succeed())
		synctest.Wait()
		Expect(l.Locked()).To(BeFalse(), "AcquireTimeout gave up, so it must not take the lock later either")
	})

	It("takes a free lock at once", spec.Bubble, func() {
		var l lock.Lock
		start := time.Now()
		Expect(l.AcquireTimeout(time.Second)).To(BeTrue(), "AcquireTimeout on a free lock must take it")
		Expect(time.Since(start)).To(BeZero(), "the lock was free, so AcquireTimeout must not wait")
		Expect(l.Locked()).To(BeTrue(), "AcquireTimeout returned true, so the lock must be held")
	})

	It("takes the lock the moment it is released", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		const releaseAt = 1234567891 * time.Nanosecond
		released := make(chan struct{})
		go func() {
			defer close(released)
			time.Sleep(releaseAt)
			l.Release()
		}()
		defer func() { <-released }()
		start := time.Now()
		Expect(l.AcquireTimeout(5*time.Second)).To(BeTrue(), "the lock was released after %v, well inside the 5s timeout, so AcquireTimeout must take it", releaseAt)
		Expect(time.Since(start)).To(Equal(releaseAt), "AcquireTimeout must return the moment the lock is released, not check now and then")
		Expect(l.Locked()).To(BeTrue(), "AcquireTimeout returned true, so the lock must be held")
	})

	It("with d <= 0 does not wait", spec.Bubble, func() {
		var l lock.Lock
		for range 20 {
			Expect(l.AcquireTimeout(0)).To(BeTrue(), "AcquireTimeout(0) on a free lock must take it: try the lock before looking at the timer")
			Expect(l.Release()).To(Succeed())
		}
		l.Acquire()
		start := time.Now()
		Expect(l.AcquireTimeout(0)).To(BeFalse(), "AcquireTimeout(0) took a lock that was held")
		Expect(l.AcquireTimeout(-time.Second)).To(BeFalse(), "AcquireTimeout(-1s) took a lock that was held")
		Expect(time.Since(start)).To(BeZero(), "AcquireTimeout with d <= 0 must not wait (in Go, -1 does not mean forever as in Python)")
	})
})

var _ = Describe("AcquireContext", func() {
	It("returns ctx.Err() when cancelled while waiting", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		result := make(chan error, 1)
		done := make(chan struct{})
		go func() {
			defer close(done)
			result <- l.AcquireContext(ctx)
		}()
		defer unblock(&l, done)

		synctest.Wait()
		Expect(result).NotTo(Receive(), "AcquireContext returned while the lock was held and ctx was still live: it must wait")
		cancel()
		synctest.Wait()
		var err error
		Expect(result).To(Receive(&err), "ctx was cancelled but AcquireContext kept waiting: wait for ctx.Done() too")
		Expect(err).To(MatchError(context.Canceled), "AcquireContext must return ctx.Err() when ctx is cancelled first")
		Expect(l.Release()).To(Succeed())
		synctest.Wait()
		Expect(l.Locked()).To(BeFalse(), "AcquireContext gave up, so it must not take the lock later either")
	})

	It("returns ctx.Err() at the deadline", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		Expect(l.AcquireContext(ctx)).To(MatchError(context.DeadlineExceeded), "the lock stayed held past ctx's deadline: AcquireContext must return ctx.Err()")
		Expect(time.Since(start)).To(Equal(2*time.Second), "AcquireContext must give up exactly at ctx's deadline")
	})

	It("takes the lock when it is released in time", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		released := make(chan struct{})
		go func() {
			defer close(released)
			time.Sleep(time.Second)
			l.Release()
		}()
		defer func() { <-released }()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		start := time.Now()
		Expect(l.AcquireContext(ctx)).To(Succeed(), "the lock was released long before ctx's deadline, so AcquireContext must take it and return nil")
		Expect(time.Since(start)).To(Equal(time.Second), "AcquireContext must return the moment the lock is released")
		Expect(l.Locked()).To(BeTrue(), "AcquireContext returned nil, so the lock must be held")
	})
})
