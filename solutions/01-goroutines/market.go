// This file builds Market, the notes' buyer and seller: two workers that run
// at the same time and write to one shared log, and a main that waits for
// both before it closes the market.

package goroutines

import (
	"sync"
	"time"
)

// The lines of the log. A buyer round is the four BuyerSteps in order, a
// seller round the four SellerSteps.
var (
	BuyerSteps = []string{
		"[buyer] requesting data",
		"[buyer] analysing data",
		"[buyer] working out when to buy",
		"[buyer] buying it all",
	}
	SellerSteps = []string{
		"[seller] requesting data",
		"[seller] analysing data",
		"[seller] working out when to sell",
		"[seller] selling it all",
	}
)

// The lines main writes before starting the workers and after both are done.
const (
	OpenLine  = "[main] start"
	CloseLine = "[main] market closed"
)

// StepTime is how long a worker spends on each step.
const StepTime = time.Second

// Market runs one trading session and returns its log. It writes OpenLine,
// then runs a buyer and a seller in two goroutines at the same time, each
// doing rounds rounds of its steps (trade with BuyerSteps, trade with
// SellerSteps), waits for both, and writes CloseLine last. The two workers'
// lines may interleave in any way, but each worker's own lines are in the
// order it wrote them.
//
// A session of r rounds takes as long as the slower worker,
// r·len(steps)·StepTime (4·r·StepTime with the steps above): the other works
// alongside it. Market reads BuyerSteps and SellerSteps when it is called.
func Market(rounds int) []string {
	var (
		mu    sync.Mutex
		lines = []string{OpenLine}
	)
	log := func(line string) {
		mu.Lock()
		defer mu.Unlock()
		lines = append(lines, line)
	}
	var wg sync.WaitGroup
	wg.Go(func() { trade(BuyerSteps, rounds, log) })
	wg.Go(func() { trade(SellerSteps, rounds, log) })
	wg.Wait()
	// Both workers are done: nobody else touches lines any more.
	return append(lines, CloseLine)
}

// trade is one worker: rounds times over, it logs each step and then spends
// StepTime on it. It is done for you. log is called from the worker's own
// goroutine, so with two workers it must be safe to call concurrently.
func trade(steps []string, rounds int, log func(line string)) {
	for range rounds {
		for _, step := range steps {
			log(step)
			time.Sleep(StepTime)
		}
	}
}
