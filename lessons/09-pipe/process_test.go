package pipe_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/09-pipe"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// The children below are small programs run as real child processes. Each
// talks to its parent through pipe.Parent, and exits with status 3 and a
// line on standard error when something goes wrong.

func childFails(what string, err error) {
	fmt.Fprintf(os.Stderr, "child: %s: %v\n", what, err)
	os.Exit(3)
}

// echo says its pid, then sends back every message it gets, until the
// parent hangs up.
var _ = spec.Child("echo", func() {
	parent := pipe.Parent()
	defer parent.Close()
	if err := parent.Send([]byte(strconv.Itoa(os.Getpid()))); err != nil {
		childFails("send pid", err)
	}
	for {
		msg, err := parent.Recv()
		if err == io.EOF {
			return
		}
		if err != nil {
			childFails("recv", err)
		}
		if err := parent.Send(msg); err != nil {
			childFails("send", err)
		}
	}
})

// three sends three messages and exits without closing anything: the
// operating system closes its end of the pipe.
var _ = spec.Child("three", func() {
	parent := pipe.Parent()
	for i := range 3 {
		if err := parent.Send(fmt.Appendf(nil, "message %d", i)); err != nil {
			childFails("send", err)
		}
	}
})

// child is a child process started with pipe.StartChild.
type child struct {
	cmd    *exec.Cmd
	conn   *pipe.Stream
	stderr output
}

// output collects what a child writes to its standard error. os/exec
// copies it in a goroutine of its own, so it is read under a lock.
type output struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.buf.Len() == 0 {
		return "(nothing)"
	}
	return o.buf.String()
}

// startChild starts the child registered as name and makes sure that it does
// not outlive the spec, whatever happens.
func startChild(ctx context.Context, name string) *child {
	GinkgoHelper()
	c := &child{cmd: spec.Command(ctx, name)}
	c.cmd.Stderr = &c.stderr
	var err error
	c.conn, err = pipe.StartChild(c.cmd)
	Expect(err).NotTo(HaveOccurred(), "StartChild could not start the child")
	DeferCleanup(func() {
		c.cmd.Process.Kill()
		c.cmd.Wait()
		c.conn.Close()
	})
	return c
}

// recv receives one message from the child.
func (c *child) recv(what string) []byte {
	GinkgoHelper()
	msg, err := c.conn.Recv()
	Expect(err).NotTo(HaveOccurred(), func() string {
		return fmt.Sprintf("receiving %s from the child failed; the child said: %s", what, c.stderr.String())
	})
	return msg
}

// finish hangs up and waits for the child, which must then exit cleanly.
func (c *child) finish() {
	GinkgoHelper()
	Expect(c.conn.Close()).To(Succeed(), "closing the parent's end failed")
	Expect(c.cmd.Wait()).To(Succeed(), func() string {
		return "the child did not exit cleanly after the parent closed its end: its Recv should have returned io.EOF; the child said: " + c.stderr.String()
	})
}

var _ = Describe("StartChild", func() {
	It("talks to a child with a pid of its own", func(ctx SpecContext) {
		c := startChild(ctx, "echo")
		pid, err := strconv.Atoi(string(c.recv("its pid")))
		Expect(err).NotTo(HaveOccurred(), "the child's first message should be its pid")
		Expect(pid).NotTo(Equal(os.Getpid()),
			"the child reported the parent's own pid: a child process is a process of its own, unlike a goroutine")
		Expect(pid).To(Equal(c.cmd.Process.Pid), "the child's pid should be the one os/exec started")
		c.finish()
	}, SpecTimeout(5*time.Second))

	It("plays ping-pong with the child", func(ctx SpecContext) {
		c := startChild(ctx, "echo")
		c.recv("its pid")
		for i := range 100 {
			ping := fmt.Appendf(nil, "ping %d", i)
			Expect(c.conn.Send(ping)).To(Succeed(), "sending round %d to the child failed", i)
			Expect(string(c.recv(fmt.Sprintf("round %d", i)))).To(Equal(string(ping)),
				"the child sends back each message as it came, so round %d should come back unchanged", i)
		}
		c.finish()
	}, SpecTimeout(5*time.Second))

	It("carries 1 MiB there and back intact", func(ctx SpecContext) {
		c := startChild(ctx, "echo")
		c.recv("its pid")
		big := pattern(1 << 20)
		Expect(c.conn.Send(big)).To(Succeed(), "sending 1 MiB to the child failed")
		back := c.recv("1 MiB")
		Expect(back).To(HaveLen(len(big)),
			"1 MiB went to the child and %d bytes came back: an OS pipe holds about 64 KiB, so a big message arrives in many reads; read the whole frame with io.ReadFull", len(back))
		Expect(bytes.Equal(back, big)).To(BeTrue(), "1 MiB came back with different bytes")
		c.finish()
	}, SpecTimeout(5*time.Second))

	It("sees io.EOF once the child has exited", func(ctx SpecContext) {
		c := startChild(ctx, "three")
		Expect(c.cmd.Wait()).To(Succeed(), func() string { return "the child failed; it said: " + c.stderr.String() })
		for i := range 3 {
			Expect(string(c.recv(fmt.Sprintf("message %d", i)))).To(Equal(fmt.Sprintf("message %d", i)),
				"what the child sent before it exited is still in the pipe and must be received in order")
		}
		// The child has exited, so its end of the pipe is closed and Recv
		// must return at once. It waits for ever if the parent still holds
		// a copy of the child's end: give it a moment, not the whole spec.
		call := async(c.conn.Recv)
		select {
		case o := <-call:
			_, err := o.get()
			Expect(err).To(MatchError(io.EOF), "after the child exited and its messages were received, Recv must return io.EOF")
		case <-time.After(2 * time.Second):
			Fail("Recv was still waiting 2s after the child had exited: the parent still holds a copy of the child's end of the pipe, " +
				"so the pipe never reaches EOF. Close the parent's copies of the child's ends once cmd.Start has returned.")
		}
	}, SpecTimeout(5*time.Second))
})
