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

// Together starts goroutines at the same moment and waits for all of them.
func ExampleTogether() {
	var mu sync.Mutex
	sum := 0
	spec.Together(4, func(i int) {
		mu.Lock()
		defer mu.Unlock()
		sum += i
	})
	fmt.Println("sum:", sum)
	// Output: sum: 6
}

// A Call hands a panic in its goroutine back to whoever waits for it.
func ExampleGo() {
	c := spec.Go(func() { panic("out of stock") })
	defer func() { fmt.Println("recovered:", recover()) }()
	c.Wait()
	// Output: recovered: out of stock
}
