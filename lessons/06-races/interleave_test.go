package races_test

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// A race condition needs bad luck: one goroutine must be stopped at exactly
// the wrong instruction while another runs. These helpers make the bad luck
// certain. The code under test calls a hook at its fragile point (between a
// read and the write that depends on it); a gate behind that hook holds the
// first goroutine there while others are sent through one by one. Racy code
// lets them through and loses or duplicates something every time, with or
// without -race; correct code makes them wait (or does the work in one
// indivisible step), and the specs see that without sleeping or guessing.

// A gate holds the first goroutine that calls pass until the gate opens;
// every later call goes straight through. It counts the calls.
type gate struct {
	calls    atomic.Int64
	held     chan struct{} // closed when the first caller is being held
	open     chan struct{} // closed to let it go on
	openOnce sync.Once
}

func newGate() *gate {
	return &gate{held: make(chan struct{}), open: make(chan struct{})}
}

// pass is the hook that the code under test calls.
func (g *gate) pass() {
	if g.calls.Add(1) == 1 {
		close(g.held)
		<-g.open
	}
}

func (g *gate) release() { g.openOnce.Do(func() { close(g.open) }) }

// overlap forces the interleaving that a race condition needs:
//
//  1. it runs first in a goroutine and waits until first is held at g (or
//     has returned without ever reaching it: then g opens at once);
//  2. while first is held, it runs each of others in a goroutine of its
//     own, one at a time, and waits until that one has passed g, has
//     returned, or is parked (waiting for a lock, a channel, a sync.Once),
//     or has spun for spec.SpinGrace (a lock made by hand from atomics):
//     correct code makes it wait, racy code lets it through;
//  3. it opens g and waits for every call to return.
//
// A panic in any call is raised again on the caller's goroutine.
func overlap(g *gate, first func(), others ...func()) {
	lead := spec.Go(first)
	select {
	case <-g.held:
	case <-lead.Done():
		g.release()
	}
	calls := []*spec.Call{lead}
	for _, f := range others {
		before := g.calls.Load()
		c := spec.Go(f)
		calls = append(calls, c)
		// The order of the tests matters under -race: noticing that c has
		// passed g must not wait for c to finish, or c's writes after g
		// would happen before first's, and the race detector would have
		// nothing to report.
		//
		// Waiting reads the stack of every goroutine and stops them all to
		// do it, so it is asked less and less often (every 20µs at first,
		// then at twice the last gap, up to 2ms); the cheap tests are made
		// every 20µs. On a busy machine looks asked too often crowd out the
		// very goroutine they wait for.
		lookIn, gap := 20*time.Microsecond, 20*time.Microsecond
		var spinning time.Time // since when c has been seen spinning, look after look
		for g.calls.Load() == before && !c.Returned() {
			if lookIn <= 0 {
				if c.Waiting() || spunLong(c, &spinning) {
					break
				}
				gap = min(2*gap, 2*time.Millisecond)
				lookIn = gap
			}
			time.Sleep(20 * time.Microsecond)
			lookIn -= 20 * time.Microsecond
		}
	}
	g.release()
	for _, c := range calls {
		<-c.Done()
	}
	for _, c := range calls {
		c.Check()
	}
}

// spunLong reports whether c has been Spinning at every look since *since
// for spec.SpinGrace: then it waits, by spinning. It sets *since at the
// first look that finds c spinning, and clears it at one that does not.
func spunLong(c *spec.Call, since *time.Time) bool {
	if !c.Spinning() {
		*since = time.Time{}
		return false
	}
	if since.IsZero() {
		*since = time.Now()
	}
	return time.Since(*since) >= spec.SpinGrace
}

// awaitParkedOrExited waits until c's goroutine is parked (waiting for a
// lock, say) or has exited. It learns of the exit from the list of
// goroutines, not from c.Done(): a channel would order everything c did
// before what the caller does next, and the race detector would miss a
// race between c's reads and a write that the caller lets happen after.
func awaitParkedOrExited(c *spec.Call) {
	exited := make(chan struct{})
	go func() {
		c.AwaitExit()
		close(exited)
	}()
	gap := 20 * time.Microsecond
	var spinning time.Time
	for !c.Waiting() && !spunLong(c, &spinning) {
		select {
		case <-exited:
			return
		case <-time.After(gap):
		}
		gap = min(2*gap, 2*time.Millisecond)
	}
}

// busy is the SpecTimeout of every spec here. A right answer needs a few
// milliseconds of it on a quiet machine; the rest is for a busy one, where
// the goroutines that a gate holds and sends through wait their turn for a
// CPU, so that a wrong answer still ends in the failure that says what is
// wrong, not in a timeout.
var busy = SpecTimeout(5 * time.Second)

// A crowd holds the first goroutine to reach a hook until n goroutines have
// entered the code under test: each calls enter just before it calls the
// code, and the hook calls waitForAll. Correct code keeps the late ones
// waiting at its lock while the first is held; racy code lets them all in,
// so with the crowd a race shows up on every run, not just on a busy one.
type crowd struct {
	n       int64
	entered atomic.Int64
}

func (c *crowd) enter() { c.entered.Add(1) }

func (c *crowd) waitForAll() {
	for c.entered.Load() < c.n {
		runtime.Gosched()
	}
}
