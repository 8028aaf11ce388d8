package sharedstate_test

import (
	"fmt"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	sharedstate "github.com/threadlings/threadlings/lessons/11-shared-state"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func plus(n int) func(int) int { return func(old int) int { return old + n } }

// A heldUpdate is an Update of "stock" whose function has started and
// waits for the spec: while it runs, the owner goroutine is busy, and the
// spec can see whether another call waits for it. What Update's function
// was given and what Update returned can be read once wait has returned.
type heldUpdate struct {
	call *spec.Call
	gate chan struct{}
	once sync.Once

	seen int   // the old value f was called with
	got  int   // what Update returned
	err  error // what Update returned
}

// holdUpdate sets "stock" to 5 in s and starts an Update of it on a
// goroutine of its own whose function adds 1 once released. It returns
// once the function runs, and fails the spec if Update returns without
// calling it.
func holdUpdate(s *sharedstate.Store) *heldUpdate {
	GinkgoHelper()
	Expect(s.Set("stock", 5)).To(Succeed())
	h := &heldUpdate{gate: make(chan struct{})}
	inside := make(chan struct{})
	h.call = spec.Go(func() {
		h.got, h.err = s.Update("stock", func(old int) int {
			h.seen = old
			close(inside)
			<-h.gate
			return old + 1
		})
	})
	select {
	case <-inside:
	case <-h.call.Done():
		h.call.Wait()
		Fail("Update returned without calling f")
	}
	return h
}

// release lets Update's function return. It may be called more than once,
// and deferred, so that a spec that fails early does not leave the owner
// goroutine waiting.
func (h *heldUpdate) release() { h.once.Do(func() { close(h.gate) }) }

// wait waits until Update has returned.
func (h *heldUpdate) wait() { h.call.Wait() }

var _ = Describe("Store", func() {
	It("reads 0 for a new key and keeps what Set and Update write", func() {
		s := sharedstate.NewStore()
		defer s.Close()

		v, err := s.Get("apples")
		Expect(err).NotTo(HaveOccurred(), "Get on an open Store must not fail")
		Expect(v).To(BeZero(), "a key that was never set must read as 0")

		Expect(s.Set("apples", 3)).To(Succeed(), "Set on an open Store must not fail")
		v, _ = s.Get("apples")
		Expect(v).To(Equal(3), "Get must return what Set stored")

		v, err = s.Update("apples", plus(4))
		Expect(err).NotTo(HaveOccurred(), "Update on an open Store must not fail")
		Expect(v).To(Equal(7), "Update must return the new value, f(old)")
		v, _ = s.Get("apples")
		Expect(v).To(Equal(7), "Get must return what Update stored")

		seen := -1
		v, _ = s.Update("pears", func(old int) int { seen = old; return old + 2 })
		Expect(seen).To(BeZero(), "Update must call f with 0 for a key that was never set")
		Expect(v).To(Equal(2), "Update(\"pears\", +2) on a new key must give 2")

		snap, err := s.Snapshot()
		Expect(err).NotTo(HaveOccurred(), "Snapshot on an open Store must not fail")
		Expect(snap).To(Equal(map[string]int{"apples": 7, "pears": 2}), "Snapshot must return every key with its value")
	})

	It("hands out a copy in Snapshot, never its own map", func() {
		s := sharedstate.NewStore()
		defer s.Close()
		Expect(s.Set("apples", 7)).To(Succeed())
		snap, err := s.Snapshot()
		Expect(err).NotTo(HaveOccurred())
		snap["apples"] = 100
		snap["plums"] = 1
		v, _ := s.Get("apples")
		Expect(v).To(Equal(7), "changing the map that Snapshot returned changed the Store: Snapshot must copy the map (maps.Clone) on the owner goroutine, or the caller shares the owner's map again")
		again, _ := s.Snapshot()
		Expect(again).To(Equal(map[string]int{"apples": 7}), "a key added to Snapshot's copy appeared in the Store")
	})

	It("keeps every update from many goroutines", busyTimeout, func() {
		s := sharedstate.NewStore()
		defer s.Close()
		const workers, updates = 8, 100
		spec.Together(workers, func(i int) {
			own := fmt.Sprintf("worker-%d", i)
			for n := range updates {
				s.Update("hits", plus(1))
				s.Set(own, n+1)
				s.Get("hits")
				s.Snapshot()
			}
		})
		v, _ := s.Get("hits")
		Expect(v).To(Equal(workers*updates),
			"%d goroutines each called Update(\"hits\", +1) %d times, and hits is %d: updates were lost. Only the owner goroutine may touch the map, and it must do each Update's read and write in one go.",
			workers, updates, v)
		snap, _ := s.Snapshot()
		Expect(snap).To(HaveLen(workers+1), "every goroutine Set a key of its own, plus hits: the Store must hold %d keys", workers+1)
		for i := range workers {
			Expect(snap).To(HaveKeyWithValue(fmt.Sprintf("worker-%d", i), updates), "the last Set of worker-%d was lost", i)
		}
	})

	It("orders the calls of goroutines that share nothing else", busyTimeout, func() {
		s := sharedstate.NewStore()
		defer s.Close()
		// Each visitor starts after the one before has ended, but no channel,
		// WaitGroup or mutex of the spec links them: only the Store orders
		// their reads and writes, and the race detector checks that it does.
		const visitors = 3
		calls := make([]*spec.Call, visitors)
		for i := range visitors {
			calls[i] = spec.Go(func() {
				s.Update("visits", plus(1))
				s.Set(fmt.Sprintf("visitor-%d", i), i)
				s.Get("visits")
			})
			calls[i].AwaitExit()
		}
		v, _ := s.Get("visits")
		for _, c := range calls {
			c.Wait()
		}
		Expect(v).To(Equal(visitors), "%d goroutines each added 1 to visits, one after another, and visits is %d", visitors, v)
	})

	It("runs Update's function while no other call can run", busyTimeout, func() {
		w := spec.Watch()
		s := sharedstate.NewStore()
		defer s.Close()
		update := holdUpdate(s)
		defer update.release()

		// f is running and waits for us. A Set now must wait for it.
		set := spec.Go(func() { s.Set("stock", 100) })
		setReturned := w.Settle(set)
		update.release()
		update.wait()
		set.Wait()

		Expect(setReturned).To(BeFalse(), "Set(\"stock\", 100) returned while Update's function was still running: "+
			"another call slipped in between Update's read and its write. Run f inside the one operation the owner goroutine carries out, not between a Get and a Set.")
		Expect(update.seen).To(Equal(5), "Update's f must get the current value")
		Expect(update.got).To(Equal(6), "Update must return f's result")
		v, _ := s.Get("stock")
		Expect(v).To(Equal(100), "the Set that waited for Update must be the last write")
	})

	It("returns ErrClosed from every call after Close", func() {
		s := sharedstate.NewStore()
		Expect(s.Set("apples", 1)).To(Succeed())
		Expect(s.Close()).To(Succeed(), "the first Close must succeed")

		_, err := s.Get("apples")
		Expect(err).To(MatchError(sharedstate.ErrClosed), "Get after Close must return ErrClosed")
		Expect(s.Set("apples", 2)).To(MatchError(sharedstate.ErrClosed), "Set after Close must return ErrClosed")
		called := false
		_, err = s.Update("apples", func(old int) int { called = true; return old })
		Expect(err).To(MatchError(sharedstate.ErrClosed), "Update after Close must return ErrClosed")
		Expect(called).To(BeFalse(), "Update after Close must not call f")
		_, err = s.Snapshot()
		Expect(err).To(MatchError(sharedstate.ErrClosed), "Snapshot after Close must return ErrClosed")
		Expect(s.Close()).To(MatchError(sharedstate.ErrClosed), "closing a closed Store must return ErrClosed")
	})

	It("returns from Close only once the owner has stopped", busyTimeout, func() {
		w := spec.Watch()
		s := sharedstate.NewStore()
		update := holdUpdate(s)
		defer update.release()
		// The owner is busy running f: Close must wait for it to finish.
		var closeErr error
		closing := spec.Go(func() { closeErr = s.Close() })
		closeReturned := w.Settle(closing)
		update.release()
		update.wait()
		closing.Wait()
		Expect(closeReturned).To(BeFalse(), "Close returned while the owner goroutine was still running an Update: Close must return only once the owner has stopped (wait for a channel that the owner closes as it returns)")
		Expect(closeErr).NotTo(HaveOccurred(), "the first Close must succeed")
		Expect(update.err).NotTo(HaveOccurred(), "an Update the owner had already taken must complete, even when Close comes meanwhile")
		Expect(update.got).To(Equal(6), "Update must return f's result")
	})

	It("lets exactly one of many Closes at once succeed", busyTimeout, func() {
		for range 20 {
			s := sharedstate.NewStore()
			const n = 4
			errs := make([]error, n)
			spec.Together(n, func(i int) { errs[i] = s.Close() })
			ok := 0
			for _, err := range errs {
				if err == nil {
					ok++
				} else {
					Expect(err).To(MatchError(sharedstate.ErrClosed), "a Close that lost must return ErrClosed")
				}
			}
			Expect(ok).To(Equal(1), "%d of %d Closes at the same time returned nil: exactly one may close the Store (sync.Once), the rest return ErrClosed", ok, n)
		}
	})

	It("ends a call that waits for the busy owner when Close comes", busyTimeout, func() {
		// Each round: the owner is busy with an Update, a Set waits to be
		// taken, and then Close comes. Once the Update is done, the owner
		// may take the Set or stop first: either way the Set must return.
		for range 20 {
			w := spec.Watch()
			s := sharedstate.NewStore()
			update := holdUpdate(s)
			defer update.release()
			var setErr error
			set := spec.Go(func() { setErr = s.Set("stock", 100) })
			Expect(w.Settle(set)).To(BeFalse(), "Set(\"stock\", 100) returned while Update's function was still running: it must wait for the owner")
			closing := spec.Go(func() { s.Close() })
			w.Settle(closing)
			update.release()
			if !w.Settle(set) {
				Fail("a Set that waited for the busy owner never returned once Close had stopped the owner: it waits for ever for an owner that is gone. " +
					"Looking whether the Store is closed and then sending is not enough, since Close can come in between: send in a select that also watches the stop channel")
			}
			closing.Wait()
			update.wait()
			if setErr != nil {
				Expect(setErr).To(MatchError(sharedstate.ErrClosed), "a call that races with Close either completes or returns ErrClosed")
			}
		}
	})

	It("stops its goroutine on Close", spec.Bubble, func() {
		s := sharedstate.NewStore()
		Expect(s.Set("apples", 1)).To(Succeed())
		Expect(s.Close()).To(Succeed())
		// The bubble fails the spec if the owner goroutine is still there.
	})

	It("ends the calls that race with Close", spec.Bubble, busyTimeout, func() {
		s := sharedstate.NewStore()
		const workers = 6
		var wg sync.WaitGroup
		busy := make(chan struct{}, workers)
		errs := make(chan error, workers)
		for range workers {
			wg.Go(func() {
				first := true
				for {
					if _, err := s.Update("n", plus(1)); err != nil {
						errs <- err
						return
					}
					if first {
						busy <- struct{}{}
						first = false
					}
				}
			})
		}
		for range workers {
			<-busy // every worker is calling Update over and over
		}
		Expect(s.Close()).To(Succeed())
		wg.Wait() // a call that never returns makes this a deadlock
		close(errs)
		for err := range errs {
			Expect(err).To(MatchError(sharedstate.ErrClosed), "a call cut off by Close must return ErrClosed")
		}
	})
})
