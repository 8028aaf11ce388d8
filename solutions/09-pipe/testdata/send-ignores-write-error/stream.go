// threadlings:want fail

// Known-bad: Send returns nil whatever the write returned.

// This file builds Stream, the same conversation as Conn over a stream of
// bytes: an OS pipe, a socket, a file, anything with Read and Write. A
// stream has no idea where one message ends and the next begins, so every
// message travels as a frame, its length first, and the receiver reads
// exactly that many bytes, however many reads they take to arrive.
package pipe

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
)

// MaxMessage is the largest message a Stream sends or accepts, in bytes.
const MaxMessage = 16 << 20

// ErrTooLarge is returned by Send for a message longer than MaxMessage, and
// by Recv for a frame whose header claims more than MaxMessage bytes.
var ErrTooLarge = errors.New("pipe: message too large")

// A Stream carries messages over a byte stream, one frame per message: the
// length of the message as a 4-byte big-endian unsigned integer, then the
// message itself. An empty message is a frame of four zero bytes.
//
// A Stream is safe for use by many goroutines at once: frames sent by
// concurrent Sends never interleave, and each frame is read by one Recv.
// Make one with NewStream.
type Stream struct {
	r      io.Reader
	w      io.Writer
	sendMu sync.Mutex // one frame on w at a time
	recvMu sync.Mutex // one frame from r at a time
	closed atomic.Bool
}

// NewStream returns a Stream that receives messages from r and sends them
// to w. Either may be nil if it is never used.
func NewStream(r io.Reader, w io.Writer) *Stream {
	return &Stream{r: r, w: w}
}

// Send writes msg to w as one frame. It returns ErrClosed after Close,
// ErrTooLarge (writing nothing) if msg is longer than MaxMessage, and
// otherwise the error of the write, if any.
func (s *Stream) Send(msg []byte) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if len(msg) > MaxMessage {
		return ErrTooLarge
	}
	frame := make([]byte, 4+len(msg))
	binary.BigEndian.PutUint32(frame, uint32(len(msg)))
	copy(frame[4:], msg)
	s.sendMu.Lock()
	defer s.sendMu.Unlock()
	s.w.Write(frame)
	return nil
}

// Recv reads the next frame from r and returns its message, waiting for as
// many reads of r as the frame takes to arrive.
//
// At the end of r between two frames, Recv returns io.EOF: the other side
// hung up. If r ends inside a frame, Recv returns io.ErrUnexpectedEOF. A
// header that claims more than MaxMessage bytes is rejected with
// ErrTooLarge before anything is allocated for it. After Close, Recv returns
// ErrClosed.
func (s *Stream) Recv() ([]byte, error) {
	s.recvMu.Lock()
	defer s.recvMu.Unlock()
	if s.closed.Load() {
		return nil, ErrClosed
	}
	var header [4]byte
	if _, err := io.ReadFull(s.r, header[:]); err != nil {
		return nil, err // io.EOF only when not one byte of the header came
	}
	n := binary.BigEndian.Uint32(header[:])
	if n > MaxMessage {
		return nil, fmt.Errorf("%w: a frame header claims %d bytes", ErrTooLarge, n)
	}
	msg := make([]byte, n)
	if _, err := io.ReadFull(s.r, msg); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF // the header came, so the frame was cut short
		}
		return nil, err
	}
	return msg, nil
}

// Close closes the Stream: it closes w, so that the other side's Recv
// returns io.EOF, and then r, each if it is an io.Closer, and returns the
// first error of those. When r and w are one and the same (one file or
// connection for both directions, as in NewStream(conn, conn)), it is closed
// once, and Close does not report that it was already closed. Send and Recv
// return ErrClosed from then on. Closing a Stream twice, or from two
// goroutines at once, closes nothing more, and the later call returns nil.
func (s *Stream) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var err error
	if c, ok := s.w.(io.Closer); ok {
		err = c.Close()
	}
	// One file for both directions is closed once: a second Close of it
	// would only report that it is closed already.
	if c, ok := s.r.(io.Closer); ok && any(s.r) != any(s.w) {
		if e := c.Close(); err == nil {
			err = e
		}
	}
	return err
}
