package daemon_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/03-daemon"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// The children below are small programs: each one's body is its main, and
// the process exits when the body returns, as a Go program does when main
// returns. Their workers wait for a line on standard input, like the
// notes' input() demo, so the parent decides when (and whether) the work
// can finish.

func say(line string) { fmt.Println(line) }

// search is the worker of every child: it asks for a keyword and searches.
func search() {
	say("[sub] start")
	keyword, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	say("[sub] searching for " + strings.TrimSpace(keyword))
	say("[sub] end")
}

// A plain goroutine, and main returns.
var _ = spec.Child("plain", func() {
	say("[main] start")
	go search()
	say("[main] end")
})

// Work started with Go, and main returns without calling Shutdown.
var _ = spec.Child("forgotten", func() {
	say("[main] start")
	s := daemon.New(context.Background())
	s.Go(func(context.Context) { search() })
	say("[main] end")
})

// Work started with Go, a monitor started with Daemon, and main ends with
// Shutdown, the wait that Python does for you at exit.
var _ = spec.Child("supervised", func() {
	say("[main] start")
	s := daemon.New(context.Background())
	s.Daemon(func(ctx context.Context) {
		daemon.Monitor(ctx, time.Millisecond, func(time.Time) { say("[daemon] tick") })
		say("[daemon] stopped")
	})
	s.Go(func(context.Context) { search() })
	say("[main] end")
	s.Shutdown()
	say("[main] all work done")
})

// child is a running child process whose output the spec reads line by
// line and whose standard input it holds open.
type child struct {
	name   string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Scanner
	stderr strings.Builder
	lines  []string
}

func startChild(ctx context.Context, name string) *child {
	c := &child{name: name, cmd: spec.Command(ctx, name)}
	c.cmd.Stderr = &c.stderr
	var err error
	c.stdin, err = c.cmd.StdinPipe()
	Expect(err).NotTo(HaveOccurred())
	stdout, err := c.cmd.StdoutPipe()
	Expect(err).NotTo(HaveOccurred())
	c.stdout = bufio.NewScanner(stdout)
	Expect(c.cmd.Start()).To(Succeed())
	return c
}

// waitFor reads output until seen says it has seen enough of it, and
// reports whether it did before the output ended.
func (c *child) waitFor(seen func(lines []string) bool) bool {
	for {
		if seen(c.lines) {
			return true
		}
		if !c.stdout.Scan() {
			return false
		}
		c.lines = append(c.lines, c.stdout.Text())
	}
}

// exitWithin is how long a child may take to exit once it has all it needs.
// A correct one takes milliseconds on a quiet machine and seconds on a busy
// one; the bound only turns a hung child into a clear failure before the
// spec's own timeout.
const exitWithin = 10 * time.Second

// finish reads the rest of the output and waits for the child to exit,
// with standard input still open, then checks that it exited cleanly. A
// child still running after exitWithin is killed, and the spec fails with
// why, which says what may be keeping it alive.
func (c *child) finish(why string) []string {
	var hung atomic.Bool
	timer := time.AfterFunc(exitWithin, func() {
		hung.Store(true)
		c.cmd.Process.Kill()
	})
	for c.stdout.Scan() {
		c.lines = append(c.lines, c.stdout.Text())
	}
	err := c.cmd.Wait()
	timer.Stop()
	c.stdin.Close()
	output := strings.Join(c.lines, "\n")
	if hung.Load() {
		Fail(fmt.Sprintf("the %s program was still running after %v and was killed: %s; its output was:\n%s",
			c.name, exitWithin, why, output))
	}
	Expect(err).NotTo(HaveOccurred(), "the %s program failed; its output was:\n%s\n%s",
		c.name, output, c.stderr.String())
	return c.lines
}

var _ = Describe("main's return", func() {
	It("kills every goroutine, even one started with Go", func(ctx SpecContext) {
		for _, name := range []string{"plain", "forgotten"} {
			lines := startChild(ctx, name).finish("main returned, so it should have ended at once; does Go wait for its task?")
			Expect(lines).To(ContainElement("[main] end"), "the %q program did not get to the end of main", name)
			Expect(lines).NotTo(ContainElement("[sub] end"),
				"the worker of the %q program finished although its input never came", name)
		}
	}, SpecTimeout(25*time.Second))

	It("waits for non-daemon work when main calls Shutdown", func(ctx SpecContext) {
		c := startChild(ctx, "supervised")
		// Wait for main to reach Shutdown and for the daemon to tick (or to
		// stop, which would be too early).
		inShutdown := func(lines []string) bool {
			return slices.Contains(lines, "[main] end") &&
				(slices.Contains(lines, "[daemon] tick") || slices.Contains(lines, "[daemon] stopped"))
		}
		if !c.waitFor(inShutdown) {
			lines := c.finish("it never printed \"[main] end\" and a tick of its monitor")
			Fail("the program should reach the end of main with its monitor daemon ticking; its output was:\n" + strings.Join(lines, "\n"))
		}
		// The keyword arrives, as if typed at input().
		_, err := io.WriteString(c.stdin, "gophers\n")
		Expect(err).NotTo(HaveOccurred(), "the program exited before its worker had read its input")
		lines := c.finish("its worker had its input, so Shutdown should have returned; does every daemon return when its context is cancelled?")

		Expect(lines).To(ContainElements("[sub] searching for gophers", "[sub] end"),
			"the worker started with Go did not finish: Shutdown must keep main waiting for it")
		output := strings.Join(lines, "\n")
		Expect(lines).To(ContainElement("[daemon] stopped"),
			"the monitor daemon never got to print \"[daemon] stopped\": Shutdown returned before the daemon did, and main's return cut it off; the output was:\n%s", output)
		end, stopped := slices.Index(lines, "[sub] end"), slices.Index(lines, "[daemon] stopped")
		Expect(stopped).To(BeNumerically(">", end),
			"the daemon must stop after the non-daemon work has ended, not before; the output was:\n%s", output)
		Expect(lines[len(lines)-1]).To(Equal("[main] all work done"),
			"Shutdown returned before every task had returned; the output was:\n%s", output)
	}, SpecTimeout(25*time.Second))
})
