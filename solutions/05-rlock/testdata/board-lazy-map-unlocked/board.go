// threadlings:want race

// Known-bad: Update makes the map before it takes the write lock: two first
// Sets, or a Set and a Price, race on the field.

// This file builds Board, a price board that many goroutines read and a few
// now and then change: the case sync.RWMutex is made for. Readers take the
// read lock (RLock) and may be inside together; a writer takes the write
// lock (Lock) and is inside alone.
//
// Mind the name: RWMutex.RLock is a READ lock, not Python's RLock. It is not
// re-entrant either: a reader that read-locks again while a writer is
// waiting deadlocks, because the writer waits for the reader and the second
// RLock waits behind the writer.
package rlock

import "sync"

// A Board holds prices by item name. It is safe for use by many goroutines
// at once: any number of View calls run together, an Update runs alone.
//
// The zero value is an empty Board, ready to use. A Board must not be copied
// after first use.
type Board struct {
	mu     sync.RWMutex // guards prices
	prices map[string]int
}

// View calls fn with the prices while holding the read lock, so fn sees no
// Update half done. Many View calls may run fn at the same time. fn must
// not change the map, and must not call View or Update on the same Board:
// a second read lock behind a waiting writer never comes.
func (b *Board) View(fn func(prices map[string]int)) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	fn(b.prices)
}

// Update calls fn with the prices while holding the write lock: no View or
// other Update runs meanwhile. fn may change the map (never nil) and must
// not call View or Update on the same Board.
func (b *Board) Update(fn func(prices map[string]int)) {
	if b.prices == nil {
		b.prices = make(map[string]int)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	fn(b.prices)
}

// Price returns item's price and whether the board has one.
func (b *Board) Price(item string) (price int, ok bool) {
	b.View(func(prices map[string]int) { price, ok = prices[item] })
	return price, ok
}

// Set sets item's price.
func (b *Board) Set(item string, price int) {
	b.Update(func(prices map[string]int) { prices[item] = price })
}
