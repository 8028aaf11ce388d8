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
	// TODO: a channel closed when the task has returned, and what it
	// returned.
}

// Done returns a channel that is closed when the task has returned, for use
// in a select. It is Python's future.done(), as a channel.
func (f *Future[T]) Done() <-chan struct{} {
	// TODO: return the channel the task closes when it is done.
	panic("TODO: Future.Done: return a channel closed when the task is done")
}

// Result waits until the task has returned and returns what it returned. It
// may be called any number of times, and always returns the same. It is
// Python's future.result().
func (f *Future[T]) Result() (T, error) {
	// TODO: wait for the done channel, then return the task's value and error.
	panic("TODO: Future.Result: wait for the task, then return its result")
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
	// TODO: the queue of tasks no worker has taken yet, whether Shutdown was
	// called, a way for idle workers to wait for work (a sync.Cond on the
	// mutex that guards the queue, say) and a WaitGroup of the workers.
}

// NewExecutor returns an Executor with n workers, or one per CPU if n is zero
// or negative (runtime.NumCPU), as Python's Pool() and
// ProcessPoolExecutor() have. (Python's ThreadPoolExecutor() without
// max_workers takes min(32, os.cpu_count() + 4) threads, more than the CPUs,
// on the guess that its threads mostly wait for I/O.)
func NewExecutor[T any](n int) *Executor[T] {
	// TODO: start the workers. Each one loops: wait until the queue has a
	// task or Shutdown was called; take the oldest task and run it without
	// holding the lock; end when shut down with the queue empty.
	panic("TODO: NewExecutor: start n workers that run queued tasks")
}

// Submit queues task to run on a free worker and returns at once with the
// Future of its result; it never waits for a worker. It is Python's
// executor.submit(task).
//
// Submit after Shutdown returns ErrShutdown and does not run task. A task
// that panics crashes the program, as a panic in any goroutine does.
func (e *Executor[T]) Submit(task func() (T, error)) (*Future[T], error) {
	// TODO: under the lock: refuse with ErrShutdown after Shutdown, else
	// queue a function that runs task, fills the Future and closes its done
	// channel, and wake one idle worker.
	panic("TODO: Submit: queue the task and return its Future, or ErrShutdown")
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
	// TODO: mark the executor shut down, wake every idle worker, and if wait
	// is true wait for the workers to end.
	panic("TODO: Shutdown: refuse new tasks, let the workers finish the queue and end")
}
