package races_test

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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

// A call is one call of the code under test, run in a goroutine of its own.
type call struct {
	id       atomic.Int64 // the goroutine's id, once it has started
	done     chan struct{}
	panicked any
}

// overlap forces the interleaving that a race condition needs:
//
//  1. it runs first in a goroutine and waits until first is held at g (or
//     has returned without ever reaching it: then g opens at once);
//  2. while first is held, it runs each of others in a goroutine of its
//     own, one at a time, and waits until that one has passed g, has
//     returned, or is parked (waiting for a lock, a channel, a sync.Once):
//     correct code makes it wait, racy code lets it through;
//  3. it opens g and waits for every call to return.
//
// A panic in any call is raised again on the caller's goroutine.
func overlap(g *gate, first func(), others ...func()) {
	lead := start(first)
	select {
	case <-g.held:
	case <-lead.done:
		g.release()
	}
	calls := []*call{lead}
	for _, f := range others {
		before := g.calls.Load()
		c := start(f)
		calls = append(calls, c)
		// The order of the tests matters under -race: noticing that c has
		// passed g must not wait for c to finish, or c's writes after g
		// would happen before first's, and the race detector would have
		// nothing to report.
		for g.calls.Load() == before && !c.finished() && !parked(c.id.Load()) {
			time.Sleep(20 * time.Microsecond)
		}
	}
	g.release()
	for _, c := range calls {
		<-c.done
	}
	for _, c := range calls {
		if c.panicked != nil {
			panic(c.panicked)
		}
	}
}

func start(f func()) *call {
	c := &call{done: make(chan struct{})}
	go c.run(f)
	return c
}

func (c *call) run(f func()) {
	defer close(c.done)
	defer func() { c.panicked = recover() }()
	c.id.Store(goroutineID())
	f()
}

func (c *call) finished() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// goroutineID returns the id of the calling goroutine, as stack traces
// show it. Go gives goroutines no ids to program with; this is for specs
// only.
func goroutineID() int64 {
	var buf [64]byte
	fields := strings.Fields(string(buf[:runtime.Stack(buf[:], false)]))
	id, _ := strconv.ParseInt(fields[1], 10, 64)
	return id
}

// waiting lists the states, as stack traces show them, of a goroutine that
// waits for another one to do something.
var waiting = map[string]bool{
	"sync.Mutex.Lock":         true,
	"sync.RWMutex.Lock":       true,
	"sync.RWMutex.RLock":      true,
	"sync.Cond.Wait":          true,
	"sync.WaitGroup.Wait":     true,
	"semacquire":              true,
	"chan send":               true,
	"chan receive":            true,
	"chan send (nil chan)":    true,
	"chan receive (nil chan)": true,
	"select":                  true,
	"select (no cases)":       true,
	"sleep":                   true,
}

// parked reports whether goroutine id is waiting for another goroutine.
func parked(id int64) bool {
	if id == 0 {
		return false // not started yet
	}
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	prefix := fmt.Sprintf("goroutine %d [", id)
	for _, g := range strings.Split(string(buf), "\n\n") {
		if rest, ok := strings.CutPrefix(g, prefix); ok {
			state, _, _ := strings.Cut(rest, "]")
			state, _, _ = strings.Cut(state, ",")
			return waiting[state]
		}
	}
	return false
}

// together runs f(0), ..., f(n-1) in n goroutines that start at the same
// moment, and waits for all of them. A panic in any of them is raised again
// on the caller's goroutine.
func together(n int, f func(i int)) {
	begin := make(chan struct{})
	calls := make([]*call, n)
	for i := range n {
		calls[i] = start(func() {
			<-begin
			f(i)
		})
	}
	close(begin)
	for _, c := range calls {
		<-c.done
	}
	for _, c := range calls {
		if c.panicked != nil {
			panic(c.panicked)
		}
	}
}

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
