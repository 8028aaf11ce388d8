// threadlings:want race

// Inc is right; Value reads the count without the lock that Inc writes it
// under.
package races

import "sync"

type Counter struct {
	Yield func()
	mu    sync.Mutex
	n     int64
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	if c.Yield != nil {
		c.Yield()
	}
	c.n = n + 1
}

func (c *Counter) Value() int64 { return c.n }
