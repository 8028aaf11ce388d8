package rlock_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega/gleak"

	rlock "github.com/threadlings/threadlings/lessons/05-rlock"
)

// A watcher tells, without waiting for a timeout, whether the goroutines a
// spec started are stuck in the lesson's code: all of them are parked
// (on a channel, a select, a mutex, a condition variable, a WaitGroup) and
// at least one is parked inside the lesson's own files. Nothing else in a
// spec can wake such a goroutine, so it waits for ever: a deadlock, or a
// lock that rightly makes a goroutine wait. Goroutines that are running,
// runnable or asleep are never stuck, whatever primitive the code uses.
type watcher struct {
	before map[uint64]bool
}

// watch starts a watcher that ignores every goroutine that exists now.
func watch() *watcher {
	w := &watcher{before: map[uint64]bool{}}
	for _, g := range gleak.Goroutines() {
		w.before[g.ID] = true
	}
	return w
}

// parkedStates are the states of a goroutine that waits for another one.
var parkedStates = []string{
	"chan receive", "chan send", "chan receive (nil chan)", "chan send (nil chan)",
	"select", "select (no cases)", "semacquire", "sync.Cond.Wait", "sync.Mutex.Lock",
	"sync.RWMutex.Lock", "sync.RWMutex.RLock", "sync.WaitGroup.Wait",
}

// lessonPkg is the import path of the lesson's package; its functions are
// named after it in a backtrace, and the specs' functions after it + "_test".
var lessonPkg = reflect.TypeFor[rlock.RLock]().PkgPath()

// innermost returns the innermost frame of a backtrace in the lesson's
// package, code or spec, as "file.go:line".
func innermost(backtrace string) (where string, inSpec bool) {
	lines := strings.Split(backtrace, "\n")
	for i := 0; i+1 < len(lines); i++ {
		fn := lines[i]
		if !strings.HasPrefix(fn, lessonPkg+".") && !strings.HasPrefix(fn, lessonPkg+"_test.") {
			continue
		}
		file, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), " ")
		return filepath.Base(file), strings.HasPrefix(fn, lessonPkg+"_test.")
	}
	return "", false
}

// stuck returns the goroutines started since watch that wait inside the
// lesson's code, as "[state] at file.go:line", if every goroutine started
// since watch is parked; otherwise nil.
func (w *watcher) stuck() []string {
	var waiting []string
	for _, g := range gleak.Goroutines() {
		where, inSpec := innermost(g.Backtrace)
		if w.before[g.ID] || where == "" {
			continue
		}
		state, _, _ := strings.Cut(g.State, ",")
		if !slices.Contains(parkedStates, state) {
			return nil
		}
		if !inSpec {
			waiting = append(waiting, fmt.Sprintf("[%s] at %s", state, where))
		}
	}
	return waiting
}

// waitFor waits until done is closed, and returns nil, or until the
// goroutines started since watch are stuck, and returns where they wait.
func (w *watcher) waitFor(done <-chan struct{}) []string {
	for {
		select {
		case <-done:
			return nil
		default:
		}
		if waiting := w.stuck(); waiting != nil {
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

// run calls f in a goroutine and returns a channel closed when f returns.
// A panic in f is handed back to the spec by check, so that it fails the
// spec instead of killing the test binary.
type run struct {
	done     chan struct{}
	panicked any
}

func start(f func()) *run {
	r := &run{done: make(chan struct{})}
	go func() {
		defer close(r.done)
		defer func() { r.panicked = recover() }()
		f()
	}()
	return r
}

// check re-raises on the spec's goroutine a panic of a finished run.
func (r *run) check() {
	select {
	case <-r.done:
		if r.panicked != nil {
			panic(r.panicked)
		}
	default:
	}
}

// mustReturn calls f in a goroutine and fails the spec at once if it gets
// stuck instead of returning. what names the call for the learner, advice
// says how to fix it.
func mustReturn(what, advice string, f func()) {
	GinkgoHelper()
	w := watch()
	r := start(f)
	if waiting := w.waitFor(r.done); waiting != nil {
		Fail(fmt.Sprintf("DEADLOCK: %s never returned. It waits here for something that will never happen:\n\t%s\n%s",
			what, strings.Join(waiting, "\n\t"), advice))
	}
	r.check()
}

// selfDeadlock is the advice for a method that locks a lock it holds.
const selfDeadlock = "A sync.Mutex is not re-entrant: a method that holds the lock and calls another method that locks it waits for itself for ever. " +
	"Lock only in the exported methods and let them call unexported ...Locked helpers that assume the lock is held."
