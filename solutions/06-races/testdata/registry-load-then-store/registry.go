// threadlings:want fail

// sync.Map keeps the map itself safe, but Load then Store is two steps:
// two Registers of one name can both miss and both store.
package races

import (
	"sync"
	"sync/atomic"
)

type Registry struct {
	Between func(name string)
	numbers sync.Map
	next    atomic.Int64
	count   atomic.Int64
}

func (r *Registry) Register(name string) int {
	if n, ok := r.numbers.Load(name); ok {
		return n.(int)
	}
	n := int(r.next.Add(1) - 1)
	if r.Between != nil {
		r.Between(name)
	}
	r.numbers.Store(name, n)
	r.count.Add(1)
	return n
}

func (r *Registry) Lookup(name string) (int, bool) {
	n, ok := r.numbers.Load(name)
	if !ok {
		return 0, false
	}
	return n.(int), true
}

func (r *Registry) Len() int { return int(r.count.Load()) }
