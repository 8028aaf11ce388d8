// This file builds Queue, Go's answer to Python's queue.Queue(maxsize): a
// first-in, first-out queue that many goroutines put into and get from at
// once. Put waits while the queue is full, Get waits while it is empty, and
// each has a variant that never waits, one that waits at most a while and one
// that stops waiting when a context is done. Close ends the queue the way
// Python 3.13's shutdown() does, and TaskDone/Join let a producer wait until
// every item it put has been dealt with.
//
// The items live in a slice guarded by a mutex. A waiting Put or Get cannot
// use sync.Cond, because a Cond cannot wait in a select next to a timer or a
// context. Instead each kind of waiter has a channel: a Get waits for
// hasItems to be closed, a Put for hasRoom, Join for finished. The goroutine
// that makes the change closes the channel, waking every waiter of that
// kind to look again, and puts a fresh one in its place.
package queue

import (
	"context"
	"errors"
	"sync"
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
	mu         sync.Mutex
	items      []T // items[0] is the next to come out
	maxsize    int // 0 or less: no limit
	closed     bool
	unfinished int // items put and not yet marked done

	// Closed, then replaced, when what their waiters wait for may be there.
	hasItems, hasRoom, finished chan struct{}
}

// New returns an empty queue that holds at most maxsize items. A maxsize of
// zero or less means no limit: Put never waits. It is Python's
// queue.Queue(maxsize).
func New[T any](maxsize int) *Queue[T] {
	return &Queue[T]{
		maxsize:  maxsize,
		hasItems: make(chan struct{}),
		hasRoom:  make(chan struct{}),
		finished: make(chan struct{}),
	}
}

// wake wakes every goroutine waiting on *ch, so that each looks again, and
// gives later waiters a fresh channel. q.mu must be held.
func wake(ch *chan struct{}) {
	close(*ch)
	*ch = make(chan struct{})
}

// Put adds v at the back of the queue, waiting while the queue is full. It
// returns ErrClosed, and does not add v, if the queue is closed, also when
// it is closed while Put waits. It is Python's put(v).
func (q *Queue[T]) Put(v T) error {
	return q.PutContext(context.Background(), v)
}

// TryPut adds v if there is room now, and returns ErrFull if there is not
// (ErrClosed if the queue is closed, full or not). It never waits. It is
// Python's put_nowait(v).
func (q *Queue[T]) TryPut(v T) error {
	return q.PutTimeout(v, 0)
}

// PutTimeout is Put that waits at most d for room, then gives up with
// ErrFull. With d zero or negative it does not wait: it is TryPut. It is
// Python's put(v, timeout=d).
func (q *Queue[T]) PutTimeout(v T, d time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	err := q.PutContext(ctx, v)
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrFull
	}
	return err
}

// PutContext is Put that stops waiting when ctx is done and then returns
// ctx.Err() without adding v. If ctx is already done and there is room,
// either may happen.
func (q *Queue[T]) PutContext(ctx context.Context, v T) error {
	q.mu.Lock()
	for {
		if q.closed {
			q.mu.Unlock()
			return ErrClosed
		}
		if q.maxsize <= 0 || len(q.items) < q.maxsize {
			q.items = append(q.items, v)
			q.unfinished++
			wake(&q.hasItems)
			q.mu.Unlock()
			return nil
		}
		hasRoom := q.hasRoom
		q.mu.Unlock()
		select {
		case <-hasRoom:
		case <-ctx.Done():
			return ctx.Err()
		}
		q.mu.Lock()
	}
}

// Get removes and returns the item at the front of the queue, waiting while
// the queue is empty. Once the queue is closed, Get still returns the items
// left in it, and then returns ErrClosed; a Get that is waiting when the
// queue is closed returns ErrClosed at once. It is Python's get().
func (q *Queue[T]) Get() (T, error) {
	return q.GetContext(context.Background())
}

// TryGet removes and returns the front item if there is one now, and returns
// ErrEmpty if there is not (ErrClosed if the queue is closed and empty). It
// never waits. It is Python's get_nowait().
func (q *Queue[T]) TryGet() (T, error) {
	return q.GetTimeout(0)
}

// GetTimeout is Get that waits at most d for an item, then gives up with
// ErrEmpty. With d zero or negative it does not wait: it is TryGet. It is
// Python's get(timeout=d).
func (q *Queue[T]) GetTimeout(d time.Duration) (T, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	v, err := q.GetContext(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return v, ErrEmpty
	}
	return v, err
}

// GetContext is Get that stops waiting when ctx is done and then returns
// ctx.Err() without taking an item. If ctx is already done and an item is
// ready, either may happen.
func (q *Queue[T]) GetContext(ctx context.Context) (T, error) {
	var zero T
	q.mu.Lock()
	for {
		if len(q.items) > 0 {
			v := q.items[0]
			q.items[0] = zero // do not keep the item alive from the array
			q.items = q.items[1:]
			wake(&q.hasRoom)
			q.mu.Unlock()
			return v, nil
		}
		if q.closed {
			q.mu.Unlock()
			return zero, ErrClosed
		}
		hasItems := q.hasItems
		q.mu.Unlock()
		select {
		case <-hasItems:
		case <-ctx.Done():
			return zero, ctx.Err()
		}
		q.mu.Lock()
	}
}

// Len returns the number of items in the queue. The answer may be out of
// date as soon as it is returned: use TryGet, not Len, to decide whether to
// get. It is Python's qsize().
func (q *Queue[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

// Close closes the queue: from now on Put returns ErrClosed, and Get returns
// what is left and then ErrClosed. Every Put and Get waiting when Close is
// called returns. Closing a closed queue does nothing. Close does not touch
// the count of unfinished items that Join waits for. It is Python's
// shutdown().
func (q *Queue[T]) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.closed {
		q.closed = true
		wake(&q.hasItems)
		wake(&q.hasRoom)
	}
}

// TaskDone marks one item taken from the queue as dealt with. Every Put that
// succeeds adds one to the count of unfinished items; every TaskDone takes
// one away, and Join waits for the count to reach zero. Calling TaskDone
// more times than items were put returns ErrTooManyTaskDone and changes
// nothing. It is Python's task_done().
func (q *Queue[T]) TaskDone() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.unfinished == 0 {
		return ErrTooManyTaskDone
	}
	q.unfinished--
	if q.unfinished == 0 {
		wake(&q.finished)
	}
	return nil
}

// Join waits until every item put into the queue has been marked done with
// TaskDone. It returns at once if there is none. It is Python's join().
func (q *Queue[T]) Join() {
	q.mu.Lock()
	for q.unfinished > 0 {
		finished := q.finished
		q.mu.Unlock()
		<-finished
		q.mu.Lock()
	}
	q.mu.Unlock()
}
