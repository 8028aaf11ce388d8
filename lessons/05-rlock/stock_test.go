package rlock_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	rlock "github.com/threadlings/threadlings/lessons/05-rlock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Stock", func() {
	It("Restock adds a delivery without deadlocking", spec.Points(2), busy, func() {
		var s rlock.Stock
		s.Add("apple", 2)
		mustReturn("Restock", selfDeadlock, func() {
			s.Restock(map[string]int{"apple": 3, "pear": 4})
		})
		Expect(s.Count("apple")).To(Equal(5), "2 apples on the shelf, 3 delivered: Restock must add every item of the delivery")
		Expect(s.Count("pear")).To(Equal(4), "4 pears delivered: Restock must add every item of the delivery")
	})

	It("Sell checks the count without deadlocking", spec.Points(2), busy, func() {
		var s rlock.Stock
		s.Add("apple", 3)
		var err error
		mustReturn("Sell", selfDeadlock, func() { err = s.Sell("apple", 2) })
		Expect(err).NotTo(HaveOccurred(), "3 apples on the shelf: selling 2 must succeed")
		Expect(s.Count("apple")).To(Equal(1), "3 apples, 2 sold: 1 must be left")
		mustReturn("Sell", selfDeadlock, func() { err = s.Sell("apple", 2) })
		Expect(err).To(MatchError(rlock.ErrOutOfStock), "1 apple on the shelf: selling 2 must return ErrOutOfStock")
		Expect(s.Count("apple")).To(Equal(1), "a refused Sell must take nothing")
		mustReturn("Sell", selfDeadlock, func() { err = s.Sell("kiwi", 1) })
		Expect(err).To(MatchError(rlock.ErrOutOfStock), "no kiwis at all: Sell must return ErrOutOfStock")

		var fresh rlock.Stock
		var panicked any
		mustReturn("Sell", selfDeadlock, func() {
			defer func() { panicked = recover() }()
			_ = fresh.Sell("kiwi", 0)
		})
		Expect(panicked).To(BeNil(), "Sell of 0 kiwis on a new Stock panicked (%v): the zero value must be ready to use. "+
			"Take the items with addLocked(item, -n), the one place that makes the map and changes counts", panicked)
		Expect(fresh.Count("kiwi")).To(BeZero(), "selling 0 kiwis must leave none on the shelf")
	})

	It("Restock is one step: no one sees part of a delivery", SpecTimeout(10*time.Second), func() {
		// A delivery big enough that, under the race detector, putting it
		// away takes tens of milliseconds: long enough for a watcher on
		// another core to read the shelf many times meanwhile, and on one
		// core for the Go scheduler to let the watcher in before it is done.
		const items = 1 << 15
		delivery := make(map[string]int, items)
		names := make([]string, items)
		for i := range names {
			names[i] = fmt.Sprint("item-", i)
			delivery[names[i]] = 1
		}
		mustReturn("Restock", selfDeadlock, func() {
			var s rlock.Stock
			s.Restock(delivery)
		})
		// Each round a watcher reads the shelf item after item from the
		// moment Restock is called. A round counts when the read that first
		// finds the delivery began before Restock returned: the watcher was
		// reading while it came. The spec goes on until 10 rounds count, for
		// at most 50 rounds and 2 s, so that a busy machine gets as many
		// tries and a right answer never runs out of time.
		partial := ""
		budget := time.Now().Add(2 * time.Second)
		for round, met := 0, 0; round < 50 && met < 10 && partial == "" && time.Now().Before(budget); round++ {
			var s rlock.Stock
			var called, returned atomic.Bool
			during := false // whether the watcher's first sight of the delivery began before Restock returned
			spec.Together(2, func(i int) {
				if i == 0 {
					called.Store(true)
					s.Restock(delivery)
					returned.Store(true)
					return
				}
				for !called.Load() {
					runtime.Gosched()
				}
				seen := -1 // the first item seen on the shelf
				for k := 0; k < 4*items; k++ {
					item := names[k%items]
					before := !returned.Load()
					on := s.Count(item) == 1
					switch {
					case on && seen < 0:
						seen = k
						during = before
					case !on && seen >= 0:
						partial = fmt.Sprintf("%s was on the shelf, then %s was not", names[seen%items], item)
						return
					case on && k-seen >= items:
						return // the whole delivery is there
					}
				}
			})
			if during {
				met++
			}
		}
		Expect(partial).To(BeEmpty(), "a goroutine watching the shelf during Restock saw part of the delivery (%s): "+
			"Restock must hold the lock for the whole delivery and add each item with addLocked, not with Add (which takes the lock for each item on its own)", partial)
	})

	It("Sell checks and takes in one step", SpecTimeout(10*time.Second), func() {
		const buyers = 4
		mustReturn("Sell", selfDeadlock, func() {
			var s rlock.Stock
			s.Add("apple", 1)
			_ = s.Sell("apple", 1)
		})
		bad := ""
		// Until the buyers have met 150 times: on a busy machine a round
		// can pass with some buyer off its core, and the spec tries again,
		// for at most 1000 rounds and 3 s, so that a right answer never
		// runs out of the spec's time however busy the machine.
		budget := time.Now().Add(3 * time.Second)
		for round, met := 0, 0; round < 1000 && met < 150 && bad == "" && time.Now().Before(budget); round++ {
			var s rlock.Stock
			s.Add("apple", 1)
			var sold atomic.Int32
			if spec.Together(buyers, func(int) {
				if s.Sell("apple", 1) == nil {
					sold.Add(1)
				}
			}) {
				met++
			}
			if n, left := sold.Load(), s.Count("apple"); n != 1 || left != 0 {
				bad = fmt.Sprintf("%d of %d buyers got the one apple, and %d are left", n, buyers, left)
			}
		}
		// Then many last apples at once (see lastApples), again and again
		// for up to 2 s: each time, a Sell with a gap has hundreds of chances.
		budget = time.Now().Add(2 * time.Second)
		for round := 0; round < 20 && bad == "" && time.Now().Before(budget); round++ {
			bad = lastApples(buyers)
		}
		Expect(bad).To(BeEmpty(), "%s: two Sells both saw the apple before either took it. "+
			"Check the count and take the items under one hold of the lock (countLocked, then addLocked).", bad)
	})

	It("serves buyers and sellers at once", busy, func() {
		var s rlock.Stock
		const buyers, each = 10, 10
		mustReturn("Restock", selfDeadlock, func() {
			s.Restock(map[string]int{"apple": buyers * each})
		})
		var sold atomic.Int64
		var wg sync.WaitGroup
		for range buyers {
			wg.Go(func() {
				defer GinkgoRecover()
				for range each {
					if s.Sell("apple", 1) == nil {
						sold.Add(1)
					}
					s.Add("pear", 1)
					_ = s.Count("apple")
				}
			})
		}
		wg.Wait()
		Expect(sold.Load()).To(BeNumerically("==", buyers*each), "%d apples on the shelf and %d single sales: every sale must succeed", buyers*each, buyers*each)
		Expect(s.Count("apple")).To(BeZero(), "every apple was sold")
		Expect(s.Count("pear")).To(Equal(buyers*each), "%d pears were added one by one: some were lost", buyers*each)

		// Adds alone, with nothing between them that takes the lock: an Add
		// that does not lock is a data race here every time.
		const adders, times = 7, 13
		var fresh rlock.Stock // the first Adds set it up together
		spec.Together(adders+1, func(i int) {
			for range times {
				if i == adders {
					_ = fresh.Count("plum") // a reader beside the writers
					continue
				}
				fresh.Add("plum", 1)
			}
		})
		Expect(fresh.Count("plum")).To(Equal(adders*times), "%d goroutines each added %d plums at the same time to a new Stock, and some were lost: "+
			"Add must take the lock, like every method of a Stock", adders, times)
	})
})

// lastApples keeps a shelf at its last apple: a seller puts apples on it one
// at a time while buyers sell as fast as they can, so every apple is a last
// apple that the buyers fight over, thousands of times in a few
// milliseconds. It reports what went wrong, or "" if each apple was sold
// exactly once. A Sell that looks, lets go of the lock and then takes gives
// the other buyers, spinning on the lock, the gap in which to look too.
func lastApples(buyers int) string {
	const apples = 4000
	var s rlock.Stock
	var sold atomic.Int32
	var stocked atomic.Bool
	spec.Together(buyers+1, func(i int) {
		if i == buyers {
			for range apples {
				s.Add("apple", 1)
			}
			stocked.Store(true)
			return
		}
		for !stocked.Load() || s.Count("apple") > 0 {
			if s.Sell("apple", 1) == nil {
				sold.Add(1)
			}
		}
	})
	if n, left := sold.Load(), s.Count("apple"); n != apples || left != 0 {
		return fmt.Sprintf("%d apples were put on the shelf one at a time while %d buyers sold them: %d sales succeeded, and %d are left", apples, buyers, n, left)
	}
	return ""
}
