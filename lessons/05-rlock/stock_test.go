package rlock_test

import (
	"sync"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	rlock "github.com/threadlings/threadlings/lessons/05-rlock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Stock", func() {
	It("Restock adds a delivery without deadlocking", spec.Points(2), func() {
		var s rlock.Stock
		s.Add("apple", 2)
		mustReturn("Restock", selfDeadlock, func() {
			s.Restock(map[string]int{"apple": 3, "pear": 4})
		})
		Expect(s.Count("apple")).To(Equal(5), "2 apples on the shelf, 3 delivered: Restock must add every item of the delivery")
		Expect(s.Count("pear")).To(Equal(4), "4 pears delivered: Restock must add every item of the delivery")
	})

	It("Sell checks the count without deadlocking", spec.Points(2), func() {
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
	})

	It("serves buyers and sellers at once", func() {
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
	})
})
