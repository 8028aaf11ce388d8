package sharedstate_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	sharedstate "github.com/threadlings/threadlings/lessons/11-shared-state"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// processTimeout is the real time a spec that starts child processes may
// take. A correct answer needs a small part of it, even on a busy machine
// with the race detector on.
var processTimeout = SpecTimeout(10 * time.Second)

// busyTimeout is the real time of a spec that makes many goroutines work
// or watches them come to rest: a few milliseconds on a quiet machine, much
// more on a busy one. A spec that deadlocks still fails at its timeout.
var busyTimeout = SpecTimeout(10 * time.Second)

// ---- child processes ----

// A child is a running copy of the test binary, started as one of the
// children registered with spec.Child. The spec talks to it over its
// standard input and output; its standard error is kept for the failure
// message.
type child struct {
	name   string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr bytes.Buffer

	waited bool
	err    error
}

// launch starts the child registered as name with args. The child is killed
// and waited for when the spec ends, if the spec has not waited for it.
func launch(ctx context.Context, name string, args ...string) *child {
	GinkgoHelper()
	c := &child{name: name, cmd: spec.Command(ctx, name, args...)}
	c.cmd.Stderr = &c.stderr
	var err error
	c.stdin, err = c.cmd.StdinPipe()
	Expect(err).NotTo(HaveOccurred())
	c.stdout, err = c.cmd.StdoutPipe()
	Expect(err).NotTo(HaveOccurred())
	Expect(c.cmd.Start()).To(Succeed(), "could not start the %s process", name)
	DeferCleanup(func() {
		if !c.waited {
			c.cmd.Process.Kill()
			c.wait()
		}
	})
	return c
}

// wait closes the child's standard input and waits for it to exit. Every
// read of its standard output must be over: Wait closes it.
func (c *child) wait() error {
	if !c.waited {
		c.waited = true
		c.stdin.Close()
		c.err = c.cmd.Wait()
	}
	return c.err
}

// expectSuccess waits for the child and fails the spec, with what the child
// said, if it did not exit cleanly.
func (c *child) expectSuccess(what string) {
	GinkgoHelper()
	err := c.wait()
	Expect(err).NotTo(HaveOccurred(), "the %s process (%s) failed. It said:\n%s", c.name, what, strings.TrimSpace(c.stderr.String()))
}

// childFail ends a child process with a message for the spec.
func childFail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

// tempDir makes a directory that is removed when the spec ends.
func tempDir() string {
	GinkgoHelper()
	dir, err := os.MkdirTemp("", "threadlings-11-")
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(os.RemoveAll, dir)
	return dir
}

// ---- lockstep ----

// A lockstep sits between child processes and the manager and holds back
// each child's request until every child still running has sent one; then
// it hands them all over at once. It cannot tell where a request ends, and
// does not need to: a child sends its next request only after the reply to
// its last one, so each round holds one request from each child (a request
// the child writes in two pieces may take two rounds).
//
// In lockstep, a Client whose Add is a Get and then a Set loses updates on
// every round, not only on an unlucky one: the four Gets of a round all
// reach the manager before any of the four Sets.
type lockstep struct {
	mu      sync.Mutex
	running int           // children whose requests still flow
	held    int           // children waiting in this round
	round   chan struct{} // closed to end the round
	pipes   []*io.PipeReader
	stopped chan struct{}
}

// newLockstep returns a lockstep for n children.
func newLockstep(n int) *lockstep {
	l := &lockstep{running: n, round: make(chan struct{}), stopped: make(chan struct{})}
	DeferCleanup(l.stop)
	return l
}

// relay returns what the manager should read instead of from: the same
// bytes, held back until their round.
func (l *lockstep) relay(from io.Reader) io.Reader {
	pr, pw := io.Pipe()
	l.mu.Lock()
	l.pipes = append(l.pipes, pr)
	l.mu.Unlock()
	go func() {
		defer l.leave()
		buf := make([]byte, 64<<10)
		for {
			n, err := from.Read(buf)
			if n > 0 {
				if !l.wait() {
					pw.CloseWithError(io.ErrClosedPipe)
					return
				}
				if _, err := pw.Write(buf[:n]); err != nil {
					return
				}
			}
			if err != nil {
				pw.Close() // the manager reads io.EOF: the child hung up
				return
			}
		}
	}()
	return pr
}

// wait holds the caller until the round ends, and reports false if the
// lockstep was stopped instead.
func (l *lockstep) wait() bool {
	l.mu.Lock()
	l.held++
	round := l.round
	l.endRoundIfFull()
	l.mu.Unlock()
	select {
	case <-round:
		return true
	case <-l.stopped:
		return false
	}
}

func (l *lockstep) leave() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.running--
	l.endRoundIfFull()
}

func (l *lockstep) endRoundIfFull() {
	if l.held > 0 && l.held >= l.running {
		close(l.round)
		l.round = make(chan struct{})
		l.held = 0
	}
}

// stop lets every relay go, so that none is left behind when a spec fails.
func (l *lockstep) stop() {
	close(l.stopped)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, pr := range l.pipes {
		pr.Close()
	}
}

// ---- a manager in this process ----

// A conn is a Client talking to a Manager's Serve in this process, over
// pipes. Serve's r and w record whether Serve closed them.
type conn struct {
	client  *sharedstate.Client
	served  chan error   // what Serve returned
	hangUp  func()       // closes the client's side of the requests
	rClosed *atomic.Bool // Serve closed its r
	wClosed *atomic.Bool // Serve closed its w
}

// closeWatch is a reader or writer that only notes a Close.
type closeWatch struct {
	io.Reader
	io.Writer
	closed *atomic.Bool
}

func (c closeWatch) Close() error { c.closed.Store(true); return nil }

// readOnly and writeOnly hide the other half of a closeWatch from Serve.
type readOnly struct{ closeWatch }

func (r readOnly) Read(p []byte) (int, error) { return r.Reader.Read(p) }

type writeOnly struct{ closeWatch }

func (w writeOnly) Write(p []byte) (int, error) { return w.Writer.Write(p) }

// connect starts m.Serve on a goroutine and returns a Client of it. If
// hold is not nil, the manager's replies are read at once but reach the
// client only once hold is closed. Everything is closed when the spec ends.
func connect(m *sharedstate.Manager, hold <-chan struct{}) *conn {
	reqR, reqW := io.Pipe() // the client's requests, read by Serve
	outR, outW := io.Pipe() // Serve's replies
	repR, repW := io.Pipe() // the replies, as the client reads them
	c := &conn{served: make(chan error, 1), rClosed: new(atomic.Bool), wClosed: new(atomic.Bool)}
	c.hangUp = func() { reqW.Close() }
	c.client = sharedstate.NewClient(repR, reqW)
	stop := make(chan struct{})
	DeferCleanup(func() {
		close(stop)
		for _, p := range []interface{ CloseWithError(error) error }{reqW, outW, repW} {
			p.CloseWithError(io.ErrClosedPipe)
		}
		reqR.Close()
		outR.Close()
		repR.Close()
	})
	go func() {
		err := m.Serve(readOnly{closeWatch{Reader: reqR, closed: c.rClosed}}, writeOnly{closeWatch{Writer: outW, closed: c.wClosed}})
		outW.Close()
		c.served <- err
	}()
	// The replies go through a buffer, so that Serve is never held up by a
	// reply that the client is not let to read yet.
	chunks := make(chan []byte, 1024)
	go func() {
		defer close(chunks)
		buf := make([]byte, 4096)
		for {
			n, err := outR.Read(buf)
			if n > 0 {
				chunks <- bytes.Clone(buf[:n])
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		defer repW.Close()
		if hold != nil {
			select {
			case <-hold:
			case <-stop:
				return
			}
		}
		for chunk := range chunks {
			if _, err := repW.Write(chunk); err != nil {
				return
			}
		}
	}()
	return c
}

// finishServe hangs up the client and returns what Serve returned.
func (c *conn) finishServe() error {
	GinkgoHelper()
	c.hangUp()
	select {
	case err := <-c.served:
		return err
	case <-time.After(2 * time.Second):
		Fail("the client hung up, but Serve did not return: Serve must return nil when r ends (io.EOF)")
		return nil
	}
}
