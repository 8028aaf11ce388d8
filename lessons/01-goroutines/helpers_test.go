package goroutines_test

import (
	"sync"
	"time"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// patience is how long, in fake time, a goroutine waits at a meeting before
// giving up: far longer than any correct answer needs.
const patience = time.Minute

// many is how many goroutines the specs of "all at the same time" start at
// most: more than any cap a learner might think is plenty (64, 256, a few
// per CPU on a big machine), few enough to stay cheap under the race
// detector.
const many = 300

// A meeting lets n goroutines meet: arrive returns once all n have arrived,
// or after patience if they never do (the work ran one call at a time).
// Inside is a gauge of the goroutines waiting, so Max tells how many were
// there at once, and its timeline shows each call. Use it inside a bubble.
type meeting struct {
	n      int
	inside spec.Gauge
	mu     sync.Mutex
	count  int
	all    chan struct{}
}

func newMeeting(n int) *meeting {
	m := &meeting{n: n, all: make(chan struct{})}
	m.inside.Name = "call"
	return m
}

func (m *meeting) arrive() {
	m.inside.Enter()
	defer m.inside.Leave()
	m.mu.Lock()
	m.count++
	if m.count == m.n {
		close(m.all)
	}
	m.mu.Unlock()
	select {
	case <-m.all:
	case <-time.After(patience):
	}
}

// settle lets any goroutine that is still running (or sleeping) finish, so
// that a Join or a wait that returned too early fails with its own message
// instead of as a leak. Defer it at the top of a bubble spec.
func settle() { time.Sleep(24 * time.Hour) }
