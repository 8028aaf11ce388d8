// threadlings:want race

// The map is a plain field that every caller reads and writes directly:
// no owner goroutine, no lock. Many goroutines at once race on it.
package sharedstate

import (
	"errors"
	"maps"
)

var ErrClosed = errors.New("sharedstate: store is closed")

type Store struct {
	m      map[string]int
	closed bool
}

func NewStore() *Store {
	return &Store{m: make(map[string]int)}
}

func (s *Store) Get(key string) (int, error) {
	if s.closed {
		return 0, ErrClosed
	}
	return s.m[key], nil
}

func (s *Store) Set(key string, v int) error {
	if s.closed {
		return ErrClosed
	}
	s.m[key] = v
	return nil
}

func (s *Store) Update(key string, f func(old int) int) (int, error) {
	if s.closed {
		return 0, ErrClosed
	}
	v := f(s.m[key])
	s.m[key] = v
	return v, nil
}

func (s *Store) Snapshot() (map[string]int, error) {
	if s.closed {
		return nil, ErrClosed
	}
	return maps.Clone(s.m), nil
}

func (s *Store) Close() error {
	if s.closed {
		return ErrClosed
	}
	s.closed = true
	return nil
}
