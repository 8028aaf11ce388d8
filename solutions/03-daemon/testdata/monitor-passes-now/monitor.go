// threadlings:want fail

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
// called (every, 2*every, 3*every, ...) however long check takes, and check
// gets the time of its tick on that schedule. Monitor never catches up: of
// the ticks that pass while a check runs, check is called for at most one,
// late, as soon as it returns (a time.Ticker keeps one), and the others are
// dropped. Once ctx is done, check is not called again, not even for a tick
// that came at the same moment. check runs on the goroutine that called
// Monitor, never after Monitor has returned, and Monitor leaves no goroutine
// or running ticker behind.
//
// every must be greater than zero. Monitor is meant to be run as daemon
// work:
//
//	s.Daemon(func(ctx context.Context) { Monitor(ctx, time.Second, report) })
func Monitor(ctx context.Context, every time.Duration, check func(time.Time)) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			// A tick and the cancel may both have been ready: select
			// picks one at random, so look at ctx before checking.
			if ctx.Err() != nil {
				return
			}
			check(time.Now())
		}
	}
}
