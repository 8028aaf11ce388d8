// This file builds PlaceAll: one goroutine per item of a slice, each one
// handed its own item. It is where the loop-variable pitfalls live: a
// goroutine that uses a variable shares that variable, it does not get a copy
// of its value at the moment the go statement ran.

package goroutines

import "sync"

// An Order is a request to buy or sell a number of shares.
type Order struct {
	ID     int
	Symbol string
	Shares int // positive to buy, negative to sell
}

// PlaceAll calls place once for every order, each call in a goroutine of its
// own so that all orders are placed at the same time, and returns once every
// call has returned.
//
// Each call receives a pointer to an Order holding that order's values, and
// no two calls receive the same pointer: place may read the Order whenever it
// likes, even after other calls have started, and may change it. The Order
// is a copy: what place changes is seen by that call only, and PlaceAll
// never changes orders.
func PlaceAll(orders []Order, place func(*Order)) {
	var wg sync.WaitGroup
	for _, order := range orders {
		// Since Go 1.22 each iteration has its own order variable, so &order
		// differs from one goroutine to the next.
		wg.Go(func() { place(&order) })
	}
	wg.Wait()
}
