package spec

import "sync"

// Gauge counts the goroutines inside a section at once and remembers the
// most it has seen. Specs use it to prove a bound ("never more than N
// workers") and real concurrency ("N at once"). The zero value is ready to
// use; a Gauge must not be copied after first use.
type Gauge struct {
	mu       sync.Mutex
	now, max int
	total    int
}

// Enter records one more goroutine inside the section.
func (g *Gauge) Enter() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.now++
	g.total++
	g.max = max(g.max, g.now)
}

// Leave records that a goroutine left the section. It panics if none is
// inside, which is a bug in the spec.
func (g *Gauge) Leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.now == 0 {
		panic("spec: Gauge.Leave without Enter")
	}
	g.now--
}

// Now returns how many goroutines are inside the section.
func (g *Gauge) Now() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.now
}

// Max returns the most goroutines that were inside the section at once.
func (g *Gauge) Max() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.max
}

// Total returns how many times the section was entered.
func (g *Gauge) Total() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.total
}
