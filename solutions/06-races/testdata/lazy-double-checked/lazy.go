// threadlings:want race

// Double-checked locking with a plain bool: the first check reads done
// without the lock, racing with the write under it.
package races

import "sync"

type Lazy[T any] struct {
	build func() T
	mu    sync.Mutex
	done  bool
	value T
}

func NewLazy[T any](build func() T) *Lazy[T] { return &Lazy[T]{build: build} }

func (l *Lazy[T]) Get() T {
	if !l.done {
		l.mu.Lock()
		if !l.done {
			l.value = l.build()
			l.done = true
		}
		l.mu.Unlock()
	}
	return l.value
}
