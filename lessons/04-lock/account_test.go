package lock_test

import (
	"runtime"
	"sync"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	lock "github.com/threadlings/threadlings/lessons/04-lock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Account", func() {
	It("keeps every deposit from many goroutines", func(ctx SpecContext) {
		var a lock.Account
		Expect(a.Balance()).To(BeZero(), "a new Account must start with a balance of 0")
		const workers, deposits = 50, 100
		// A reader calls Balance all the while the deposits go on: it lets
		// the depositors start only once it is reading, stops only once they
		// are done, and yields after each read, so that a Deposit follows a
		// read before the reader touches the lock again, even on one core.
		// It stops too when the spec runs out of time (a Deposit that never
		// returns), so that it does not spin on after the spec has failed.
		ready, done := make(chan struct{}), make(chan struct{})
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				<-ready
				for range deposits {
					a.Deposit(1)
				}
			})
		}
		reader := spec.Go(func() {
			_ = a.Balance()
			close(ready)
			for {
				_ = a.Balance()
				runtime.Gosched()
				select {
				case <-done:
					return
				case <-ctx.Done():
					return
				default:
				}
			}
		})
		wg.Wait()
		close(done)
		reader.Wait()
		Expect(a.Balance()).To(Equal(workers*deposits), "%d goroutines each deposited 1 %d times: deposits were lost. Lock the mutex in Deposit.", workers, deposits)
	})

	It("zero value is safe for many goroutines at once", hammerTimeout, func() {
		for range 20 {
			var a lock.Account
			const n = 4
			spec.Together(n, func(i int) {
				if i == 0 {
					a.Update(func(balance int) int { return balance + 1 })
				} else {
					a.Deposit(1)
				}
			})
			Expect(a.Balance()).To(Equal(n), "%d goroutines each put 1 into a new Account at the same moment: deposits were lost. "+
				"The zero value must be ready to use: a sync.Mutex field needs no setup, so do not make one on first use.", n)
		}
	})

	It("runs Update's function under the lock", func() {
		var a lock.Account
		var inside spec.Gauge
		a.Update(func(balance int) int { return balance }) // an unfinished Update or Deposit
		a.Deposit(0)                                       // panics here, not in a goroutine
		const workers, updates = 20, 20
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for range updates {
					a.Update(func(balance int) int {
						inside.Enter()
						defer inside.Leave()
						runtime.Gosched() // give another goroutine a chance to barge in
						return balance + 2
					})
					a.Deposit(-1)
				}
			})
		}
		wg.Wait()
		Expect(inside.Max()).To(Equal(1), "Update's function ran in %d goroutines at once: hold the lock while f runs, from reading the balance to storing the result", inside.Max())
		Expect(a.Balance()).To(Equal(workers*updates), "updates were lost: read the balance, call f and store its result all while holding the lock")
	})

	It("stays usable after a panic in Update", func() {
		var a lock.Account
		a.Deposit(10)
		Expect(func() {
			a.Update(func(int) int { panic("card declined") })
		}).To(PanicWith("card declined"), "a panic in f must reach Update's caller")
		// If Update left the mutex locked, the next call waits forever.
		Expect(a.Balance()).To(Equal(10), "f panicked, so the balance must be unchanged")
		a.Deposit(5)
		Expect(a.Balance()).To(Equal(15), "the account must keep working after a panic in Update")
	})
})
