package pipe_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
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

// pipeEnds returns, for every open file descriptor of this process that is
// an end of a pipe, the pipe it belongs to (its inode). Both ends of one
// pipe have the same inode.
func pipeEnds() map[int]uint64 {
	ends := map[int]uint64{}
	for fd := range 1024 {
		var st syscall.Stat_t
		if syscall.Fstat(fd, &st) == nil && uint32(st.Mode)&syscall.S_IFMT == syscall.S_IFIFO {
			ends[fd] = uint64(st.Ino)
		}
	}
	return ends
}

// newPipeEnds returns the pipe ends open now that were not open before, by
// file descriptor.
func newPipeEnds(before map[int]uint64) map[int]uint64 {
	added := map[int]uint64{}
	for fd, ino := range pipeEnds() {
		if old, ok := before[fd]; !ok || old != ino {
			added[fd] = ino
		}
	}
	return added
}

var _ = Describe("StartChild", func() {
	It("refuses a cmd that has ExtraFiles already", func(ctx SpecContext) {
		other, err := os.Open(os.DevNull)
		Expect(err).NotTo(HaveOccurred())
		defer other.Close()
		cmd := spec.Command(ctx, "echo")
		cmd.ExtraFiles = []*os.File{other}
		before := pipeEnds()
		conn, err := pipe.StartChild(cmd)
		if conn != nil {
			defer conn.Close()
		}
		if cmd.Process != nil {
			defer cmd.Wait()
			defer cmd.Process.Kill()
		}
		Expect(err).To(HaveOccurred(),
			"cmd.ExtraFiles held a file already, so the pipes would not be the child's fds 3 and 4: StartChild must return an error")
		Expect(cmd.Process).To(BeNil(), "StartChild returned an error, so it must not have started the child")
		Expect(newPipeEnds(before)).To(BeEmpty(), "StartChild refused the cmd but left pipes open: check ExtraFiles before making the pipes")
	})

	It("leaves no pipe open when the child cannot start", func() {
		cmd := exec.Command("/nonexistent/threadlings-child")
		before := pipeEnds()
		conn, err := pipe.StartChild(cmd)
		Expect(err).To(HaveOccurred(), "the program does not exist, so StartChild must return the error of cmd.Start")
		Expect(errors.Is(err, fs.ErrNotExist)).To(BeTrue(), "StartChild returned %q, which does not say why the child did not start (the program does not exist): return the error of cmd.Start itself", err)
		Expect(conn).To(BeNil(), "StartChild failed, so it must not return a Stream")
		Expect(newPipeEnds(before)).To(BeEmpty(),
			"cmd.Start failed, and StartChild left %d pipe end(s) open: close all four ends when the child does not start, or every failed start leaks them", len(newPipeEnds(before)))
	})

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
		before := pipeEnds()
		c := startChild(ctx, "three")
		Expect(c.cmd.Wait()).To(Succeed(), func() string { return "the child failed; it said: " + c.stderr.String() })
		// The child has exited, so its ends of the pipes are closed, unless
		// the parent still holds copies of them: then both ends of a pipe
		// are open here, and Recv would wait for ever instead of seeing EOF.
		pipes := map[uint64]int{}
		for _, ino := range newPipeEnds(before) {
			pipes[ino]++
		}
		for _, ends := range pipes {
			Expect(ends).To(Equal(1),
				"after StartChild the parent holds both ends of one of the pipes, so it never reaches EOF when the child exits: "+
					"close the parent's copies of the child's ends once cmd.Start has returned")
		}
		for i := range 3 {
			Expect(string(c.recv(fmt.Sprintf("message %d", i)))).To(Equal(fmt.Sprintf("message %d", i)),
				"what the child sent before it exited is still in the pipe and must be received in order")
		}
		_, err := c.conn.Recv()
		Expect(err).To(MatchError(io.EOF), "after the child exited and its messages were received, Recv must return io.EOF")
	}, SpecTimeout(5*time.Second))
})
