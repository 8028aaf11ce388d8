package spec

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/onsi/ginkgo/v2"
	"github.com/threadlings/threadlings/internal/verdict"
)

// around wraps every node of every spec (setup, subject and cleanup): it runs
// the node while a subtest of the suite is open, so that the race detector,
// which checks for new reports when each test ends, fails that subtest when
// the node raced. The node's body runs on a goroutine of its own, watched:
// when every goroutine of the spec is stuck, the spec fails at once as a
// deadlock instead of waiting for its timeout (see runWatched). Ginkgo keeps
// control of timeouts: when it abandons a timed-out node, the subtest is
// closed too.
func around(ctx context.Context, body func(context.Context)) {
	report := ginkgo.CurrentSpecReport()
	t, end, clean := spanSubtest(report.FullText())
	go watchCancel(ctx, end)

	var stuck []string
	var deadlocked, exited bool
	func() {
		defer func() {
			end()
			if !clean() {
				current.raced()
			}
		}()
		stuck, deadlocked, exited = runWatched(ctx, func() {
			if inBubble(report) {
				runInBubble(ctx, t, body)
			} else {
				body(ctx)
			}
		})
	}()
	if deadlocked {
		current.setDetail(verdict.Timeout, strings.Join(stuck, "\n"))
		ginkgo.Fail(deadlockMessage(stuck))
	}
	if current.hasRaced() {
		ginkgo.Fail(raceMessage)
	}
	if exited {
		// A panic is already recorded, and this changes nothing. Otherwise
		// runtime.Goexit ended the body: testing does so when a test fails
		// in a way it cannot report otherwise.
		ginkgo.Fail(goexitMessage)
	}
}

const raceMessage = "DATA RACE: two goroutines touched the same memory at the same time, and at least one of them wrote it. " +
	"Guard the shared data with a mutex, a channel or an atomic. The race report names both accesses and where each goroutine started."

// spanSubtest opens a subtest of the suite named after the spec and keeps it
// open until end is called. clean reports, once the subtest has ended, whether
// it passed: the only thing that fails it is a data race.
func spanSubtest(name string) (t *testing.T, end func(), clean func() bool) {
	opened := make(chan *testing.T)
	finish := make(chan struct{})
	result := make(chan bool, 1)
	go func() {
		result <- suiteT.Run(name, func(t *testing.T) {
			opened <- t
			<-finish
		})
	}()
	var once sync.Once
	end = func() { once.Do(func() { close(finish) }) }
	var ok bool
	var waited sync.Once
	clean = func() bool {
		waited.Do(func() { ok = <-result })
		return ok
	}
	return <-opened, end, clean
}

// watchCancel ends the subtest when Ginkgo cancels the node's context, which
// it does at a timeout before it abandons the node. It returns as soon as the
// node ends on its own.
func watchCancel(ctx context.Context, end func()) {
	<-ctx.Done()
	end()
}

// runInBubble runs body in a testing/synctest bubble. A failed expectation or
// a panic on the bubble's goroutine is handed to Ginkgo as usual; a bubble
// that deadlocks, or that ends with goroutines still blocked, fails the spec
// with a verdict of its own.
func runInBubble(ctx context.Context, t *testing.T, body func(context.Context)) {
	// failed records that the body did not return normally: a failed
	// expectation or a panic, already handed to Ginkgo. Goroutines it leaves
	// blocked are then a consequence, not the problem to report.
	var failed bool
	before := goroutineIDs()
	defer func() {
		e := recover()
		if e == nil {
			return
		}
		msg := fmt.Sprint(e)
		switch {
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			stuck := learnerGoroutines(before)
			current.setDetail(verdict.Timeout, strings.Join(stuck, "\n"))
			ginkgo.Fail(deadlockMessage(stuck))
		case strings.Contains(msg, "blocked goroutines remain"):
			if failed {
				return
			}
			stuck := learnerGoroutines(before)
			current.setDetail(verdict.Leak, strings.Join(stuck, "\n"))
			ginkgo.Fail("LEAK: the spec's work returned while goroutines it started were still blocked. Every goroutine you start must be able to finish.\n" + strings.Join(stuck, "\n"))
		default:
			panic(e)
		}
	}()
	synctest.Test(t, func(*testing.T) {
		defer ginkgo.GinkgoRecover()
		returned := false
		defer func() { failed = !returned }()
		body(ctx)
		returned = true
	})
}
