// This file builds Queue, Go's answer to Python's queue.Queue(maxsize): a
// first-in, first-out queue that many goroutines put into and get from at
// once. Put waits while the queue is full, Get waits while it is empty, and
// each has a variant that never waits, one that waits at most a while and one
// that stops waiting when a context is done. Close ends the queue the way
// Python 3.13's shutdown() does, and TaskDone/Join let a producer wait until
// every item it put has been dealt with.
//
// A buffered channel is already a bounded FIFO queue, but it has no
// unbounded size, no TaskDone/Join, and sending on it after close panics. So
// keep the items in a slice guarded by a sync.Mutex, and find a way for Put
// and Get to wait that can sit in a select next to a timer or a context
// (sync.Cond cannot). The README shows one.
package queue

import (
	"context"
	"errors"
	"time"
)

// Errors returned by the queue's methods. They are Python's queue.Full,
// queue.Empty, queue.ShutDown and the ValueError of a task_done() too many.
var (
	ErrFull            = errors.New("queue: full")
	ErrEmpty           = errors.New("queue: empty")
	ErrClosed          = errors.New("queue: closed")
	ErrTooManyTaskDone = errors.New("queue: TaskDone called more times than items were put")
)

// A Queue is a first-in, first-out queue of items of type T, safe for many
// goroutines at once. Items come out in the order they went in, and each
// item comes out once.
//
// Make a Queue with New: the zero value is not ready to use. A Queue must not
// be copied after first use.
type Queue[T any] struct {
	// TODO: add the queue's state: a mutex, the items (a slice, front first),
	// maxsize, whether it is closed, the count of unfinished items for Join,
	// and whatever waiting Puts and Gets block on.
}

// New returns an empty queue that holds at most maxsize items. A maxsize of
// zero or less means no limit: Put never waits. It is Python's
// queue.Queue(maxsize).
func New[T any](maxsize int) *Queue[T] {
	// TODO: return a queue with its fields set up.
	panic("TODO: New: make an empty queue that holds at most maxsize items (no limit if maxsize <= 0)")
}

// Put adds v at the back of the queue, waiting while the queue is full. It
// returns ErrClosed, and does not add v, if the queue is closed, also when
// it is closed while Put waits. It is Python's put(v).
func (q *Queue[T]) Put(v T) error {
	// TODO: wait for room (or for Close), then append v.
	panic("TODO: Put: add v at the back, waiting while the queue is full")
}

// TryPut adds v if there is room now, and returns ErrFull if there is not
// (ErrClosed if the queue is closed, full or not). It never waits. It is
// Python's put_nowait(v).
func (q *Queue[T]) TryPut(v T) error {
	// TODO: add v only if that needs no waiting.
	panic("TODO: TryPut: add v if there is room now, else return ErrFull")
}

// PutTimeout is Put that waits at most d for room, then gives up with
// ErrFull. With d zero or negative it does not wait: it is TryPut. It is
// Python's put(v, timeout=d).
func (q *Queue[T]) PutTimeout(v T, d time.Duration) error {
	// TODO: wait for room, or for d to pass, whichever comes first.
	panic("TODO: PutTimeout: add v, giving up with ErrFull after d")
}

// PutContext is Put that stops waiting when ctx is done and then returns
// ctx.Err() without adding v. If ctx is already done and there is room,
// either may happen.
func (q *Queue[T]) PutContext(ctx context.Context, v T) error {
	// TODO: wait for room, or for ctx.Done(), whichever comes first.
	panic("TODO: PutContext: add v, giving up with ctx.Err() when ctx is done")
}

// Get removes and returns the item at the front of the queue, waiting while
// the queue is empty. Once the queue is closed, Get still returns the items
// left in it, and then returns ErrClosed; a Get that is waiting when the
// queue is closed returns ErrClosed at once. It is Python's get().
func (q *Queue[T]) Get() (T, error) {
	// TODO: wait for an item (or for Close), then take the front one.
	panic("TODO: Get: take the front item, waiting while the queue is empty")
}

// TryGet removes and returns the front item if there is one now, and returns
// ErrEmpty if there is not (ErrClosed if the queue is closed and empty). It
// never waits. It is Python's get_nowait().
func (q *Queue[T]) TryGet() (T, error) {
	// TODO: take the front item only if that needs no waiting.
	panic("TODO: TryGet: take the front item if there is one, else return ErrEmpty")
}

// GetTimeout is Get that waits at most d for an item, then gives up with
// ErrEmpty. With d zero or negative it does not wait: it is TryGet. It is
// Python's get(timeout=d).
func (q *Queue[T]) GetTimeout(d time.Duration) (T, error) {
	// TODO: wait for an item, or for d to pass, whichever comes first.
	panic("TODO: GetTimeout: take the front item, giving up with ErrEmpty after d")
}

// GetContext is Get that stops waiting when ctx is done and then returns
// ctx.Err() without taking an item. If ctx is already done and an item is
// ready, either may happen.
func (q *Queue[T]) GetContext(ctx context.Context) (T, error) {
	// TODO: wait for an item, or for ctx.Done(), whichever comes first.
	panic("TODO: GetContext: take the front item, giving up with ctx.Err() when ctx is done")
}

// Len returns the number of items in the queue. The answer may be out of
// date as soon as it is returned: use TryGet, not Len, to decide whether to
// get. It is Python's qsize().
func (q *Queue[T]) Len() int {
	// TODO: count the items, under the lock.
	panic("TODO: Len: return how many items are in the queue")
}

// Close closes the queue: from now on Put returns ErrClosed, and Get returns
// what is left and then ErrClosed. Every Put and Get waiting when Close is
// called returns. Closing a closed queue does nothing. Close does not touch
// the count of unfinished items that Join waits for. It is Python's
// shutdown().
func (q *Queue[T]) Close() {
	// TODO: mark the queue closed and wake every waiting Put and Get.
	panic("TODO: Close: mark the queue closed and wake everyone waiting on it")
}

// TaskDone marks one item taken from the queue as dealt with. Every Put that
// succeeds adds one to the count of unfinished items; every TaskDone takes
// one away, and Join waits for the count to reach zero. Calling TaskDone
// more times than items were put returns ErrTooManyTaskDone and changes
// nothing. It is Python's task_done().
func (q *Queue[T]) TaskDone() error {
	// TODO: take one from the unfinished count, or return ErrTooManyTaskDone.
	panic("TODO: TaskDone: mark one item done, or return ErrTooManyTaskDone")
}

// Join waits until every item put into the queue has been marked done with
// TaskDone. It returns at once if there is none. It is Python's join().
func (q *Queue[T]) Join() {
	// TODO: wait until the unfinished count is zero.
	panic("TODO: Join: wait until every item put has been marked done")
}
