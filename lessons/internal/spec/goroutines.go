package spec

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/onsi/gomega/gleak"
)

// A Call is a function running in a goroutine of its own, started by Go.
// Specs call code that may block, panic or never return through a Call, so
// that the spec's own goroutine stays free to look, to unblock it or to
// fail. A panic in the function is kept and raised again on the goroutine
// that calls Wait or Check, where Ginkgo can report it.
type Call struct {
	id       atomic.Uint64 // the goroutine's id, once it has started
	done     chan struct{}
	panicked any
}

// Go calls f in a new goroutine and returns at once.
func Go(f func()) *Call {
	c := &Call{done: make(chan struct{})}
	go c.run(f)
	return c
}

func (c *Call) run(f func()) {
	c.id.Store(GoroutineID())
	defer close(c.done)
	defer func() { c.panicked = recover() }()
	f()
}

// Done returns a channel that is closed when the function has returned or
// panicked.
func (c *Call) Done() <-chan struct{} { return c.done }

// Returned reports, without waiting, whether the function has returned or
// panicked.
func (c *Call) Returned() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// Wait waits for the function to return. If it panicked, Wait panics with
// the same value.
func (c *Call) Wait() {
	<-c.done
	c.Check()
}

// Check panics with the function's panic value if the function has
// panicked. It does not wait: a function still running is no error.
func (c *Call) Check() {
	if c.Returned() && c.panicked != nil {
		panic(c.panicked)
	}
}

// Waiting reports whether the call's goroutine is parked: waiting for
// another goroutine (on a channel, a select, a mutex, a condition variable,
// a WaitGroup), in a bubble or not, or asleep. It reports false before the
// goroutine has started and after it has exited.
func (c *Call) Waiting() bool {
	state, alive := goroutineState(c.id.Load())
	state = strings.TrimSuffix(state, " (durable)")
	return alive && (parked[state] || state == "sleep")
}

// Spinning reports whether the call's goroutine is alive and busy where a
// goroutine that waits by spinning would be: running, or runnable inside
// runtime.Gosched or the learner's code, neither parked nor asleep. One look
// cannot tell a spinning wait from a call that is simply running: a spec
// believes it only when it lasts (see SpinGrace).
func (c *Call) Spinning() bool {
	g, alive := goroutineOf(c.id.Load())
	if !alive {
		return false
	}
	switch state := strings.TrimSuffix(stateOf(g), " (durable)"); {
	case state == "running":
		return true
	case state != "runnable":
		return false
	}
	if strings.Contains(g.Backtrace, "runtime.Gosched(") {
		return true
	}
	file, _, ok := innermostLessonCall(g.Backtrace)
	return ok && isLearnerFile(file)
}

// SpinGrace is how long a call must be seen Spinning, look after look,
// before a spec takes it for a wait: a lock made by hand from an atomic
// compare-and-swap waits so, and is as right as a sync.Mutex. On a quiet
// machine a call that does not wait is done in microseconds.
const SpinGrace = 100 * time.Millisecond

// AwaitExit waits until the call's goroutine has exited. Unlike Wait, it
// learns this from the list of goroutines, not from a channel, so it does
// not order the goroutine's memory accesses before the caller's: the race
// detector still sees a race between what the call did and what the caller
// does next.
func (c *Call) AwaitExit() {
	for {
		if id := c.id.Load(); id != 0 {
			if _, alive := goroutineState(id); !alive {
				return
			}
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// Together calls f(0), ..., f(n-1) in n goroutines that are released at the
// same moment, and waits for all of them. It reports whether the calls met:
// whether, by the clock, some call began while another was still running
// (inside a synctest bubble, where the clock stands still, they never do).
// If any of them panicked, Together panics with the first one's value once
// all have finished.
//
// Waking from a channel takes each goroutine microseconds, long enough for
// the first to finish a short call before the last has begun, and a wrong
// answer with a gap of a few instructions (look, then take) would pass. So
// each goroutine, once woken, also spins until all n are awake; where there
// are enough cores they then call f within a few nanoseconds of each other.
// The spinning yields the processor now and then, so n may exceed
// GOMAXPROCS, and gives up after 64 yields, so that a machine too busy to
// run them all soon costs a round a few milliseconds, not more. On a busy
// machine a goroutine can still lose its core at the wrong moment: a spec
// that needs the calls to meet counts the rounds in which they did. Together learns that from the clock, not from a shared
// counter: a counter would order the calls for the race detector, which
// would then miss a race between two calls that did not meet.
func Together(n int, f func(i int)) bool {
	begin := make(chan struct{})
	var awake atomic.Int32
	began, ended := make([]time.Time, n), make([]time.Time, n)
	yieldEvery := 4096 // about 50µs of spinning: time for an idle core to take a goroutine
	if runtime.GOMAXPROCS(0) == 1 {
		yieldEvery = 1 // no other core to meet: spinning only delays the rest
	}
	calls := make([]*Call, n)
	for i := range n {
		calls[i] = Go(func() {
			<-begin
			awake.Add(1)
			for spins := 1; awake.Load() < int32(n) && spins < 64*yieldEvery; spins++ {
				if spins%yieldEvery == 0 {
					runtime.Gosched()
				}
			}
			began[i] = time.Now()
			defer func() { ended[i] = time.Now() }()
			f(i)
		})
	}
	close(begin)
	for _, c := range calls {
		<-c.done
	}
	for _, c := range calls {
		c.Check()
	}
	for i := range n {
		for j := range i {
			if began[i].Before(ended[j]) && began[j].Before(ended[i]) {
				return true
			}
		}
	}
	return false
}

// parked holds the states, as stack traces name them, of a goroutine that
// waits for another goroutine to do something. A goroutine that is running,
// runnable, asleep or in a system call is not parked.
var parked = map[string]bool{
	"chan receive": true, "chan send": true,
	"chan receive (nil chan)": true, "chan send (nil chan)": true,
	"select": true, "select (no cases)": true,
	"semacquire": true, "sync.Mutex.Lock": true,
	"sync.RWMutex.Lock": true, "sync.RWMutex.RLock": true,
	"sync.Cond.Wait": true, "sync.WaitGroup.Wait": true,
}

// Parked reports whether g is blocked on a channel, a select or a lock of
// package sync: waiting for another goroutine, not running, runnable, asleep
// or in a system call.
func Parked(g gleak.Goroutine) bool { return parked[stateOf(g)] }

// GoroutineID returns the id of the calling goroutine, as stack traces show
// it. Go gives goroutines no ids to program with; this is for specs only.
func GoroutineID() uint64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	id, _ := strconv.ParseUint(strings.Fields(string(buf[:n]))[1], 10, 64)
	return id
}

// goroutineState returns the state of goroutine id ("chan receive",
// "running", ...) and whether it is alive at all.
func goroutineState(id uint64) (state string, alive bool) {
	g, alive := goroutineOf(id)
	return stateOf(g), alive
}

// goroutineOf returns goroutine id, if it is alive.
func goroutineOf(id uint64) (g gleak.Goroutine, alive bool) {
	if id == 0 {
		return g, false
	}
	for _, g := range gleak.Goroutines() {
		if g.ID == id {
			return g, true
		}
	}
	return g, false
}

// A Watcher tells, without waiting for a timeout, whether the goroutines
// started since Watch have come to rest: every one of them that runs the
// lesson's code or its specs is parked. Only another goroutine can wake a
// parked goroutine, so once all of them are parked nothing moves until the
// spec itself does something. If the spec has nothing more to do, they are
// stuck: a deadlock, or a lock that rightly makes a goroutine wait.
type Watcher struct {
	before map[uint64]bool
}

// Watch returns a Watcher that ignores every goroutine alive now.
func Watch() *Watcher {
	return &Watcher{before: goroutineIDs()}
}

// look reports whether the watched goroutines are at rest and, if they are,
// where those parked inside the learner's code wait, as
// "[sync.Mutex.Lock] at rlock.go:42". Goroutines parked only in spec code
// count as at rest but are not listed.
func (w *Watcher) look() (atRest bool, waiting []string) {
	for _, g := range gleak.Goroutines() {
		if w.before[g.ID] {
			continue
		}
		file, line, inLesson := innermostLessonCall(g.Backtrace)
		if !inLesson && !startedByGo(g.Backtrace) {
			continue
		}
		state := stateOf(g)
		if !parked[state] {
			return false, nil
		}
		if inLesson && isLearnerFile(file) {
			waiting = append(waiting, fmt.Sprintf("[%s] at %s:%d", state, filepath.Base(file), line))
		}
	}
	return true, waiting
}

// Stuck returns where the watched goroutines wait inside the learner's code
// if all of them are at rest and at least one waits there; otherwise nil.
func (w *Watcher) Stuck() []string {
	_, waiting := w.look()
	return waiting
}

// WaitFor waits until done is closed, and returns nil, or until the watched
// goroutines are stuck (see Stuck), and returns where they wait. They must
// be seen stuck in the same places stuckLooks times in a row, a millisecond
// or more apart: a stack read on a machine too busy to run them may catch a
// goroutine at a moment that one look cannot tell from a wait for ever.
func (w *Watcher) WaitFor(done <-chan struct{}) []string {
	var last string
	same := 0
	for {
		select {
		case <-done:
			return nil
		default:
		}
		waiting := w.Stuck()
		switch now := strings.Join(waiting, "\n"); {
		case waiting == nil:
			same = 0
		case now == last:
			same++
		default:
			last, same = now, 1
		}
		if same >= stuckLooks {
			select {
			case <-done: // it finished just as we looked
				return nil
			default:
				return waiting
			}
		}
		time.Sleep(time.Millisecond)
	}
}

// stuckLooks is how many looks in a row must find the same goroutines
// stuck in the same places before WaitFor believes them.
const stuckLooks = 3

// Settle waits until c has returned, and reports true, or until the watched
// goroutines are at rest with c still running, and reports false: then c
// waits for something that only the spec can do. As in WaitFor, they must be
// seen at rest stuckLooks times in a row, a millisecond apart: on a busy
// machine one look can catch a goroutine that is about to be woken.
func (w *Watcher) Settle(c *Call) (returned bool) {
	rested := 0
	for {
		if c.Returned() {
			return true
		}
		if atRest, _ := w.look(); !atRest {
			rested = 0
			time.Sleep(100 * time.Microsecond)
			continue
		}
		if rested++; rested >= stuckLooks {
			return c.Returned() // it may have returned just as we looked
		}
		time.Sleep(time.Millisecond)
	}
}

// thisFile is this source file as stack traces name it, with or without
// -trimpath.
var _, thisFile, _, _ = runtime.Caller(0)

// startedByGo reports whether a goroutine's backtrace is that of a Call,
// started by Go: only a Call's goroutine runs, or was created, in this file.
// A Call that has not yet reached the lesson's code (it may not have run at
// all) is still one of the spec's goroutines: it is about to run, so the
// goroutines are not at rest.
func startedByGo(backtrace string) bool {
	return strings.Contains(backtrace, thisFile+":")
}

// withoutCreator drops the "created by" line from the end of a backtrace:
// the goroutine does not run there.
func withoutCreator(backtrace string) string {
	if i := strings.LastIndex(backtrace, "\ncreated by "); i >= 0 {
		return backtrace[:i]
	}
	return backtrace
}

// innermostLessonCall finds, in a goroutine's backtrace, the innermost call
// in a file of the lesson's directory: the learner's code or its specs.
func innermostLessonCall(backtrace string) (file string, line int, ok bool) {
	return innermostFrame(withoutCreator(backtrace), inLessonDir)
}
