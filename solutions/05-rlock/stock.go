// This file builds Stock, a shop's shelf shared by buyers and sellers, and
// fixes the deadlock that Python's RLock exists for: a method that holds the
// lock calls another method that takes the same lock.
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
	s.addLocked(item, n)
}

// Count returns how many of item are on the shelf.
func (s *Stock) Count(item string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.countLocked(item)
}

// Restock adds a whole delivery, item by item, in one step: no other
// goroutine sees the shelf with part of the delivery on it.
func (s *Stock) Restock(delivery map[string]int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for item, n := range delivery {
		s.addLocked(item, n)
	}
}

// Sell takes n of item off the shelf. If fewer than n are there it returns
// ErrOutOfStock and takes nothing. The check and the take are one step: two
// Sells never both take the last item.
func (s *Stock) Sell(item string, n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.countLocked(item) < n {
		return ErrOutOfStock
	}
	s.addLocked(item, -n)
	return nil
}

// addLocked adds n to item's count.
// addLocked must be called with s.mu held.
func (s *Stock) addLocked(item string, n int) {
	if s.counts == nil {
		s.counts = make(map[string]int)
	}
	s.counts[item] += n
}

// countLocked returns item's count.
// countLocked must be called with s.mu held.
func (s *Stock) countLocked(item string) int {
	return s.counts[item]
}
