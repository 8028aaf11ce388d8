// threadlings:want fail

// Known-bad: a Send waiting on a full pipe wakes when the other end closes, but not when its own end does.

// Package pipe is lesson 09: a pipe, two ends of a conversation.
//
// This file builds Pipe, the Go counterpart of Python's multiprocessing.Pipe
// for goroutines: two connected ends, each of which sends messages to the
// other and receives the other's, and a one-way kind whose ends can only do
// one of the two. Each direction of a pipe is a channel of its own, and each
// end has a channel that its Close closes, so that a goroutine waiting on
// the pipe can select on "a message came" and "somebody hung up" at once.
package pipe

import (
	"bytes"
	"errors"
	"io"
	"sync"
)

// ErrClosed is returned by Send and Recv on a connection that has been
// closed, and by Send on a connection whose other end has been closed: a
// message sent there would never be read, the mistake Python reports as
// BrokenPipeError.
var ErrClosed = errors.New("pipe: use of closed connection")

// Capacity is how many messages each direction of a pipe holds that have
// been sent and not yet received. Send waits while the pipe is full, as a
// write to a full OS pipe does.
const Capacity = 16

// A Conn is one end of a two-way pipe made by Pipe. Messages sent on one end
// are received on the other, in the order they were sent; an end never
// receives its own messages.
//
// The zero value is not usable: make connections with Pipe. A Conn is safe
// for use by many goroutines at once.
type Conn struct {
	in     <-chan []byte
	out    chan<- []byte
	closed chan struct{}   // closed by Close
	peer   <-chan struct{} // closed by the other end's Close
	once   sync.Once
}

// Pipe returns the two ends of a new two-way pipe, like Python's
// multiprocessing.Pipe() (duplex=True). Each end should be closed when it
// is no longer used.
func Pipe() (*Conn, *Conn) {
	ab := make(chan []byte, Capacity)
	ba := make(chan []byte, Capacity)
	a := &Conn{in: ba, out: ab, closed: make(chan struct{})}
	b := &Conn{in: ab, out: ba, closed: make(chan struct{})}
	a.peer, b.peer = b.closed, a.closed
	return a, b
}

// Send sends a copy of msg to the other end, so the caller may reuse msg as
// soon as Send returns. It waits while the pipe holds Capacity messages,
// until a Recv on the other end makes room.
//
// Send returns ErrClosed if either end is closed, including when one is
// closed while Send waits.
func (c *Conn) Send(msg []byte) error {
	if c.hungUp() {
		return ErrClosed
	}
	select {
	case c.out <- bytes.Clone(msg):
		return nil
	case <-c.peer: // the other end hung up: nobody will read it
		return ErrClosed
	}
}

// Recv returns the next message from the other end, waiting until one
// arrives. Once the other end is closed, Recv still returns every message
// sent before the close, and then io.EOF, on this and every later call.
//
// Recv returns ErrClosed if c itself is closed, including when it is closed
// while Recv waits.
func (c *Conn) Recv() ([]byte, error) {
	select {
	case <-c.closed:
		return nil, ErrClosed
	default:
	}
	select {
	case msg := <-c.in:
		return msg, nil
	case <-c.closed:
		return nil, ErrClosed
	case <-c.peer:
		// The other end hung up, but what it sent before that still counts.
		select {
		case msg := <-c.in:
			return msg, nil
		default:
			return nil, io.EOF
		}
	}
}

// Close closes c: Send and Recv on it fail with ErrClosed from then on,
// Send on the other end fails with ErrClosed, and Recv on the other end
// returns io.EOF once it has received what c sent. Goroutines waiting in
// Send or Recv on either end are woken. Close always returns nil; closing
// an end twice does nothing more.
func (c *Conn) Close() error {
	c.once.Do(func() { close(c.closed) })
	return nil
}

// hungUp reports whether either end is closed.
func (c *Conn) hungUp() bool {
	select {
	case <-c.closed:
		return true
	case <-c.peer:
		return true
	default:
		return false
	}
}

// A Receiver is the receiving end of a one-way pipe made by OneWay. It has
// no Send method: sending on it is a compile-time error, not a run-time one.
// It behaves as the receiving side of a Conn.
type Receiver struct {
	c *Conn
}

// Recv returns the next message from the Sender, waiting until one arrives;
// once the Sender is closed, it returns what is left and then io.EOF. It
// returns ErrClosed once r is closed.
func (r *Receiver) Recv() ([]byte, error) { return r.c.Recv() }

// Close closes r; from then on the Sender's Send returns ErrClosed.
func (r *Receiver) Close() error { return r.c.Close() }

// A Sender is the sending end of a one-way pipe made by OneWay. It has no
// Recv method. It behaves as the sending side of a Conn.
type Sender struct {
	c *Conn
}

// Send sends a copy of msg to the Receiver, waiting while the pipe is full.
// It returns ErrClosed once either end is closed.
func (s *Sender) Send(msg []byte) error { return s.c.Send(msg) }

// Close closes s; the Receiver gets io.EOF once it has received what was
// sent.
func (s *Sender) Close() error { return s.c.Close() }

// OneWay returns the two ends of a new one-way pipe, receiving end first,
// like Python's multiprocessing.Pipe(duplex=False). Python raises an error
// at run time when the wrong end is used; here the wrong call does not
// compile:
//
//	r, s := pipe.OneWay()
//	r.Send(msg) // compile error: r.Send undefined (type *pipe.Receiver has no field or method Send)
func OneWay() (*Receiver, *Sender) {
	r, s := Pipe()
	return &Receiver{r}, &Sender{s}
}
