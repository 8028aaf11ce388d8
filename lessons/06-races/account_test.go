package races_test

import (
	"runtime"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	races "github.com/threadlings/threadlings/lessons/06-races"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Account", func() {
	It("lets one of two withdrawals through when the money covers one", busy, func() {
		g := newGate()
		a := &races.Account{}
		a.Deposit(100)
		a.Between = g.pass
		var first, second bool
		overlap(g, func() { first = a.Withdraw(80) }, func() { second = a.Withdraw(80) })
		Expect(first && second).To(BeFalse(),
			"the balance was 100 and two Withdraw(80) both returned true (the balance is now %d): the second one checked the balance "+
				"while the first was between its check and its update. Hold one lock from the check to the update.", a.Balance())
		Expect([]bool{first, second}).To(ContainElement(true), "the balance was 100, so one Withdraw(80) must succeed")
		Expect(a.Balance()).To(Equal(int64(20)), "100 - 80 leaves 20")
		Expect(g.calls.Load()).To(BeNumerically(">=", 1), "a Withdraw took money without calling Between: call it after the check has passed and before the update")

		var betweens int
		b := &races.Account{Between: func() { betweens++ }}
		b.Deposit(20)
		Expect(b.Withdraw(30)).To(BeFalse(), "a balance of 20 does not cover 30")
		Expect(betweens).To(BeZero(), "Withdraw found the balance too small, yet it called Between: Between comes after the check has passed, before the money is taken")
		Expect(b.Balance()).To(Equal(int64(20)), "a refused Withdraw must leave the balance as it was")
	})

	It("works as the zero value, with no Between, from many goroutines", busy, func() {
		var a races.Account
		var took, refused bool
		Expect(func() {
			a.Deposit(50)
			took = a.Withdraw(30)
			refused = !a.Withdraw(30)
		}).NotTo(Panic(), "Withdraw panicked on a zero Account, whose Between is nil: the zero value is ready to use, so call Between only if it is not nil")
		Expect(took).To(BeTrue(), "a balance of 50 covers 30")
		Expect(refused).To(BeTrue(), "a balance of 20 does not cover 30")
		Expect(a.Balance()).To(Equal(int64(20)), "50 deposited and 30 withdrawn leaves 20, not %d", a.Balance())
		spec.Together(4, func(int) {
			for range 100 {
				a.Deposit(1)
				a.Withdraw(1)
			}
		})
		Expect(a.Balance()).To(Equal(int64(20)),
			"four goroutines at once each deposited 1 and withdrew 1 a hundred times on a zero Account with no Between, and the balance went from 20 to %d: updates were lost", a.Balance())
	})

	It("never goes below zero when ten withdrawals overlap", busy, func() {
		g := newGate()
		a := &races.Account{}
		a.Deposit(100)
		a.Between = g.pass
		var granted atomic.Int64
		withdraw := func() {
			if a.Withdraw(25) {
				granted.Add(1)
			}
		}
		others := make([]func(), 9)
		for i := range others {
			others[i] = withdraw
		}
		overlap(g, withdraw, others...)
		Expect(a.Balance()).To(BeNumerically(">=", 0),
			"ten Withdraw(25) from a balance of 100 left the balance at %d: withdrawals acted on a balance that had already changed. "+
				"The check and the update must be one step under one lock.", a.Balance())
		Expect(granted.Load()).To(Equal(int64(4)),
			"a balance of 100 covers four Withdraw(25), the last of them leaving exactly 0, but %d of ten succeeded. "+
				"A balance equal to the amount covers it: refuse only when the balance is less than the amount.", granted.Load())
		Expect(a.Balance()).To(BeZero(), "100 - 4×25 leaves 0")
	})

	It("lets every withdrawal through when the money covers them all", busy, func() {
		g := newGate()
		a := &races.Account{}
		a.Deposit(100)
		a.Between = g.pass
		var got [3]bool
		overlap(g,
			func() { got[0] = a.Withdraw(10) },
			func() { got[1] = a.Withdraw(10) },
			func() { a.Deposit(5) },
			func() { got[2] = a.Withdraw(10) })
		Expect(got).To(HaveEach(true),
			"the balance was 100, and three Withdraw(10) and a Deposit(5) ran while the first Withdraw was held in Between, but the Withdraws returned %v: "+
				"a Withdraw must succeed whenever the balance covers the amount, even if other calls changed the balance meanwhile. "+
				"A compare-and-swap that fails must look at the balance again and retry, not give up.", got)
		Expect(a.Balance()).To(Equal(int64(75)), "100 - 3×10 + 5 leaves 75, not %d", a.Balance())
	})

	It("stays exact when many goroutines deposit and withdraw at once", busy, func() {
		a := &races.Account{Between: runtime.Gosched}
		const workers, rounds = 8, 50
		var granted atomic.Int64
		var negative atomic.Bool
		// Deposits alone first: nothing else that locks the mutex comes
		// between a goroutine's deposits, so a Deposit that changes the
		// balance after it has unlocked leaves its last change unordered
		// with the others' for the race detector.
		spec.Together(workers, func(int) {
			for range rounds {
				a.Deposit(1)
			}
		})
		Expect(a.Balance()).To(Equal(int64(workers*rounds)),
			"%d goroutines at once each deposited 1 %d times, and the balance is %d, not %d: deposits were lost. Hold the mutex while Deposit changes the balance.",
			workers, rounds, a.Balance(), workers*rounds)
		spec.Together(workers, func(int) {
			for range rounds {
				a.Deposit(1)
				for range 2 { // twice as many withdrawals as deposits: money is short
					if a.Withdraw(1) {
						granted.Add(1)
					}
				}
				if a.Balance() < 0 {
					negative.Store(true)
				}
			}
		})
		const deposited = 2 * workers * rounds
		Expect(negative.Load()).To(BeFalse(), "Balance was seen below zero: two withdrawals took the same money")
		Expect(a.Balance()).To(BeNumerically(">=", 0), "the balance ended at %d, below zero: two withdrawals took the same money", a.Balance())
		Expect(a.Balance()).To(Equal(deposited-granted.Load()),
			"%d was deposited and %d withdrawn, so the balance must be %d, but it is %d: updates were lost. "+
				"Guard Deposit, Withdraw and Balance with the same mutex.", deposited, granted.Load(), deposited-granted.Load(), a.Balance())
	})
})
