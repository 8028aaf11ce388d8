// threadlings:want race

// Known-bad: no mutex: deposits from many goroutines are lost.

// This file builds Account, a balance shared by many goroutines and guarded
// the everyday Go way: a sync.Mutex next to the data it protects, locked at
// the top of each method and unlocked by defer. The defer is Go's `with
// lock:` — it runs however the method ends, by a return or by a panic.
package lock

// An Account is a balance that any number of goroutines may use at once.
//
// The zero value is an account with a balance of 0, ready to use. An Account
// must not be copied after first use (it holds a sync.Mutex).
type Account struct {
	balance int
}

// Deposit adds amount to the balance. A negative amount takes money out.
func (a *Account) Deposit(amount int) {
	a.balance += amount
}

// Balance returns the current balance.
func (a *Account) Balance() int {
	return a.balance
}

// Update replaces the balance with f(balance), calling f while holding the
// lock, so that no other Deposit or Update can slip in between the read and
// the write. f must not call methods of the same Account: the lock is not
// re-entrant.
//
// If f panics, the panic goes on to Update's caller, the balance is left as
// it was, and the account stays usable.
func (a *Account) Update(f func(balance int) int) {
	a.balance = f(a.balance)
}
