// threadlings:want fail

// Known-bad: the check and the update each hold the lock, but not together,
// and Between is never called, so the gap between them is hidden from the
// specs.

// This file builds Account, a bank balance that must never go below zero.
// Withdraw is a check-then-act: it looks at the balance, decides, then
// changes it. If two withdrawals both look before either changes anything,
// both see enough money and both take it. Locking the check and the update
// separately does not help; they must be one step under one lock. (Making
// the balance an atomic does not help either, and the race detector stays
// silent about it: the bug is in the logic, not in the memory accesses.)
package races

import "sync"

// An Account is a balance that many goroutines may use at once. The balance
// never goes below zero.
//
// The zero value is an empty Account, ready to use. An Account must not be
// copied after first use.
type Account struct {
	// Between, if not nil, is called by Withdraw after it has found the
	// balance large enough and before it has taken the money out: every
	// Withdraw that takes money calls it, and a Withdraw that finds the
	// balance too small at once returns false without calling it. Between
	// may take as long as it likes, and the balance must still never go
	// below zero, whatever other calls run meanwhile. Between must not use
	// the Account.
	Between func()

	mu      sync.Mutex // guards balance
	balance int64
}

// Deposit adds amount to the balance. amount must not be negative.
func (a *Account) Deposit(amount int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
}

// Withdraw takes amount out of the balance and reports true if the balance
// covers it (a balance of exactly amount does, and is left at 0); otherwise
// it leaves the balance as it is and reports false.
func (a *Account) Withdraw(amount int64) bool {
	a.mu.Lock()
	ok := a.balance >= amount
	a.mu.Unlock()
	if !ok {
		return false
	}
	a.mu.Lock()
	a.balance -= amount
	a.mu.Unlock()
	return true
}

// Balance returns the balance.
func (a *Account) Balance() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}
