package spec

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Server is an HTTP test server whose connections are in-memory pipes
// instead of sockets. It works inside a Bubble, where real network I/O would
// stop fake time (a goroutine waiting on a socket is not durably blocked),
// and it opens no port, so it works without a network.
//
// Requests must go through Client; URL names the server for it.
type Server struct {
	*httptest.Server
	listener *pipeListener
	client   *http.Client
}

// NewServer starts a Server for handler. The caller must Close it, inside
// the bubble that started it.
func NewServer(handler http.Handler) *Server {
	l := &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
	s := httptest.NewUnstartedServer(handler)
	s.Listener.Close()
	s.Listener = l
	s.Start()
	transport := &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) { return l.dial(ctx) },
	}
	return &Server{Server: s, listener: l, client: &http.Client{Transport: transport}}
}

// Client returns the client that reaches the server.
func (s *Server) Client() *http.Client { return s.client }

// Close closes the client's idle connections and shuts the server down,
// waiting for requests in flight.
func (s *Server) Close() {
	s.client.CloseIdleConnections()
	s.Server.Close()
}

// pipeListener is a net.Listener whose connections come from dial.
type pipeListener struct {
	conns chan net.Conn
	once  sync.Once
	done  chan struct{}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

func (l *pipeListener) dial(ctx context.Context) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
		return nil, errors.New("spec: server closed")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "threadlings.test" }
