package process_test

import (
	"syscall"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("Terminate", func() {
	It("stops a child that is alive, as in the notes", processTimeout, spec.Points(2), func() {
		// The child waits for orders that never come: only a signal ends it.
		c := newChild("wait")
		c.start()
		pid := c.Pid()
		if c.IsAlive() {
			Expect(c.Terminate()).To(Succeed(), "Terminate of a running child should succeed")
		} else {
			Fail("the child waits for orders, so IsAlive should be true")
		}
		expectJoined(c.Process, "Terminate should have ended the child: send it SIGTERM (cmd.Process.Signal)")
		Expect(c.IsAlive()).To(BeFalse(), "after Terminate and Join, IsAlive should be false")
		Expect(c.ExitSignal()).To(Equal(syscall.SIGTERM), "Terminate should end the child with SIGTERM, which a program may catch; SIGKILL is Kill's")
		Expect(c.ExitCode()).To(Equal(-1), "a child killed by a signal has no exit code of its own: ExitCode should be -1, as os.ProcessState.ExitCode says")
		expectReaped(pid, "Join returned")
	})

	It("lets a child that catches SIGTERM clean up", processTimeout, func() {
		c := newChild("graceful")
		c.start()
		c.expectReady()
		Expect(c.Terminate()).To(Succeed(), "Terminate of a running child should succeed")
		expectJoined(c.Process, "the graceful task exits when SIGTERM comes: send it SIGTERM")
		line, err := c.readLine()
		Expect(err).NotTo(HaveOccurred(), "the graceful task says \"cleaning up\" when SIGTERM comes, but it said nothing: did it get SIGTERM?")
		Expect(line).To(Equal("cleaning up"), "the graceful task's last line")
		Expect(c.ExitCode()).To(Equal(0), "the graceful task caught SIGTERM and returned 0")
		Expect(c.ExitSignal()).To(BeNil(), "the graceful task caught SIGTERM and exited by itself: ExitSignal should be nil")
	})

	It("does nothing once the child has ended", processTimeout, func() {
		c := newChild("exit", "7")
		c.start()
		expectJoined(c.Process, "the exit task ends by itself")
		Expect(c.Terminate()).To(Succeed(), "Terminate of a child that has ended should do nothing and return nil (os.ErrProcessDone is no error here)")
		Expect(c.Kill()).To(Succeed(), "Kill of a child that has ended should do nothing and return nil (os.ErrProcessDone is no error here)")
		Expect(c.ExitCode()).To(Equal(7), "the child exited with code 7 before Terminate and Kill")
		Expect(c.ExitSignal()).To(BeNil(), "the child exited by itself: ExitSignal should be nil")
	})
})

var _ = Describe("Kill", func() {
	It("stops even a child that catches SIGTERM", processTimeout, spec.Points(2), func() {
		c := newChild("graceful")
		c.start()
		c.expectReady()
		Expect(c.Kill()).To(Succeed(), "Kill of a running child should succeed")
		expectJoined(c.Process, "Kill should have ended the child: send it SIGKILL")
		Expect(c.ExitSignal()).To(Equal(syscall.SIGKILL), "Kill should end the child with SIGKILL, which no program can catch")
		Expect(c.ExitCode()).To(Equal(-1), "a child killed by a signal has no exit code of its own: ExitCode should be -1")
		expectReaped(c.Pid(), "Join returned")
	})
})
