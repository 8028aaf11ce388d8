package crashes_test

import (
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec/testdata/crashes"
)

var _ = Describe("crashes", func() {
	It("passes before", func() { Expect(1).To(Equal(1)) })
	It("panic in a goroutine", func() { crashes.PanicInGoroutine() })
	It("os.Exit(0)", func() { crashes.Exit(0) })
	It("os.Exit(3)", func() { crashes.Exit(3) })
	// The runtime (or the race detector) notices the concurrent writes
	// when two of them overlap, which a busy machine can put off for
	// seconds: the spec's time is generous so that the verdict is theirs.
	It("concurrent map writes", func() { crashes.WriteMapConcurrently() }, SpecTimeout(30*time.Second))
	It("TODO on the spec's goroutine", func() {
		var wg sync.WaitGroup
		wg.Go(func() { crashes.Unfinished() })
		wg.Wait()
	})
	It("negative WaitGroup counter", func() { crashes.DoneTooOften() })
	It("passes after", func() { Expect(2).To(Equal(2)) })
})
