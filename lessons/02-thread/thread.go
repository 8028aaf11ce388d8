// Package thread builds a Thread in the image of Python's threading.Thread:
// a named piece of work that is created first, started once, watched with
// IsAlive and State, and waited for with Join or JoinTimeout. Underneath it
// is one goroutine, plus the bookkeeping Python keeps for you: a name, an
// ident, a life cycle, and a report when the target panics.
package thread

import (
	"errors"
	"fmt"
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
	// TODO: name the three states; any other value prints as "State(n)".
	panic("TODO: return \"New\", \"Running\" or \"Dead\"")
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
	// TODO: return e.Value when it is an error.
	return nil
}

// ExceptHook, like Python's threading.excepthook, is called when the target
// of a Thread panics. It runs on the goroutine of that Thread after the panic
// was recovered and before the Thread becomes Dead, so it has returned by the
// time Join does. If ExceptHook is nil, a report naming the Thread and the
// value it panicked with is written to standard error (os.Stderr); a hook
// that is set replaces that report, and nothing is written. Set it before
// starting threads, not while any of them may panic.
var ExceptHook func(t *Thread, err *PanicError)

// A Thread runs one target function on a goroutine of its own, once.
//
// Create Threads with New or FromRunner; the zero value is not a usable
// Thread. All methods may be called from any number of goroutines at once.
type Thread struct {
	// TODO: the fields a Thread needs: its name and target; its state, ident
	// and panic, with a sync.Mutex guarding them; and a channel that is
	// closed when the Thread is Dead, to wake every Join at once.
}

// New returns a Thread in state New that will call target when started. An
// empty name is replaced by "Thread-N", where N counts the unnamed Threads of
// the process, from 1 up. A nil target makes a Thread that does nothing.
func New(name string, target func()) *Thread {
	// TODO: keep name and target; an empty name becomes "Thread-N" from a
	// counter shared by every goroutine (sync/atomic).
	panic("TODO: make a Thread in state New, naming it Thread-N when name is empty")
}

// FromRunner returns a Thread, named as by New, whose target is r.Run.
func FromRunner(name string, r Runner) *Thread {
	// TODO: a Runner's Run method is a target like any other func().
	panic("TODO: make a Thread whose target is r.Run")
}

// Name returns the name of the Thread.
func (t *Thread) Name() string {
	panic("TODO: return the name of the Thread")
}

// Ident returns the identifier that Start gave the Thread: a number other
// than zero that no other Thread of the process has. It is zero before Start
// and does not change after.
func (t *Thread) Ident() uint64 {
	// TODO: read the ident under the same lock that Start writes it under.
	panic("TODO: return the ident that Start gave the Thread")
}

// State returns where the Thread is in its life cycle.
func (t *Thread) State() State {
	// TODO: the Thread's goroutine changes the state while others read it.
	panic("TODO: return the state, read safely while the Thread's goroutine may change it")
}

// IsAlive reports whether the Thread is Running: from the moment Start
// returns until the target has returned or panicked.
func (t *Thread) IsAlive() bool {
	panic("TODO: report whether the Thread is Running")
}

// Start gives the Thread its ident, makes it Running and calls its target on
// a new goroutine. It returns without waiting for the target. It is an error
// to call Start more than once: later calls return ErrStarted and do nothing.
func (t *Thread) Start() error {
	// TODO: in one step under the lock: refuse unless New, become Running,
	// take the next ident; then call the target on a new goroutine that
	// recovers a panic, reports it, becomes Dead and wakes every joiner.
	panic("TODO: start the target on its own goroutine, once")
}

// Err returns the *PanicError that ended the Thread if its target panicked,
// and nil otherwise, including while the Thread is New or Running.
func (t *Thread) Err() error {
	// TODO: return nil, not a nil *PanicError, when there was no panic.
	panic("TODO: return the panic that ended the Thread, or nil")
}

// Join waits until the Thread is Dead. Any number of goroutines may Join the
// same Thread; a finished Thread is joined at once. Join returns
// ErrNotStarted, without waiting, if Start has not been called. It does not
// report a panic of the target: see Err.
//
// A Thread must not Join itself: it would wait forever.
func (t *Thread) Join() error {
	// TODO: wait for the signal the Thread's goroutine gives when it is Dead.
	panic("TODO: wait until the Thread is Dead")
}

// JoinTimeout waits until the Thread is Dead or d has passed, whichever comes
// first, and reports whether the Thread is Dead: it is Python's
// join(timeout) followed by not is_alive(). A zero or negative d does not
// wait: it only looks. JoinTimeout returns false and ErrNotStarted, without
// waiting, if Start has not been called, whatever d is. Like Join, it does
// not report a panic of the target: see Err.
func (t *Thread) JoinTimeout(d time.Duration) (finished bool, err error) {
	// TODO: wait for the end of the Thread and for a timer at the same time.
	panic("TODO: wait until the Thread is Dead or d has passed, and report which")
}
