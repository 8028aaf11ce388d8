// threadlings:want fail

// This file builds Merge, the fan-in: many channels poured into one, so that
// a single loop can take whatever arrives first from any of them. Python's
// asyncio.as_completed hands you results in the order they finish; in Go the
// results are values on channels, and Merge is how you wait on all of them.

package selects

func Merge[T any](ins ...<-chan T) <-chan T {
	out := make(chan T)
	finished := make(chan struct{}, len(ins))
	for _, in := range ins {
		go func() {
			for v := range in {
				out <- v
			}
			finished <- struct{}{}
		}()
	}
	go func() {
		<-finished // one input is done: but the others may not be
		close(out)
	}()
	return out
}
