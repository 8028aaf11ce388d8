package spec_test

import (
	"fmt"
	"sync"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// A Gauge proves how many goroutines were inside a section at once.
func ExampleGauge() {
	var gauge spec.Gauge
	var wg sync.WaitGroup
	arrived := make(chan struct{})
	release := make(chan struct{})
	for range 3 {
		wg.Go(func() {
			gauge.Enter()
			defer gauge.Leave()
			arrived <- struct{}{}
			<-release
		})
	}
	for range 3 {
		<-arrived // all three are inside now
	}
	close(release)
	wg.Wait()
	fmt.Println("most at once:", gauge.Max(), "now:", gauge.Now(), "entered:", gauge.Total())
	// Output: most at once: 3 now: 0 entered: 3
}
