// Package thread builds a Thread in the image of Python's threading.Thread:
// a named piece of work that is created first, started once, watched with
// IsAlive and State, and waited for with Join or JoinTimeout. Underneath it
// is one goroutine, plus the bookkeeping Python keeps for you: a name, an
// ident, a life cycle, and a report when the target panics.
package thread

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Errors returned when a Thread is used out of order.
var (
	// ErrStarted is returned by Start on a Thread that was already started,
	// whether it is still running or has finished: threads can only be
	// started once.
	ErrStarted = errors.New("thread: threads can only be started once")
	// ErrNotStarted is returned by Join and JoinTimeout on a Thread that was
	// never started.
	ErrNotStarted = errors.New("thread: cannot join a thread before it is started")
)

// State is where a Thread is in its life cycle. A Thread only moves forward:
// New, then Running, then Dead.
//
// The life cycle is the course notes' model of a thread (New, Runnable,
// Running, Not Running, Dead), not states that Python's threading has: a
// threading.Thread answers only is_alive(), and its repr says "initial",
// "started" or "stopped".
type State int

const (
	// StateNew is a Thread that was created but not started.
	StateNew State = iota
	// StateRunning is a Thread that was started and whose target has not
	// returned. The notes split that time into Runnable (started, waiting
	// for a CPU), Running and Not Running (asleep or waiting); neither Go
	// nor Python's threading tells these apart, so StateRunning covers all
	// three.
	StateRunning
	// StateDead is a Thread whose target has returned or panicked.
	StateDead
)

// String returns "New", "Running" or "Dead", and "State(n)" for any other
// value.
func (s State) String() string {
	switch s {
	case StateNew:
		return "New"
	case StateRunning:
		return "Running"
	case StateDead:
		return "Dead"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Runner is the Go form of subclassing Python's Thread and overriding run():
// any value with a Run method can be the work of a Thread (see FromRunner).
// Its fields are the state that a Python subclass would keep on self.
type Runner interface {
	Run()
}

// PanicError is how a Thread reports a target that panicked: the value given
// to panic and the stack of the goroutine at the moment of the panic.
type PanicError struct {
	Thread string // the name of the Thread whose target panicked
	Value  any    // the value passed to panic
	Stack  []byte // the goroutine's stack trace, as debug.Stack formats it
}

// Error describes the panic and names the Thread it ended.
func (e *PanicError) Error() string {
	return fmt.Sprintf("thread %s: panic: %v", e.Thread, e.Value)
}

// Unwrap returns the panic value if it is an error, so that errors.Is and
// errors.As see through a PanicError to what was panicked with.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// ExceptHook, like Python's threading.excepthook, is called when the target
// of a Thread panics. It runs on the goroutine of that Thread after the panic
// was recovered and before the Thread becomes Dead, so it has returned by the
// time Join does. If ExceptHook is nil, a report naming the Thread and the
// value it panicked with is written to standard error (os.Stderr); a hook
// that is set replaces that report, and nothing is written. Set it before
// starting threads, not while any of them may panic.
var ExceptHook func(t *Thread, err *PanicError)

// unnamed numbers the Threads created without a name, across the process.
var unnamed atomic.Int64

// idents hands out idents, across the process.
var idents atomic.Uint64

// A Thread runs one target function on a goroutine of its own, once.
//
// Create Threads with New or FromRunner; the zero value is not a usable
// Thread. All methods may be called from any number of goroutines at once.
type Thread struct {
	name   string
	target func()
	done   chan struct{} // closed when the thread is Dead

	mu    sync.Mutex // guards the fields below
	state State
	ident uint64
	err   *PanicError
}

// New returns a Thread in state New that will call target when started. An
// empty name is replaced by "Thread-N", where N counts the unnamed Threads of
// the process, from 1 up. A nil target makes a Thread that does nothing.
func New(name string, target func()) *Thread {
	if name == "" {
		name = "Thread-" + strconv.FormatInt(unnamed.Add(1), 10)
	}
	return &Thread{name: name, target: target, done: make(chan struct{})}
}

// FromRunner returns a Thread, named as by New, whose target is r.Run.
func FromRunner(name string, r Runner) *Thread {
	return New(name, r.Run)
}

// Name returns the name of the Thread.
func (t *Thread) Name() string {
	return t.name
}

// Ident returns the identifier that Start gave the Thread: a number other
// than zero that no other Thread of the process has. It is zero before Start
// and does not change after.
func (t *Thread) Ident() uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.ident
}

// State returns where the Thread is in its life cycle.
func (t *Thread) State() State {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.state
}

// IsAlive reports whether the Thread is Running: from the moment Start
// returns until the target has returned or panicked.
func (t *Thread) IsAlive() bool {
	return t.State() == StateRunning
}

// Start gives the Thread its ident, makes it Running and calls its target on
// a new goroutine. It returns without waiting for the target. It is an error
// to call Start more than once: later calls return ErrStarted and do nothing.
func (t *Thread) Start() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.state != StateNew {
		return ErrStarted
	}
	t.state = StateRunning
	t.ident = idents.Add(1)
	go t.run()
	return nil
}

// run is the body of the Thread's goroutine.
func (t *Thread) run() {
	defer func() {
		// recover must be called by the deferred function itself.
		if v := recover(); v != nil {
			t.report(&PanicError{Thread: t.name, Value: v, Stack: debug.Stack()})
		}
		t.mu.Lock()
		t.state = StateDead
		t.mu.Unlock()
		close(t.done)
	}()
	if t.target != nil {
		t.target()
	}
}

// report records a panic and hands it to ExceptHook.
func (t *Thread) report(err *PanicError) {
	t.mu.Lock()
	t.err = err
	t.mu.Unlock()
	if ExceptHook != nil {
		ExceptHook(t, err)
		return
	}
	fmt.Fprintf(os.Stderr, "Exception in thread %s: %v\n%s", t.name, err.Value, err.Stack)
}

// Err returns the *PanicError that ended the Thread if its target panicked,
// and nil otherwise, including while the Thread is New or Running.
func (t *Thread) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err == nil || t.state != StateDead {
		return nil // a nil *PanicError in an error would not be nil
	}
	return t.err
}

// Join waits until the Thread is Dead. Any number of goroutines may Join the
// same Thread; a finished Thread is joined at once. Join returns
// ErrNotStarted, without waiting, if Start has not been called. It does not
// report a panic of the target: see Err.
//
// A Thread must not Join itself: it would wait forever.
func (t *Thread) Join() error {
	if t.State() == StateNew {
		return ErrNotStarted
	}
	<-t.done
	return nil
}

// JoinTimeout waits until the Thread is Dead or d has passed, whichever comes
// first, and reports whether the Thread is Dead: it is Python's
// join(timeout) followed by not is_alive(). A zero or negative d does not
// wait: it only looks. JoinTimeout returns false and ErrNotStarted, without
// waiting, if Start has not been called, whatever d is. Like Join, it does
// not report a panic of the target: see Err.
func (t *Thread) JoinTimeout(d time.Duration) (finished bool, err error) {
	if t.State() == StateNew {
		return false, ErrNotStarted
	}
	// Look first: when both channels are ready a select picks at random.
	select {
	case <-t.done:
		return true, nil
	default:
	}
	if d <= 0 {
		return false, nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-t.done:
		return true, nil
	case <-timer.C:
		return false, nil
	}
}
