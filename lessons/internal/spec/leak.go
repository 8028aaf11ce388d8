package spec

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega/gleak"
	"github.com/onsi/gomega/types"
	"github.com/threadlings/threadlings/internal/verdict"
)

// How long a spec's goroutines get to finish after the spec returns before
// they count as leaked. A goroutine that was told to stop may need a moment
// to get there: leakWait is enough on a quiet machine. On a machine much
// busier than its cores that moment can be longer, so while a goroutine left
// over is runnable or running (waiting for nothing but a core), the check
// goes on looking, up to leakWaitMax, but no longer than leakMargin before
// the spec's own deadline, so that a leak is not called a timeout. A
// goroutine blocked for good is reported after leakWait.
const (
	leakWait    = 500 * time.Millisecond
	leakWaitMax = 5 * time.Second
	leakMargin  = 400 * time.Millisecond
)

// helperGoroutines are the helpers' own goroutines, which may be running
// while the check runs. They are known by where they were started as well
// as by what they are doing: on a busy machine one may not have run yet,
// or may be in the runtime, when the check looks.
var helperGoroutines = []any{
	gleak.IgnoringTopFunction("github.com/threadlings/threadlings/lessons/internal/spec.spanSubtest..."),
	gleak.IgnoringTopFunction("github.com/threadlings/threadlings/lessons/internal/spec.watchCancel"),
	gleak.IgnoringTopFunction("testing.(*T).Run"),
	gleak.IgnoringTopFunction("testing.tRunner"),
	gleak.IgnoringCreator("github.com/threadlings/threadlings/lessons/internal/spec.around"),
	gleak.IgnoringCreator("github.com/threadlings/threadlings/lessons/internal/spec.spanSubtest"),
	gleak.IgnoringInBacktrace("github.com/threadlings/threadlings/lessons/internal/spec.spanSubtest"),
	// A node's goroutine, which watches the node's body, and the body's own
	// goroutine: for the check itself, both are alive.
	gleak.IgnoringInBacktrace("github.com/threadlings/threadlings/lessons/internal/spec.runWatched"),
	gleak.IgnoringCreator("github.com/threadlings/threadlings/lessons/internal/spec.runWatched"),
}

// Every spec outside a bubble is checked for leaked goroutines; a bubble
// checks its own. The baseline is taken when the spec starts, so goroutines
// left by an earlier spec are not this spec's fault. The same node skips the
// specs the checker asked not to run.
var _ = ginkgo.BeforeEach(func() {
	report := ginkgo.CurrentSpecReport()
	if skipped[report.FullText()] {
		ginkgo.Skip("not run: the checker asked to skip it")
	}
	if inBubble(report) {
		return
	}
	baseline := gleak.Goroutines()
	ginkgo.DeferCleanup(func() { checkLeaks(baseline) })
})

func checkLeaks(baseline []gleak.Goroutine) {
	report := ginkgo.CurrentSpecReport()
	if report.Failed() {
		return // the first problem is the one to report
	}
	// Ginkgo starts the spec's clock a moment after StartTime, so this
	// deadline is at most that moment early.
	deadline := report.StartTime.Add(current.specTimeout()).Add(-leakMargin)
	matcher := gleak.HaveLeaked(append([]any{gleak.IgnoringGoroutines(baseline)}, helperGoroutines...)...)
	start := time.Now()
	for {
		now := gleak.Goroutines()
		leaked, err := matcher.Match(now)
		if err != nil {
			ginkgo.Fail("leak check: " + err.Error())
		}
		if !leaked {
			return
		}
		if leakStays(time.Since(start), time.Until(deadline), anyRunnable(matcher, now)) {
			detail := describeLeaks(matcher, now)
			current.setDetail(verdict.Leak, detail)
			ginkgo.Fail("LEAK: a goroutine this spec started was still running after the spec ended. " +
				"Make sure every goroutine you start can finish: close the channel it ranges over, cancel its context, or wait for it.\n" + detail)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// leakStays reports whether goroutines still left over, waited after the
// spec ended and with left before the check must report, count as leaked;
// runnable says whether one of them is runnable or running. Every spec gets
// leakWait, however near its deadline: only the longer wait for runnable
// ones is cut short by it.
func leakStays(waited, left time.Duration, runnable bool) bool {
	if waited <= leakWait {
		return false
	}
	return !runnable || left <= 0 || waited > leakWaitMax
}

// anyRunnable reports whether a goroutine the matcher counts as leaked is
// runnable or running: on its way, not waiting for anything but a core.
func anyRunnable(matcher types.GomegaMatcher, now []gleak.Goroutine) bool {
	for _, g := range leakedOf(matcher, now) {
		if strings.HasPrefix(g.State, "runnable") || strings.HasPrefix(g.State, "running") {
			return true
		}
	}
	return false
}

// leakedOf returns the goroutines of now that the matcher counts as leaked.
func leakedOf(matcher types.GomegaMatcher, now []gleak.Goroutine) []gleak.Goroutine {
	var leaked []gleak.Goroutine
	for _, g := range now {
		if l, _ := matcher.Match([]gleak.Goroutine{g}); l {
			leaked = append(leaked, g)
		}
	}
	return leaked
}

// describeLeaks names each leaked goroutine by what it is doing and where it
// was started.
func describeLeaks(matcher types.GomegaMatcher, now []gleak.Goroutine) string {
	var lines []string
	for _, g := range leakedOf(matcher, now) {
		line := fmt.Sprintf("[%s] %s", g.State, shortFunc(g.TopFunction))
		if g.BornAt != "" {
			line += " started at " + filepath.Base(g.BornAt)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
