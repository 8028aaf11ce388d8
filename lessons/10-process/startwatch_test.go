package process_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega/gleak"

	"github.com/threadlings/threadlings/lessons/10-process"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// startWatched calls p.Start and returns what it returns. A Start that
// waits for its child to end would never return while the child waits for
// orders, and the spec would wait for its whole timeout: so while Start
// runs, the stacks are looked at, and the spec fails at once if Start is
// seen inside a Wait for a child, or seen parked, stuckLooks times in a row,
// while nothing else in the program can run but Waits for children (then
// only a child's end can wake it: Start waits for it through a channel or a
// WaitGroup). The test's children are killed first, which lets that Wait,
// and Start, return.
func startWatched(p *process.Process) error {
	var err error
	self := spec.GoroutineID()
	c := spec.Go(func() { err = p.Start() })
	tick := time.NewTicker(startWatchPoll)
	defer tick.Stop()
	var last string // the picture of the last look that found Start parked
	same := 0
	for {
		select {
		case <-c.Done():
			c.Check() // a panic in Start, raised here
			return err
		case <-tick.C:
		}
		goroutines := gleak.Goroutines()
		at, ok := startWaiting(goroutines)
		if !ok {
			var picture string
			at, picture, ok = startParked(goroutines, self)
			switch {
			case !ok:
				last, same = "", 0
			case picture == last:
				same++
			default:
				last, same = picture, 1
			}
			ok = ok && same >= stuckLooks
		}
		if ok {
			killChildren()
			timer := time.NewTimer(waitLimit)
			defer timer.Stop()
			select {
			case <-c.Done():
			case <-timer.C:
			}
			Fail(fmt.Sprintf("Start waited for the child to end (at %s): Start must start the child and return at once, while the child runs. "+
				"Wait for the child on a goroutine of its own, which Join can wait for", at))
		}
	}
}

// Start starts the child, as Process.Start does, and fails the spec at once
// if Start waits for the child to end (see startWatched).
func (c *child) Start() error { return startWatched(c.Process) }

// startWatchPoll is how often startWatched looks. A correct Start is never
// inside a Wait, however often it is looked at.
const startWatchPoll = 5 * time.Millisecond

// stuckLooks is how many looks in a row must find Start parked, with the
// same goroutines in the same states, before startWatched believes it.
const stuckLooks = 3

// lessonPkg prefixes the functions of the learner's package in a stack.
const lessonPkg = "github.com/threadlings/threadlings/lessons/10-process."

// startWaiting reports whether one of goroutines is inside
// (*Process).Start and, below it, inside a Wait for a child process; at is
// the innermost line of the learner's code on that goroutine, as file:line.
// Only the goroutine's own frames count: a reaper that Start started names
// Start as its creator, not as a caller.
func startWaiting(goroutines []gleak.Goroutine) (at string, ok bool) {
	for _, g := range goroutines {
		frames, _, _ := strings.Cut(g.Backtrace, "\ncreated by ")
		if strings.Contains(frames, lessonPkg+"(*Process).Start(") && waitsForChild(frames) {
			return learnerLine(frames), true
		}
	}
	return "", false
}

// startParked reports whether one of goroutines is inside
// (*Process).Start and parked while every other goroutine, but self (the
// one looking), is parked too or inside a Wait for a child process, and at
// least one is: then nothing but a child's end can wake Start. A goroutine
// waiting for input from a pipe (IO wait), or for a signal (os/signal's
// own, which the runtime shows in a system call), counts as parked. at is the
// innermost line of the learner's code in Start's goroutine; picture lists
// every goroutine and its state, to compare one look with the next.
func startParked(goroutines []gleak.Goroutine, self uint64) (at, picture string, ok bool) {
	var b strings.Builder
	waits := false
	for _, g := range goroutines {
		if g.ID == self {
			continue
		}
		frames, _, _ := strings.Cut(g.Backtrace, "\ncreated by ")
		fmt.Fprintf(&b, "%d %s\n", g.ID, g.State)
		switch {
		case waitsForChild(frames):
			waits = true
		case !spec.Parked(g) && !strings.HasPrefix(g.State, "IO wait") && !strings.Contains(frames, "os/signal.signal_recv("):
			return "", "", false
		case at == "" && strings.Contains(frames, lessonPkg+"(*Process).Start("):
			at = learnerLine(frames)
		}
	}
	return at, b.String(), waits && at != ""
}

// waitsForChild reports whether frames, a goroutine's own calls, are inside
// a Wait for a child process.
func waitsForChild(frames string) bool {
	return strings.Contains(frames, "os/exec.(*Cmd).Wait(") || strings.Contains(frames, "os.(*Process).Wait(")
}

// learnerLine returns the innermost line of the learner's package in
// frames, as file:line, or the file's name alone if none is found.
func learnerLine(frames string) string {
	lines := strings.Split(frames, "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, lessonPkg) && i+1 < len(lines) {
			file, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), " ")
			return filepath.Base(file)
		}
	}
	return "process.go"
}

// killChildren kills every child process of the test, as the kernel lists
// them for each of its threads.
func killChildren() {
	tasks, _ := filepath.Glob("/proc/self/task/*/children")
	for _, path := range tasks {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for _, field := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(field); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	}
}
