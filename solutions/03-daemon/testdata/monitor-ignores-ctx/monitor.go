// threadlings:want leak

package daemon

// This file builds the daemon the notes have in mind: a program that wakes
// up at a fixed interval to look at the state of things, for as long as the
// rest of the program runs, and that must never be the reason the program
// cannot stop.

import (
	"context"
	"time"
)

// Monitor calls check once every interval of length every, passing it the
// time of the tick, until ctx is done; then it returns without waiting for
// the next tick. The ticks keep to the schedule that starts when Monitor is
// called (every, 2*every, 3*every, ...) however long check takes; if a check
// runs past the next tick, that tick is dropped, as with a time.Ticker.
// check runs on the goroutine that called Monitor, never after Monitor has
// returned, and Monitor leaves no goroutine or running ticker behind.
//
// every must be greater than zero. Monitor is meant to be run as daemon
// work:
//
//	s.Daemon(func(ctx context.Context) { Monitor(ctx, time.Second, report) })
func Monitor(ctx context.Context, every time.Duration, check func(time.Time)) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for t := range ticker.C {
		check(t)
	}
}
