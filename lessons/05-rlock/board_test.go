package rlock_test

import (
	"strings"
	"sync"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	rlock "github.com/threadlings/threadlings/lessons/05-rlock"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// gate is a channel that the spec opens once, and that a cleanup opens in
// any case, so that no goroutine of a failed spec waits on it for ever.
type gate struct {
	ch   chan struct{}
	once sync.Once
}

func newGate() *gate {
	g := &gate{ch: make(chan struct{})}
	DeferCleanup(g.open)
	return g
}

func (g *gate) open() { g.once.Do(func() { close(g.ch) }) }

var _ = Describe("Board", func() {
	It("shows the prices it was set to", busy, func() {
		var b rlock.Board
		_, ok := b.Price("tea")
		Expect(ok).To(BeFalse(), "a new Board has no prices: Price must report ok == false")
		b.Set("tea", 3)
		b.Set("coffee", 5)
		b.Set("tea", 4)
		price, ok := b.Price("tea")
		Expect(ok).To(BeTrue(), "tea was set: Price must find it")
		Expect(price).To(Equal(4), "tea was set to 3, then to 4")
		price, _ = b.Price("coffee")
		Expect(price).To(Equal(5), "coffee was set to 5")
	})

	It("is safe for many goroutines at once from its zero value", busy, func() {
		var fresh rlock.Board // readers alone first: View must not change the Board
		var found atomic.Int32
		spec.Together(4, func(int) {
			if _, ok := fresh.Price("tea"); ok {
				found.Add(1)
			}
		})
		Expect(found.Load()).To(BeZero(), "a new Board has no prices: Price must report ok == false")
		var b rlock.Board
		spec.Together(6, func(i int) {
			item := []string{"tea", "coffee"}[i%2]
			for k := range 20 {
				if i < 3 {
					b.Set(item, k)
				} else {
					b.Price(item)
				}
			}
		})
		_, ok := b.Price("tea")
		Expect(ok).To(BeTrue(), "tea was set: Price must find it")
	})

	It("lets many readers in at once", spec.Points(2), busy, func() {
		var b rlock.Board
		b.Set("tea", 3)
		const readers = 4
		var inside spec.Gauge
		var mu sync.Mutex
		arrived, seen := 0, 0
		all, leave := newGate(), newGate()
		w := spec.Watch()
		runs := make([]*spec.Call, readers)
		for i := range runs {
			runs[i] = spec.Go(func() {
				b.View(func(prices map[string]int) {
					inside.Enter()
					defer inside.Leave()
					mu.Lock()
					arrived++
					seen += prices["tea"]
					if arrived == readers {
						all.open()
					}
					mu.Unlock()
					<-leave.ch
				})
			})
		}
		waiting := w.WaitFor(all.ch)
		leave.open()
		for _, r := range runs {
			r.Wait()
		}
		Expect(waiting).To(BeEmpty(), "one reader was inside View while the others waited at %s: View must take the read lock (RLock), which lets readers in together", strings.Join(waiting, ", "))
		Expect(inside.Max()).To(Equal(readers), "%d readers were inside View at most, of %d: readers must not shut each other out", inside.Max(), readers)
		Expect(seen).To(Equal(3*readers), "every reader must see the price of tea")
	})

	It("lets a writer in alone", spec.Points(2), busy, func() {
		var b rlock.Board
		b.Set("tea", 3)
		var readers, writers spec.Gauge
		w := spec.Watch()

		readerIn, readerOut := newGate(), newGate()
		reader := spec.Go(func() {
			b.View(func(map[string]int) {
				readers.Enter()
				defer readers.Leave()
				readerIn.open()
				<-readerOut.ch
			})
		})
		Expect(w.WaitFor(readerIn.ch)).To(BeEmpty(), "View never called fn on a Board that nobody else uses")

		readersSeen := -1
		writerIn, writerOut := newGate(), newGate()
		writer := spec.Go(func() {
			b.Update(func(prices map[string]int) {
				writers.Enter()
				defer writers.Leave()
				readersSeen = readers.Now()
				prices["tea"] = 4
				writerIn.open()
				<-writerOut.ch
			})
		})
		Expect(w.WaitFor(writerIn.ch)).NotTo(BeEmpty(), "Update ran while a reader was inside View: Update must take the write lock (Lock), which waits for every reader to leave")
		readerOut.open()
		Expect(w.WaitFor(writerIn.ch)).To(BeEmpty(), "Update still waits after the last reader left")
		reader.Wait()

		writersSeen, priceSeen := -1, 0
		lateIn := newGate()
		late := spec.Go(func() {
			b.View(func(prices map[string]int) {
				writersSeen = writers.Now()
				priceSeen = prices["tea"]
				lateIn.open()
			})
		})
		Expect(w.WaitFor(lateIn.ch)).NotTo(BeEmpty(), "a reader got into View while Update was inside: View must take the read lock (RLock), which waits for the writer")
		writerOut.open()
		Expect(w.WaitFor(lateIn.ch)).To(BeEmpty(), "View still waits after Update finished")
		writer.Wait()
		late.Wait()

		Expect(readersSeen).To(BeZero(), "Update's fn ran with %d readers inside: the writer must be alone", readersSeen)
		Expect(writersSeen).To(BeZero(), "View's fn ran with %d writers inside: readers must wait for the writer", writersSeen)
		Expect(priceSeen).To(Equal(4), "the reader after the Update must see the new price")
	})
})
