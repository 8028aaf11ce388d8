// threadlings:want race

// Package daemon is lesson 03: daemon work and the end of main.
//
// This file builds a Supervisor, the Go answer to Python's daemon flag. A
// Python program keeps running until its last non-daemon thread has
// finished, and daemon threads die with it. A Go program ends the moment
// main returns, taking every goroutine with it, so the waiting has to be
// written out: the Supervisor waits for the work that must finish and then
// tells the background work to stop through a context.
package daemon

import (
	"context"
	"errors"
	"sync"
)

// ErrShutdown is returned by Go and Daemon once Shutdown has been called.
var ErrShutdown = errors.New("daemon: supervisor is shut down")

// A Supervisor runs goroutines of two kinds and stops them in order:
//
//   - non-daemon work, started with Go, which Shutdown waits for: the
//     program's real job, which must not be cut off;
//   - daemon work, started with Daemon, which runs in the background until
//     the non-daemon work is done and is then cancelled through its context.
//
// Create a Supervisor with New; the zero value is not usable. Its methods
// may be called from several goroutines at once, including from the tasks
// it runs, except that a task must not call Shutdown: it would wait for
// itself.
type Supervisor struct {
	ctx       context.Context    // handed to non-daemon work
	daemonCtx context.Context    // handed to daemons
	cancel    context.CancelFunc // cancels daemonCtx

	mu       sync.Mutex
	shutdown bool
	work     sync.WaitGroup
	daemons  sync.WaitGroup
}

// New returns a Supervisor whose tasks get contexts derived from ctx:
// cancelling ctx reaches every task, daemon or not. ctx must not be nil.
func New(ctx context.Context) *Supervisor {
	daemonCtx, cancel := context.WithCancel(ctx)
	return &Supervisor{ctx: ctx, daemonCtx: daemonCtx, cancel: cancel}
}

// Go starts f in a new goroutine as non-daemon work and returns at once.
// f receives the context given to New; Shutdown does not cancel it, it
// waits for f to return.
//
// Go returns ErrShutdown, and does not run f, once Shutdown has been called.
func (s *Supervisor) Go(f func(ctx context.Context)) error {
	return s.start(&s.work, s.ctx, f)
}

// Daemon starts f in a new goroutine as daemon work and returns at once.
// f receives a context that is cancelled when Shutdown has seen every
// non-daemon task return (or earlier, when New's context is cancelled); f
// must return soon after that context is done.
//
// Daemon returns ErrShutdown, and does not run f, once Shutdown has been
// called.
func (s *Supervisor) Daemon(f func(ctx context.Context)) error {
	return s.start(&s.daemons, s.daemonCtx, f)
}

func (s *Supervisor) start(wg *sync.WaitGroup, ctx context.Context, f func(context.Context)) error {
	// The flag and the count change under one lock, so no task is counted
	// in after Shutdown has started waiting.
	s.mu.Lock()
	down := s.shutdown
	s.mu.Unlock()
	if down {
		return ErrShutdown
	}
	wg.Go(func() { f(ctx) })
	return nil
}

// Shutdown stops the Supervisor in three steps: it waits for every
// non-daemon task to return, then cancels the daemons' context, then waits
// for every daemon to return. After it has been called, Go and Daemon
// refuse new tasks. It may be called more than once and from several
// goroutines; every call returns once all the tasks have returned.
func (s *Supervisor) Shutdown() {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()

	s.work.Wait()
	s.cancel()
	s.daemons.Wait()
}
