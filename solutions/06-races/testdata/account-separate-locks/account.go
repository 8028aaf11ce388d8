// threadlings:want fail

// Each step is locked, so -race is silent, but the lock is let go between
// the check and the update: two withdrawals can both pass the check.
package races

import "sync"

type Account struct {
	Between func()
	mu      sync.Mutex
	balance int64
}

func (a *Account) Deposit(amount int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += amount
}

func (a *Account) Withdraw(amount int64) bool {
	if a.Balance() < amount {
		return false
	}
	if a.Between != nil {
		a.Between()
	}
	a.mu.Lock()
	a.balance -= amount
	a.mu.Unlock()
	return true
}

func (a *Account) Balance() int64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}
