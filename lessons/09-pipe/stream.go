// This file builds Stream, the same conversation as Conn over a stream of
// bytes: an OS pipe, a socket, a file, anything with Read and Write. A
// stream has no idea where one message ends and the next begins, so every
// message travels as a frame, its length first, and the receiver reads
// exactly that many bytes, however many reads they take to arrive.
package pipe

import (
	"errors"
	"io"
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
	// TODO: r and w, a mutex for each direction so that frames never
	// interleave, and a closed flag that is safe to read from any goroutine.
}

// NewStream returns a Stream that receives messages from r and sends them
// to w. Either may be nil if it is never used.
func NewStream(r io.Reader, w io.Writer) *Stream {
	// TODO: keep r and w.
	panic("TODO: NewStream: make a Stream over r and w")
}

// Send writes msg to w as one frame. It returns ErrClosed after Close,
// ErrTooLarge (writing nothing) if msg is longer than MaxMessage, and
// otherwise the error of the write, if any.
func (s *Stream) Send(msg []byte) error {
	// TODO: check closed and the size, then write the 4-byte length and the
	// message (encoding/binary's BigEndian.PutUint32), holding the send mutex
	// for the whole frame.
	panic("TODO: Send: write msg as one length-prefixed frame")
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
	// TODO: holding the receive mutex, read exactly 4 bytes of header with
	// io.ReadFull (a single Read may return fewer), check the length against
	// MaxMessage, then read exactly that many bytes with io.ReadFull.
	panic("TODO: Recv: read one length-prefixed frame")
}

// Close closes the Stream: it closes w, so that the other side's Recv
// returns io.EOF, and then r, each if it is an io.Closer, and returns the
// first error of those. When r and w are one and the same (one file or
// connection for both directions, as in NewStream(conn, conn)), it is closed
// once, and Close does not report that it was already closed. Send and Recv
// return ErrClosed from then on. Closing a Stream twice, or from two
// goroutines at once, closes nothing more, and the later call returns nil.
func (s *Stream) Close() error {
	// TODO: set the closed flag (only the first call goes on), then close w
	// and r if they are io.Closers (r only if it is not w itself).
	panic("TODO: Close: hang up by closing w, then r")
}
