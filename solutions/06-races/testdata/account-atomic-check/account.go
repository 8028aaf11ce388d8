// threadlings:want fail

// An atomic balance makes every access safe, not the decision: the check
// and the Add are still two steps.
package races

import "sync/atomic"

type Account struct {
	Between func()
	balance atomic.Int64
}

func (a *Account) Deposit(amount int64) { a.balance.Add(amount) }

func (a *Account) Withdraw(amount int64) bool {
	if a.balance.Load() < amount {
		return false
	}
	if a.Between != nil {
		a.Between()
	}
	a.balance.Add(-amount)
	return true
}

func (a *Account) Balance() int64 { return a.balance.Load() }
