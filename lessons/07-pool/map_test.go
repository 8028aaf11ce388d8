package pool_test

import (
	"runtime"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	pool "github.com/threadlings/threadlings/lessons/07-pool"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// numbers returns 0, 1, ..., n-1.
func numbers(n int) []int {
	items := make([]int, n)
	for i := range items {
		items[i] = i
	}
	return items
}

// sleepy returns a task for Map that counts itself in inside, sleeps for
// took(item) of fake time and returns item*item.
func sleepy(inside *spec.Gauge, took func(item int) time.Duration) func(int) int {
	return func(item int) int {
		inside.Enter()
		defer inside.Leave()
		time.Sleep(took(item))
		return item * item
	}
}

func seconds(s int) func(int) time.Duration {
	return func(int) time.Duration { return time.Duration(s) * time.Second }
}

// ceilDiv is how many rounds n workers need for m tasks of the same length.
func ceilDiv(m, n int) int { return (m + n - 1) / n }

var _ = Describe("Map", func() {
	It("runs n calls at once, never more", spec.Bubble, func() {
		// More workers than CPUs, and an odd number of them: n is the bound,
		// whatever the machine.
		n := runtime.NumCPU() + 3
		inside := spec.Gauge{Name: "call"}
		start := time.Now()
		results := pool.Map(n, numbers(3*n+1), sleepy(&inside, seconds(1)))
		elapsed := time.Since(start)
		Expect(results).To(HaveLen(3*n+1), "Map must return one result per item")
		Expect(inside.Total()).To(Equal(3*n+1), "Map must call f once per item")
		Expect(inside.Max()).NotTo(BeNumerically(">", n), inside.Explain(
			"%d calls of f ran at once with n = %d: start n workers, not one goroutine per item (nor one more)", inside.Max(), n))
		Expect(inside.Max()).To(Equal(n), inside.Explain(
			"only %d call(s) of f ran at once with n = %d: the n workers must run at the same time, even when n is more than the CPUs", inside.Max(), n))
		Expect(elapsed).To(Equal(4*time.Second), inside.Explain(
			"%d calls of 1 s with %d workers take 4 rounds (4 s), took %v", 3*n+1, n, elapsed))
	})

	It("hands the next item to the first free worker", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		took := func(item int) time.Duration { return []time.Duration{3, 1, 1, 1}[item] * time.Second }
		start := time.Now()
		pool.Map(2, numbers(4), sleepy(&inside, took))
		elapsed := time.Since(start)
		Expect(elapsed).To(Equal(3*time.Second), inside.Explain(
			"items take 3 s, 1 s, 1 s, 1 s and n = 2: while one worker is busy with the 3 s item the other should do the three short ones, "+
				"so Map takes 3 s; it took %v. Don't wait for a whole batch of n, and don't split the items in advance: "+
				"let each worker take the next item as soon as it is free", elapsed))
	})

	It("returns the results in the order of the items", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		// The later an item, the sooner it finishes.
		took := func(item int) time.Duration { return time.Duration(8-item) * time.Second }
		results := pool.Map(3, numbers(8), sleepy(&inside, took))
		Expect(results).To(Equal([]int{0, 1, 4, 9, 16, 25, 36, 49}),
			"result i must be f(items[i]) whatever order the calls finished in: store each result at its item's index")
	})

	It("with n <= 0 runs one call per CPU", spec.Bubble, func() {
		cpus := runtime.NumCPU()
		// GOMAXPROCS is not the number of CPUs: set it apart for this spec.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus + 2))
		for _, n := range []int{0, -1} {
			inside := spec.Gauge{Name: "call"}
			start := time.Now()
			results := pool.Map(n, numbers(2*cpus+1), sleepy(&inside, seconds(1)))
			elapsed := time.Since(start)
			Expect(results).To(HaveLen(2*cpus+1), "Map(%d, ...) must return one result per item", n)
			Expect(inside.Max()).To(Equal(cpus), inside.Explain(
				"Map(%d, ...) ran %d calls at once on a machine with %d CPUs: n <= 0 means runtime.NumCPU() workers, as Pool(processes=None) (not runtime.GOMAXPROCS)",
				n, inside.Max(), cpus))
			Expect(elapsed).To(Equal(3*time.Second), inside.Explain(
				"%d calls of 1 s with %d workers take 3 s, took %v", 2*cpus+1, cpus, elapsed))
		}
	})

	It("copes with fewer items than workers, and with none", spec.Bubble, func() {
		inside := spec.Gauge{Name: "call"}
		start := time.Now()
		results := pool.Map(5, []int{3, 4}, sleepy(&inside, seconds(1)))
		Expect(results).To(Equal([]int{9, 16}), "Map(5, [3 4], square) must return [9 16]")
		Expect(inside.Max()).To(Equal(2), inside.Explain("both items should run at once: there are workers to spare"))
		Expect(time.Since(start)).To(Equal(time.Second), inside.Explain("two calls of 1 s with 5 workers take 1 s"))

		results = pool.Map(5, []int{}, sleepy(&inside, seconds(1)))
		Expect(results).To(BeEmpty(), "Map of no items must return no results")
		Expect(inside.Total()).To(Equal(2), "Map of no items must not call f")
	})
})
