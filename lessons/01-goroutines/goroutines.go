// Package goroutines is lesson 01 of threadlings: starting work in the
// background and waiting for it, the Go way.
//
// This file builds the two smallest pieces. Group is Python's
// Thread(target=..., args=...).start() followed by join(), made from the go
// statement and a sync.WaitGroup. Pids shows that goroutines, like Python's
// threads, all live inside one process.
package goroutines

// A Group starts goroutines and waits for them: the Go counterpart of a list
// of Python threads that you start one by one and join at the end.
//
// The zero value is an empty Group, ready to use. A Group must not be copied
// after first use.
type Group struct {
	// TODO: add what Join waits on: a sync.WaitGroup.
}

// Start calls target(arg) in a new goroutine and returns at once, without
// waiting for target: Thread(target=target, args=(arg,)).start() in Python.
//
// Start may be called from several goroutines at once. A Start must happen
// before the Join that is to wait for it; a Group may be used again after
// Join returns.
func (g *Group) Start(target func(arg int), arg int) {
	// TODO: count the goroutine in the WaitGroup (before the go statement),
	// then run target(arg) in a new goroutine that marks itself done.
	panic("TODO: Start: run target(arg) in a new goroutine, counted in a WaitGroup")
}

// Join blocks until every goroutine started by Start has returned, like
// calling join() on each of your Python threads. On a Group with nothing
// started, or whose goroutines have all returned, Join returns at once.
// Several goroutines may call Join at once: each of them waits.
func (g *Group) Join() {
	// TODO: wait on the WaitGroup.
	panic("TODO: Join: wait until every started goroutine has returned")
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
	// TODO: start n goroutines that each call ready() and then store
	// os.Getpid() in a slot of their own; wait for all of them.
	panic("TODO: Pids: start n goroutines that each report os.Getpid()")
}
