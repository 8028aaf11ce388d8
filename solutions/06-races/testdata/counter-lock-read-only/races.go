// threadlings:want race

// The mutex guards the read, but it is unlocked before the write: another
// Inc can read the same old count in between.
package races

import "sync"

type Counter struct {
	Yield func()
	mu    sync.Mutex
	n     int64
}

func (c *Counter) Inc() {
	c.mu.Lock()
	n := c.n
	c.mu.Unlock()
	if c.Yield != nil {
		c.Yield()
	}
	c.n = n + 1
}

func (c *Counter) Value() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}
