package thread_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/02-thread"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// messenger is the notes' Messenger(Thread) in Go: what a Python subclass
// keeps on self lives in the fields, and Run is the overridden run().
type messenger struct {
	label string
	sent  []string
}

func (m *messenger) Run() {
	for i := range 10 {
		m.sent = append(m.sent, fmt.Sprintf("%s #%d", m.label, i))
	}
}

// htmlGetter is the notes' HtmlGetter: a Runner that fetches one page and
// remembers how many characters it had.
type htmlGetter struct {
	client *http.Client
	url    string
	chars  int
	err    error
}

func (g *htmlGetter) Run() {
	resp, err := g.client.Get(g.url)
	if err != nil {
		g.err = err
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	g.chars, g.err = len(body), err
}

// countingRunner counts its runs and waits behind a latch in each.
type countingRunner struct {
	runs    atomic.Int32
	release *latch
}

func (c *countingRunner) Run() {
	c.runs.Add(1)
	c.release.Wait()
}

var _ = Describe("FromRunner", func() {
	It("runs the Run method, like overriding run()", func() {
		send := &messenger{label: "send"}
		receive := &messenger{label: "receive"}
		threads := []*thread.Thread{
			thread.FromRunner("Sending out Messages", send),
			thread.FromRunner("Receiving Messages", receive),
		}
		Expect(threads[0].Name()).To(Equal("Sending out Messages"), "FromRunner should name the thread like New does")
		Expect(threads[1].Name()).To(Equal("Receiving Messages"), "FromRunner should name the thread like New does")
		for _, t := range threads {
			Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		}
		for _, t := range threads {
			Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		}
		Expect(send.sent).To(HaveLen(10), "Start should call the Runner's Run method once")
		Expect(receive.sent).To(HaveLen(10), "Start should call the Runner's Run method once")
	})

	It("names the thread as New does and runs Run only once started", spec.Bubble, func() {
		r := &countingRunner{release: newLatch()}
		defer r.release.Open()
		t := thread.FromRunner("", r)
		Expect(unnamedPattern.MatchString(t.Name())).To(BeTrue(),
			"FromRunner with an empty name should call the thread Thread-N, as New does; got %q: build it with New", t.Name())
		synctest.Wait()
		Expect(r.runs.Load()).To(BeZero(), "Run was called before Start: FromRunner only prepares the thread, its target is r.Run")
		Expect(t.State()).To(Equal(thread.StateNew), "a thread made by FromRunner is New until started")
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		synctest.Wait()
		Expect(r.runs.Load()).To(BeEquivalentTo(1), "Start should call the Runner's Run method once")
		Expect(t.IsAlive()).To(BeTrue(), "Run is still running, so the thread is alive")
		r.release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(t.IsAlive()).To(BeFalse(), "Run has returned, so the thread is no longer alive")
	})

	It("fetches pages at the same time, like HtmlGetter", spec.Bubble, func() {
		srv := spec.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(time.Second)
			io.WriteString(w, strings.Repeat("x", len(r.URL.Path)))
		}))
		defer srv.Close()
		getters := []*htmlGetter{
			{client: srv.Client(), url: srv.URL + "/a"},
			{client: srv.Client(), url: srv.URL + "/bb"},
			{client: srv.Client(), url: srv.URL + "/ccc"},
		}
		start := time.Now()
		var threads []*thread.Thread
		for _, g := range getters {
			t := thread.FromRunner("", g)
			Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
			threads = append(threads, t)
		}
		for _, t := range threads {
			Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		}
		Expect(time.Since(start)).To(Equal(time.Second), "three one-second downloads on three threads should take one second, not one after the other")
		for i, g := range getters {
			Expect(g.err).NotTo(HaveOccurred(), "the download failed")
			Expect(g.chars).To(Equal(i+2), "the getter's fields should hold what its Run method fetched")
		}
	})
})
