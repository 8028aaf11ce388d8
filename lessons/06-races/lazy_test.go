package races_test

import (
	"sync/atomic"
	"testing/synctest"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	races "github.com/threadlings/threadlings/lessons/06-races"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// config stands for something expensive to build; build says which call
// of the build function made it.
type config struct{ build int64 }

// lazyConfig returns a Lazy whose build function counts its calls in builds
// and calls hook, if not nil, in the middle of building.
func lazyConfig(builds *atomic.Int64, hook func()) *races.Lazy[*config] {
	return races.NewLazy(func() *config {
		n := builds.Add(1)
		if hook != nil {
			hook()
		}
		return &config{build: n}
	})
}

// overlapGets calls Get n times, the first held inside build while the
// others arrive, and returns what each Get returned.
func overlapGets(l *races.Lazy[*config], g *gate, n int) []*config {
	got := make([]*config, n)
	calls := make([]func(), n)
	for i := range calls {
		calls[i] = func() { got[i] = l.Get() }
	}
	overlap(g, calls[0], calls[1:]...)
	return got
}

var _ = Describe("Lazy", func() {
	It("builds once when Gets overlap", busy, func() {
		g := newGate()
		var builds atomic.Int64
		var getting atomic.Bool // hold build only once a Get is under way
		l := lazyConfig(&builds, func() {
			if getting.Load() {
				g.pass()
			}
		})
		Expect(builds.Load()).To(BeZero(), "NewLazy called build: the value must be built by the first Get, not before (it may never be needed)")
		getting.Store(true)
		overlapGets(l, g, 8)
		Expect(builds.Load()).To(Equal(int64(1)),
			"8 goroutines called Get while the first one was still building, and build ran %d times: "+
				"the others saw \"not built yet\" and built too. Let a sync.Once decide who builds.", builds.Load())
	})

	It("makes Gets that arrive during build wait for its value", busy, func() {
		g := newGate()
		var builds atomic.Int64
		l := lazyConfig(&builds, g.pass)
		got := overlapGets(l, g, 8)
		for i, c := range got {
			Expect(c).NotTo(BeNil(),
				"Get number %d returned before the value was built (a nil *config): a Get that arrives while build runs must wait for it. "+
					"sync.Once.Do makes every caller wait for the one call of its function.", i+1)
			Expect(c).To(BeIdenticalTo(got[0]),
				"Get number %d returned the value of build call %d and the first Get that of call %d: every Get must return the one value built",
				i+1, c.build, got[0].build)
		}
	})

	It("returns one value to many goroutines at once", spec.Bubble, busy, func() {
		var probed atomic.Int64
		lazyConfig(&probed, nil)
		synctest.Wait() // every goroutine NewLazy may have started has run as far as it can
		Expect(probed.Load()).To(BeZero(),
			"build ran %d times before anyone called Get: NewLazy must not build the value, not even on a goroutine of its own. "+
				"The value is built by the first Get, and may never be needed.", probed.Load())

		const workers = 16
		everyone := &crowd{n: workers}
		var builds atomic.Int64
		l := lazyConfig(&builds, everyone.waitForAll)
		got := make([]*config, workers)
		spec.Together(workers, func(i int) {
			everyone.enter()
			got[i] = l.Get()
		})
		Expect(builds.Load()).To(Equal(int64(1)), "%d goroutines called Get at once and build ran %d times: it must run exactly once, and sync.Once.Do sees to that", workers, builds.Load())
		for i := range got {
			Expect(got[i]).To(SatisfyAll(Not(BeNil()), BeIdenticalTo(got[0])), "every Get must return the one value built")
		}
		Expect(l.Get()).To(BeIdenticalTo(got[0]), "a Get after the value is built must return it without building again")
		Expect(builds.Load()).To(Equal(int64(1)), "a Get after the value is built must not call build")
	})
})
