package process_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/10-process"
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

// heldOutput is a child's Stdout that is not an *os.File, so os/exec copies
// the child's output into it on a goroutine of its own, and that holds each
// write until the spec lets it through. While a write is held, the copying
// cannot end, and cmd.Wait, which waits for the copying, cannot return:
// the spec decides when the Process may see its child's end.
type heldOutput struct {
	writes  chan string   // the text of each write, as it comes
	release chan struct{} // closed to let every write through
	once    sync.Once
}

func newHeldOutput() *heldOutput {
	return &heldOutput{writes: make(chan string, 16), release: make(chan struct{})}
}

func (h *heldOutput) Write(b []byte) (int, error) {
	h.writes <- string(b)
	<-h.release
	return len(b), nil
}

// let lets the held write, and every later one, through.
func (h *heldOutput) let() { h.once.Do(func() { close(h.release) }) }

// returnsAlone calls f on a goroutine of its own and reports whether it
// returns by itself: false if it waits for something that only the spec can
// do (here: let the child's output through), which lets it go and waits for
// it before reporting.
func returnsAlone(f func(), held *heldOutput) bool {
	w := spec.Watch()
	call := spec.Go(f)
	returned := w.Settle(call)
	if !returned {
		held.let()
		<-call.Done()
	}
	call.Check()
	return returned
}

var _ = Describe("Terminate and Kill", func() {
	It("send their signal and return, without waiting for the child's end", processTimeout, func() {
		held := newHeldOutput()
		p := process.New("wait")
		orders, inEnd, err := os.Pipe()
		Expect(err).NotTo(HaveOccurred())
		p.Stdin, p.Stdout = orders, held
		Expect(startWatched(p)).To(Succeed(), "Start of a new process should succeed")
		orders.Close()
		DeferCleanup(func() {
			held.let()
			inEnd.Close()
			func() {
				defer func() { recover() }()
				p.Kill()
			}()
			joinWithin(p, waitLimit)
		})
		Eventually(held.writes, waitLimit).Should(Receive(Equal("ready\n")), "the wait task says \"ready\" first: did you hand Stdout to the child?")
		// The child runs; its "ready" is held, so its Process cannot see it
		// end until the spec lets the output through.
		var termErr, killErr error
		Expect(returnsAlone(func() { termErr = p.Terminate() }, held)).To(BeTrue(),
			"Terminate waited for the child to end: it only sends SIGTERM and returns, and Join is what waits")
		Expect(termErr).NotTo(HaveOccurred(), "Terminate of a running child should succeed")
		Expect(returnsAlone(func() { killErr = p.Kill() }, held)).To(BeTrue(),
			"Kill waited for the child to end: like Terminate, it only sends its signal and returns, and Join is what waits")
		Expect(killErr).NotTo(HaveOccurred(), "Kill of a child that Terminate ended, and that has not been seen to end yet, should return nil")
		if !p.IsAlive() {
			Expect(p.ExitCode()).NotTo(Equal(-1), "IsAlive said the child had ended while its exit code was still -1: IsAlive turns false when the child has been reaped, and then ExitCode has its code; sending a signal does not end a process by itself")
		}
		// The child is gone once cmd.Wait has reaped it, which cmd.Wait does
		// before it waits for the copying of the output; the copying still
		// waits for the spec, so cmd.Wait has not returned.
		gone := fmt.Sprintf("/proc/%d", p.Pid())
		Eventually(func() bool {
			_, err := os.Stat(gone)
			return errors.Is(err, fs.ErrNotExist)
		}, waitLimit, time.Millisecond).Should(BeTrue(), "the child was sent SIGTERM and SIGKILL, but it was never reaped: the goroutine that Start starts must wait for the child (cmd.Wait)")
		joined := joinAsync(p)
		Consistently(joined, notYet).ShouldNot(Receive(), "Join returned while os/exec was still copying the child's output into Stdout: Join returns only once the copying is done, which cmd.Wait waits for, and cmd.Process.Wait does not")
		held.let()
		Eventually(joined, waitLimit).Should(Receive(BeNil()), "the child's output was let through, but Join did not return nil")
		Expect(p.IsAlive()).To(BeFalse(), "after Join returned, IsAlive should be false")
		Expect(p.ExitSignal()).To(BeElementOf(syscall.SIGTERM, syscall.SIGKILL), "the child was sent SIGTERM, then SIGKILL: one of them ended it")
	})
})
