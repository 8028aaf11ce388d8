package races_test

import (
	"fmt"
	"runtime"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	races "github.com/threadlings/threadlings/lessons/06-races"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// registerOverlapping registers names, the first held inside Register
// while the others arrive one by one, and returns the numbers handed out.
func registerOverlapping(names ...string) (*races.Registry, []int) {
	g := newGate()
	r := &races.Registry{Between: func(string) { g.pass() }}
	got := make([]int, len(names))
	calls := make([]func(), len(names))
	for i, name := range names {
		calls[i] = func() { got[i] = r.Register(name) }
	}
	overlap(g, calls[0], calls[1:]...)
	return r, got
}

// expectConsistent checks that r gave each of names the number in got,
// one number per name and distinct numbers to distinct names.
func expectConsistent(r *races.Registry, names []string, got []int) {
	GinkgoHelper()
	owner := map[int]string{}
	for i, name := range names {
		n, ok := r.Lookup(name)
		Expect(ok).To(BeTrue(), "Register(%q) returned, but Lookup(%q) finds no number: the insert was lost", name, name)
		Expect(got[i]).To(Equal(n),
			"Register(%q) returned %d, but the Registry now says %q is %d: two calls gave the same name different numbers. "+
				"Look up, choose and insert as one step (one lock, or sync.Map.LoadOrStore).", name, got[i], name, n)
		Expect(n).To(BeNumerically(">=", 0), "%q got the negative number %d", name, n)
		if other, taken := owner[n]; taken && other != name {
			Fail(fmt.Sprintf("%q and %q both got number %d: both Registers chose a number before either recorded theirs. "+
				"Hold one lock from the lookup to the insert, or let sync.Map.LoadOrStore decide.", other, name, n))
		}
		owner[n] = name
	}
	Expect(r.Len()).To(Equal(len(owner)), "%d different names were registered, but Len says %d", len(owner), r.Len())
}

var _ = Describe("Registry", func() {
	It("gives names registered at the same time different numbers", busy, func() {
		names := []string{"ann", "bob", "cy", "dee", "eve", "fay"}
		r, got := registerOverlapping(names...)
		expectConsistent(r, names, got)
	})

	It("works as the zero value, with no Between, from many goroutines", busy, func() {
		var r races.Registry
		var ann, bob, annAgain int
		Expect(func() {
			ann = r.Register("ann")
			bob = r.Register("bob")
			annAgain = r.Register("ann")
		}).NotTo(Panic(), "Register panicked on a zero Registry, whose Between is nil: the zero value is ready to use, so call Between only if it is not nil")
		Expect(annAgain).To(Equal(ann), "ann was registered twice and got %d, then %d: a name keeps its number", ann, annAgain)
		Expect(bob).NotTo(Equal(ann), "ann and bob both got %d: distinct names get distinct numbers", ann)
		Expect(r.Len()).To(Equal(2), "two names were registered, but Len says %d", r.Len())
		spec.Together(4, func(i int) {
			for j := range 25 {
				r.Register(fmt.Sprintf("w%d-%d", i, j))
			}
		})
		Expect(r.Len()).To(Equal(102),
			"a zero Registry with no Between was given 2 names, then 100 more from four goroutines at once, but Len says %d", r.Len())
	})

	It("gives a name registered twice at the same time one number", busy, func() {
		names := []string{"ann", "bob", "ann", "cy", "ann"}
		r, got := registerOverlapping(names...)
		expectConsistent(r, names, got)

		var seen []string
		r = &races.Registry{Between: func(name string) { seen = append(seen, name) }}
		ann := r.Register("ann")
		Expect(seen).To(ConsistOf("ann"), "Register gave ann her number: it must call Between(\"ann\") once, after choosing the number and before recording it")
		seen = nil
		Expect(r.Register("ann")).To(Equal(ann), "ann keeps her number")
		Expect(seen).To(BeEmpty(), "ann already had a number, yet Register called Between: Between is only for a name Register has not found")
	})

	It("lets Lookup and Len run while a Register is under way", busy, func() {
		for _, known := range [][]string{nil, {"ann", "cy"}} { // an empty Registry, then one with names
			g := newGate()
			r := &races.Registry{}
			for _, name := range known {
				r.Register(name)
			}
			r.Between = func(string) { g.pass() }
			reg := spec.Go(func() { r.Register("bob") })
			select {
			case <-g.held:
			case <-reg.Done():
			}
			// Lookup and Len, each on a goroutine of its own, while Register
			// is held between choosing bob's number and recording it.
			// Correct code makes them wait for the lock, or reads without
			// one from a sync.Map and atomics; racy code reads the map that
			// Register is about to write.
			lookup := spec.Go(func() {
				r.Lookup("ann")
				r.Lookup("bob")
			})
			awaitParkedOrExited(lookup)
			length := spec.Go(func() { r.Len() })
			awaitParkedOrExited(length)
			g.release()
			for _, c := range []*spec.Call{reg, lookup, length} {
				c.Wait()
			}
			n, ok := r.Lookup("bob")
			Expect(ok).To(BeTrue(), "Register(\"bob\") returned, but Lookup(\"bob\") finds no number")
			Expect(n).To(BeNumerically(">=", 0), "bob got the negative number %d", n)
			Expect(r.Len()).To(Equal(len(known)+1), "%d names were registered, but Len says %d", len(known)+1, r.Len())
		}
	})

	It("stays whole when many goroutines register and look up at once", busy, func() {
		const workers, count = 8, 40
		everyone := &crowd{n: workers}
		r := &races.Registry{Between: func(string) {
			everyone.waitForAll()
			runtime.Gosched()
		}}
		names := make([]string, count)
		for i := range names {
			names[i] = fmt.Sprintf("visitor-%02d", i)
		}
		got := make([][]int, workers)
		spec.Together(workers, func(w int) {
			everyone.enter()
			got[w] = make([]int, count)
			for k := range count {
				i := (k + w*5) % count // each goroutine starts at a different name
				got[w][i] = r.Register(names[i])
				r.Lookup(names[(i+1)%count])
			}
		})
		for w := range workers {
			expectConsistent(r, names, got[w])
		}
	})
})
