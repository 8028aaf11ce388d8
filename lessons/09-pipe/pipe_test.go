package pipe_test

import (
	"fmt"
	"io"
	"sync"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/09-pipe"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// outcome is what a call of Send or Recv made in a goroutine returned, or
// the panic it raised.
type outcome struct {
	msg      []byte
	err      error
	panicked any
}

// async makes the call f in a new goroutine and hands back its outcome. A
// panic in f is caught there and raised again on the spec's goroutine by
// get, so it fails the spec instead of killing the test binary.
func async(f func() ([]byte, error)) <-chan outcome {
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			o.panicked = recover()
			done <- o
		}()
		o.msg, o.err = f()
	}()
	return done
}

func sendAsync(send func([]byte) error, msg string) <-chan outcome {
	return async(func() ([]byte, error) { return nil, send([]byte(msg)) })
}

func (o outcome) get() ([]byte, error) {
	if o.panicked != nil {
		panic(o.panicked)
	}
	return o.msg, o.err
}

// returned reports whether a call started with async has returned, without
// waiting for it. In a bubble, call synctest.Wait first.
func returned(call <-chan outcome) (outcome, bool) {
	select {
	case o := <-call:
		return o, true
	default:
		return outcome{}, false
	}
}

// await waits for a call started with async, for a minute of fake time at
// most; if it has not returned by then, the spec fails with why.
func await(call <-chan outcome, why string) ([]byte, error) {
	GinkgoHelper()
	select {
	case o := <-call:
		return o.get()
	case <-time.After(time.Minute):
		Fail(why)
		return nil, nil
	}
}

// mustRecv receives one message that must be there already or come at once.
func mustRecv(recv func() ([]byte, error), what string) string {
	GinkgoHelper()
	msg, err := await(async(recv), what+": Recv was still waiting a minute later, though a message had been sent")
	Expect(err).NotTo(HaveOccurred(), "%s: Recv returned an error although a message was waiting", what)
	return string(msg)
}

var _ = Describe("Pipe", func() {
	It("carries messages both ways", spec.Bubble, func() {
		a, b := pipe.Pipe()
		Expect(a.Send([]byte("ping"))).To(Succeed(), "Send on a new pipe failed")
		Expect(mustRecv(b.Recv, "b after a sent ping")).To(Equal("ping"), "what one end sends, the other end must receive")
		Expect(b.Send([]byte("pong"))).To(Succeed(), "Send on the second end failed")
		Expect(mustRecv(a.Recv, "a after b sent pong")).To(Equal("pong"), "a two-way pipe carries messages back as well")
	})

	It("keeps each direction in order", spec.Bubble, func() {
		a, b := pipe.Pipe()
		for i := range 5 {
			Expect(a.Send(fmt.Appendf(nil, "a%d", i))).To(Succeed())
			Expect(b.Send(fmt.Appendf(nil, "b%d", i))).To(Succeed())
		}
		for i := range 5 {
			Expect(mustRecv(b.Recv, "b")).To(Equal(fmt.Sprintf("a%d", i)),
				"b must receive a's messages in the order a sent them, and none of its own")
			Expect(mustRecv(a.Recv, "a")).To(Equal(fmt.Sprintf("b%d", i)),
				"a must receive b's messages in the order b sent them, and none of its own")
		}
	})

	It("never hands an end its own message", spec.Bubble, func() {
		a, b := pipe.Pipe()
		Expect(a.Send([]byte("mine"))).To(Succeed())
		call := async(a.Recv)
		synctest.Wait()
		if o, done := returned(call); done {
			msg, err := o.get()
			Fail(fmt.Sprintf("a.Recv returned (%q, %v) although only a had sent anything: an end must never receive its own message. "+
				"One channel shared by both ends does that; give each direction a channel of its own.", msg, err))
		}
		Expect(mustRecv(b.Recv, "b")).To(Equal("mine"), "b must receive what a sent")
		Expect(b.Send([]byte("yours"))).To(Succeed())
		msg, err := await(call, "a.Recv was still waiting a minute after b sent a message")
		Expect(err).NotTo(HaveOccurred(), "a.Recv failed instead of returning b's message")
		Expect(string(msg)).To(Equal("yours"), "a.Recv must return the message b sent")
	})

	It("Recv waits for a message", spec.Bubble, func() {
		a, b := pipe.Pipe()
		call := async(b.Recv)
		synctest.Wait()
		if o, done := returned(call); done {
			msg, err := o.get()
			Fail(fmt.Sprintf("Recv returned (%q, %v) before anything was sent: it must wait until a message arrives", msg, err))
		}
		time.Sleep(time.Hour)
		sent := time.Now()
		Expect(a.Send([]byte("late"))).To(Succeed())
		msg, err := await(call, "Recv was still waiting a minute after the message was sent")
		Expect(err).NotTo(HaveOccurred(), "Recv failed instead of returning the message")
		Expect(string(msg)).To(Equal("late"), "Recv must return the message that was sent")
		Expect(time.Since(sent)).To(BeZero(),
			"Recv returned %v after the message was sent: it should wake the moment it arrives, not poll", time.Since(sent))
	})

	It("gives the receiver a copy of the message", spec.Bubble, func() {
		a, b := pipe.Pipe()
		buf := []byte("hello")
		Expect(a.Send(buf)).To(Succeed())
		copy(buf, "HELLO") // the sender reuses its buffer
		Expect(mustRecv(b.Recv, "b")).To(Equal("hello"),
			"the sender changed its buffer after Send returned, and the message changed too: Send must send a copy (bytes.Clone), "+
				"as a message that crosses a pipe between processes always is")
	})

	It("Send waits while the pipe is full", spec.Bubble, func() {
		a, b := pipe.Pipe()
		sent := make(chan int, pipe.Capacity+1)
		go func() {
			for i := range pipe.Capacity + 1 {
				if a.Send(fmt.Appendf(nil, "%d", i)) != nil {
					break
				}
				sent <- i
			}
		}()
		synctest.Wait()
		Expect(len(sent)).To(Equal(pipe.Capacity),
			"with nobody receiving, Send should return at once for the first Capacity (%d) messages and then wait: %d returned", pipe.Capacity, len(sent))
		Expect(mustRecv(b.Recv, "b")).To(Equal("0"), "the first message sent must be the first received")
		synctest.Wait()
		Expect(len(sent)).To(Equal(pipe.Capacity+1),
			"a Recv made room in the full pipe, so the waiting Send should have returned")
		a.Close()
	})

	It("Recv drains what was sent, then returns io.EOF", spec.Bubble, func() {
		a, b := pipe.Pipe()
		for _, m := range []string{"one", "two", "three"} {
			Expect(a.Send([]byte(m))).To(Succeed())
		}
		Expect(a.Close()).To(Succeed(), "Close returned an error")
		for _, m := range []string{"one", "two", "three"} {
			Expect(mustRecv(b.Recv, "b after a sent three messages and closed")).To(Equal(m),
				"messages sent before Close must still be received, in order, before io.EOF")
		}
		for range 2 {
			_, err := await(async(b.Recv), "Recv was still waiting a minute after the other end had closed: it must notice the close and return io.EOF")
			Expect(err).To(MatchError(io.EOF), "once the other end has closed and every message has been received, Recv must return io.EOF, every time")
		}
	})

	It("Close wakes a Recv waiting on either end", spec.Bubble, func() {
		a, b := pipe.Pipe()
		call := async(b.Recv)
		synctest.Wait()
		Expect(a.Close()).To(Succeed())
		_, err := await(call, "Recv on b was still waiting a minute after a was closed: select on the other end's close as well as on the messages")
		Expect(err).To(MatchError(io.EOF), "Recv waiting when the other end closes must return io.EOF")

		c, d := pipe.Pipe()
		defer d.Close()
		call = async(c.Recv)
		synctest.Wait()
		Expect(c.Close()).To(Succeed())
		_, err = await(call, "Recv on c was still waiting a minute after c itself was closed: select on this end's close too")
		Expect(err).To(MatchError(pipe.ErrClosed), "Recv waiting on an end that gets closed must return ErrClosed")
	})

	It("Send and Recv fail after Close", spec.Bubble, func() {
		a, b := pipe.Pipe()
		Expect(b.Send([]byte("waiting"))).To(Succeed())
		Expect(a.Close()).To(Succeed(), "Close returned an error")
		Expect(a.Send([]byte("x"))).To(MatchError(pipe.ErrClosed), "Send on a closed end must return ErrClosed")
		_, err := await(async(a.Recv), "Recv on a closed end was still waiting a minute later: it must return ErrClosed at once")
		Expect(err).To(MatchError(pipe.ErrClosed), "Recv on a closed end must return ErrClosed, even with a message waiting")
		Expect(b.Send([]byte("x"))).To(MatchError(pipe.ErrClosed),
			"Send to an end that has been closed must return ErrClosed: nobody will ever read it (Python's BrokenPipeError)")
		Expect(a.Close()).To(Succeed(), "closing an end a second time must do nothing and return nil")
		Expect(b.Close()).To(Succeed(), "Close returned an error")
	})

	It("Send and Recv fail after Close every time, even with room or messages to spare", spec.Bubble, func() {
		// A select with several ready cases picks one of them at random, so
		// one try proves little: each end gets many, on several pipes.
		const pipes = 8
		for range pipes {
			a, b := pipe.Pipe()
			for i := range pipe.Capacity {
				Expect(b.Send(fmt.Appendf(nil, "%d", i))).To(Succeed())
			}
			Expect(a.Close()).To(Succeed(), "Close returned an error")
			for range pipe.Capacity {
				_, err := await(async(a.Recv), "Recv on a closed end was still waiting a minute later: it must return ErrClosed at once")
				Expect(err).To(MatchError(pipe.ErrClosed), "Recv on a closed end with messages waiting returned a message: "+
					"a select on \"a message came\" and \"this end closed\" picks either at random when both are ready, so look at this end's close first, before the select")
				_, err = await(sendAsync(a.Send, "x"), "Send on a closed end was still waiting a minute later: it must return ErrClosed at once")
				Expect(err).To(MatchError(pipe.ErrClosed), "Send on a closed end with room in the pipe returned nil: "+
					"a select on \"the message went in\" and \"an end closed\" picks either at random when both are ready, so look at both ends' close first, before the select")
			}
			Expect(b.Close()).To(Succeed(), "Close returned an error")

			c, d := pipe.Pipe()
			Expect(c.Close()).To(Succeed(), "Close returned an error")
			for range pipe.Capacity {
				_, err := await(sendAsync(d.Send, "x"), "Send to a closed end was still waiting a minute later: it must return ErrClosed at once")
				Expect(err).To(MatchError(pipe.ErrClosed), "Send to an end that has been closed returned nil while there was room in the pipe: "+
					"a select on \"the message went in\" and \"an end closed\" picks either at random when both are ready, so look at both ends' close first, before the select")
			}
			Expect(d.Close()).To(Succeed(), "Close returned an error")
		}
	})

	It("Close wakes a Send waiting on a full pipe", spec.Bubble, func() {
		a, b := pipe.Pipe()
		for i := range pipe.Capacity {
			Expect(a.Send(fmt.Appendf(nil, "%d", i))).To(Succeed())
		}
		call := sendAsync(a.Send, "one too many")
		synctest.Wait()
		Expect(b.Close()).To(Succeed())
		_, err := await(call, "Send was still waiting on a full pipe a minute after the receiving end closed: select on both ends' close as well")
		Expect(err).To(MatchError(pipe.ErrClosed), "a Send waiting when the other end closes must return ErrClosed")
		a.Close()

		c, d := pipe.Pipe()
		defer d.Close()
		for i := range pipe.Capacity {
			Expect(c.Send(fmt.Appendf(nil, "%d", i))).To(Succeed())
		}
		call = sendAsync(c.Send, "one too many")
		synctest.Wait()
		Expect(c.Close()).To(Succeed())
		_, err = await(call, "Send was still waiting on a full pipe a minute after its own end was closed: select on this end's close as well as the other's")
		Expect(err).To(MatchError(pipe.ErrClosed), "a Send waiting when its own end is closed must return ErrClosed")
	})

	It("ends can be used from many goroutines", spec.Bubble, func() {
		a, b := pipe.Pipe()
		const senders, wanted = 4, 100
		var wg sync.WaitGroup
		for s := range senders {
			wg.Go(func() {
				for i := 0; ; i++ {
					if a.Send(fmt.Appendf(nil, "%d/%d", s, i)) != nil {
						return
					}
				}
			})
		}
		received := map[string]bool{}
		wg.Go(func() {
			defer b.Close()
			for range wanted {
				msg, err := b.Recv()
				if err != nil {
					return
				}
				received[string(msg)] = true
			}
		})
		wg.Wait()
		Expect(received).To(HaveLen(wanted),
			"%d messages from %d goroutines should have arrived, each once, before the receiver closed its end", wanted, senders)
		Expect(a.Close()).To(Succeed())
	})
})

var _ = Describe("OneWay", func() {
	It("carries messages from Sender to Receiver", spec.Bubble, func() {
		r, s := pipe.OneWay()
		call := async(r.Recv)
		synctest.Wait()
		if _, done := returned(call); done {
			Fail("Receiver.Recv returned before anything was sent: it must wait until a message arrives")
		}
		Expect(s.Send([]byte("first"))).To(Succeed(), "Sender.Send failed")
		msg, err := await(call, "Receiver.Recv was still waiting a minute after the Sender sent")
		Expect(err).NotTo(HaveOccurred())
		Expect(string(msg)).To(Equal("first"), "the Receiver must get what the Sender sent")
		Expect(s.Send([]byte("second"))).To(Succeed())
		Expect(s.Close()).To(Succeed())
		Expect(mustRecv(r.Recv, "Receiver after the Sender closed")).To(Equal("second"),
			"a message sent before Close must still be received")
		_, err = await(async(r.Recv), "Receiver.Recv was still waiting a minute after the Sender closed")
		Expect(err).To(MatchError(io.EOF), "after the Sender closed and everything was received, Recv must return io.EOF")
	})

	It("Send fails once the Receiver is closed", spec.Bubble, func() {
		r, s := pipe.OneWay()
		Expect(r.Close()).To(Succeed())
		Expect(s.Send([]byte("anyone?"))).To(MatchError(pipe.ErrClosed),
			"Sender.Send after the Receiver closed must return ErrClosed")
		_, err := await(async(r.Recv), "Recv on a closed Receiver was still waiting a minute later: it must return ErrClosed at once")
		Expect(err).To(MatchError(pipe.ErrClosed), "Recv on a closed Receiver must return ErrClosed")
		Expect(s.Close()).To(Succeed())
	})
})
