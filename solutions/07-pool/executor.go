// This file builds Executor, Go's answer to Python's
// concurrent.futures.ThreadPoolExecutor: a fixed set of workers that run the
// tasks you submit one by one, each Submit handing back a Future that will
// hold the task's result.
//
// Submit never waits for a free worker: the task joins the back of a queue,
// and the first worker that is free takes the task at its front. Shutdown
// closes the door to new tasks; the workers finish the queue and then end.
package pool

import (
	"errors"
	"sync"
)

// ErrShutdown is returned by Submit once Shutdown has been called, the
// mistake for which Python raises RuntimeError("cannot schedule new futures
// after shutdown").
var ErrShutdown = errors.New("pool: submit after shutdown")

// A Future is the result of a task that was submitted to an Executor: it is
// pending until the task returns, then done for good. Futures are made by
// Submit; the zero value is not usable. Its methods may be called from any
// number of goroutines.
type Future[T any] struct {
	done  chan struct{} // closed when value and err are set
	value T
	err   error
}

// Done returns a channel that is closed when the task has returned, for use
// in a select. It is Python's future.done(), as a channel.
func (f *Future[T]) Done() <-chan struct{} {
	return f.done
}

// Result waits until the task has returned and returns what it returned. It
// may be called any number of times, and always returns the same. It is
// Python's future.result().
func (f *Future[T]) Result() (T, error) {
	<-f.done
	return f.value, f.err
}

// An Executor runs submitted tasks on a fixed number of worker goroutines:
// at most that many tasks run at once, the others wait in a queue and start
// in the order they were submitted, first in, first out. It is Python's
// ThreadPoolExecutor(max_workers=n). Make one with NewExecutor; the zero
// value is not usable.
//
// Go methods cannot have type parameters of their own, so an Executor is
// made for one result type T; use Executor[any] to mix tasks of many kinds.
//
// Call Shutdown when done with it, or its workers stay around for ever.
type Executor[T any] struct {
	mu      sync.Mutex
	ready   sync.Cond // signalled when a task is queued or Shutdown is called
	queue   []func()  // the tasks no worker has taken yet, oldest first
	shut    bool
	workers sync.WaitGroup
}

// NewExecutor returns an Executor with n workers, or one per CPU if n is zero
// or negative (runtime.NumCPU), as Python's Pool() and
// ProcessPoolExecutor() have. (Python's ThreadPoolExecutor() without
// max_workers takes min(32, os.cpu_count() + 4) threads, more than the CPUs,
// on the guess that its threads mostly wait for I/O.)
func NewExecutor[T any](n int) *Executor[T] {
	e := &Executor[T]{}
	e.ready.L = &e.mu
	for range workers(n) {
		e.workers.Go(e.work)
	}
	return e
}

// work is one worker: it runs queued tasks until the executor is shut down
// and the queue is empty.
func (e *Executor[T]) work() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for {
		for len(e.queue) == 0 && !e.shut {
			e.ready.Wait()
		}
		if len(e.queue) == 0 {
			return // shut down, and nothing left to run
		}
		task := e.queue[0]
		e.queue = e.queue[1:]
		e.mu.Unlock() // never hold the lock while a task runs
		task()
		e.mu.Lock()
	}
}

// Submit queues task to run on a free worker and returns at once with the
// Future of its result; it never waits for a worker. It is Python's
// executor.submit(task).
//
// Submit after Shutdown returns ErrShutdown and does not run task. A task
// that panics crashes the program, as a panic in any goroutine does.
func (e *Executor[T]) Submit(task func() (T, error)) (*Future[T], error) {
	f := &Future[T]{done: make(chan struct{})}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.shut {
		return nil, ErrShutdown
	}
	e.queue = append(e.queue, func() {
		f.value, f.err = task()
		close(f.done)
	})
	e.ready.Signal()
	return f, nil
}

// Shutdown stops e from taking new tasks. Every task submitted before it
// still runs, and the workers end once the queue is empty.
//
// With wait true, Shutdown returns after every submitted task has returned
// and every worker has ended. With wait false it returns at once; the tasks
// still run (this is Python's shutdown(wait=False) with the default
// cancel_futures=False), and their Futures tell when they are done.
//
// Shutdown may be called more than once, from any goroutine.
func (e *Executor[T]) Shutdown(wait bool) {
	e.mu.Lock()
	e.shut = true
	e.mu.Unlock()
	e.ready.Broadcast()
	if wait {
		e.workers.Wait()
	}
}
