package goroutines_test

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	goroutines "github.com/threadlings/threadlings/lessons/01-goroutines"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

func someOrders() []goroutines.Order {
	return []goroutines.Order{
		{ID: 1, Symbol: "ACME", Shares: 10},
		{ID: 2, Symbol: "INIT", Shares: -5},
		{ID: 3, Symbol: "GOPH", Shares: 7},
		{ID: 4, Symbol: "ACME", Shares: -3},
		{ID: 5, Symbol: "PYTH", Shares: 12},
		{ID: 6, Symbol: "GOPH", Shares: -8},
	}
}

var _ = Describe("PlaceAll", func() {
	It("gives each call its own order", spec.Bubble, func() {
		// The same order twice is still two orders: two calls, two copies.
		orders := append(someOrders(), someOrders()[3])
		m := newMeeting(len(orders))
		var mu sync.Mutex
		var seen []goroutines.Order
		pointers := map[*goroutines.Order]bool{}
		goroutines.PlaceAll(orders, func(o *goroutines.Order) {
			// Read the order only once every call has started: by then a
			// variable shared by all the goroutines holds the last order.
			m.arrive()
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, *o)
			pointers[o] = true
		})
		mu.Lock()
		defer mu.Unlock()
		Expect(seen).To(ConsistOf(orders),
			"each order must be placed exactly once, but the calls saw %v: did every goroutine get a pointer to one shared variable? Give each goroutine a variable of its own", ids(seen))
		Expect(pointers).To(HaveLen(len(orders)), "no two calls may receive the same *Order")
	})

	It("places every order at the same time", spec.Bubble, func() {
		for _, orders := range [][]goroutines.Order{someOrders(), manyOrders(19), manyOrders(many)} {
			m := newMeeting(len(orders))
			goroutines.PlaceAll(orders, func(*goroutines.Order) { m.arrive() })
			Expect(m.inside.Max()).To(Equal(len(orders)), m.inside.Explain(
				"only %d calls of place ran at once, want %d: start each call with the go statement instead of calling place yourself, and do not cap how many run at once", m.inside.Max(), len(orders)))
		}
	})

	It("hands each call a copy that only that call changes", spec.Bubble, func() {
		orders := manyOrders(11)
		want := slices.Clone(orders)
		m1, m2 := newMeeting(len(orders)), newMeeting(len(orders))
		var mu sync.Mutex
		var wrong []int
		goroutines.PlaceAll(orders, func(o *goroutines.Order) {
			id := o.ID
			m1.arrive()
			// Every call changes its own order at the same time...
			o.Shares, o.Symbol = -id, "SOLD"
			m2.arrive()
			// ...and must still see its own order, changed only by itself.
			if o.ID != id || o.Shares != -id || o.Symbol != "SOLD" {
				mu.Lock()
				wrong = append(wrong, id)
				mu.Unlock()
			}
		})
		Expect(wrong).To(BeEmpty(), "the calls for orders %v saw their order changed by another call", wrong)
		Expect(orders).To(Equal(want),
			"PlaceAll changed the caller's slice: each call must get a pointer to a copy of its order (the range variable, say), not into orders, so what place changes stays with that call")
	})

	It("does nothing for no orders", spec.Bubble, func() {
		var calls atomic.Int32
		goroutines.PlaceAll(nil, func(*goroutines.Order) { calls.Add(1) })
		goroutines.PlaceAll([]goroutines.Order{}, func(*goroutines.Order) { calls.Add(1) })
		Expect(calls.Load()).To(BeZero(), "with no orders, place must not be called")
	})

	It("returns once every call has returned", spec.Bubble, func() {
		defer settle()
		orders := someOrders()
		var returned atomic.Int32
		start := time.Now()
		goroutines.PlaceAll(orders, func(o *goroutines.Order) {
			time.Sleep(time.Duration(o.ID) * time.Second)
			returned.Add(1)
		})
		Expect(int(returned.Load())).To(Equal(len(orders)),
			"PlaceAll returned while calls of place were still running: wait for every goroutine before returning")
		Expect(time.Since(start)).To(Equal(6*time.Second),
			"the slowest call takes 6 s and they all run at once, so PlaceAll should take 6 s")
	})
})

// manyOrders returns n orders with IDs 1 to n.
func manyOrders(n int) []goroutines.Order {
	symbols := []string{"ACME", "INIT", "GOPH", "PYTH"}
	orders := make([]goroutines.Order, n)
	for i := range orders {
		orders[i] = goroutines.Order{ID: i + 1, Symbol: symbols[i%len(symbols)], Shares: (i + 1) * 3}
	}
	return orders
}

func ids(orders []goroutines.Order) []int {
	out := make([]int, len(orders))
	for i, o := range orders {
		out[i] = o.ID
	}
	return out
}
