// Package pipe is lesson 09: a pipe, two ends of a conversation.
//
// This file builds Pipe, the Go counterpart of Python's multiprocessing.Pipe
// for goroutines: two connected ends, each of which sends messages to the
// other and receives the other's, and a one-way kind whose ends can only do
// one of the two.
//
// A natural build: each direction of the pipe is a buffered channel of its
// own, and each end has a channel that its Close closes, so that a goroutine
// waiting on the pipe can select on "a message came" and "somebody hung up"
// at once.
package pipe

import "errors"

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
	// TODO: the channel this end receives from, the channel it sends on
	// (the other end's receiving channel), a channel that Close closes (once
	// only: sync.Once), and the other end's such channel.
}

// Pipe returns the two ends of a new two-way pipe, like Python's
// multiprocessing.Pipe() (duplex=True). Each end should be closed when it
// is no longer used.
func Pipe() (*Conn, *Conn) {
	// TODO: make one buffered channel per direction and cross them over.
	panic("TODO: Pipe: make two connected ends, one channel per direction")
}

// Send sends a copy of msg to the other end, so the caller may reuse msg as
// soon as Send returns. It waits while the pipe holds Capacity messages,
// until a Recv on the other end makes room.
//
// Send returns ErrClosed if either end is closed, including when one is
// closed while Send waits.
func (c *Conn) Send(msg []byte) error {
	// TODO: refuse when either end is closed; otherwise send a copy of msg
	// in a select that also wakes up when either end is closed.
	panic("TODO: Send: put a copy of msg on the outgoing channel")
}

// Recv returns the next message from the other end, waiting until one
// arrives. Once the other end is closed, Recv still returns every message
// sent before the close, and then io.EOF, on this and every later call.
//
// Recv returns ErrClosed if c itself is closed, including when it is closed
// while Recv waits.
func (c *Conn) Recv() ([]byte, error) {
	// TODO: refuse when c is closed; otherwise select on the incoming
	// channel, c's close and the other end's close. When the other end has
	// closed, messages it sent before that still come first.
	panic("TODO: Recv: take the next message from the incoming channel")
}

// Close closes c: Send and Recv on it fail with ErrClosed from then on,
// Send on the other end fails with ErrClosed, and Recv on the other end
// returns io.EOF once it has received what c sent. Goroutines waiting in
// Send or Recv on either end are woken. Close always returns nil; closing
// an end twice does nothing more.
func (c *Conn) Close() error {
	// TODO: close c's own channel, exactly once however often Close is called.
	panic("TODO: Close: hang up this end")
}

// A Receiver is the receiving end of a one-way pipe made by OneWay. It has
// no Send method: sending on it is a compile-time error, not a run-time one.
// It behaves as the receiving side of a Conn.
type Receiver struct {
	// TODO: what the receiving end needs (a *Conn will do).
}

// Recv returns the next message from the Sender, waiting until one arrives;
// once the Sender is closed, it returns what is left and then io.EOF. It
// returns ErrClosed once r is closed.
func (r *Receiver) Recv() ([]byte, error) {
	// TODO: pass the call on to the pipe end inside.
	panic("TODO: Receiver.Recv: receive from the Sender")
}

// Close closes r; from then on the Sender's Send returns ErrClosed.
func (r *Receiver) Close() error {
	// TODO: pass the call on to the pipe end inside.
	panic("TODO: Receiver.Close: hang up the receiving end")
}

// A Sender is the sending end of a one-way pipe made by OneWay. It has no
// Recv method. It behaves as the sending side of a Conn.
type Sender struct {
	// TODO: what the sending end needs (a *Conn will do).
}

// Send sends a copy of msg to the Receiver, waiting while the pipe is full.
// It returns ErrClosed once either end is closed.
func (s *Sender) Send(msg []byte) error {
	// TODO: pass the call on to the pipe end inside.
	panic("TODO: Sender.Send: send to the Receiver")
}

// Close closes s; the Receiver gets io.EOF once it has received what was
// sent.
func (s *Sender) Close() error {
	// TODO: pass the call on to the pipe end inside.
	panic("TODO: Sender.Close: hang up the sending end")
}

// OneWay returns the two ends of a new one-way pipe, receiving end first,
// like Python's multiprocessing.Pipe(duplex=False). Python raises an error
// at run time when the wrong end is used; here the wrong call does not
// compile:
//
//	r, s := pipe.OneWay()
//	r.Send(msg) // compile error: r.Send undefined (type *pipe.Receiver has no field or method Send)
func OneWay() (*Receiver, *Sender) {
	// TODO: a two-way pipe whose ends are each wrapped so that only the
	// right methods are left.
	panic("TODO: OneWay: make a Receiver and a Sender joined by a pipe")
}
