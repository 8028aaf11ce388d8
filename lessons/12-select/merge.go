// This file builds Merge, the fan-in: many channels poured into one, so that
// a single loop can take whatever arrives first from any of them. Python's
// asyncio.as_completed hands you results in the order they finish; in Go the
// results are values on channels, and Merge is how you wait on all of them.

package selects

// Merge returns a channel that receives every value sent on any of ins, each
// exactly once, as soon as it is sent. The values of one input keep their
// order; values of different inputs come in the order they arrive.
//
// Merge closes the returned channel after every input has been closed and
// drained, and not before; with no inputs it returns a closed channel. The
// caller must receive until the channel is closed, or Merge's goroutines
// stay blocked.
func Merge[T any](ins ...<-chan T) <-chan T {
	// TODO: one goroutine per input forwards its values to out; one more
	// goroutine waits for all of them (sync.WaitGroup) and then closes out.
	panic("TODO: Merge: forward every input to one channel, close it after the last input closes")
}
