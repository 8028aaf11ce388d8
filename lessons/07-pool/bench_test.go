package pool_test

import (
	"fmt"
	"runtime"
	"testing"

	pool "github.com/threadlings/threadlings/lessons/07-pool"
)

// spin is CPU-bound work and nothing else: no I/O, no waiting, no shared
// memory. In Python a thread pool would not make it faster (the GIL lets one
// thread run Python code at a time); in Go, workers run it on every core.
func spin(seed int) uint64 {
	x := uint64(seed) + 1
	for range 200_000 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// BenchmarkMap runs the same CPU-bound batch with one worker and with one
// worker per CPU:
//
//	go test -run '^$' -bench Map ./lessons/07-pool/
func BenchmarkMap(b *testing.B) {
	items := make([]int, 64)
	for i := range items {
		items[i] = i
	}
	for _, n := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			for b.Loop() {
				pool.Map(n, items, spin)
			}
		})
	}
}
