package pipe_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing/iotest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/09-pipe"
	"github.com/threadlings/threadlings/lessons/internal/spec"
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

// file is a reader and writer that closes like an *os.File: the first
// Close returns err (nil unless set), every later one "file already
// closed". It writes the order of every Close to log, and is safe to close
// from many goroutines.
type file struct {
	name string
	err  error
	log  *[]string
	mu   *sync.Mutex
	n    int
}

var errAlreadyClosed = errors.New("file already closed")

func newFiles(names ...string) []*file {
	var log []string
	var mu sync.Mutex
	files := make([]*file, len(names))
	for i, name := range names {
		files[i] = &file{name: name, log: &log, mu: &mu}
	}
	return files
}

func (f *file) Read(p []byte) (int, error)  { return 0, io.EOF }
func (f *file) Write(p []byte) (int, error) { return len(p), nil }

func (f *file) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n++
	*f.log = append(*f.log, f.name)
	if f.n > 1 {
		return errAlreadyClosed
	}
	return f.err
}

func (f *file) closes() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

func (f *file) order() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(*f.log)
}

// brokenWriter fails every write.
type brokenWriter struct{}

var errDiskFull = errors.New("no space left on device")

func (brokenWriter) Write(p []byte) (int, error) { return 0, errDiskFull }

// counter counts the bytes written to it and keeps none.
type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// A turnWriter keeps what is written to it, safe for many goroutines, and
// makes every Write wait until each of the Sends that share it (calls) has
// returned or is parked: waiting for its turn at a lock or a channel, or in
// a Write of its own. Then the one writing is the only Send that moves, and
// it goes on only when all the others have had the chance to get in
// between two of its Writes.
type turnWriter struct {
	mu    sync.Mutex
	wire  bytes.Buffer
	calls []*spec.Call
}

func (w *turnWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.wire.Write(p)
	w.mu.Unlock()
	// Give up after a while all the same, so that a Send that waits for its
	// turn by spinning, never parked, is slow here but not stuck.
	for giveUp := time.Now().Add(50 * time.Millisecond); !w.othersParked() && time.Now().Before(giveUp); {
		time.Sleep(50 * time.Microsecond)
	}
	// A sync.Mutex whose waiter has waited over a millisecond hands itself
	// to its waiters in turn (see sync.Mutex): a Send that lets go of the
	// lock and takes it again then queues behind the others.
	time.Sleep(2 * time.Millisecond)
	return len(p), nil
}

// othersParked reports whether every call but the running one (the one in
// Write, which is not parked) has returned or is parked.
func (w *turnWriter) othersParked() bool {
	w.mu.Lock()
	calls := w.calls
	w.mu.Unlock()
	if len(calls) == 0 {
		return false
	}
	moving := 0
	for _, c := range calls {
		if !c.Returned() && !c.Waiting() {
			moving++
		}
	}
	return moving <= 1
}

func (w *turnWriter) bytes() []byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	return bytes.Clone(w.wire.Bytes())
}

// unframe splits wire into the messages of whole frames, as the format
// says, without the Stream's Recv; rest is what is left after the last whole
// frame.
func unframe(wire []byte) (msgs [][]byte, rest []byte) {
	for len(wire) >= 4 {
		n := binary.BigEndian.Uint32(wire)
		if uint64(len(wire)-4) < uint64(n) {
			break
		}
		msgs = append(msgs, wire[4:4+n])
		wire = wire[4+n:]
	}
	return msgs, wire
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

	It("closes w, then r, and reports the first error", func() {
		fs := newFiles("r", "w")
		r, w := fs[0], fs[1]
		Expect(pipe.NewStream(r, w).Close()).To(Succeed(), "Close returned an error although closing r and w did not")
		Expect(r.order()).To(Equal([]string{"w", "r"}),
			"Close must close w first, so that the other side learns at once that nothing more will come, and then r")

		fs = newFiles("r", "w")
		r, w = fs[0], fs[1]
		w.err = errDiskFull
		Expect(pipe.NewStream(r, w).Close()).To(MatchError(errDiskFull),
			"closing w failed, and Close must return that error (a writer's Close may be the moment buffered data fails to reach the disk)")
		Expect(r.closes()).To(Equal(1), "closing w failed, but Close must still close r: an error is no reason to leave a file open")

		fs = newFiles("r", "w")
		r, w = fs[0], fs[1]
		r.err = io.ErrClosedPipe
		Expect(pipe.NewStream(r, w).Close()).To(MatchError(io.ErrClosedPipe), "closing r failed, and Close must return that error")

		fs = newFiles("r", "w")
		r, w = fs[0], fs[1]
		w.err, r.err = errDiskFull, io.ErrClosedPipe
		Expect(pipe.NewStream(r, w).Close()).To(MatchError(errDiskFull),
			"closing w and closing r both failed: Close must return the first error, w's, not the last")
	})

	It("closes one file for both directions once", func() {
		rw := newFiles("conn")[0]
		s := pipe.NewStream(rw, rw)
		Expect(s.Close()).To(Succeed(),
			"NewStream(conn, conn) reads and writes one file: Close must close it once, not twice (a second Close of a file only says it is closed already)")
		Expect(rw.closes()).To(Equal(1), "the file under NewStream(conn, conn) was closed %d times, not once", rw.closes())
	})

	It("closes nothing more when closed again, from any goroutine", func() {
		fs := newFiles("r", "w")
		r, w := fs[0], fs[1]
		s := pipe.NewStream(r, w)
		results := make([]error, 4)
		spec.Together(4, func(i int) { results[i] = s.Close() })
		Expect(results).To(HaveEach(Succeed()), "four goroutines closed the Stream at once: each Close must return nil, as closing twice does")
		Expect(s.Close()).To(Succeed(), "closing a Stream a second time must do nothing and return nil")
		Expect(w.closes()).To(Equal(1), "w was closed %d times by Stream.Close called five times: only the first Close closes anything", w.closes())
		Expect(r.closes()).To(Equal(1), "r was closed %d times by Stream.Close called five times: only the first Close closes anything", r.closes())
		Expect(s.Send([]byte("x"))).To(MatchError(pipe.ErrClosed), "Send after Close must return ErrClosed")
	})

	It("returns the error of the write", func() {
		err := pipe.NewStream(nil, brokenWriter{}).Send([]byte("hello"))
		Expect(err).To(MatchError(errDiskFull), "the write failed with %q, so Send must return that error, not nil: the message never left", errDiskFull)
	})

	It("accepts a message of exactly MaxMessage bytes", func() {
		var sent counter
		Expect(pipe.NewStream(nil, &sent).Send(make([]byte, pipe.MaxMessage))).To(Succeed(),
			"Send of a message of exactly MaxMessage bytes must succeed: MaxMessage is the largest allowed, not the first too large")
		Expect(sent.n).To(Equal(4+pipe.MaxMessage), "Send of MaxMessage bytes must write a 4-byte header and the whole message")

		wire := io.MultiReader(bytes.NewReader(header(pipe.MaxMessage)), io.LimitReader(zeros{}, pipe.MaxMessage))
		msg, err := pipe.NewStream(wire, nil).Recv()
		Expect(err).NotTo(HaveOccurred(), "Recv of a frame of exactly MaxMessage bytes must succeed: MaxMessage is the largest allowed, not the first too large")
		Expect(msg).To(HaveLen(pipe.MaxMessage), "Recv of a frame of MaxMessage bytes must return all of them")
		// Making a 16 MiB message under the race detector takes real time,
		// which a busy machine stretches well past the default.
	}, SpecTimeout(15*time.Second))

	It("keeps a frame whole while other Sends wait their turn", func() {
		// Four Sends at once on a writer that makes every Write wait until
		// the other Sends are parked: one that lets go of its lock between
		// the pieces of a frame lets the others in between, every time.
		const sends = 4
		msg := func(i int) []byte { return fmt.Appendf(pattern(10+20*i), "|message %d", i) }
		w := &turnWriter{}
		s := pipe.NewStream(nil, w)
		errs := make([]error, sends)
		var calls []*spec.Call
		for i := range sends {
			calls = append(calls, spec.Go(func() { errs[i] = s.Send(msg(i)) }))
		}
		w.mu.Lock()
		w.calls = calls
		w.mu.Unlock()
		for _, c := range calls {
			<-c.Done()
			c.Check()
		}
		for i, err := range errs {
			Expect(err).NotTo(HaveOccurred(), "Send of message %d failed", i)
		}
		got, rest := unframe(w.bytes())
		var broken []string
		for i, m := range got {
			if !slices.ContainsFunc([]int{0, 1, 2, 3}, func(j int) bool { return bytes.Equal(m, msg(j)) }) {
				broken = append(broken, fmt.Sprintf("frame %d (%d bytes) is no message that was sent", i+1, len(m)))
			}
		}
		if len(rest) > 0 {
			broken = append(broken, fmt.Sprintf("%d bytes at the end are no whole frame", len(rest)))
		}
		Expect(broken).To(BeEmpty(),
			"four Sends ran at once, and the frames on w came out mixed (%s): another Send wrote between the header of a frame and its message. Hold the send mutex from the first byte of a frame to its last: unlocking between the header and the message lets another Send in",
			strings.Join(broken, "; "))
		Expect(got).To(HaveLen(sends), "four Sends succeeded, so w must hold four frames")
		// Every Write waits for the others to park, which under the race
		// detector on a busy machine takes real time.
	}, SpecTimeout(5*time.Second))

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
		// Two hundred frames each way under the race detector take real
		// time, which a machine busy with other work stretches past the
		// default.
	}, SpecTimeout(5*time.Second))
})
