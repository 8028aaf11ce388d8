package selects_test

import (
	"testing/synctest"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	selects "github.com/threadlings/threadlings/lessons/12-select"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("TrySend", func() {
	It("returns false at once when nobody can take the value", spec.Bubble, func() {
		elapsed := stopwatch()
		full := make(chan int, 1)
		full <- 1
		Expect(selects.TrySend(full, 2)).To(BeFalse(), "the channel's buffer was full, so TrySend must not send")
		Expect(<-full).To(Equal(1), "the value already in the buffer must be untouched")
		Expect(full).To(BeEmpty(), "TrySend returned false, so it must not have sent anything")

		Expect(selects.TrySend(make(chan int), 3)).To(BeFalse(), "no receiver was waiting on the unbuffered channel, so TrySend must not send")
		var none chan int
		Expect(selects.TrySend(none, 4)).To(BeFalse(), "a send on a nil channel can never happen, so TrySend must return false")
		Expect(elapsed()).To(BeZero(), "TrySend waited: it must never block (select with a default case)")
	})

	It("sends when there is room or a waiting receiver", spec.Bubble, func() {
		buffered := make(chan int, 2)
		Expect(selects.TrySend(buffered, 1)).To(BeTrue(), "the buffer had room, so TrySend must send")
		Expect(selects.TrySend(buffered, 2)).To(BeTrue(), "the buffer had room for a second value, so TrySend must send")
		Expect(selects.TrySend(buffered, 3)).To(BeFalse(), "the buffer of 2 was full, so TrySend must not send")
		Expect(<-buffered).To(Equal(1))
		Expect(<-buffered).To(Equal(2))

		unbuffered := make(chan int)
		got := make(chan int, 1)
		go func() { got <- <-unbuffered }()
		synctest.Wait() // the receiver is waiting now
		Expect(selects.TrySend(unbuffered, 5)).To(BeTrue(), "a receiver was waiting on the unbuffered channel, so TrySend must hand it the value")
		Expect(<-got).To(Equal(5), "the waiting receiver must get the value TrySend sent")
	})

	It("panics on a closed channel, like any send", spec.Bubble, func() {
		roomy := make(chan int, 2)
		Expect(selects.TrySend(roomy, 1)).To(BeTrue(), "the buffer had room, so TrySend must send")
		for _, closed := range []chan int{roomy, make(chan int)} { // roomy still has room
			close(closed)
			Expect(func() { selects.TrySend(closed, 1) }).To(Panic(),
				"TrySend on a closed channel (cap %d) returned instead of panicking: the contract says it panics, like any send, and a select's send case does so by itself. "+
					"Do not recover the panic: a send on a closed channel is the caller's bug, and returning false would hide it", cap(closed))
		}
	})
})

var _ = Describe("TryRecv", func() {
	It("returns false at once when no value is ready", spec.Bubble, func() {
		elapsed := stopwatch()
		v, ok := selects.TryRecv(make(chan int, 1))
		Expect(ok).To(BeFalse(), "the channel was empty, so TryRecv must return false")
		Expect(v).To(BeZero(), "with nothing received TryRecv must return the zero value")
		_, ok = selects.TryRecv(make(chan int))
		Expect(ok).To(BeFalse(), "no sender was waiting on the unbuffered channel, so TryRecv must return false")
		var none chan int
		_, ok = selects.TryRecv(none)
		Expect(ok).To(BeFalse(), "a receive from a nil channel can never happen, so TryRecv must return false")
		Expect(elapsed()).To(BeZero(), "TryRecv waited: it must never block (select with a default case)")
	})

	It("takes a ready value, but none from a closed channel", spec.Bubble, func() {
		buffered := make(chan int, 1)
		buffered <- 3
		v, ok := selects.TryRecv(buffered)
		Expect(ok).To(BeTrue(), "a value was in the buffer, so TryRecv must take it")
		Expect(v).To(Equal(3), "TryRecv must return the value it received")

		unbuffered := make(chan int)
		sent := make(chan struct{})
		go func() {
			unbuffered <- 5
			close(sent)
		}()
		synctest.Wait() // the sender is waiting now
		v, ok = selects.TryRecv(unbuffered)
		Expect(ok).To(BeTrue(), "a sender was waiting on the unbuffered channel, so TryRecv must take its value")
		Expect(v).To(Equal(5), "TryRecv must return the value it received")
		<-sent

		closed := make(chan int, 1)
		closed <- 8
		close(closed)
		v, ok = selects.TryRecv(closed)
		Expect(ok).To(BeTrue(), "a closed channel still hands out the values left in its buffer")
		Expect(v).To(Equal(8))
		for range 3 {
			v, ok = selects.TryRecv(closed)
			Expect(ok).To(BeFalse(), "the channel was closed and empty: a receive succeeds at once but gets no value, so TryRecv must return false (v, ok := <-ch)")
			Expect(v).To(BeZero(), "with nothing received TryRecv must return the zero value")
		}
	})
})
