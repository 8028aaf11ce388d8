package lock_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
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

// hammer calls round until it says to stop, for at most rounds rounds. A
// wrong answer to a contract about goroutines that meet at the same moment
// (two TryAcquires, two Releases) shows only when the goroutines really do
// meet, so the specs that use it try many times; a right answer passes every
// round, so the spec never fails it by bad luck. round reports whether its
// goroutines met (what spec.Together returns) and whether to go on. The
// hammering also ends once they have met meetings times, or after
// hammerBudget of real time: on a busy machine many rounds pass with some
// goroutine off its core, and a right answer must never run out of the
// spec's time.
func hammer(rounds, meetings int, round func() (met, goOn bool)) {
	budget := time.Now().Add(hammerBudget)
	met := 0
	for range rounds {
		m, goOn := round()
		if m {
			met++
		}
		if !goOn || met >= meetings || time.Now().After(budget) {
			return
		}
	}
}

// hammerBudget is the real time hammer goes on for at most.
const hammerBudget = 5 * time.Second

// hammerTimeout is the real time a spec may take that hammers, or that runs
// round after round of goroutines spinning until they meet (spec.Together):
// a right answer needs a small part of it on a quiet machine, and the rest
// is for a busy one, where rounds in which they do not meet cost seconds.
const hammerTimeout = SpecTimeout(10 * time.Second)

// freeAll releases l until the call c has returned (it may be stuck waiting
// for l), so that a failed spec ends with its own message, not a leak.
func freeAll(l *lock.Lock, c *spec.Call) {
	for !c.Returned() {
		l.Release()
		l.TryAcquire()
		l.Release()
		time.Sleep(100 * time.Microsecond)
	}
}

// isNotLocked reports whether err is lock.ErrNotLocked, the variable itself
// (or an error wrapping it), not another error with the same text.
func isNotLocked(err error) bool { return errors.Is(err, lock.ErrNotLocked) }

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

	It("lets one goroutine at a time hold it", hammerTimeout, func() {
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

	It("Locked only looks: it never takes the lock, not even for an instant", hammerTimeout, func() {
		var l lock.Lock
		Expect(l.Locked()).To(BeFalse(), "a new Lock must start unlocked")
		l.Acquire()
		Expect(l.Locked()).To(BeTrue(), "the lock is held, so Locked() must report true")
		Expect(l.Release()).To(Succeed(), "Locked() must not change the lock: the holder's Release must still return nil")
		Expect(l.Locked()).To(BeFalse(), "after Release, Locked() must report false")

		// Two goroutines call Locked without a pause while this one takes
		// and frees the lock. A Locked that holds the lock for an instant is
		// caught when this goroutine's TryAcquire falls in that instant:
		// likely on any one try while a looker runs beside it (or was stopped
		// in the middle of a call). So the spec counts the looks, not the
		// time: it goes on until the lookers have looked lookBudget times and
		// have run between this goroutine's tries at least meetings times.
		const lookBudget, meetings = 50_000, 20
		var stop atomic.Bool
		var looks atomic.Int64
		lookers := make([]*spec.Call, 2)
		for i := range lookers {
			lookers[i] = spec.Go(func() {
				for !stop.Load() {
					l.Locked() // nothing else: the other goroutine is the only one that takes the lock
					looks.Add(1)
				}
			})
		}
		failedTry, failedRelease := 0, error(nil)
		met, last := 0, looks.Load()
		for round := 0; round < 10_000_000 && (met < meetings || looks.Load() < lookBudget); round++ {
			if !l.TryAcquire() {
				failedTry++
				break
			}
			if err := l.Release(); err != nil {
				failedRelease = err
				break
			}
			runtime.Gosched()
			if now := looks.Load(); now != last {
				met, last = met+1, now
			}
		}
		stop.Store(true)
		for _, c := range lookers {
			c.Wait()
		}
		Expect(failedTry).To(BeZero(), "TryAcquire failed on a lock that only this goroutine ever takes, while two other goroutines only called Locked(): "+
			"Locked took the lock for a moment (try, then put it back?). Locked must only look at the lock's state (the channel's length), never acquire it.")
		Expect(failedRelease).NotTo(HaveOccurred(), "Release of a lock this goroutine had just acquired failed while other goroutines only called Locked(): Locked must not change the lock")
	})

	It("Locked may be called while other goroutines start using a new Lock", hammerTimeout, func() {
		for range 20 {
			var l lock.Lock
			var took, released atomic.Int32
			spec.Together(3, func(i int) {
				switch i {
				case 0:
					if l.TryAcquire() {
						took.Add(1)
					}
				case 1:
					l.Locked()
				case 2:
					if l.Release() == nil {
						released.Add(1)
					}
				}
			})
			Expect(took.Load()-released.Load()).To(BeNumerically(">=", 0), "Release returned nil on a new Lock that nobody had acquired")
		}
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

	It("of several waiters, lets exactly one in per Release", spec.Bubble, func() {
		oneInPerRelease("Acquire", func(l *lock.Lock) bool { l.Acquire(); return true })
	})
})

var _ = Describe("Release", func() {
	It("of an unlocked lock returns ErrNotLocked", func() {
		var l lock.Lock
		err := l.Release()
		Expect(err).To(HaveOccurred(), "Release of a lock nobody holds must return ErrNotLocked (Python raises RuntimeError here)")
		Expect(isNotLocked(err)).To(BeTrue(), "Release of a lock nobody holds returned %q: return the variable lock.ErrNotLocked itself (callers test it with errors.Is), not a new error with the same text", err)
		l.Acquire()
		Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")
		Expect(isNotLocked(l.Release())).To(BeTrue(), "the lock was released twice: the second Release must return ErrNotLocked")
		Expect(l.Locked()).To(BeFalse(), "a failed Release must leave the lock unlocked")
		Expect(l.TryAcquire()).To(BeTrue(), "after a failed Release the lock must still work")
	})

	It("of a held lock by two goroutines at once frees it once, and never waits", hammerTimeout, func() {
		var l lock.Lock
		l.Acquire() // an unfinished Acquire or Release panics here, not in a goroutine
		l.Release()
		var nils, notLocked, other int
		w := spec.Watch()
		rounds := spec.Go(func() {
			hammer(2000, 200, func() (bool, bool) {
				l.Acquire()
				var errs [2]error
				met := spec.Together(2, func(i int) { errs[i] = l.Release() })
				for _, err := range errs {
					switch {
					case err == nil:
						nils++
					case isNotLocked(err):
						notLocked++
					default:
						other++
					}
				}
				return met, nils == notLocked && other == 0 && !l.Locked()
			})
		})
		waiting := w.WaitFor(rounds.Done())
		freeAll(&l, rounds)
		rounds.Check()
		Expect(waiting).To(BeEmpty(), "two goroutines released a held lock at the same moment and one of them never returned: Release waited at %s. "+
			"Release must never block: checking that the lock is held and then taking the token out leaves a gap in which the other Release takes it. "+
			"Take the token out in one step: a select with a default case.", strings.Join(waiting, ", "))
		Expect(other).To(BeZero(), "Release returned an error that is not ErrNotLocked")
		Expect(nils).To(Equal(notLocked), "two goroutines released a held lock at the same moment, over and over: %d Releases returned nil and %d ErrNotLocked. "+
			"Exactly one of each pair frees the lock; the other finds it free and returns ErrNotLocked.", nils, notLocked)
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

	It("lets exactly one of many goroutines in at once, and never waits", hammerTimeout, func() {
		var l lock.Lock
		l.TryAcquire() // an unfinished TryAcquire or Release panics here, not in a goroutine
		l.Release()
		const n = 6
		winners := -1
		w := spec.Watch()
		rounds := spec.Go(func() {
			hammer(400, 400, func() (bool, bool) {
				var won atomic.Int32
				met := spec.Together(n, func(int) {
					if l.TryAcquire() {
						won.Add(1)
					}
				})
				if won.Load() != 1 {
					winners = int(won.Load())
					return met, false
				}
				return met, l.Release() == nil
			})
		})
		waiting := w.WaitFor(rounds.Done())
		freeAll(&l, rounds)
		rounds.Check()
		Expect(waiting).To(BeEmpty(), "%d goroutines called TryAcquire on a free lock at the same moment and one of them never returned: TryAcquire waited at %s. "+
			"It must never block: looking first (Locked) and then taking the lock with Acquire leaves a gap in which another goroutine takes it. "+
			"Take it in one step: a select with a default case.", n, strings.Join(waiting, ", "))
		Expect(winners).To(Equal(-1), "%d goroutines called TryAcquire on a free lock at the same moment and %d got it: exactly one must", n, winners)
	})
})

var _ = Describe("AcquireTimeout", func() {
	It("gives up after exactly d while the lock is held", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		start := time.Now()
		Expect(l.AcquireTimeout(3*time.Second)).To(BeFalse(), "AcquireTimeout took a lock that was held all along")
		Expect(time.Since(start)).To(Equal(3*time.Second), "AcquireTimeout(3s) on a held lock must wait exactly 3s, then give up")
		synctest.Wait()
		Expect(l.Release()).To(Succeed())
		Expect(l.TryAcquire()).To(BeTrue(), "AcquireTimeout gave up, yet the moment the holder released the lock something took it: "+
			"once AcquireTimeout has returned false, nothing of it may still wait for the lock (a helper goroutine left waiting?)")
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
			Expect(l.AcquireTimeout(-time.Second)).To(BeTrue(), "AcquireTimeout(-1s) on a free lock must take it: with d <= 0 it is TryAcquire, and a free lock needs no waiting")
			Expect(l.Release()).To(Succeed())
		}
		l.Acquire()
		start := time.Now()
		Expect(l.AcquireTimeout(0)).To(BeFalse(), "AcquireTimeout(0) took a lock that was held")
		Expect(l.AcquireTimeout(-time.Second)).To(BeFalse(), "AcquireTimeout(-1s) took a lock that was held")
		Expect(time.Since(start)).To(BeZero(), "AcquireTimeout with d <= 0 must not wait (in Go, -1 does not mean forever as in Python)")
	})

	It("of several waiters, lets one in at a release and the rest give up at d for good", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		const waiters = 3
		type result struct {
			got   bool
			after time.Duration
		}
		results := make(chan result, waiters)
		start := time.Now()
		for range waiters {
			go func() {
				got := l.AcquireTimeout(3 * time.Second)
				results <- result{got, time.Since(start)}
			}()
		}
		time.Sleep(time.Second)
		Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")
		winners := 0
		for range waiters {
			r := <-results
			if r.got {
				winners++
				Expect(r.after).To(Equal(time.Second), "the lock was released after 1s: the waiter that took it must return then")
			} else {
				Expect(r.after).To(Equal(3*time.Second), "a waiter that did not get the lock must give up at exactly d (3s)")
			}
		}
		Expect(winners).To(Equal(1), "%d goroutines waited with AcquireTimeout(3s) and the lock was released once, but %d of them got it: exactly one may", waiters, winners)
		synctest.Wait()
		Expect(l.Release()).To(Succeed(), "one waiter took the lock, so Release must return nil")
		Expect(l.TryAcquire()).To(BeTrue(), "the waiters that gave up still waited for the lock: the moment the winner released it, something took it. "+
			"Once AcquireTimeout has returned false, nothing of it may still wait for the lock (a helper goroutine left waiting?)")
		Expect(l.Release()).To(Succeed())
		time.Sleep(time.Hour)
		Expect(l.Locked()).To(BeFalse(), "the waiters that gave up took the lock later: once AcquireTimeout has returned false it must never take the lock")
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
		Expect(l.TryAcquire()).To(BeTrue(), "AcquireContext gave up, yet the moment the holder released the lock something took it: "+
			"once AcquireContext has returned ctx.Err(), nothing of it may still wait for the lock (a helper goroutine left waiting?)")
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

	It("with ctx already done returns ctx.Err() at once while the lock is held", spec.Bubble, func() {
		var l lock.Lock
		l.Acquire()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		start := time.Now()
		for range 20 {
			Expect(l.AcquireContext(ctx)).To(MatchError(context.Canceled), "ctx was already cancelled and the lock is held: AcquireContext must return ctx.Err() at once")
		}
		Expect(time.Since(start)).To(BeZero(), "ctx was already cancelled: AcquireContext must not wait")
		Expect(l.Release()).To(Succeed(), "the first holder still holds the lock: AcquireContext gave up and must leave the lock as it was")
		synctest.Wait()
		Expect(l.Locked()).To(BeFalse(), "AcquireContext gave up, so it must not take the lock later either")
	})

	It("with ctx already done on a free lock either takes it or leaves it free", spec.Bubble, func() {
		var l lock.Lock
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for range 20 {
			err := l.AcquireContext(ctx)
			synctest.Wait()
			if err == nil {
				Expect(l.Locked()).To(BeTrue(), "AcquireContext returned nil, so the caller holds the lock")
				Expect(l.Release()).To(Succeed(), "AcquireContext returned nil, so the caller holds the lock and may release it")
			} else {
				Expect(err).To(MatchError(context.Canceled), "AcquireContext gave up: it must return ctx.Err()")
				Expect(l.Locked()).To(BeFalse(), "AcquireContext returned ctx.Err(), so the caller does not hold the lock: it must be free")
			}
		}
	})

	It("takes a free lock at once, on a new Lock too", spec.Bubble, func() {
		var l lock.Lock
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		start := time.Now()
		Expect(l.AcquireContext(ctx)).To(Succeed(), "AcquireContext on a new, free Lock must take it and return nil (is the lock set up on first use in AcquireContext too?)")
		Expect(time.Since(start)).To(BeZero(), "the lock was free, so AcquireContext must not wait")
		Expect(l.Locked()).To(BeTrue(), "AcquireContext returned nil, so the lock must be held")
	})

	It("of several waiters, lets exactly one in per Release", spec.Bubble, func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		oneInPerRelease("AcquireContext", func(l *lock.Lock) bool { return l.AcquireContext(ctx) == nil })
	})

	It("cancelled just before a Release either takes the lock or leaves it free", spec.Bubble, func() {
		var l lock.Lock
		for range 20 {
			l.Acquire()
			ctx, cancel := context.WithCancel(context.Background())
			result := make(chan error, 1)
			go func() { result <- l.AcquireContext(ctx) }()
			synctest.Wait() // it waits for the lock
			cancel()
			Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")
			synctest.Wait()
			var err error
			Expect(result).To(Receive(&err), "ctx was cancelled and the lock released, but AcquireContext did not return")
			if err == nil {
				Expect(l.Locked()).To(BeTrue(), "AcquireContext returned nil, so the caller holds the lock")
				Expect(l.Release()).To(Succeed(), "AcquireContext returned nil, so the caller holds the lock and may release it")
			} else {
				Expect(err).To(MatchError(context.Canceled), "AcquireContext gave up: it must return ctx.Err()")
				Expect(l.Locked()).To(BeFalse(), "ctx was cancelled and the lock released at the same moment: AcquireContext returned ctx.Err(), yet the lock stayed held, by nobody. "+
					"If the lock was handed to the waiter as it gave up, it must keep it (return nil) or pass it on")
			}
		}
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

// oneInPerRelease has three goroutines wait for a held lock with acquire,
// which reports whether it took the lock, and checks that each Release lets
// exactly one of them in. method names acquire's method in the messages. It
// must run in a bubble.
func oneInPerRelease(method string, acquire func(l *lock.Lock) bool) {
	var l lock.Lock
	l.Acquire()
	const waiters = 3
	var in atomic.Int32
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range waiters {
		wg.Go(func() {
			if acquire(&l) {
				in.Add(1)
			}
		})
	}
	go func() { wg.Wait(); close(done) }()
	defer unblock(&l, done)

	synctest.Wait()
	Expect(in.Load()).To(BeZero(), "%d goroutines waited in %s for a held lock and %d got in before any Release", waiters, method, in.Load())
	for i := 1; i <= waiters; i++ {
		Expect(l.Release()).To(Succeed(), "Release of a held lock must return nil")
		synctest.Wait()
		Expect(in.Load()).To(BeEquivalentTo(i), "%d goroutines waited in %s and the lock was released %d times, but %d of them got in: "+
			"each Release lets exactly one waiter take the lock (a woken waiter must look again, and wait again if another got there first)", waiters, method, i, in.Load())
		Expect(l.Locked()).To(BeTrue(), "a waiter took the lock, so Locked() must report true")
	}
	Expect(l.Release()).To(Succeed())
}
