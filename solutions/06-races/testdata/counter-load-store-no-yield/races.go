// threadlings:want fail

// Known-bad: Load then Store (two steps, so updates can be lost) with the
// Yield call left out, which would hide the lost update from every spec that
// holds an Inc in Yield.

// Package races holds four small pieces of shared state that already work
// when one goroutine uses them, and break when many do. Each file is one
// kind of race condition, and each is fixed with a different tool:
//
//   - races.go: Counter loses updates (read, add one, write back). Fix it
//     with an atomic add, or with a mutex held across the whole increment.
//   - account.go: Account.Withdraw checks the balance, then takes the money
//     out; two withdrawals can both pass the check. The check and the update
//     must happen under one lock.
//   - lazy.go: Lazy builds a value on first use; two first uses can both
//     build it. sync.Once makes "exactly once" a one-liner.
//   - registry.go: Registry hands out numbers from a map written by many
//     goroutines. Guard the map, or use sync.Map and its LoadOrStore.
//
// Every type has a hook (Yield, Between, or Lazy's build function) that is
// called at its most fragile point. The specs use it to stop one goroutine
// right there and send another one through, so a race shows up every time,
// not once in a thousand runs, and with or without -race.
//
// This file builds Counter.
package races

import "sync/atomic"

// A Counter counts events that many goroutines report at once.
//
// The zero value is a Counter at 0, ready to use. A Counter must not be
// copied after first use.
type Counter struct {
	// Yield, if not nil, is called by every Inc, at least once, in the
	// middle of the increment: after Inc has read the old count and before
	// it has stored the new one (with whatever lock guards them still
	// held). A Counter that increments in one indivisible step (an atomic
	// add, or a read and a store under one mutex) has no middle: it calls
	// Yield just before or just after that step. Yield may take as long as
	// it likes, and no increment may be lost because other Incs ran
	// meanwhile. Yield must not use the Counter.
	Yield func()

	n atomic.Int64
}

// Inc adds one to the count.
func (c *Counter) Inc() {
	c.n.Store(c.n.Load() + 1)
}

// Value returns the count. It may be called while other goroutines call
// Inc.
func (c *Counter) Value() int64 {
	return c.n.Load()
}
