// threadlings:want fail

// The flag is set before building, so only one Get builds; but the others
// return at once, before the value exists, and nothing orders their reads
// after the build's writes.
package races

type Lazy[T any] struct {
	build   func() T
	started bool
	value   T
}

func NewLazy[T any](build func() T) *Lazy[T] { return &Lazy[T]{build: build} }

func (l *Lazy[T]) Get() T {
	if !l.started {
		l.started = true
		l.value = l.build()
	}
	return l.value
}
