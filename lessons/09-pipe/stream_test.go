package pipe_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"testing/iotest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/09-pipe"
)

// frame is msg as the wire format says: its length as 4 big-endian bytes,
// then the message.
func frame(msg []byte) []byte {
	return append(header(uint32(len(msg))), msg...)
}

func header(n uint32) []byte {
	return binary.BigEndian.AppendUint32(nil, n)
}

func frames(msgs ...[]byte) []byte {
	var all []byte
	for _, m := range msgs {
		all = append(all, frame(m)...)
	}
	return all
}

// pattern returns n bytes that differ from one position to the next, so
// that a piece lost, doubled or moved shows.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

// closer records whether it was closed.
type closer struct {
	bytes.Buffer
	closed bool
}

func (c *closer) Close() error {
	c.closed = true
	return nil
}

var _ = Describe("Stream", func() {
	It("frames each message with its length", func() {
		var wire bytes.Buffer
		s := pipe.NewStream(nil, &wire)
		Expect(s.Send([]byte("hi"))).To(Succeed(), "Send to a bytes.Buffer failed")
		Expect(wire.Bytes()).To(Equal([]byte{0, 0, 0, 2, 'h', 'i'}),
			"a frame is the message's length as 4 big-endian bytes, then the message: \"hi\" is 00 00 00 02 'h' 'i'")
		wire.Reset()
		Expect(s.Send(nil)).To(Succeed(), "Send of an empty message failed")
		Expect(wire.Bytes()).To(Equal([]byte{0, 0, 0, 0}), "an empty message is a frame of four zero bytes")
		wire.Reset()
		big := pattern(300)
		Expect(s.Send(big)).To(Succeed())
		Expect(wire.Bytes()).To(Equal(frame(big)), "a 300-byte message is 00 00 01 2c and then its 300 bytes")
	})

	It("reads back what it sent, then io.EOF", func() {
		var wire bytes.Buffer
		out := pipe.NewStream(nil, &wire)
		msgs := [][]byte{[]byte("first"), {}, pattern(70000), []byte("last")}
		for _, m := range msgs {
			Expect(out.Send(m)).To(Succeed())
		}
		in := pipe.NewStream(&wire, nil)
		for i, m := range msgs {
			got, err := in.Recv()
			Expect(err).NotTo(HaveOccurred(), "Recv of message %d failed", i)
			Expect(got).To(HaveLen(len(m)), "message %d was %d bytes long when sent and %d when received", i, len(m), len(got))
			Expect(bytes.Equal(got, m)).To(BeTrue(), "message %d arrived with different bytes", i)
		}
		for range 2 {
			_, err := in.Recv()
			Expect(err).To(MatchError(io.EOF), "at the end of the stream, between two frames, Recv must return io.EOF, every time")
		}
	})

	It("reassembles a frame from many short reads", func() {
		msgs := [][]byte{[]byte("split"), pattern(5000), {}, []byte("up")}
		readers := map[string]func(io.Reader) io.Reader{
			"a byte at a time":             iotest.OneByteReader,
			"half of what was asked":       iotest.HalfReader,
			"the last bytes with io.EOF":   iotest.DataErrReader,
			"a byte at a time, EOF at end": func(r io.Reader) io.Reader { return iotest.DataErrReader(iotest.OneByteReader(r)) },
		}
		for name, wrap := range readers {
			s := pipe.NewStream(wrap(bytes.NewReader(frames(msgs...))), nil)
			for i, m := range msgs {
				got, err := s.Recv()
				Expect(err).NotTo(HaveOccurred(),
					"reading %s, Recv of message %d failed: a Read may return fewer bytes than asked; io.ReadFull keeps reading until it has them all", name, i)
				Expect(bytes.Equal(got, m)).To(BeTrue(),
					"reading %s, message %d came back as %d bytes instead of the %d sent: one Read is not one message; read exactly the header, then exactly the length it gives, with io.ReadFull", name, i, len(got), len(m))
			}
			_, err := s.Recv()
			Expect(err).To(MatchError(io.EOF), "reading %s, Recv must return io.EOF after the last frame", name)
		}
	})

	It("reports a frame cut short", func() {
		cuts := map[string][]byte{
			"half a header":                    {0, 0},
			"a header and no message":          header(10),
			"a header and part of the message": append(header(10), "abcd"...),
		}
		for name, wire := range cuts {
			_, err := pipe.NewStream(iotest.OneByteReader(bytes.NewReader(wire)), nil).Recv()
			Expect(err).To(MatchError(io.ErrUnexpectedEOF),
				"the stream ended after %s: that is a broken frame, io.ErrUnexpectedEOF, not a clean io.EOF between frames", name)
		}
	})

	It("rejects a header that claims too much", func() {
		wire := append(header(pipe.MaxMessage+1), "not that much"...)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := pipe.NewStream(bytes.NewReader(wire), nil).Recv()
		runtime.ReadMemStats(&after)
		Expect(err).To(MatchError(pipe.ErrTooLarge),
			"a header claiming MaxMessage+1 bytes must be rejected with ErrTooLarge: check the length before you read (or allocate) anything")
		grew := after.TotalAlloc - before.TotalAlloc
		Expect(grew).To(BeNumerically("<", 1<<20),
			"Recv allocated %d bytes for a frame it rejected: check the length from the header before making the buffer, or any peer can make you allocate gigabytes", grew)
		_, err = pipe.NewStream(bytes.NewReader(header(0xFFFFFFFF)), nil).Recv()
		Expect(err).To(MatchError(pipe.ErrTooLarge), "a header claiming 4 GiB must be rejected with ErrTooLarge")

		var sent bytes.Buffer
		Expect(pipe.NewStream(nil, &sent).Send(make([]byte, pipe.MaxMessage+1))).To(MatchError(pipe.ErrTooLarge),
			"Send of a message longer than MaxMessage must return ErrTooLarge: the other side would reject it")
		Expect(sent.Len()).To(BeZero(), "Send wrote %d bytes of a message it rejected", sent.Len())
		// Making and scanning a 16 MiB message under the race detector takes
		// real time, which a busy machine stretches well past the default.
	}, SpecTimeout(15*time.Second))

	It("hangs up on Close", func() {
		r := &closer{}
		r.Write(frame([]byte("unread")))
		w := &closer{}
		s := pipe.NewStream(r, w)
		Expect(s.Close()).To(Succeed(), "Close returned an error although closing r and w did not")
		Expect(w.closed).To(BeTrue(), "Close must close w when it is an io.Closer: that is how the other side learns, as io.EOF, that nothing more will come")
		Expect(r.closed).To(BeTrue(), "Close must close r too when it is an io.Closer")
		Expect(s.Send([]byte("x"))).To(MatchError(pipe.ErrClosed), "Send after Close must return ErrClosed")
		Expect(w.Len()).To(BeZero(), "Send after Close wrote to w")
		Expect(s.Recv()).Error().To(MatchError(pipe.ErrClosed), "Recv after Close must return ErrClosed, even with a frame waiting")
		Expect(s.Close()).To(Succeed(), "closing a Stream a second time must do nothing and return nil")
	})

	It("can be shared by many goroutines", func() {
		const goroutines, each = 8, 25
		msg := func(g, i int) []byte { return fmt.Appendf(pattern(100+g*i), "|%d/%d", g, i) }
		want := map[string]bool{}
		for g := range goroutines {
			for i := range each {
				want[string(msg(g, i))] = true
			}
		}

		// A bytes.Buffer is not safe for concurrent use, like most writers:
		// the Stream has to make sure that only one Send writes at a time.
		var wire bytes.Buffer
		out := pipe.NewStream(nil, &wire)
		var wg sync.WaitGroup
		errs := make(chan error, goroutines*each)
		for g := range goroutines {
			wg.Go(func() {
				for i := range each {
					errs <- out.Send(msg(g, i))
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			Expect(err).NotTo(HaveOccurred(), "Send failed")
		}
		in := pipe.NewStream(bytes.NewReader(wire.Bytes()), nil)
		got := map[string]bool{}
		for range goroutines * each {
			m, err := in.Recv()
			Expect(err).NotTo(HaveOccurred(), "frames sent by many goroutines at once came out broken: hold a mutex while a frame is written")
			got[string(m)] = true
		}
		Expect(got).To(Equal(want), "the frames sent by %d goroutines at once did not all arrive intact: hold a mutex while a frame is written", goroutines)

		// Nor is a bytes.Reader: only one Recv may read at a time.
		in = pipe.NewStream(bytes.NewReader(wire.Bytes()), nil)
		var mu sync.Mutex
		got = map[string]bool{}
		var bad []error
		for range goroutines {
			wg.Go(func() {
				for range each {
					m, err := in.Recv()
					mu.Lock()
					if err != nil {
						bad = append(bad, err)
					}
					got[string(m)] = true
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		Expect(errors.Join(bad...)).NotTo(HaveOccurred(), "Recv from many goroutines at once failed: hold a mutex while a frame is read")
		Expect(got).To(Equal(want), "frames read by %d goroutines at once came out broken: hold a mutex while a frame is read", goroutines)
	})
})
