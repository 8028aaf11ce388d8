package process_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/10-process"
)

// The tasks below are the small programs the specs run as children. Each one
// is the main of its program: it reads os.Stdin, writes os.Stdout and
// os.Stderr, and returns its exit code. The ones that wait, wait for a line
// on standard input (or its end), never for time to pass, so the spec
// decides when they end.
func init() {
	process.Register("exit", exitWith)
	process.Register("whoami", whoami)
	process.Register("getenv", getenv)
	process.Register("wait", waitForOrders)
	process.Register("graceful", graceful)
	process.Register("crash", func([]string) int { panic("this tab crashed") })
	process.Register("crash-in-goroutine", crashInGoroutine)
}

// exitWith exits with the code given as its argument.
func exitWith(args []string) int {
	code, err := strconv.Atoi(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, "exit: not a number:", args[0])
		return 100
	}
	return code
}

// whoami prints what process.Current says about it: "<pid> <task>".
func whoami([]string) int {
	me := process.Current()
	fmt.Println(me.Pid, me.Task)
	return 0
}

// getenv prints the value of the environment variable named by its
// argument.
func getenv(args []string) int {
	fmt.Println(os.Getenv(args[0]))
	return 0
}

// waitForOrders says "ready", then reads orders from standard input:
// "exit N" ends it with code N, the end of its input with code 0.
func waitForOrders([]string) int {
	fmt.Println("ready")
	orders := bufio.NewScanner(os.Stdin)
	for orders.Scan() {
		if n, ok := strings.CutPrefix(orders.Text(), "exit "); ok {
			return exitWith([]string{n})
		}
	}
	return 0
}

// graceful catches SIGTERM: it says "ready" once it does, and "cleaning up"
// when SIGTERM comes, then exits with 0. It also ends at the end of its
// input.
func graceful([]string) int {
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	eof := make(chan struct{})
	go func() {
		io.Copy(io.Discard, os.Stdin)
		close(eof)
	}()
	fmt.Println("ready")
	select {
	case <-term:
		fmt.Println("cleaning up")
	case <-eof:
	}
	return 0
}

// crashInGoroutine recovers panics, but only its own: the panic of the
// goroutine it starts is out of its reach and ends the whole program.
func crashInGoroutine([]string) int {
	defer func() {
		if v := recover(); v != nil {
			fmt.Println("recovered:", v)
		}
	}()
	never := make(chan struct{})
	go func() { panic("a goroutine of this tab crashed") }()
	<-never
	return 0
}

// waitLimit bounds every wait for a child. A correct child answers in
// milliseconds; the bound turns a hung one into a clear failure well before
// the spec's own timeout.
const waitLimit = 10 * time.Second

// processTimeout is the timeout of every spec that starts a child: real
// processes take real time to start, a lot of it on a busy machine.
var processTimeout = SpecTimeout(40 * time.Second)

// errStuck is what joinWithin reports when Join did not return in time.
var errStuck = errors.New("Join did not return")

// child is a Process whose standard input and output are pipes the spec
// holds: it writes orders to the child and reads the lines the child
// prints. Its standard error is kept in a buffer, to be read after Join.
type child struct {
	*process.Process
	task   string
	orders *os.File      // our end of the child's standard input
	outEnd *os.File      // our end of the child's standard output
	output *bufio.Reader // reads outEnd
	stderr bytes.Buffer
}

// newChild makes a Process for task with pipes for its standard input and
// output; the pipes are closed when the spec ends.
func newChild(task string, args ...string) *child {
	c := &child{Process: process.New(task, args...), task: task}
	inR, inW, err := os.Pipe()
	Expect(err).NotTo(HaveOccurred())
	outR, outW, err := os.Pipe()
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(func() {
		for _, f := range []*os.File{inR, inW, outR, outW} {
			f.Close()
		}
	})
	c.orders, c.outEnd, c.output = inW, outR, bufio.NewReader(outR)
	c.Stdin, c.Stdout, c.Stderr = inR, outW, &c.stderr
	return c
}

// start starts the child and makes sure that it has ended and been reaped
// by the time the spec ends, whatever happens in the spec. Once the child
// has its own copies of the pipe ends it was given, the parent's copies are
// closed, so that the output ends when the child does.
func (c *child) start() {
	Expect(c.Start()).To(Succeed(), "Start of a new process should succeed")
	c.started()
}

// started does what start does once Start has succeeded.
func (c *child) started() {
	DeferCleanup(c.stop)
	c.Stdin.(*os.File).Close()
	c.Stdout.(*os.File).Close()
}

// stop ends the input of the child (every task that waits here waits for
// input), kills it in case that was not enough, and joins it.
func (c *child) stop() {
	c.orders.Close()
	func() {
		defer func() { recover() }()
		c.Kill()
	}()
	if err := joinWithin(c.Process, waitLimit); err != nil {
		Fail(fmt.Sprintf("the child was killed at the end of the spec, but Join failed: %v", err))
	}
}

// expectReady reads the child's first line, "ready": the child is up and
// running its task.
func (c *child) expectReady() {
	line, err := c.readLine()
	Expect(err).NotTo(HaveOccurred(), "the %s task says \"ready\" first, but it said nothing within %v: did you hand Stdout to the child and tell it which task to run?", c.task, waitLimit)
	Expect(line).To(Equal("ready"), "the first line of the %s task", c.task)
}

// tell sends the child one line of orders.
func (c *child) tell(order string) {
	_, err := io.WriteString(c.orders, order+"\n")
	Expect(err).NotTo(HaveOccurred(), "the child ended before it could be told %q", order)
}

// readLine returns the next line the child prints, and an error if it prints
// none within waitLimit.
func (c *child) readLine() (string, error) {
	c.outEnd.SetReadDeadline(time.Now().Add(waitLimit))
	line, err := c.output.ReadString('\n')
	return strings.TrimSuffix(line, "\n"), err
}

// rest returns everything the child prints from now until its output ends.
func (c *child) rest() (string, error) {
	c.outEnd.SetReadDeadline(time.Now().Add(waitLimit))
	out, err := io.ReadAll(c.output)
	return string(out), err
}

// joinWithin calls p.Join on a new goroutine and returns what it returned,
// or errStuck if it did not return within d. A panic in Join is returned as
// an error instead of crashing the suite.
func joinWithin(p *process.Process, d time.Duration) error {
	joined := joinAsync(p)
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case err := <-joined:
		return err
	case <-timer.C:
		return errStuck
	}
}

// joinAsync calls p.Join on a new goroutine and delivers what it returned.
func joinAsync(p *process.Process) <-chan error {
	joined := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				joined <- fmt.Errorf("Join panicked: %v", v)
			}
		}()
		joined <- p.Join()
	}()
	return joined
}

// expectJoined joins p, failing the spec with why if Join does not return
// nil within waitLimit.
func expectJoined(p *process.Process, why string) {
	err := joinWithin(p, waitLimit)
	if errors.Is(err, errStuck) {
		Fail(fmt.Sprintf("Join was still waiting after %v: %s", waitLimit, why))
	}
	Expect(err).NotTo(HaveOccurred(), "Join of a started process should return nil")
}

// waitAll waits for wg, and reports whether it was done within d.
func waitAll(wg *sync.WaitGroup, d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
		return true
	case <-timer.C:
		return false
	}
}

// expectReaped checks that the child with this pid is gone from the
// operating system's process table once the Process has said that it ended
// (after says how: "Join returned", ...). A child that has ended stays
// there, a zombie, until its parent waits for it; only the wait (cmd.Wait,
// or os.Process.Wait) removes it and collects its exit status.
func expectReaped(pid int, after string) {
	Expect(pid).To(BeNumerically(">", 0), "the process has no pid")
	Expect(pid).NotTo(Equal(os.Getpid()), "the pid is this program's own: the task did not run in a child process")
	var status syscall.WaitStatus
	got, err := syscall.Wait4(pid, &status, syscall.WNOHANG, nil)
	switch {
	case errors.Is(err, syscall.ECHILD):
		// Reaped: it is no longer a child of this program.
	case err != nil:
		Fail(fmt.Sprintf("could not look at the child %d: %v", pid, err))
	case got == 0:
		Fail(fmt.Sprintf("%s, but the child %d was still running", after, pid))
	default:
		Fail(fmt.Sprintf("the child %d had ended, but nobody waited for it: %s, and it was still a zombie in the process table. "+
			"The goroutine that Start starts must reap the child with cmd.Wait before it lets Join return or IsAlive turn false", pid, after))
	}
}
