package sharedstate

// This file builds Manager and Client, Go's version of Python's
// multiprocessing.Manager. The shared dict and list live in one process, the
// manager's; other processes hold a Client, a proxy that turns each method
// call into a request over a connection and waits for the reply. Every
// change happens inside the manager's process, so an operation that must be
// atomic (add to a counter, append to a list) must be one request that the
// manager carries out whole, never a Get followed by a Set.
//
// The connection is any pair of byte streams: the pipes of a child's
// standard input and output, a Unix socket, ... The requests and replies on
// it are yours to design; JSON, one value per line, is enough.

import "io"

// request is one call of a Client, as it travels to the manager.
//
// TODO: a suggestion; change it as you like. json.NewEncoder(w).Encode(req)
// sends one, json.NewDecoder(r).Decode(&req) receives one.
type request struct {
	Op   string // "get", "set", "add" or "append"
	Key  string `json:",omitempty"`
	N    int    `json:",omitempty"`
	Item string `json:",omitempty"`
}

// reply is the manager's answer to one request.
type reply struct {
	N   int    `json:",omitempty"`
	Err string `json:",omitempty"`
}

// A Manager holds a dict (string keys, int values) and a list (of strings)
// and serves them to Clients in other processes.
//
// Create a Manager with NewManager and Close it when every Serve has
// returned. Its methods may be called from several goroutines at once.
type Manager struct {
	// TODO: the dict can be a *Store (you built it above); the list needs a
	// guard of its own, a sync.Mutex next to it will do.
}

// NewManager returns a Manager with an empty dict and an empty list.
func NewManager() *Manager {
	// TODO: make the dict's Store.
	panic("TODO: NewManager: make a Manager with an empty dict (a Store) and an empty list")
}

// Serve answers the requests of one Client, read from r, with replies
// written to w, one reply per request and in order, until r ends. It
// returns nil when r ends (the client hung up) and otherwise the error that
// stopped it. Serve does not close r or w.
//
// Serve may run in several goroutines at once, one per Client: every
// request of every Client is applied to the same dict and list, and each is
// applied whole (an Add or an Append is never split by another request).
func (m *Manager) Serve(r io.Reader, w io.Writer) error {
	// TODO: loop: decode a request from r (io.EOF: return nil), carry it
	// out, encode the reply to w. "add" is the dict's Update, done here in
	// the manager, not by the client.
	panic("TODO: Serve: read requests from r and write one reply each to w, until r ends")
}

// Dict returns a copy of the dict, or nil once the Manager is closed.
func (m *Manager) Dict() map[string]int {
	// TODO: the Store's Snapshot.
	panic("TODO: Dict: return a copy of the dict")
}

// List returns a copy of the list.
func (m *Manager) List() []string {
	// TODO: copy the list while holding its guard.
	panic("TODO: List: return a copy of the list")
}

// Close stops the Manager's dict. Requests for the dict that reach the
// Manager after Close get an error reply; the list stays as it was, and
// usable. Closing a closed Manager returns ErrClosed.
func (m *Manager) Close() error {
	// TODO: close the dict's Store.
	panic("TODO: Close: close the dict's Store")
}

// A Client is the other side of a Manager's Serve: a proxy for the
// manager's dict and list, used from another process. Each method sends one
// request and waits for its reply, and returns an error if the manager
// replied with one or the connection failed.
//
// Create a Client with NewClient. Its methods may be called from several
// goroutines at once; their requests go out one at a time: a request is sent
// only once the reply to the one before it has been read, so that each call
// gets its own reply.
type Client struct {
	// TODO: an encoder for requests, a decoder for replies, and a mutex so
	// that one request and its reply go by at a time.
}

// NewClient returns a Client that reads the manager's replies from r and
// writes its requests to w. The caller keeps r and w and closes them.
func NewClient(r io.Reader, w io.Writer) *Client {
	// TODO: wrap r and w in a decoder and an encoder.
	panic("TODO: NewClient: wrap r and w to receive replies and send requests")
}

// Get returns the value of key in the manager's dict, 0 if it was never set.
func (c *Client) Get(key string) (int, error) {
	// TODO: send a "get" request, wait for the reply.
	panic("TODO: Client.Get: send a get request and wait for the reply")
}

// Set sets key to v in the manager's dict.
func (c *Client) Set(key string, v int) error {
	// TODO: send a "set" request, wait for the reply.
	panic("TODO: Client.Set: send a set request and wait for the reply")
}

// Add adds delta to key in the manager's dict and returns the new value.
// The manager does the addition: no other request comes between its read
// and its write, whichever processes send them.
func (c *Client) Add(key string, delta int) (int, error) {
	// TODO: ONE "add" request; a Get and then a Set from here would lose
	// other processes' additions made in between.
	panic("TODO: Client.Add: send one add request that the manager carries out whole")
}

// Append appends item to the manager's list.
func (c *Client) Append(item string) error {
	// TODO: send an "append" request, wait for the reply.
	panic("TODO: Client.Append: send an append request and wait for the reply")
}
