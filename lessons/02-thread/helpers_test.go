package thread_test

import (
	"fmt"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadlings/threadlings/lessons/02-thread"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// firstRepeat runs rounds of n goroutines that each call take at the same
// moment (spec.Together), and returns a value that two of them got in one
// round, with true; or the zero value and false if every round gave n
// different values. A counter that is read and then written back in two
// steps, even with sync/atomic, gives two goroutines the same value only
// when they meet between the steps: a few rounds in a hundred on two cores,
// so one round is not enough to see it. A right answer never repeats, so it
// runs every round: at most rounds rounds and repeatBudget of real time.
func firstRepeat[T comparable](rounds, n int, take func() T) (T, bool) {
	budget := time.Now().Add(repeatBudget)
	for r := 0; r < rounds && (r == 0 || time.Now().Before(budget)); r++ {
		got := make([]T, n)
		spec.Together(n, func(i int) { got[i] = take() })
		seen := make(map[T]bool, n)
		for _, v := range got {
			if seen[v] {
				return v, true
			}
			seen[v] = true
		}
	}
	var zero T
	return zero, false
}

// repeatBudget is the real time firstRepeat goes on for at most; the specs
// that use it have repeatTimeout, which leaves room for a busy machine.
const (
	repeatBudget  = 3 * time.Second
	repeatTimeout = SpecTimeout(10 * time.Second)
)

// latch is a gate that targets wait behind until the spec opens it. Specs
// open it with defer as well, so that a failed expectation never leaves a
// target blocked. Open may be called more than once.
type latch struct {
	ch   chan struct{}
	once sync.Once
}

func newLatch() *latch { return &latch{ch: make(chan struct{})} }

func (l *latch) Wait() { <-l.ch }

func (l *latch) Open() { l.once.Do(func() { close(l.ch) }) }

// hookCall is one call of thread.ExceptHook.
type hookCall struct {
	thread *thread.Thread
	err    *thread.PanicError
}

// hookCalls records the calls of thread.ExceptHook while a spec runs.
type hookCalls struct {
	mu    sync.Mutex
	calls []hookCall
}

func (h *hookCalls) get() []hookCall {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]hookCall(nil), h.calls...)
}

// captureExceptHook replaces thread.ExceptHook for the current spec with one
// that records its calls, and puts the old one back when the spec ends.
func captureExceptHook() *hookCalls {
	h := &hookCalls{}
	saved := thread.ExceptHook
	thread.ExceptHook = func(t *thread.Thread, err *thread.PanicError) {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.calls = append(h.calls, hookCall{t, err})
	}
	DeferCleanup(func() { thread.ExceptHook = saved })
	return h
}

// explode is a target that panics; specs look for its name in the stack.
func explode() { panic("boom") }

// joinAsync calls t.Join on a new goroutine and delivers what it returned.
// A panic in Join is delivered as an error instead of crashing the suite.
func joinAsync(t *thread.Thread) <-chan error {
	joined := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				joined <- fmt.Errorf("Join panicked: %v", v)
			}
		}()
		joined <- t.Join()
	}()
	return joined
}
