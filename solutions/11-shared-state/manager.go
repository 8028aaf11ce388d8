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

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// request is one call of a Client, as it travels to the manager.
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
	dict *Store
	mu   sync.Mutex // guards list
	list []string
}

// NewManager returns a Manager with an empty dict and an empty list.
func NewManager() *Manager {
	return &Manager{dict: NewStore()}
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
	dec, enc := json.NewDecoder(r), json.NewEncoder(w)
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := enc.Encode(m.handle(req)); err != nil {
			return err
		}
	}
}

// handle carries out one request.
func (m *Manager) handle(req request) reply {
	var n int
	var err error
	switch req.Op {
	case "get":
		n, err = m.dict.Get(req.Key)
	case "set":
		err = m.dict.Set(req.Key, req.N)
	case "add":
		n, err = m.dict.Update(req.Key, func(old int) int { return old + req.N })
	case "append":
		m.mu.Lock()
		m.list = append(m.list, req.Item)
		m.mu.Unlock()
	default:
		err = fmt.Errorf("unknown operation %q", req.Op)
	}
	if err != nil {
		return reply{Err: err.Error()}
	}
	return reply{N: n}
}

// Dict returns a copy of the dict, or nil once the Manager is closed.
func (m *Manager) Dict() map[string]int {
	d, _ := m.dict.Snapshot()
	return d
}

// List returns a copy of the list.
func (m *Manager) List() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.list...)
}

// Close stops the Manager's dict. Requests for the dict that reach the
// Manager after Close get an error reply; the list stays as it was, and
// usable. Closing a closed Manager returns ErrClosed.
func (m *Manager) Close() error {
	return m.dict.Close()
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
	mu  sync.Mutex // one request and its reply at a time
	enc *json.Encoder
	dec *json.Decoder
}

// NewClient returns a Client that reads the manager's replies from r and
// writes its requests to w. The caller keeps r and w and closes them.
func NewClient(r io.Reader, w io.Writer) *Client {
	return &Client{enc: json.NewEncoder(w), dec: json.NewDecoder(r)}
}

// call sends req and waits for its reply.
func (c *Client) call(req request) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.enc.Encode(req); err != nil {
		return 0, err
	}
	var rep reply
	if err := c.dec.Decode(&rep); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF // the manager hung up before it replied
		}
		return 0, err
	}
	if rep.Err != "" {
		return 0, errors.New(rep.Err)
	}
	return rep.N, nil
}

// Get returns the value of key in the manager's dict, 0 if it was never set.
func (c *Client) Get(key string) (int, error) {
	return c.call(request{Op: "get", Key: key})
}

// Set sets key to v in the manager's dict.
func (c *Client) Set(key string, v int) error {
	_, err := c.call(request{Op: "set", Key: key, N: v})
	return err
}

// Add adds delta to key in the manager's dict and returns the new value.
// The manager does the addition: no other request comes between its read
// and its write, whichever processes send them.
func (c *Client) Add(key string, delta int) (int, error) {
	return c.call(request{Op: "add", Key: key, N: delta})
}

// Append appends item to the manager's list.
func (c *Client) Append(item string) error {
	_, err := c.call(request{Op: "append", Item: item})
	return err
}
