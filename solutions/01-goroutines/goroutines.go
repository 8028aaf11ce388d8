// Package goroutines is lesson 01 of threadlings: starting work in the
// background and waiting for it, the Go way.
//
// This file builds the two smallest pieces. Group is Python's
// Thread(target=..., args=...).start() followed by join(), made from the go
// statement and a sync.WaitGroup. Pids shows that goroutines, like Python's
// threads, all live inside one process.
package goroutines

import (
	"os"
	"sync"
)

// A Group starts goroutines and waits for them: the Go counterpart of a list
// of Python threads that you start one by one and join at the end.
//
// The zero value is an empty Group, ready to use. A Group must not be copied
// after first use.
type Group struct {
	wg sync.WaitGroup
}

// Start calls target(arg) in a new goroutine and returns at once, without
// waiting for target: Thread(target=target, args=(arg,)).start() in Python.
//
// Start may be called from several goroutines at once. A Start must happen
// before the Join that is to wait for it; a Group may be used again after
// Join returns.
func (g *Group) Start(target func(arg int), arg int) {
	// Add before the go statement: a Join that comes right after Start must
	// already see this goroutine counted, even if it has not run yet.
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		target(arg)
	}()
}

// Join blocks until every goroutine started by Start has returned, like
// calling join() on each of your Python threads. On a Group with nothing
// started, or whose goroutines have all returned, Join returns at once.
// Several goroutines may call Join at once: each of them waits.
func (g *Group) Join() {
	g.wg.Wait()
}

// Pids starts n goroutines, each of which reads the process id with
// os.Getpid, and returns the n pids they saw (in any order) once all of them
// have finished.
//
// Each goroutine calls ready exactly once before it reads its pid. ready is
// the caller's way to meet the goroutines: it may block until all n of them
// have called it, so the n goroutines must run at the same time, not one
// after another.
func Pids(n int, ready func()) []int {
	pids := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			ready()
			pids[i] = os.Getpid() // each goroutine writes only its own slot
		})
	}
	wg.Wait()
	return pids
}
