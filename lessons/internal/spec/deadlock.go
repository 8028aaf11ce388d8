package spec

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega/gleak"
)

// How the helpers tell a deadlock from a spec that is merely waiting. While a
// node runs, its goroutines are looked at every deadlockPoll; when every one
// of them is parked (on a channel, a select, a mutex, a WaitGroup, a
// condition variable) and stays parked, exactly as it was, for deadlockQuiet,
// the node is stuck: only another goroutine can wake a parked one, and none
// is left running. A goroutine that sleeps, waits for I/O or a child process,
// or runs, may still wake the others, so it rules a deadlock out. Specs wait
// on the real clock for a few milliseconds at most (time is fake in a
// bubble), so a quarter of a second of perfect stillness is not a spec that
// waits on purpose. The stillness must also be seen deadlockLooks times in a
// row: a process that the machine did not run for a while (its timers late,
// and the goroutines they would wake still parked) is seen once, not still.
const (
	deadlockPoll  = 20 * time.Millisecond
	deadlockQuiet = 250 * time.Millisecond
	deadlockLooks = 5
)

// runWatched runs body on a goroutine of its own and waits until it returns,
// or until the spec is deadlocked: then it returns at once, leaving body's
// goroutine where it is stuck, with where the spec's goroutines wait in the
// learner's code (see stillness). A panic or a failed expectation in body is
// handed to Ginkgo as it would be on the node's own goroutine, with body's
// stack. exited reports that body did not return: it panicked (and Ginkgo
// knows) or its goroutine was ended by runtime.Goexit.
func runWatched(ctx context.Context, body func()) (stuck []string, deadlocked, exited bool) {
	done := make(chan struct{})
	var returned bool // written before done is closed
	go func() {
		defer close(done)
		defer func() { exited = !returned }()
		defer ginkgo.GinkgoRecover()
		body()
		returned = true
	}()
	self := GoroutineID()
	before := current.goroutinesBefore()
	tick := time.NewTicker(deadlockPoll)
	defer tick.Stop()
	var last string
	var since time.Time
	looks := 0
	for {
		select {
		case <-done:
			return nil, false, exited
		case <-ctx.Done():
			// Ginkgo's timeout: it abandons body, and the verdict looks
			// once more at what is stuck (see stuckAfterTimeout).
			return nil, false, false
		case <-tick.C:
		}
		start := time.Now()
		still, lines, ok := stillness(gleak.Goroutines(), before, self)
		// Looking stops the world and reads every stack: with thousands of
		// goroutines, look less often, so that the spec keeps most of the
		// machine.
		tick.Reset(max(deadlockPoll, 2*time.Since(start)))
		if ok && still == last {
			looks++
		}
		switch {
		case !ok:
			last = ""
		case still != last:
			last, since, looks = still, time.Now(), 1
		case looks >= deadlockLooks && time.Since(since) >= deadlockQuiet:
			select {
			case <-done: // it finished just as we looked
				continue
			default:
				return lines, true, false
			}
		}
	}
}

// stuckAfterTimeout looks at the goroutines of a spec that ran out of time:
// if every one of them is parked, at least one in the learner's code, and
// nothing moves between two looks a moment apart, the spec was deadlocked
// and the watch did not see it in time (a busy machine runs it slowly). The
// goroutines that end the timed-out nodes may still be on their way out,
// so it looks a few times. It returns where they wait, or nil.
func stuckAfterTimeout() []string {
	before, self := current.goroutinesBefore(), GoroutineID()
	last := ""
	for range 10 {
		still, lines, ok := stillness(gleak.Goroutines(), before, self)
		if ok && still == last {
			return lines
		}
		if ok {
			last = still
		} else {
			last = ""
		}
		time.Sleep(2 * deadlockPoll)
	}
	return nil
}

const goexitMessage = "PANIC: runtime.Goexit ended the spec's goroutine before the spec had finished."

// stillness looks at the goroutines of the running spec: those started since
// it began (not in before) and any other that runs the lesson's code, except
// the helpers' own goroutine self. ok reports whether every one of them is
// parked and at least one is parked in the learner's code; still then
// describes them all exactly, so that two looks can be compared, and lines
// says where each waits in the learner's code (see deadlockLine).
func stillness(gs []gleak.Goroutine, before map[uint64]bool, self uint64) (still string, lines []string, ok bool) {
	var b strings.Builder
	inLearner := false
	var t tally
	for _, g := range gs {
		if g.ID == self || helper(g.Backtrace) || before[g.ID] && !touchesLesson(g.Backtrace) {
			continue
		}
		if !parkedState(stateOf(g)) {
			return "", nil, false
		}
		fmt.Fprintf(&b, "%d %s\n%s\n", g.ID, g.State, g.Backtrace)
		if before[g.ID] {
			continue // stuck before this spec: not its fault
		}
		if line := deadlockLine(g); line != "" {
			inLearner = true
			t.add(line)
		}
	}
	lines = t.lines()
	return b.String(), lines, inLearner
}

// helper reports whether a goroutine is one of the helpers' or Ginkgo's own
// for running a node: the node's goroutine, which watches its body, and the
// subtest around it. None of them runs the spec's code, and each comes and
// goes as a node starts and ends.
func helper(backtrace string) bool {
	const pkg = "github.com/threadlings/threadlings/lessons/internal/spec."
	stack, creator, _ := strings.Cut(backtrace, "\ncreated by ")
	return strings.HasPrefix(creator, "github.com/onsi/ginkgo/v2/internal.(*Suite).runNode") ||
		strings.Contains(stack, pkg+"spanSubtest") || strings.Contains(stack, pkg+"watchCancel")
}

// parkedState reports whether a goroutine in state waits for another
// goroutine: parked (see parked), in a bubble or not, or waiting for a bubble
// to finish or to settle.
func parkedState(state string) bool {
	state = strings.TrimSuffix(state, " (durable)")
	return parked[state] || state == "synctest.Run" || state == "synctest.Wait"
}

// touchesLesson reports whether a backtrace, its creator included, has a
// frame in the lesson's directory or in a Call: such a goroutine belongs to
// the lesson even if it is older than the spec.
func touchesLesson(backtrace string) bool {
	_, _, ok := innermostFrame(backtrace, inLessonDir)
	return ok || startedByGo(backtrace)
}

// deadlockLine describes where a goroutine waits in the learner's code, and
// the learner's calls that led there, as
// "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:27, called from
// 04-lock.(*Account).Update at account.go:42";
// "" for a goroutine not in the learner's code.
func deadlockLine(g gleak.Goroutine) string {
	calls := learnerCalls(withoutCreator(g.Backtrace))
	if len(calls) == 0 {
		return ""
	}
	line := fmt.Sprintf("[%s] %s", strings.TrimSuffix(stateOf(g), " (durable)"), calls[0])
	for _, c := range calls[1:] {
		line += ", called from " + c
	}
	return line
}

// learnerCalls lists, innermost first, the frames of a backtrace in the
// learner's code, as "04-lock.(*Account).Balance at account.go:27".
func learnerCalls(backtrace string) []string {
	var calls []string
	rows := strings.Split(backtrace, "\n")
	for i := 0; i+1 < len(rows); i++ {
		m := frameLine.FindStringSubmatch(rows[i+1])
		if m == nil || !isLearnerFile(m[1]) {
			continue
		}
		fn := strings.TrimSpace(rows[i])
		if strings.HasPrefix(fn, "created by ") {
			continue
		}
		calls = append(calls, fmt.Sprintf("%s at %s:%s", shortFunc(fn), filepath.Base(m[1]), m[2]))
	}
	return calls
}

// deadlockMessage is the failure of a spec whose goroutines are all stuck,
// followed by where they wait.
func deadlockMessage(lines []string) string {
	head := deadlockChannels
	for _, l := range lines {
		if strings.HasPrefix(l, "[sync.Mutex.Lock]") || strings.HasPrefix(l, "[sync.RWMutex.") {
			head = deadlockMutex
			break
		}
	}
	return head + "\n" + strings.Join(lines, "\n")
}

const (
	deadlockMutex    = "DEADLOCK: every goroutine this spec started is blocked, and none of them can ever wake another: at least one waits for a mutex that nobody will unlock. The blocked goroutines of your code:"
	deadlockChannels = "DEADLOCK: every goroutine of this spec is blocked, waiting on each other (a channel nobody sends on, a WaitGroup that never reaches zero, a lock nobody releases). The blocked goroutines of your code:"
)
