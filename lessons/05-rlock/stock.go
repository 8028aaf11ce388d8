// This file builds Stock, a shop's shelf shared by buyers and sellers. As it
// stands it has the bug that Python's RLock exists for: a method that holds
// the lock calls another method that takes the same lock. sync.Mutex is not
// re-entrant, so the second Lock waits for the first Unlock, which never
// comes: Restock and Sell hang for ever.
//
// Go's answer is not a re-entrant lock but a convention. Exported methods
// lock and unlock; the work is done by unexported helpers whose names end in
// Locked, which assume the caller already holds the lock and never take it
// themselves. A method that needs another method's work calls its helper.
package rlock

import (
	"errors"
	"sync"
)

// ErrOutOfStock is returned by Stock.Sell when there are not enough items.
var ErrOutOfStock = errors.New("rlock: not enough items in stock")

// A Stock counts items on a shop's shelf. It is safe for use by many
// goroutines at once.
//
// The zero value is an empty Stock, ready to use. A Stock must not be copied
// after first use.
type Stock struct {
	mu     sync.Mutex // guards counts
	counts map[string]int
}

// Add puts n more of item on the shelf.
func (s *Stock) Add(item string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	// TODO: move the body into addLocked (documented "addLocked must be
	// called with s.mu held") and call it here.
	if s.counts == nil {
		s.counts = make(map[string]int)
	}
	s.counts[item] += n
}

// Count returns how many of item are on the shelf.
func (s *Stock) Count(item string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	// TODO: move the body into countLocked and call it here.
	return s.counts[item]
}

// Restock adds a whole delivery, item by item, in one step: no other
// goroutine sees the shelf with part of the delivery on it.
func (s *Stock) Restock(delivery map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for item, n := range delivery {
		s.Add(item, n) // TODO: Add locks s.mu again and waits for ever: call addLocked.
	}
}

// Sell takes n of item off the shelf. If fewer than n are there it returns
// ErrOutOfStock and takes nothing. The check and the take are one step: two
// Sells never both take the last item.
func (s *Stock) Sell(item string, n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Count(item) < n { // TODO: Count locks s.mu again: call countLocked.
		return ErrOutOfStock
	}
	s.counts[item] -= n // TODO: call addLocked(item, -n), the one place that changes counts.
	return nil
}
