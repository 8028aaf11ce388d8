package process_test

import (
	"fmt"
	"io"
	"os"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/10-process"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Register", func() {
	It("refuses a name twice, and a nil task", func() {
		process.Register("registered twice", func([]string) int { return 0 })
		Expect(func() { process.Register("registered twice", func([]string) int { return 1 }) }).To(Panic(),
			"a second Register of the same name should panic: which of the two tasks would a child run?")
		Expect(func() { process.Register("nil task", nil) }).To(Panic(),
			"Register of a nil task should panic at once, not later in a child")
	})
})

var _ = Describe("Current", func() {
	It("describes the main program", func() {
		Expect(process.Current()).To(Equal(process.Info{Pid: os.Getpid(), Task: ""}),
			"in the main program, Current should give this program's pid (os.Getpid) and an empty task")
	})
})

var _ = Describe("Start", func() {
	It("runs the task in a child process with a pid of its own", processTimeout, spec.Points(2), func() {
		c := newChild("whoami")
		Expect(c.Pid()).To(BeZero(), "Pid should be zero before Start: there is no child yet")
		c.start()
		pid := c.Pid()
		Expect(pid).NotTo(BeZero(), "Start should give the Process the pid of its child")
		Expect(pid).NotTo(Equal(os.Getpid()), "Pid is this program's own pid: the task must run in a child process (exec.Command of os.Executable()), not in a goroutine")
		line, err := c.readLine()
		Expect(err).NotTo(HaveOccurred(), "the whoami task prints a line, but none came within %v: did you hand Stdout to the child and tell it which task to run?", waitLimit)
		Expect(line).To(Equal(fmt.Sprintf("%d whoami", pid)),
			"the child printed %q, its own pid and task as process.Current saw them; it should be %q: the pid Start gave, and the task's name from the environment", line, fmt.Sprintf("%d whoami", pid))
		expectJoined(c.Process, "the whoami task ends by itself")
		Expect(c.Pid()).To(Equal(pid), "Pid should not change when the child ends")
		Expect(c.ExitCode()).To(Equal(0), "the whoami task returned 0")
		expectReaped(pid, "Join returned")
	})

	It("gives the child this program's environment", processTimeout, func() {
		const name, value = "THREADLINGS_LESSON10_PROBE", "set by the parent"
		Expect(os.Setenv(name, value)).To(Succeed())
		DeferCleanup(os.Unsetenv, name)
		c := newChild("getenv", name)
		c.start()
		line, err := c.readLine()
		Expect(err).NotTo(HaveOccurred(), "the getenv task prints a line, but none came within %v", waitLimit)
		Expect(line).To(Equal(value), "the parent set %s=%q, and the child saw %q: give the child this program's environment (os.Environ()) with the task's name added, not the task's name alone", name, value, line)
		expectJoined(c.Process, "the getenv task ends by itself")
	})

	It("is an error a second time", processTimeout, spec.Points(2), func() {
		c := newChild("wait")
		c.start()
		pid := c.Pid()
		Expect(c.Start()).To(MatchError(process.ErrStarted), "Start on a running process should return ErrStarted: a process can only be started once")
		Expect(c.Pid()).To(Equal(pid), "a refused Start must not start another child")
		c.tell("exit 0")
		expectJoined(c.Process, "the child was told to exit")
		Expect(c.Start()).To(MatchError(process.ErrStarted), "Start on a process that has ended should return ErrStarted too: it cannot be restarted")
		Expect(c.Pid()).To(Equal(pid), "a refused Start must not start another child")
		Expect(c.IsAlive()).To(BeFalse(), "a refused Start must not bring an ended process back to life")
	})

	It("lets exactly one of many goroutines start it", processTimeout, func() {
		// Rounds of eight Starts of a new Process at the same moment: on a
		// busy machine one Start can be done before the others wake, so
		// until a round in which all eight began before any ended, for at
		// most 10 rounds and 2 s.
		const n = 8
		budget := time.Now().Add(2 * time.Second)
		for round, met := 0, false; !met && round < 10 && (round == 0 || time.Now().Before(budget)); round++ {
			p := process.New("exit", "0")
			errs := make([]error, n)
			// The exit task ends by itself, so even a Start that waits for
			// it returns: Together can call Start directly.
			if spec.Together(n, func(i int) {
				defer func() {
					if v := recover(); v != nil {
						errs[i] = fmt.Errorf("Start panicked: %v", v)
					}
				}()
				errs[i] = p.Start()
			}) {
				met = true
			}
			wins := 0
			for _, err := range errs {
				if err == nil {
					wins++
				} else {
					Expect(err).To(MatchError(process.ErrStarted), "a Start that lost should return ErrStarted")
				}
			}
			Expect(wins).To(Equal(1), "%d of %d simultaneous Starts succeeded: check and change the state in one step, under one lock", wins, n)
			expectJoined(p, "the exit task ends by itself")
			expectReaped(p.Pid(), "Join returned")
		}
	})

	It("lets other goroutines ask about it again and again while it starts and ends", processTimeout, func() {
		// Each asker calls one method alone, a millisecond apart: Pid and
		// JoinTimeout(0) while Start begins a few milliseconds later,
		// ExitCode while the child exits. Nothing but the method's own
		// lock orders an asker's reads after the write they look for, so
		// an unlocked read is a race. (Two methods in one loop would order
		// each other's reads through that lock and hide it.)
		c := newChild("wait")
		var startErr error
		var seen int
		spec.Together(3, func(i int) {
			deadline := time.Now().Add(waitLimit)
			switch i {
			case 0:
				time.Sleep(5 * time.Millisecond)
				startErr = c.Start()
			case 1:
				for seen == 0 && time.Now().Before(deadline) {
					seen = c.Pid()
					time.Sleep(time.Millisecond)
				}
			case 2:
				for time.Now().Before(deadline) {
					if _, err := c.JoinTimeout(0); err == nil {
						return
					}
					time.Sleep(time.Millisecond)
				}
			}
		})
		Expect(startErr).NotTo(HaveOccurred(), "Start of a new process should succeed while another goroutine asks its Pid")
		c.started()
		Expect(seen).To(Equal(c.Pid()), "a goroutine asked Pid until it was not zero: it should get the child's pid, the same as Pid gives after Start")
		code, toldErr := -1, error(nil)
		spec.Together(2, func(i int) {
			if i == 0 {
				time.Sleep(5 * time.Millisecond)
				_, toldErr = io.WriteString(c.orders, "exit 5\n")
				return
			}
			for deadline := time.Now().Add(waitLimit); code == -1 && time.Now().Before(deadline); {
				code = c.ExitCode()
				time.Sleep(time.Millisecond)
			}
		})
		Expect(toldErr).NotTo(HaveOccurred(), "the child ended before it could be told to exit")
		expectJoined(c.Process, "the child was told to exit 5")
		Expect(code).To(Equal(5), "a goroutine asked ExitCode until the child had exited with code 5, and got %d", code)
	})

	It("runs safely while other goroutines watch and stop the process", processTimeout, func() {
		c := newChild("wait")
		var startErr error
		other := make([]error, 3)
		spec.Together(7, func(i int) {
			switch i {
			case 0:
				startErr = c.Start()
			case 1:
				c.Pid()
			case 2:
				c.IsAlive()
			case 3:
				c.ExitCode()
				c.ExitSignal()
			case 4:
				_, other[0] = c.JoinTimeout(0)
			case 5:
				other[1] = c.Terminate()
			case 6:
				other[2] = c.Kill()
			}
		})
		Expect(startErr).NotTo(HaveOccurred(), "Start of a new process should succeed, whatever other methods are called at the same time")
		c.started()
		for _, err := range other {
			if err != nil {
				Expect(err).To(MatchError(process.ErrNotStarted), "JoinTimeout, Terminate and Kill called while Start runs should either see the child or return ErrNotStarted")
			}
		}
		Expect(c.Kill()).To(Succeed(), "Kill of a started child should succeed")
		expectJoined(c.Process, "the child was killed")
		Expect(c.IsAlive()).To(BeFalse(), "after Kill and Join, IsAlive should be false")
		expectReaped(c.Pid(), "Join returned")
	})

	It("refuses a task that was never registered", func() {
		p := process.New("no such task")
		Expect(startWatched(p)).To(MatchError(process.ErrUnknownTask), "Start of a task name that nobody registered should fail in the parent, with an error wrapping ErrUnknownTask")
		Expect(p.Pid()).To(BeZero(), "a refused Start must not start a child")
		Expect(p.IsAlive()).To(BeFalse(), "a process that could not start is not alive")
		Expect(joinWithin(p, waitLimit)).To(MatchError(process.ErrNotStarted), "Join after a refused Start should return ErrNotStarted at once: a Start that fails leaves the process not started, with no child to wait for")
		finished, err := p.JoinTimeout(time.Minute)
		Expect(err).To(MatchError(process.ErrNotStarted), "JoinTimeout after a refused Start should return ErrNotStarted at once: a Start that fails leaves the process not started")
		Expect(finished).To(BeFalse(), "a process that could not start has not finished")
		Expect(startWatched(p)).To(MatchError(process.ErrUnknownTask), "a second Start of a task nobody registered should fail as the first did, with ErrUnknownTask, not ErrStarted: the first Start started nothing")
	})
})
