// threadlings:want fail

// A sync.Once made inside Get is a new Once for every call: it runs build
// every time.
package races

import "sync"

type Lazy[T any] struct {
	build func() T
	mu    sync.Mutex
	value T
}

func NewLazy[T any](build func() T) *Lazy[T] { return &Lazy[T]{build: build} }

func (l *Lazy[T]) Get() T {
	var once sync.Once
	once.Do(func() {
		v := l.build()
		l.mu.Lock()
		l.value = v
		l.mu.Unlock()
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.value
}
