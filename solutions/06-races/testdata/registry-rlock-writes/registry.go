// threadlings:want race

// RLock is a read lock: any number of goroutines hold it at once, so it
// does not keep writers apart. (Go's RWMutex.RLock is not Python's RLock.)
package races

import "sync"

type Registry struct {
	Between func(name string)
	mu      sync.RWMutex
	numbers map[string]int
}

func (r *Registry) Register(name string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	if n, ok := r.numbers[name]; ok {
		return n
	}
	n := len(r.numbers)
	if r.Between != nil {
		r.Between(name)
	}
	if r.numbers == nil {
		r.numbers = make(map[string]int)
	}
	r.numbers[name] = n
	return n
}

func (r *Registry) Lookup(name string) (int, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	n, ok := r.numbers[name]
	return n, ok
}

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.numbers)
}
