// This file builds the non-blocking channel operations, the Go spelling of
// Python's blocking=False (queue.put_nowait, queue.get_nowait,
// lock.acquire(blocking=False)): do it if it can be done right now,
// otherwise say so and move on.

package selects

// TrySend sends v on ch if that needs no waiting (there is room in the
// buffer, or a receiver is waiting), and reports whether it did. It never
// blocks: on a full channel, or on a nil one, it returns false at once.
// Like any send, it panics if ch is closed.
func TrySend[T any](ch chan<- T, v T) bool {
	// TODO: a select with the send in one case and a default case.
	panic("TODO: TrySend: send if that needs no waiting, otherwise return false")
}

// TryRecv receives a value from ch if one is ready (in the buffer, or from a
// sender that is waiting), and returns it with true. It never blocks: when
// no value is ready, or ch is nil, or ch is closed and drained, it returns
// the zero value and false at once.
func TryRecv[T any](ch <-chan T) (T, bool) {
	// TODO: a select with the receive in one case and a default case; a
	// closed channel is not a value (use the two-value receive).
	panic("TODO: TryRecv: receive if a value is ready, otherwise return false")
}
