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
	ctx       context.Context
	daemonCtx context.Context
	cancel    context.CancelFunc

	// One done channel per task, appended by Go and Daemon with no lock.
	shutdown bool
	work     []chan struct{}
	daemons  []chan struct{}
}

func New(ctx context.Context) *Supervisor {
	daemonCtx, cancel := context.WithCancel(ctx)
	return &Supervisor{ctx: ctx, daemonCtx: daemonCtx, cancel: cancel}
}

func (s *Supervisor) Go(f func(ctx context.Context)) error {
	if s.shutdown {
		return ErrShutdown
	}
	s.work = append(s.work, run(s.ctx, f))
	return nil
}

func (s *Supervisor) Daemon(f func(ctx context.Context)) error {
	if s.shutdown {
		return ErrShutdown
	}
	s.daemons = append(s.daemons, run(s.daemonCtx, f))
	return nil
}

func run(ctx context.Context, f func(context.Context)) chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(ctx)
	}()
	return done
}

func (s *Supervisor) Shutdown() {
	s.shutdown = true
	for _, done := range s.work {
		<-done
	}
	s.cancel()
	for _, done := range s.daemons {
		<-done
	}
}
