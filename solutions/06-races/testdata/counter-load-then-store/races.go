// threadlings:want fail

// Every access is atomic, so -race has nothing to report, but Load and
// Store are two steps: the update can still be lost in between.
package races

import "sync/atomic"

type Counter struct {
	Yield func()
	n     atomic.Int64
}

func (c *Counter) Inc() {
	n := c.n.Load()
	if c.Yield != nil {
		c.Yield()
	}
	c.n.Store(n + 1)
}

func (c *Counter) Value() int64 { return c.n.Load() }
