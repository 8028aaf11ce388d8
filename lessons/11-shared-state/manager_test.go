package sharedstate_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing/iotest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	sharedstate "github.com/threadlings/threadlings/lessons/11-shared-state"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// The children below are the other processes of Python's Manager examples.
// Each one talks to the manager through a Client over its standard input
// (the manager's replies) and standard output (its requests), so nothing
// else may be printed on standard output; complaints go to standard error.

// brokenWriter fails every write, as a connection whose other side is gone.
type brokenWriter struct{}

var (
	errReplyLost = errors.New("broken pipe")
	errConnReset = errors.New("connection reset by peer")
)

func (brokenWriter) Write(p []byte) (int, error) { return 0, errReplyLost }

func dial() *sharedstate.Client { return sharedstate.NewClient(os.Stdin, os.Stdout) }

func count(arg string) int {
	n, err := strconv.Atoi(arg)
	if err != nil {
		childFail("bad count %q", arg)
	}
	return n
}

// adder adds 1 to "counter" os.Args[1] times.
var _ = spec.Child("adder", func() {
	c := dial()
	for range count(os.Args[1]) {
		if _, err := c.Add("counter", 1); err != nil {
			childFail("Add(\"counter\", 1) failed: %v", err)
		}
	}
})

// appender appends "<name>-<i>" for i below os.Args[2], name being os.Args[1].
var _ = spec.Child("appender", func() {
	c := dial()
	for i := range count(os.Args[2]) {
		if err := c.Append(fmt.Sprintf("%s-%02d", os.Args[1], i)); err != nil {
			childFail("Append failed: %v", err)
		}
	}
})

// setter sets two keys.
var _ = spec.Child("setter", func() {
	c := dial()
	if err := c.Set("x", 41); err != nil {
		childFail("Set(\"x\", 41) failed: %v", err)
	}
	if err := c.Set("y", 1); err != nil {
		childFail("Set(\"y\", 1) failed: %v", err)
	}
})

// reader reads what setter set, in a process of its own, and adds to it.
var _ = spec.Child("reader", func() {
	c := dial()
	if v, err := c.Get("x"); err != nil || v != 41 {
		childFail("Get(\"x\") returned %d, %v; another process had set it to 41", v, err)
	}
	if v, err := c.Get("missing"); err != nil || v != 0 {
		childFail("Get(\"missing\") returned %d, %v; a key never set must read as 0", v, err)
	}
	if v, err := c.Add("x", 1); err != nil || v != 42 {
		childFail("Add(\"x\", 1) returned %d, %v; want the new value, 42", v, err)
	}
})

// unanswered expects an error from a manager that cannot answer.
var _ = spec.Child("unanswered", func() {
	c := dial()
	if v, err := c.Get("x"); err == nil {
		childFail("Get(\"x\") returned %d and no error, but the manager could not answer it", v)
	}
})

// serve starts a child that talks to m, with its requests held in step by
// step unless step is nil. It returns the child and a channel that gets
// what Serve returned.
func serve(ctx context.Context, m *sharedstate.Manager, step *lockstep, name string, args ...string) (*child, <-chan error) {
	GinkgoHelper()
	c := launch(ctx, name, args...)
	var requests io.Reader = c.stdout
	if step != nil {
		requests = step.relay(c.stdout)
	}
	served := make(chan error, 1)
	go func() { served <- m.Serve(requests, c.stdin) }()
	return c, served
}

// finish waits for Serve to return and then for the child to exit.
func finish(ctx context.Context, c *child, served <-chan error, what string) {
	GinkgoHelper()
	select {
	case err := <-served:
		Expect(err).NotTo(HaveOccurred(), "Serve for the %s process returned an error; it must return nil when the client hangs up", c.name)
	case <-ctx.Done():
		c.cmd.Process.Kill()
		c.wait()
		Fail(fmt.Sprintf("Serve for the %s process had not returned when time ran out. Its child said:\n%s\n"+
			"Serve must answer every request and return nil when r ends (io.EOF).", c.name, strings.TrimSpace(c.stderr.String())))
	}
	c.expectSuccess(what)
}

var _ = Describe("Manager", func() {
	It("serves one dict to every child process", func(ctx SpecContext) {
		m := sharedstate.NewManager()
		defer m.Close()
		c, served := serve(ctx, m, nil, "setter")
		finish(ctx, c, served, "it sets x to 41 and y to 1")
		Expect(m.Dict()).To(Equal(map[string]int{"x": 41, "y": 1}), "a child set x and y through its Client: the manager's Dict must show them")

		c, served = serve(ctx, m, nil, "reader")
		finish(ctx, c, served, "it reads x, which the first child set, and adds 1 to it")
		Expect(m.Dict()).To(Equal(map[string]int{"x": 42, "y": 1}), "a second child added 1 to x: the manager's Dict must show 42")
	}, processTimeout)

	It("adds exactly 400 when four children add 1 a hundred times each", spec.Points(2), func(ctx SpecContext) {
		m := sharedstate.NewManager()
		defer m.Close()
		const children, adds = 4, 100
		step := newLockstep(children)
		type conn struct {
			c      *child
			served <-chan error
		}
		var conns []conn
		for range children {
			c, served := serve(ctx, m, step, "adder", strconv.Itoa(adds))
			conns = append(conns, conn{c, served})
		}
		for _, cn := range conns {
			finish(ctx, cn.c, cn.served, "it calls Add(\"counter\", 1) a hundred times")
		}
		got := m.Dict()["counter"]
		Expect(got).To(Equal(children*adds),
			"%d processes each called Add(\"counter\", 1) %d times, their requests reaching the manager in step, and the counter is %d: additions were lost. "+
				"Add must be ONE request that the manager carries out (the dict's Update). A Get and then a Set from the child lets two children both read 7 and both write 8.",
			children, adds, got)
	}, processTimeout)

	It("keeps every item that children append", func(ctx SpecContext) {
		m := sharedstate.NewManager()
		defer m.Close()
		names := []string{"ann", "bob", "cy", "dee"}
		const items = 25
		type conn struct {
			c      *child
			served <-chan error
		}
		var conns []conn
		for _, name := range names {
			c, served := serve(ctx, m, nil, "appender", name, strconv.Itoa(items))
			conns = append(conns, conn{c, served})
		}
		for _, cn := range conns {
			finish(ctx, cn.c, cn.served, "it appends its items")
		}
		list := m.List()
		var want []string
		for _, name := range names {
			for i := range items {
				want = append(want, fmt.Sprintf("%s-%02d", name, i))
			}
		}
		Expect(list).To(ConsistOf(want), "%d children each appended %d items: the manager's List must hold every one of them exactly once", len(names), items)
		for _, name := range names {
			var theirs []string
			for _, item := range list {
				if strings.HasPrefix(item, name+"-") {
					theirs = append(theirs, item)
				}
			}
			for i := range theirs {
				Expect(theirs[i]).To(Equal(fmt.Sprintf("%s-%02d", name, i)), "the items of %s are out of order in the list: each Append must be applied before the Client's next request", name)
			}
		}
	}, processTimeout)

	It("gives the client an error when it cannot answer", func(ctx SpecContext) {
		// A closed manager replies with an error.
		m := sharedstate.NewManager()
		Expect(m.Close()).To(Succeed())
		c, served := serve(ctx, m, nil, "unanswered")
		finish(ctx, c, served, "it expects an error from Get, since the manager is closed")
		Expect(m.Close()).To(MatchError(sharedstate.ErrClosed), "closing a closed Manager must return ErrClosed")
		Expect(m.Dict()).To(BeNil(), "Dict must return nil once the Manager is closed")

		// A manager that hangs up without replying.
		c = launch(ctx, "unanswered")
		c.stdin.Close()
		io.Copy(io.Discard, c.stdout)
		c.expectSuccess("it expects an error from Get, since nobody will ever reply")
	}, processTimeout)
})

var _ = Describe("Client", func() {
	It("returns an error from every call the manager refuses or cannot answer", busyTimeout, func() {
		w := spec.Watch()
		type callCase struct {
			name string
			call func(c *sharedstate.Client) error
		}
		get := callCase{"Get(\"a\")", func(c *sharedstate.Client) error { _, err := c.Get("a"); return err }}
		set := callCase{"Set(\"a\", 1)", func(c *sharedstate.Client) error { return c.Set("a", 1) }}
		add := callCase{"Add(\"a\", 1)", func(c *sharedstate.Client) error { _, err := c.Add("a", 1); return err }}
		appendX := callCase{"Append(\"x\")", func(c *sharedstate.Client) error { return c.Append("x") }}

		// A closed manager replies to each request of its dict with an error.
		m := sharedstate.NewManager()
		Expect(m.Close()).To(Succeed())
		cn := connect(m, nil)
		for _, k := range []callCase{get, set, add} {
			Expect(k.call(cn.client)).NotTo(Succeed(), "the Manager is closed and replied with an error, so %s must return an error", k.name)
		}
		Expect(appendX.call(cn.client)).To(Succeed(), "Close stops the Manager's dict only: its list stays usable, so Append must succeed")
		Expect(m.List()).To(Equal([]string{"x"}), "the Client appended \"x\" after Close, which leaves the list as it was, and usable")
		Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")

		// A manager that has hung up never replies: r has ended.
		c := sharedstate.NewClient(strings.NewReader(""), io.Discard)
		for _, k := range []callCase{get, set, add, appendX, get} {
			var err error
			call := spec.Go(func() { err = k.call(c) })
			if !w.Settle(call) {
				Fail(fmt.Sprintf("%s never returned, on a Client whose manager has hung up and whose earlier calls failed: "+
					"does every way out of a call, the failed ones too, unlock the Client's mutex? (defer c.mu.Unlock())", k.name))
			}
			Expect(err).To(HaveOccurred(), "the manager hung up before replying, so %s must return an error", k.name)
		}
	})

	It("sends one request at a time, however many goroutines call it", busyTimeout, func() {
		w := spec.Watch()
		m := sharedstate.NewManager()
		defer m.Close()
		hold := make(chan struct{})
		defer func() {
			select {
			case <-hold:
			default:
				close(hold)
			}
		}()
		cn := connect(m, hold)

		// The manager's replies are held back: the first Set is carried out,
		// but its Client does not get the reply yet.
		var err1, err2 error
		first := spec.Go(func() { err1 = cn.client.Set("a", 1) })
		Eventually(m.Dict, 5*time.Second).Should(HaveKey("a"), "the manager never got the first request, Set(\"a\", 1)")
		second := spec.Go(func() { err2 = cn.client.Set("b", 2) })
		Expect(w.Settle(second)).To(BeFalse(), "Set(\"b\", 2) returned while the reply to the first request was still on its way: each call must wait for its own reply")
		Expect(m.Dict()).NotTo(HaveKey("b"),
			"a second goroutine's request reached the manager before the first request had its reply: the replies come back in order, one per request, so hold one lock from sending a request until its reply is read, or the first goroutine may read the second one's reply")
		close(hold)
		first.Wait()
		second.Wait()
		Expect(err1).NotTo(HaveOccurred(), "Set(\"a\", 1) failed")
		Expect(err2).NotTo(HaveOccurred(), "Set(\"b\", 2) failed")
		Expect(m.Dict()).To(Equal(map[string]int{"a": 1, "b": 2}), "both Sets must reach the manager")
		Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")
	})

	It("gets the right reply in every goroutine", busyTimeout, func() {
		m := sharedstate.NewManager()
		defer m.Close()
		cn := connect(m, nil)
		const workers, calls = 6, 20
		problems := make([]string, workers)
		spec.Together(workers, func(i int) {
			key := fmt.Sprintf("k%d", i)
			for n := range calls {
				want := i*100 + n
				if err := cn.client.Set(key, want); err != nil {
					problems[i] = fmt.Sprintf("Set(%q, %d) failed: %v", key, want, err)
					return
				}
				v, err := cn.client.Get(key)
				if err != nil || v != want {
					problems[i] = fmt.Sprintf("goroutine %d set %s to %d and read back %d (error %v): it got another goroutine's reply", i, key, want, v, err)
					return
				}
			}
		})
		for _, p := range problems {
			Expect(p).To(BeEmpty(), "the goroutines share one Client: hold one lock from sending a request until its reply is read")
		}
		Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")
	})
	It("returns an error when it cannot send a request", busyTimeout, func() {
		w := spec.Watch()
		replies, never := io.Pipe() // the manager never replies
		defer never.Close()
		c := sharedstate.NewClient(replies, brokenWriter{})
		var err error
		set := spec.Go(func() { err = c.Set("a", 1) })
		returned := w.Settle(set)
		never.Close()
		set.Wait()
		Expect(returned).To(BeTrue(), "the request could not be written, yet Set waited for a reply that can never come: when sending a request fails, return that error at once")
		Expect(err).To(HaveOccurred(), "the request could not be written, so Set must return an error")
	})
})

var _ = Describe("Manager in one process", func() {
	It("adds whatever delta the client sends, negative too", busyTimeout, func() {
		m := sharedstate.NewManager()
		defer m.Close()
		cn := connect(m, nil)
		v, err := cn.client.Add("n", 5)
		Expect(err).NotTo(HaveOccurred(), "Add(\"n\", 5) failed")
		Expect(v).To(Equal(5), "Add(\"n\", 5) on a new key must return 5: send the delta in the request, and let the manager add it")
		v, err = cn.client.Add("n", -7)
		Expect(err).NotTo(HaveOccurred(), "Add(\"n\", -7) failed")
		Expect(v).To(Equal(-2), "Add(\"n\", -7) after Add(\"n\", 5) must return -2: the manager adds the delta the client sent, not 1")
		Expect(m.Dict()).To(Equal(map[string]int{"n": -2}), "the manager's dict must hold 5 - 7 = -2")
		Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")
	})

	It("serves many clients at once", busyTimeout, func() {
		m := sharedstate.NewManager()
		defer m.Close()
		const clients = 4
		conns := make([]*conn, clients)
		for i := range conns {
			conns[i] = connect(m, nil)
		}
		// One request from each client, all at the same moment: nothing but
		// the Manager orders what their Serves do with the list and the dict.
		errs := make([]error, clients)
		spec.Together(clients, func(i int) {
			if errs[i] = conns[i].client.Append(fmt.Sprintf("c%d", i)); errs[i] == nil {
				_, errs[i] = conns[i].client.Add("n", 1)
			}
		})
		for _, err := range errs {
			Expect(err).NotTo(HaveOccurred(), "Append and Add from several clients at once must succeed")
		}
		Expect(m.List()).To(ConsistOf("c0", "c1", "c2", "c3"), "every client's item must be in the list once: Serves run at once, so guard the list with its mutex")
		Expect(m.Dict()).To(Equal(map[string]int{"n": clients}), "every client's Add must count")
		for _, cn := range conns {
			Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")
		}
	})

	It("lets List read the list while a client appends to it", busyTimeout, func() {
		m := sharedstate.NewManager()
		defer m.Close()
		cn := connect(m, nil)
		const items = 50
		// One goroutine appends through a client while another reads the
		// list: the doc says the Manager's methods may be called from
		// several goroutines at once, so List and Serve must both hold the
		// list's mutex for as long as they touch it.
		var appendErr error
		spec.Together(2, func(i int) {
			if i == 0 {
				for k := range items {
					if appendErr = cn.client.Append(fmt.Sprint(k)); appendErr != nil {
						return
					}
				}
				return
			}
			for range items {
				m.List()
			}
		})
		Expect(appendErr).NotTo(HaveOccurred(), "Append must succeed while List is called")
		Expect(m.List()).To(HaveLen(items), "every item appended while List was called must be in the list")
		Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")
	})

	It("tells an empty dict from a closed Manager", busyTimeout, func() {
		m := sharedstate.NewManager()
		d := m.Dict()
		Expect(d).NotTo(BeNil(), "Dict of a new Manager returned nil, but nil means the Manager is closed: an open Manager's empty dict is an empty map, not nil")
		Expect(d).To(BeEmpty(), "a new Manager's dict must be empty")
		Expect(m.Close()).To(Succeed(), "the first Close must succeed")
		Expect(m.Dict()).To(BeNil(), "Dict must return nil once the Manager is closed")
	})

	It("returns the error that stops Serve", busyTimeout, func() {
		m := sharedstate.NewManager()
		defer m.Close()
		// One request as the Client writes it: its reply never comes, so
		// Set fails, but the request is in the buffer.
		var request bytes.Buffer
		sharedstate.NewClient(strings.NewReader(""), &request).Set("a", 1)
		Expect(request.Len()).NotTo(BeZero(), "Client.Set wrote no request")

		err := m.Serve(bytes.NewReader(request.Bytes()), brokenWriter{})
		Expect(err).To(MatchError(errReplyLost), "the reply could not be written (%q), so the client will never get it: Serve must stop and return the error of the write, not carry on and return nil when r ends", errReplyLost)

		err = m.Serve(io.MultiReader(bytes.NewReader(request.Bytes()), iotest.ErrReader(errConnReset)), io.Discard)
		Expect(err).To(MatchError(errConnReset), "reading r failed with %q, not io.EOF: the client did not hang up, the connection broke, so Serve must return the error of the read (nil only when r ends)", errConnReset)
		Expect(m.Dict()).To(Equal(map[string]int{"a": 1}), "Serve must carry out the request it read before the error")
	})

	It("hands out copies of its list and leaves r and w open", busyTimeout, func() {
		m := sharedstate.NewManager()
		defer m.Close()
		cn := connect(m, nil)
		Expect(cn.client.Append("x")).To(Succeed())
		Expect(cn.client.Append("y")).To(Succeed())
		list := m.List()
		Expect(list).To(Equal([]string{"x", "y"}), "List must hold what the client appended, in order")
		list[0] = "changed"
		Expect(m.List()).To(Equal([]string{"x", "y"}), "changing the slice that List returned changed the manager's list: List must return a copy")
		Expect(cn.finishServe()).To(Succeed(), "Serve must return nil when the client hangs up")
		Expect(cn.rClosed.Load()).To(BeFalse(), "Serve closed r: the caller keeps r and w and closes them")
		Expect(cn.wClosed.Load()).To(BeFalse(), "Serve closed w when the client hung up: the caller keeps r and w and closes them (one connection may outlive one Serve)")
	})
})
