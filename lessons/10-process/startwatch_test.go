package process_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadlings/threadlings/lessons/10-process"
)

// startWatched calls p.Start and returns what it returns. A Start that
// waits for its child to end would never return while the child waits for
// orders, and the spec would wait for its whole timeout: so while Start
// runs, the stacks are looked at, and a Start seen inside a Wait for a child
// fails the spec at once. The test's children are killed first, which lets
// that Wait, and Start, return.
func startWatched(p *process.Process) error {
	done := make(chan error, 1)
	go func() {
		defer GinkgoRecover()
		done <- p.Start()
	}()
	tick := time.NewTicker(startWatchPoll)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-tick.C:
		}
		if at, ok := startWaiting(allStacks()); ok {
			killChildren()
			timer := time.NewTimer(waitLimit)
			defer timer.Stop()
			select {
			case <-done:
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

// allStacks returns the stacks of every goroutine.
func allStacks() string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// lessonPkg prefixes the functions of the learner's package in a stack.
const lessonPkg = "github.com/threadlings/threadlings/lessons/10-process."

// startWaiting reports whether a goroutine in stacks is inside
// (*Process).Start and, below it, inside a Wait for a child process; at is
// the innermost line of the learner's code on that goroutine, as file:line.
// Only the goroutine's own frames count: a reaper that Start started names
// Start as its creator, not as a caller.
func startWaiting(stacks string) (at string, ok bool) {
	for _, g := range strings.Split(stacks, "\n\n") {
		frames, _, _ := strings.Cut(g, "\ncreated by ")
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
