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
// runs, the stacks are looked at, and a Start seen inside a Wait for a child
// fails the spec at once. The test's children are killed first, which lets
// that Wait, and Start, return.
func startWatched(p *process.Process) error {
	var err error
	c := spec.Go(func() { err = p.Start() })
	tick := time.NewTicker(startWatchPoll)
	defer tick.Stop()
	for {
		select {
		case <-c.Done():
			c.Check() // a panic in Start, raised here
			return err
		case <-tick.C:
		}
		if at, ok := startWaiting(gleak.Goroutines()); ok {
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
		if !strings.Contains(frames, lessonPkg+"(*Process).Start(") ||
			!strings.Contains(frames, "os/exec.(*Cmd).Wait(") && !strings.Contains(frames, "os.(*Process).Wait(") {
			continue
		}
		lines := strings.Split(frames, "\n")
		for i, line := range lines {
			if strings.HasPrefix(line, lessonPkg) && i+1 < len(lines) {
				file, _, _ := strings.Cut(strings.TrimSpace(lines[i+1]), " ")
				return filepath.Base(file), true
			}
		}
		return "process.go", true
	}
	return "", false
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
