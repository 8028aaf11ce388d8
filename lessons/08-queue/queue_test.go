package queue_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	queue "github.com/threadlings/threadlings/lessons/08-queue"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// A call is a method call running in a goroutine of its own, so that a spec
// can look at whether it is still waiting. A panic in it (a method that is
// still a TODO) is carried back and raised again on the spec's goroutine.
type call[T any] struct {
	done     chan struct{}
	v        T
	err      error
	panicked any
}

func async[T any](f func() (T, error)) *call[T] {
	c := &call[T]{done: make(chan struct{})}
	go func() {
		defer close(c.done)
		defer func() { c.panicked = recover() }()
		c.v, c.err = f()
	}()
	return c
}

// returned reports whether the call has returned.
func (c *call[T]) returned() bool {
	select {
	case <-c.done:
		if c.panicked != nil {
			panic(c.panicked)
		}
		return true
	default:
		return false
	}
}

// stillWaiting counts the calls that have not returned.
func stillWaiting[T any](calls []*call[T]) int {
	n := 0
	for _, c := range calls {
		if !c.returned() {
			n++
		}
	}
	return n
}

func putting(q *queue.Queue[int], v int) *call[struct{}] {
	return async(func() (struct{}, error) { return struct{}{}, q.Put(v) })
}

func getting(q *queue.Queue[int]) *call[int] {
	return async(q.Get)
}

func joining(q *queue.Queue[int]) *call[struct{}] {
	return async(func() (struct{}, error) { q.Join(); return struct{}{}, nil })
}

// mustGet takes one item on the spec's goroutine and checks it is want.
func mustGet(q *queue.Queue[int], want int, why string) {
	GinkgoHelper()
	v, err := q.Get()
	Expect(err).NotTo(HaveOccurred(), "Get on a queue holding items must return one of them, not an error")
	Expect(v).To(Equal(want), why)
}

var _ = Describe("Queue", func() {
	It("is first in, first out", spec.Bubble, func() {
		q := queue.New[int](0)
		Expect(q.Len()).To(Equal(0), "a new queue must be empty")
		for i := 1; i <= 5; i++ {
			Expect(q.Put(i)).To(Succeed(), "Put on an open queue with room must return nil")
		}
		Expect(q.Len()).To(Equal(5), "five items were put and none taken, so Len must be 5")
		for i := 1; i <= 5; i++ {
			mustGet(q, i, "items must come out in the order they were put (first in, first out): take from the front, add at the back")
		}
		Expect(q.Len()).To(Equal(0), "every item was taken, so Len must be 0")
	})

	It("with maxsize 0 has no limit, not even a big one", SpecTimeout(30*time.Second), func() {
		// More items than a "big enough" buffer of 1<<16 holds, in real
		// time (in a bubble this many wake-ups are slow). A Put that waits
		// is seen at once, however long a busy machine takes for the rest.
		const many = 1<<16 + 1
		w := spec.Watch() // before New: a queue may start goroutines of its own
		q := queue.New[int](0)
		failed, failedErr := 0, error(nil)
		puts := spec.Go(func() {
			for i := range many {
				if err := q.Put(i); err != nil {
					failed, failedErr = i+1, err
					return
				}
			}
		})
		waiting := w.WaitFor(puts.Done())
		q.Close() // lets a stuck Put go, so the spec ends with its own message
		puts.Wait()
		Expect(waiting).To(BeEmpty(), "Put waited at %s on a queue made with New(0), after fewer than %d items: a maxsize of 0 means no limit at all, not a big buffer", strings.Join(waiting, ", "), many)
		Expect(failedErr).NotTo(HaveOccurred(), "Put number %d on an open queue with no limit returned %v, not nil", failed, failedErr)
		Expect(q.Len()).To(Equal(many), "%d items were put into New(0), so Len must be %d", many, many)
	})

	It("with maxsize 0 or less has no limit", spec.Bubble, func() {
		for _, maxsize := range []int{0, -1} {
			q := queue.New[int](maxsize)
			p := async(func() (struct{}, error) {
				for i := range 1000 {
					if err := q.Put(i); err != nil {
						return struct{}{}, err
					}
				}
				return struct{}{}, nil
			})
			synctest.Wait()
			Expect(p.returned()).To(BeTrue(), "Put waited on a queue made with New(%d): a maxsize of 0 or less means no limit, as in Python", maxsize)
			Expect(p.err).NotTo(HaveOccurred(), "Put on an open queue with no limit must return nil")
			Expect(q.Len()).To(Equal(1000), "1000 items were put into New(%d), so Len must be 1000", maxsize)
			for i := range 3 {
				Expect(q.TryPut(i)).To(Succeed(), "TryPut on New(%d) must never find the queue full: a maxsize of 0 or less means no limit", maxsize)
				Expect(q.PutTimeout(i, 0)).To(Succeed(), "PutTimeout(v, 0) on New(%d) must never find the queue full", maxsize)
				Expect(q.PutContext(context.Background(), i)).To(Succeed(), "PutContext on New(%d) must never find the queue full", maxsize)
			}
		}
	})
})

var _ = Describe("Put", func() {
	It("blocks while the queue is full, returns once a Get makes room", spec.Bubble, func() {
		q := queue.New[int](2)
		Expect(q.Put(1)).To(Succeed(), "Put on an empty New(2) must return nil at once")
		Expect(q.Put(2)).To(Succeed(), "Put of a second item into New(2) must return nil at once")
		p := putting(q, 3)
		synctest.Wait()
		Expect(p.returned()).To(BeFalse(), "a third Put into New(2) returned: Put must wait while the queue holds maxsize items")
		Expect(q.Len()).To(Equal(2), "the queue was made with New(2), so it must never hold more than 2 items")

		mustGet(q, 1, "the first item put must be the first to come out")
		synctest.Wait()
		Expect(p.returned()).To(BeTrue(), "a Get made room, but the waiting Put did not return: wake waiting Puts when an item is taken")
		Expect(p.err).NotTo(HaveOccurred(), "the waiting Put got room, so it must return nil")
		mustGet(q, 2, "items must come out in the order they were put")
		mustGet(q, 3, "the Put that waited must add its item at the back")
	})

	It("of two waiting, one takes the room a Get makes and the other keeps waiting", spec.Bubble, func() {
		q := queue.New[int](1)
		defer q.Close() // lets a stuck Put go, so the spec ends with its own message
		Expect(q.Put(0)).To(Succeed(), "Put on an empty New(1) must return nil at once")
		puts := []*call[struct{}]{putting(q, 1), putting(q, 2)}
		synctest.Wait()
		mustGet(q, 0, "the queue holds the one item put before the Puts waited")
		synctest.Wait()
		var waiting []*call[struct{}]
		for _, p := range puts {
			if !p.returned() {
				waiting = append(waiting, p)
			}
		}
		Expect(q.Len()).To(Equal(1), "two Puts waited on a full New(1) and one Get made room for one item, but the queue now holds %d: "+
			"a Put woken to find the room already taken by another Put must wait again (look again in a for loop, not once in an if)", q.Len())
		Expect(waiting).To(HaveLen(1), "two Puts waited on a full New(1) and one Get made room for one item: one Put must return and the other must keep waiting, but %d still wait", len(waiting))
		v, err := q.Get()
		Expect(err).NotTo(HaveOccurred(), "Get on a queue holding an item must return it")
		Expect(v).To(Or(Equal(1), Equal(2)), "the queue must hold the item of the Put that returned")
		synctest.Wait()
		Expect(waiting[0].returned()).To(BeTrue(), "a second Get made room, but the Put still waiting did not return: wake waiting Puts when an item is taken")
		Expect(waiting[0].err).NotTo(HaveOccurred(), "the waiting Put got room, so it must return nil")
		Expect(q.Len()).To(Equal(1), "each of the two Puts must add its one item")
	})

	It("of several waiting, every one returns when as many Gets make room one right after another", spec.Bubble, func() {
		// The mirror of Get's spec: a Get that wakes one Put, and only when
		// the queue was full, loses a wake-up whenever the second Get comes
		// before the woken Put has added its item.
		const waiters, rounds = 3, 30
		for round := range rounds {
			q := queue.New[int](waiters)
			for i := range waiters {
				Expect(q.Put(i)).To(Succeed(), "Put on an open queue with room must return nil")
			}
			puts := make([]*call[struct{}], waiters)
			for i := range puts {
				puts[i] = putting(q, waiters+i)
			}
			synctest.Wait()
			for i := range waiters {
				mustGet(q, i, "items must come out in the order they were put")
			}
			synctest.Wait()
			stuck, held := stillWaiting(puts), q.Len()
			q.Close() // lets a stuck Put go, so the spec ends with its own message
			synctest.Wait()
			Expect(stuck).To(BeZero(), "round %d: %d Puts waited on a full New(%d), then %d Gets made room one right after another, "+
				"and %d Puts still wait while the queue holds only %d items. Every Get must wake the waiting Puts (or one per item taken, never none): "+
				"a Put waits only while the queue is full.", round, waiters, waiters, waiters, stuck, held)
		}
	})
})

var _ = Describe("Get", func() {
	It("blocks while the queue is empty, returns once a Put arrives", spec.Bubble, func() {
		q := queue.New[int](0)
		g := getting(q)
		synctest.Wait()
		Expect(g.returned()).To(BeFalse(), "Get returned from an empty queue: Get must wait until there is an item")

		Expect(q.Put(42)).To(Succeed(), "Put on an open queue with room must return nil")
		synctest.Wait()
		Expect(g.returned()).To(BeTrue(), "an item was put, but the waiting Get did not return: wake waiting Gets when an item is added (and do not poll)")
		Expect(g.err).NotTo(HaveOccurred(), "the waiting Get got an item, so it must return a nil error")
		Expect(g.v).To(Equal(42), "the waiting Get must return the item that was put")
		Expect(q.Len()).To(Equal(0), "the only item was taken, so Len must be 0")
	})
	It("of several waiting, every one returns when as many items are put one right after another", spec.Bubble, func() {
		// A Put that wakes one Get, and only when the queue was empty,
		// loses a wake-up here whenever the second Put comes before the
		// woken Get has taken its item. That depends on when the woken
		// goroutine runs, so the spec tries many times.
		const waiters, rounds = 3, 30
		for round := range rounds {
			q := queue.New[int](0)
			gets := make([]*call[int], waiters)
			for i := range gets {
				gets[i] = getting(q)
			}
			synctest.Wait()
			for i := range waiters {
				Expect(q.Put(i)).To(Succeed(), "Put on an open queue with room must return nil")
			}
			synctest.Wait()
			stuck, left := stillWaiting(gets), q.Len()
			q.Close() // lets a stuck Get go, so the spec ends with its own message
			synctest.Wait()
			Expect(stuck).To(BeZero(), "round %d: %d Gets waited on an empty queue, then %d items were put one right after another, "+
				"and %d Gets still wait while %d items sit in the queue. Every Put must wake the waiting Gets (or one per item, never none): "+
				"a Get waits only while the queue is empty.", round, waiters, waiters, stuck, left)
		}
	})

	It("of two waiting, one takes the item put and the other keeps waiting", spec.Bubble, func() {
		q := queue.New[int](0)
		defer q.Close() // lets a stuck Get go, so the spec ends with its own message
		gets := []*call[int]{getting(q), getting(q)}
		synctest.Wait()
		Expect(q.Put(1)).To(Succeed(), "Put on an open queue with room must return nil")
		synctest.Wait()
		var took, waiting []*call[int]
		for _, g := range gets {
			if g.returned() {
				took = append(took, g)
			} else {
				waiting = append(waiting, g)
			}
		}
		var errs []error
		for _, g := range took {
			errs = append(errs, g.err)
		}
		Expect(took).To(HaveLen(1), "two Gets waited on an empty queue and one item was put: one Get must take it and the other must keep waiting, but %d returned (with errors %v). "+
			"A Get woken to find the item already taken by another Get must wait again (look again in a for loop, not once in an if)", len(took), errs)
		Expect(took[0].err).NotTo(HaveOccurred(), "the Get that returned must have taken the item")
		Expect(took[0].v).To(Equal(1), "the Get that returned must return the item that was put")
		Expect(q.Put(2)).To(Succeed(), "Put on an open queue with room must return nil")
		synctest.Wait()
		Expect(waiting[0].returned()).To(BeTrue(), "a second item was put, but the Get still waiting did not return: wake waiting Gets when an item is added")
		Expect(waiting[0].err).NotTo(HaveOccurred(), "the waiting Get got an item, so it must return a nil error")
		Expect(waiting[0].v).To(Equal(2), "the waiting Get must return the second item put")
	})
})

// The ways of putting and of getting, for specs that try each.
var putKinds = []struct {
	name string
	put  func(q *queue.Queue[int], v int) error
}{
	{"Put", (*queue.Queue[int]).Put},
	{"TryPut", (*queue.Queue[int]).TryPut},
	{"PutTimeout(v, time.Hour)", func(q *queue.Queue[int], v int) error { return q.PutTimeout(v, time.Hour) }},
	{"PutTimeout(v, 0)", func(q *queue.Queue[int], v int) error { return q.PutTimeout(v, 0) }},
	{"PutContext", func(q *queue.Queue[int], v int) error { return q.PutContext(context.Background(), v) }},
}

var getKinds = []struct {
	name string
	get  func(q *queue.Queue[int]) (int, error)
}{
	{"Get", (*queue.Queue[int]).Get},
	{"TryGet", (*queue.Queue[int]).TryGet},
	{"GetTimeout(time.Hour)", func(q *queue.Queue[int]) (int, error) { return q.GetTimeout(time.Hour) }},
	{"GetTimeout(0)", func(q *queue.Queue[int]) (int, error) { return q.GetTimeout(0) }},
	{"GetContext", func(q *queue.Queue[int]) (int, error) { return q.GetContext(context.Background()) }},
}

var _ = Describe("Queue", func() {
	It("wakes a waiting Get on every kind of put, and a waiting Put on every kind of get", spec.Bubble, func() {
		for _, k := range putKinds {
			q := queue.New[int](0)
			g := getting(q)
			synctest.Wait()
			Expect(k.put(q, 7)).To(Succeed(), "%s on an open queue with room must return nil", k.name)
			synctest.Wait()
			returned := g.returned()
			q.Close() // lets a stuck Get go, so the spec ends with its own message
			synctest.Wait()
			Expect(returned).To(BeTrue(), "a Get waited on an empty queue and %s added an item, but the Get did not return: every kind of put must wake the waiting Gets", k.name)
			Expect(g.err).NotTo(HaveOccurred(), "the waiting Get got an item, so it must return a nil error")
			Expect(g.v).To(Equal(7), "the waiting Get must return the item that %s added", k.name)
		}
		for _, k := range getKinds {
			q := queue.New[int](1)
			Expect(q.Put(0)).To(Succeed(), "Put on an empty New(1) must return nil at once")
			p := putting(q, 1)
			synctest.Wait()
			v, err := k.get(q)
			Expect(err).NotTo(HaveOccurred(), "%s on a queue holding an item must take it", k.name)
			Expect(v).To(Equal(0), "%s must return the front item", k.name)
			synctest.Wait()
			returned := p.returned()
			q.Close() // lets a stuck Put go, so the spec ends with its own message
			synctest.Wait()
			Expect(returned).To(BeTrue(), "a Put waited on a full queue and %s took an item, but the Put did not return: every kind of get must wake the waiting Puts", k.name)
			Expect(p.err).NotTo(HaveOccurred(), "the waiting Put got room, so it must return nil")
		}
	})
})

var _ = Describe("TryPut", func() {
	It("returns ErrFull at once when the queue is full", spec.Bubble, func() {
		q := queue.New[int](1)
		start := time.Now()
		Expect(q.TryPut(1)).To(Succeed(), "TryPut on an empty New(1) must add the item and return nil")
		Expect(q.TryPut(2)).To(MatchError(queue.ErrFull), "TryPut on a full queue must return ErrFull (Python's queue.Full)")
		Expect(time.Since(start)).To(BeZero(), "TryPut waited: it must never block")
		Expect(q.Len()).To(Equal(1), "a TryPut that returned ErrFull must not add its item")
		mustGet(q, 1, "the item TryPut added must be in the queue")
	})
})

var _ = Describe("TryGet", func() {
	It("returns ErrEmpty at once when the queue is empty", spec.Bubble, func() {
		q := queue.New[int](0)
		start := time.Now()
		_, err := q.TryGet()
		Expect(err).To(MatchError(queue.ErrEmpty), "TryGet on an empty queue must return ErrEmpty (Python's queue.Empty)")
		Expect(q.Put(7)).To(Succeed())
		v, err := q.TryGet()
		Expect(err).NotTo(HaveOccurred(), "TryGet on a queue holding an item must take it")
		Expect(v).To(Equal(7), "TryGet must return the front item")
		Expect(time.Since(start)).To(BeZero(), "TryGet waited: it must never block")
	})
})

var _ = Describe("TryPut and TryGet", func() {
	It("are safe to call while others put and get", func() {
		// One goroutine gets with Get what this one adds with TryPut, then
		// puts with Put what this one takes with TryGet. A quick look at the
		// queue without the lock, to return ErrFull or ErrEmpty sooner, is a
		// race here.
		q := queue.New[int](1)
		const n = 100
		gotAll := make(chan struct{})
		worker := async(func() (struct{}, error) {
			for i := range n {
				v, err := q.Get()
				if err != nil {
					close(gotAll)
					return struct{}{}, err
				}
				if v != i {
					close(gotAll)
					return struct{}{}, fmt.Errorf("Get returned %d, not %d: items must come out in the order they were put", v, i)
				}
			}
			close(gotAll)
			for i := range n {
				if err := q.Put(i); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, nil
		})
		for i := 0; i < n; {
			switch err := q.TryPut(i); {
			case err == nil:
				i++
			case errors.Is(err, queue.ErrFull):
				runtime.Gosched() // the other goroutine makes room
			default:
				Fail(fmt.Sprintf("TryPut on an open queue returned %v: it must return nil or ErrFull", err))
			}
		}
		<-gotAll // the last item added is the other goroutine's, not this one's to take back
		for i := 0; i < n; {
			switch v, err := q.TryGet(); {
			case err == nil:
				Expect(v).To(Equal(i), "TryGet must return the front item: items must come out in the order they were put")
				i++
			case errors.Is(err, queue.ErrEmpty):
				runtime.Gosched() // the other goroutine puts the next item
			default:
				Fail(fmt.Sprintf("TryGet on an open queue returned %v: it must return an item or ErrEmpty", err))
			}
		}
		<-worker.done
		worker.returned() // raises a panic of Put or Get here
		Expect(worker.err).NotTo(HaveOccurred(), "Put and Get on an open queue must return nil")
		Expect(q.Len()).To(Equal(0), "every item put was taken again, so Len must be 0")
	}, SpecTimeout(5*time.Second)) // real goroutines hand 200 items back and forth: time for a busy machine
})

var _ = Describe("PutTimeout", func() {
	It("gives up with ErrFull after exactly d", spec.Bubble, func() {
		q := queue.New[int](1)
		Expect(q.Put(1)).To(Succeed())
		start := time.Now()
		Expect(q.PutTimeout(2, 3*time.Second)).To(MatchError(queue.ErrFull), "the queue stayed full, so PutTimeout must give up with ErrFull")
		Expect(time.Since(start)).To(Equal(3*time.Second), "PutTimeout(v, 3s) on a full queue must wait exactly 3s, then give up")
		mustGet(q, 1, "the queue must still hold the item that was there")
		synctest.Wait()
		Expect(q.Len()).To(Equal(0), "PutTimeout gave up, so it must not add its item later either")
	})

	It("waits at most d in all, however often it is woken", spec.Bubble, func() {
		// Each second another goroutine takes an item and puts one back at
		// once, so PutTimeout is woken but (most often) finds no room. It
		// must still give up d after it was called: a timer made anew after
		// each wake-up waits longer.
		for range 8 {
			q := queue.New[int](1)
			Expect(q.Put(0)).To(Succeed())
			start := time.Now()
			p := async(func() (struct{}, error) { return struct{}{}, q.PutTimeout(1, 3*time.Second) })
			for range 2 {
				time.Sleep(time.Second)
				mustGet(q, 0, "the queue holds the item put back")
				if q.TryPut(0) != nil {
					break // PutTimeout took the room first: fine, nothing to see this round
				}
			}
			<-p.done
			p.returned()
			if p.err == nil {
				Expect(time.Since(start)).To(BeNumerically("<", 3*time.Second), "PutTimeout(v, 3s) added its item after 3s")
				continue
			}
			Expect(p.err).To(MatchError(queue.ErrFull), "PutTimeout that found no room must return ErrFull")
			Expect(time.Since(start)).To(Equal(3*time.Second),
				"PutTimeout(v, 3s) was woken twice by Gets whose room was taken at once, and gave up after %v, not 3s: "+
					"the timeout counts from the call (one timer, or a context with a deadline), not from the last wake-up", time.Since(start))
		}
	})

	It("puts the moment a Get makes room", spec.Bubble, func() {
		q := queue.New[int](1)
		Expect(q.Put(1)).To(Succeed())
		const roomAt = 1234567891 * time.Nanosecond
		g := async(func() (int, error) {
			time.Sleep(roomAt)
			return q.Get()
		})
		defer func() { <-g.done }()
		start := time.Now()
		Expect(q.PutTimeout(2, 5*time.Second)).To(Succeed(), "room was made after %v, well inside the 5s timeout, so PutTimeout must add the item", roomAt)
		Expect(time.Since(start)).To(Equal(roomAt), "PutTimeout must return the moment there is room, not check now and then")
		mustGet(q, 2, "PutTimeout returned nil, so its item must be in the queue")
	})

	It("with d <= 0 does not wait", spec.Bubble, func() {
		q := queue.New[int](1)
		start := time.Now()
		for i := range 20 {
			Expect(q.PutTimeout(i, 0)).To(Succeed(), "PutTimeout(v, 0) on a queue with room must add the item: look for room before looking at the timer")
			mustGet(q, i, "PutTimeout returned nil, so its item must be in the queue")
		}
		Expect(q.Put(1)).To(Succeed())
		Expect(q.PutTimeout(2, 0)).To(MatchError(queue.ErrFull), "PutTimeout(v, 0) on a full queue must return ErrFull")
		Expect(q.PutTimeout(2, -time.Second)).To(MatchError(queue.ErrFull), "PutTimeout(v, -1s) on a full queue must return ErrFull")
		Expect(time.Since(start)).To(BeZero(), "PutTimeout with d <= 0 must not wait")
	})
})

var _ = Describe("GetTimeout", func() {
	It("gives up with ErrEmpty after exactly d", spec.Bubble, func() {
		q := queue.New[int](0)
		start := time.Now()
		_, err := q.GetTimeout(3 * time.Second)
		Expect(err).To(MatchError(queue.ErrEmpty), "the queue stayed empty, so GetTimeout must give up with ErrEmpty")
		Expect(time.Since(start)).To(Equal(3*time.Second), "GetTimeout(3s) on an empty queue must wait exactly 3s, then give up")
		Expect(q.Put(1)).To(Succeed())
		synctest.Wait()
		Expect(q.Len()).To(Equal(1), "GetTimeout gave up, so it must not take an item put later")
	})

	It("takes an item the moment it is put", spec.Bubble, func() {
		q := queue.New[int](0)
		const putAt = 1234567891 * time.Nanosecond
		p := async(func() (struct{}, error) {
			time.Sleep(putAt)
			return struct{}{}, q.Put(9)
		})
		defer func() { <-p.done }()
		start := time.Now()
		v, err := q.GetTimeout(5 * time.Second)
		Expect(err).NotTo(HaveOccurred(), "an item was put after %v, well inside the 5s timeout, so GetTimeout must take it", putAt)
		Expect(v).To(Equal(9), "GetTimeout must return the item that was put")
		Expect(time.Since(start)).To(Equal(putAt), "GetTimeout must return the moment an item is put, not check now and then")
	})

	It("waits at most d in all, however often it is woken", spec.Bubble, func() {
		// Each second another goroutine puts an item and takes it back at
		// once, so GetTimeout is woken but (most often) finds none. It must
		// still give up d after it was called: a timer made anew after each
		// wake-up waits longer.
		for range 8 {
			q := queue.New[int](0)
			start := time.Now()
			g := async(func() (int, error) { return q.GetTimeout(3 * time.Second) })
			for range 2 {
				time.Sleep(time.Second)
				Expect(q.Put(0)).To(Succeed(), "Put on an open queue with room must return nil")
				if _, err := q.TryGet(); err != nil {
					break // GetTimeout took the item first: fine, nothing to see this round
				}
			}
			<-g.done
			g.returned()
			if g.err == nil {
				Expect(time.Since(start)).To(BeNumerically("<", 3*time.Second), "GetTimeout(3s) took an item after 3s")
				continue
			}
			Expect(g.err).To(MatchError(queue.ErrEmpty), "GetTimeout that found no item must return ErrEmpty")
			Expect(time.Since(start)).To(Equal(3*time.Second),
				"GetTimeout(3s) was woken twice by Puts whose item was taken at once, and gave up after %v, not 3s: "+
					"the timeout counts from the call (one timer, or a context with a deadline), not from the last wake-up", time.Since(start))
		}
	})

	It("with d <= 0 does not wait", spec.Bubble, func() {
		q := queue.New[int](0)
		start := time.Now()
		for i := range 20 {
			Expect(q.Put(i)).To(Succeed())
			v, err := q.GetTimeout(0)
			Expect(err).NotTo(HaveOccurred(), "GetTimeout(0) on a queue holding an item must take it: look for an item before looking at the timer")
			Expect(v).To(Equal(i), "GetTimeout must return the front item")
		}
		_, err := q.GetTimeout(0)
		Expect(err).To(MatchError(queue.ErrEmpty), "GetTimeout(0) on an empty queue must return ErrEmpty")
		_, err = q.GetTimeout(-time.Second)
		Expect(err).To(MatchError(queue.ErrEmpty), "GetTimeout(-1s) on an empty queue must return ErrEmpty")
		Expect(time.Since(start)).To(BeZero(), "GetTimeout with d <= 0 must not wait")
	})
})

var _ = Describe("GetContext", func() {
	It("returns ctx.Err() when cancelled while waiting", spec.Bubble, func() {
		q := queue.New[int](0)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		g := async(func() (int, error) { return q.GetContext(ctx) })
		synctest.Wait()
		Expect(g.returned()).To(BeFalse(), "GetContext returned from an empty queue while ctx was live: it must wait")

		cancel()
		synctest.Wait()
		Expect(g.returned()).To(BeTrue(), "ctx was cancelled but GetContext kept waiting: wait for ctx.Done() too")
		Expect(g.err).To(MatchError(context.Canceled), "GetContext must return ctx.Err() when ctx is cancelled first")
		Expect(q.Put(1)).To(Succeed())
		synctest.Wait()
		Expect(q.Len()).To(Equal(1), "GetContext gave up, so it must not take an item put later")
	})

	It("takes an item put in time", spec.Bubble, func() {
		q := queue.New[int](0)
		p := async(func() (struct{}, error) {
			time.Sleep(time.Second)
			return struct{}{}, q.Put(5)
		})
		defer func() { <-p.done }()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		start := time.Now()
		v, err := q.GetContext(ctx)
		Expect(err).NotTo(HaveOccurred(), "an item was put long before ctx's deadline, so GetContext must take it")
		Expect(v).To(Equal(5), "GetContext must return the item that was put")
		Expect(time.Since(start)).To(Equal(time.Second), "GetContext must return the moment the item is put")
	})

	It("returns ctx.Err() at the deadline", spec.Bubble, func() {
		q := queue.New[int](0)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		_, err := q.GetContext(ctx)
		Expect(err).To(MatchError(context.DeadlineExceeded), "the queue stayed empty past ctx's deadline: GetContext must return ctx.Err(), here context.DeadlineExceeded")
		Expect(time.Since(start)).To(Equal(2*time.Second), "GetContext must give up exactly at ctx's deadline")
	})
})

var _ = Describe("PutContext", func() {
	It("returns ctx.Err() when cancelled while waiting", spec.Bubble, func() {
		q := queue.New[int](1)
		Expect(q.Put(1)).To(Succeed())
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		p := async(func() (struct{}, error) { return struct{}{}, q.PutContext(ctx, 2) })
		synctest.Wait()
		Expect(p.returned()).To(BeFalse(), "PutContext returned from a full queue while ctx was live: it must wait")

		cancel()
		synctest.Wait()
		Expect(p.returned()).To(BeTrue(), "ctx was cancelled but PutContext kept waiting: wait for ctx.Done() too")
		Expect(p.err).To(MatchError(context.Canceled), "PutContext must return ctx.Err(), here context.Canceled, when ctx is cancelled first")
		mustGet(q, 1, "the queue must still hold the item that was there")
		synctest.Wait()
		Expect(q.Len()).To(Equal(0), "PutContext gave up, so it must not add its item later either")
	})

	It("returns ctx.Err() at the deadline", spec.Bubble, func() {
		q := queue.New[int](1)
		Expect(q.Put(1)).To(Succeed())
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		start := time.Now()
		Expect(q.PutContext(ctx, 2)).To(MatchError(context.DeadlineExceeded), "the queue stayed full past ctx's deadline: PutContext must return ctx.Err()")
		Expect(time.Since(start)).To(Equal(2*time.Second), "PutContext must give up exactly at ctx's deadline")
		Expect(q.Len()).To(Equal(1), "PutContext gave up, so it must not add its item")
	})

	It("puts when a Get makes room in time", spec.Bubble, func() {
		q := queue.New[int](1)
		Expect(q.Put(1)).To(Succeed())
		g := async(func() (int, error) {
			time.Sleep(time.Second)
			return q.Get()
		})
		defer func() { <-g.done }()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		start := time.Now()
		Expect(q.PutContext(ctx, 2)).To(Succeed(), "room was made long before ctx's deadline, so PutContext must add the item")
		Expect(time.Since(start)).To(Equal(time.Second), "PutContext must return the moment there is room")
		mustGet(q, 2, "PutContext returned nil, so its item must be in the queue")
	})
})

var _ = Describe("Close", func() {
	It("makes every later put return ErrClosed", spec.Bubble, func() {
		q := queue.New[int](0)
		Expect(q.Put(1)).To(Succeed())
		q.Close()
		Expect(q.Put(2)).To(MatchError(queue.ErrClosed), "Put after Close must return ErrClosed (Python's queue.ShutDown)")
		Expect(q.TryPut(2)).To(MatchError(queue.ErrClosed), "TryPut after Close must return ErrClosed")
		Expect(q.PutTimeout(2, time.Second)).To(MatchError(queue.ErrClosed), "PutTimeout after Close must return ErrClosed")
		Expect(q.PutContext(context.Background(), 2)).To(MatchError(queue.ErrClosed), "PutContext after Close must return ErrClosed")
		Expect(q.Len()).To(Equal(1), "puts after Close must not add their items")
		Expect(q.Close).NotTo(Panic(), "closing a closed queue must do nothing (unlike closing a closed channel)")

		// A full queue too: closed comes before full, or Put waits for room
		// that no Get may ever make.
		full := queue.New[int](1)
		Expect(full.Put(1)).To(Succeed())
		full.Close()
		start := time.Now()
		p := putting(full, 2)
		synctest.Wait()
		returned := p.returned()
		if !returned {
			full.TryGet() // makes room, which may let the stuck Put go
			synctest.Wait()
		}
		Expect(returned).To(BeTrue(), "Put on a closed, full queue waited: the queue is closed, so Put must return ErrClosed at once, full or not (look at closed before looking for room)")
		Expect(p.err).To(MatchError(queue.ErrClosed), "Put on a closed, full queue must return ErrClosed")
		Expect(full.TryPut(2)).To(MatchError(queue.ErrClosed), "TryPut on a closed, full queue must return ErrClosed, not ErrFull: no room will ever help")
		Expect(full.PutTimeout(2, time.Second)).To(MatchError(queue.ErrClosed), "PutTimeout on a closed, full queue must return ErrClosed, not ErrFull")
		Expect(full.PutTimeout(2, 0)).To(MatchError(queue.ErrClosed), "PutTimeout(v, 0) on a closed, full queue must return ErrClosed, as TryPut does, not ErrFull")
		Expect(time.Since(start)).To(BeZero(), "a Put on a closed queue has nothing to wait for: it must return at once, full or not")
	})

	It("lets Get drain what is left, then returns ErrClosed", spec.Bubble, func() {
		q := queue.New[int](0)
		for i := 1; i <= 6; i++ {
			Expect(q.Put(i)).To(Succeed())
		}
		q.Close()
		start := time.Now()
		for i := 1; i <= 3; i++ {
			v, err := q.Get()
			Expect(err).NotTo(HaveOccurred(), "the queue was closed with items in it: Get must still hand them out before it reports ErrClosed")
			Expect(v).To(Equal(i), "items left at Close must still come out first in, first out")
		}
		// Every way of getting drains: ErrClosed only once closed and empty.
		v, err := q.TryGet()
		Expect(err).NotTo(HaveOccurred(), "TryGet on a closed queue that still holds items must take the front one: it returns ErrClosed only when the queue is closed and empty")
		Expect(v).To(Equal(4), "items left at Close must still come out first in, first out")
		v, err = q.GetTimeout(time.Hour)
		Expect(err).NotTo(HaveOccurred(), "GetTimeout on a closed queue that still holds items must take the front one: ErrClosed only once it is empty")
		Expect(v).To(Equal(5), "items left at Close must still come out first in, first out")
		v, err = q.GetContext(context.Background())
		Expect(err).NotTo(HaveOccurred(), "GetContext on a closed queue that still holds items must take the front one: ErrClosed only once it is empty")
		Expect(v).To(Equal(6), "items left at Close must still come out first in, first out")
		_, err = q.Get()
		Expect(err).To(MatchError(queue.ErrClosed), "Get on a closed, empty queue must return ErrClosed")
		_, err = q.TryGet()
		Expect(err).To(MatchError(queue.ErrClosed), "TryGet on a closed, empty queue must return ErrClosed, not ErrEmpty: no item will ever come")
		_, err = q.GetTimeout(time.Hour)
		Expect(err).To(MatchError(queue.ErrClosed), "GetTimeout on a closed, empty queue must return ErrClosed")
		_, err = q.GetTimeout(0)
		Expect(err).To(MatchError(queue.ErrClosed), "GetTimeout(0) on a closed, empty queue must return ErrClosed, as TryGet does, not ErrEmpty")
		Expect(time.Since(start)).To(BeZero(), "a closed, empty queue will never have an item: Get must not wait on it")
	})

	It("wakes every waiting Get and Put", spec.Bubble, func() {
		// One waiter of each kind that waits, so that Close must wake them
		// all, whatever each of them waits on.
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		empty := queue.New[int](1)
		full := queue.New[int](1)
		Expect(full.Put(0)).To(Succeed())
		getNames := []string{"Get", "GetTimeout(time.Hour)", "GetContext"}
		gets := []*call[int]{
			getting(empty),
			async(func() (int, error) { return empty.GetTimeout(time.Hour) }),
			async(func() (int, error) { return empty.GetContext(ctx) }),
		}
		putNames := []string{"Put", "PutTimeout(v, time.Hour)", "PutContext"}
		puts := []*call[struct{}]{
			putting(full, 1),
			async(func() (struct{}, error) { return struct{}{}, full.PutTimeout(2, time.Hour) }),
			async(func() (struct{}, error) { return struct{}{}, full.PutContext(ctx, 3) }),
		}
		synctest.Wait()
		for i := range 3 {
			Expect(gets[i].returned()).To(BeFalse(), "%s returned from an empty queue: it must wait", getNames[i])
			Expect(puts[i].returned()).To(BeFalse(), "%s returned from a full queue: it must wait", putNames[i])
		}

		start := time.Now()
		empty.Close()
		full.Close()
		synctest.Wait()
		for i := range 3 {
			Expect(gets[i].returned()).To(BeTrue(), "Close did not wake a %s that was waiting on an empty queue: Close must wake every waiting Get, whatever kind", getNames[i])
			Expect(gets[i].err).To(MatchError(queue.ErrClosed), "a %s woken by Close on an empty queue must return ErrClosed", getNames[i])
			Expect(puts[i].returned()).To(BeTrue(), "Close did not wake a %s that was waiting on a full queue: Close must wake every waiting Put, whatever kind", putNames[i])
			Expect(puts[i].err).To(MatchError(queue.ErrClosed), "a %s woken by Close must return ErrClosed", putNames[i])
		}
		Expect(time.Since(start)).To(BeZero(), "the Gets and Puts woken by Close must return at once, not when their timeout ends")
		Expect(full.Len()).To(Equal(1), "the Puts woken by Close must not add their items")
	})

	It("may be called from many goroutines at once", spec.Bubble, SpecTimeout(10*time.Second), func() {
		// A few queues, one after another, half of them with a Get waiting.
		// A waiting Get that the first Close wakes takes the mutex after
		// it, which orders every later Close after the first one: without
		// it the race detector sees Closes that skip the mutex even when
		// they run one after another. Goroutines that spin until they meet
		// take seconds of real time on a machine much busier than it has
		// cores, hence the 10 s.
		for round := range 6 {
			q := queue.New[int](1)
			var g *call[int]
			if round%2 == 1 {
				g = getting(q)
				synctest.Wait()
			}
			spec.Together(4, func(int) { q.Close() })
			synctest.Wait()
			if g != nil {
				Expect(g.returned()).To(BeTrue(), "Close did not wake a Get that was waiting on an empty queue")
				Expect(g.err).To(MatchError(queue.ErrClosed), "a Get woken by Close on an empty queue must return ErrClosed")
			}
			Expect(q.Put(1)).To(MatchError(queue.ErrClosed), "Put after Close must return ErrClosed")
		}
	})
})

var _ = Describe("Len", func() {
	It("is safe to call while others put and get", func() {
		q := queue.New[int](0)
		Expect(q.Len()).To(Equal(0), "a new queue must be empty")
		const n = 200
		worker := async(func() (struct{}, error) {
			for i := range n {
				if err := q.Put(i); err != nil {
					return struct{}{}, err
				}
			}
			for range n {
				if _, err := q.Get(); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, nil
		})
		for range 2 * n {
			l := q.Len()
			Expect(l).To(And(BeNumerically(">=", 0), BeNumerically("<=", n)), "Len returned %d while between 0 and %d items were in the queue", l, n)
		}
		<-worker.done
		worker.returned() // raises a panic of Put or Get here
		Expect(worker.err).NotTo(HaveOccurred(), "Put and Get on an open queue must return nil")
		Expect(q.Len()).To(Equal(0), "every item put was taken again, so Len must be 0")
	})
})

var _ = Describe("Join", func() {
	It("waits until every item put is marked done", spec.Bubble, func() {
		q := queue.New[int](0)
		j := joining(q)
		synctest.Wait()
		Expect(j.returned()).To(BeTrue(), "Join on a queue nobody put into must return at once")

		for i := range 3 {
			Expect(q.Put(i)).To(Succeed())
		}
		j = joining(q)
		others := []*call[struct{}]{joining(q), joining(q)} // more than one goroutine may Join
		synctest.Wait()
		Expect(j.returned()).To(BeFalse(), "Join returned while three items were waiting in the queue")

		for i := range 3 {
			mustGet(q, i, "items must come out in the order they were put")
		}
		synctest.Wait()
		Expect(j.returned()).To(BeFalse(), "Join returned once the queue was empty, but no item was marked done yet: Join waits for TaskDone, not for an empty queue")

		Expect(q.TaskDone()).To(Succeed(), "TaskDone for an item that was put and taken must return nil")
		Expect(q.TaskDone()).To(Succeed(), "TaskDone for an item that was put and taken must return nil")
		synctest.Wait()
		Expect(j.returned()).To(BeFalse(), "Join returned when two of three items were marked done")

		Expect(q.TaskDone()).To(Succeed(), "TaskDone for an item that was put and taken must return nil")
		synctest.Wait()
		Expect(j.returned()).To(BeTrue(), "every item was marked done, but Join did not return: wake Join when the count reaches zero")
		for _, o := range others {
			Expect(o.returned()).To(BeTrue(),
				"three goroutines were in Join when the last item was marked done, and not all of them returned: wake every waiting Join (close a channel), not just one")
		}
	})

	It("may be called while others put and mark done", spec.Bubble, func() {
		q := queue.New[int](0)
		spec.Together(4, func(i int) {
			if i > 0 {
				q.Join() // three goroutines join while the first one works
				return
			}
			for j := range 50 {
				q.Put(j)
				q.Get()
				q.TaskDone()
			}
		})
		// Together returned, so every Join did: the count reached zero at
		// the end. Reading the count without the lock is a race here.
	})

	It("may be waited on while another goroutine marks the last item done", spec.Bubble, func() {
		for range 5 {
			q := queue.New[int](0)
			Expect(q.Put(1)).To(Succeed())
			mustGet(q, 1, "the queue must hold the one item that was put")
			joins := make([]*spec.Call, 3)
			for i := range joins {
				joins[i] = spec.Go(q.Join)
			}
			// The spec learns that the Joins wait from the list of
			// goroutines, which orders nothing (synctest.Wait would): to the
			// race detector, what Join does before it waits and what
			// TaskDone does next are unordered unless the queue orders them
			// itself, with its lock.
			for _, j := range joins {
				for !j.Waiting() {
					runtime.Gosched()
				}
			}
			Expect(q.TaskDone()).To(Succeed(), "TaskDone for an item that was put and taken must return nil")
			synctest.Wait()
			for _, j := range joins {
				Expect(j.Returned()).To(BeTrue(), "the last item was marked done, but a goroutine in Join did not return: "+
					"Join must read what it waits on (the count, the channel) under the lock, or TaskDone may change it in between")
			}
		}
	})

	It("keeps waiting across Close until every item is marked done", spec.Bubble, func() {
		q := queue.New[int](0)
		for i := range 2 {
			Expect(q.Put(i)).To(Succeed())
		}
		j := joining(q)
		q.Close()
		synctest.Wait()
		Expect(j.returned()).To(BeFalse(), "Join returned when the queue was closed with two items not marked done: Close does not touch the count Join waits for")
		for i := range 2 {
			mustGet(q, i, "items left at Close must still come out")
			Expect(q.TaskDone()).To(Succeed(), "TaskDone for an item that was put and taken must return nil, closed queue or not")
		}
		synctest.Wait()
		Expect(j.returned()).To(BeTrue(), "every item was marked done, but Join did not return")
		Expect(q.TaskDone()).To(MatchError(queue.ErrTooManyTaskDone), "every item was marked done, so one more TaskDone must return ErrTooManyTaskDone, closed queue or not")
	})
})

var _ = Describe("TaskDone", func() {
	It("called too many times returns ErrTooManyTaskDone", spec.Bubble, func() {
		q := queue.New[int](0)
		Expect(q.TaskDone()).To(MatchError(queue.ErrTooManyTaskDone), "TaskDone on a queue nobody put into must return ErrTooManyTaskDone (Python raises ValueError)")
		Expect(q.Put(1)).To(Succeed())
		Expect(q.TaskDone()).To(Succeed(), "TaskDone for the one item put must return nil")
		Expect(q.TaskDone()).To(MatchError(queue.ErrTooManyTaskDone), "a second TaskDone after one Put must return ErrTooManyTaskDone")

		// The extra calls must not have pushed the count below zero.
		Expect(q.Put(2)).To(Succeed())
		j := joining(q)
		synctest.Wait()
		Expect(j.returned()).To(BeFalse(), "an item was put and not marked done, yet Join returned: a TaskDone too many must not change the count")
		Expect(q.TaskDone()).To(Succeed())
		synctest.Wait()
		Expect(j.returned()).To(BeTrue(), "every item was marked done, but Join did not return")
	})

	It("counts only the Puts that succeed", spec.Bubble, func() {
		q := queue.New[int](1)
		Expect(q.Put(1)).To(Succeed())
		Expect(q.TryPut(2)).To(MatchError(queue.ErrFull), "TryPut on a full queue must return ErrFull")
		Expect(q.PutTimeout(2, time.Second)).To(MatchError(queue.ErrFull), "PutTimeout on a queue that stayed full must return ErrFull")
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		Expect(q.PutContext(ctx, 2)).To(MatchError(context.DeadlineExceeded), "PutContext on a queue that stayed full past ctx's deadline must return ctx.Err()")
		mustGet(q, 1, "the queue must hold the one item that was put")
		q.Close()
		Expect(q.Put(2)).To(MatchError(queue.ErrClosed), "Put after Close must return ErrClosed")

		Expect(q.TaskDone()).To(Succeed(), "one Put succeeded, so one TaskDone must return nil")
		Expect(q.TaskDone()).To(MatchError(queue.ErrTooManyTaskDone),
			"one Put succeeded and four failed (ErrFull, ErrFull, ctx.Err(), ErrClosed), then one TaskDone was called, so a second TaskDone must return ErrTooManyTaskDone: "+
				"a Put that returns an error adds no item, so it must not add to the count of unfinished items either (count the item when it is added)")
		j := joining(q)
		synctest.Wait()
		Expect(j.returned()).To(BeTrue(), "the one item put was marked done, but Join did not return: a failed Put must not count as an unfinished item")
	})

	It("is safe to call while others put", func() {
		q := queue.New[int](0)
		// 101 items put and taken, none marked done yet: the count stays
		// above zero while one goroutine puts and another marks 100 done.
		for i := range 101 {
			Expect(q.Put(i)).To(Succeed())
			mustGet(q, i, "items must come out in the order they were put")
		}
		const n = 100
		putter := async(func() (struct{}, error) {
			for i := range n {
				if err := q.Put(i); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, nil
		})
		marker := async(func() (struct{}, error) {
			for range n {
				if err := q.TaskDone(); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, nil
		})
		<-putter.done
		<-marker.done
		putter.returned() // raises a panic of Put or TaskDone here
		marker.returned()
		Expect(putter.err).NotTo(HaveOccurred(), "Put on an open queue must return nil")
		Expect(marker.err).NotTo(HaveOccurred(), "TaskDone was called for fewer items than were put, so it must return nil")

		for i := range n {
			mustGet(q, i, "items must come out in the order they were put")
		}
		for range 101 {
			Expect(q.TaskDone()).To(Succeed(), "TaskDone was called for fewer items than were put, so it must return nil: the count went wrong while another goroutine was putting")
		}
		Expect(q.TaskDone()).To(MatchError(queue.ErrTooManyTaskDone), "every item was marked done, so one more TaskDone must return ErrTooManyTaskDone")
		q.Join() // every item is done: Join must return at once
	})
})

// An item says who put it and in what order.
type item struct{ producer, seq int }

var _ = Describe("Many producers and consumers", func() {
	It("get every item exactly once, in order", spec.Points(2), func() {
		const producers, perProducer, consumers = 8, 250, 8
		q := queue.New[item](32)
		var putErrs atomic.Int32
		var wg sync.WaitGroup
		for p := range producers {
			wg.Go(func() {
				defer GinkgoRecover()
				for i := range perProducer {
					if q.Put(item{p, i}) != nil {
						putErrs.Add(1)
					}
				}
			})
		}
		got := make([][]item, consumers)
		getErrs := make([]error, consumers)
		var cwg sync.WaitGroup
		for c := range consumers {
			cwg.Go(func() {
				defer GinkgoRecover()
				for {
					it, err := q.Get()
					if err != nil {
						getErrs[c] = err
						return
					}
					got[c] = append(got[c], it)
				}
			})
		}
		wg.Wait()
		q.Close()
		cwg.Wait()

		Expect(putErrs.Load()).To(BeZero(), "Put on an open queue returned an error")
		for c := range consumers {
			Expect(getErrs[c]).To(MatchError(queue.ErrClosed), "a consumer's Get must end with ErrClosed once the queue is closed and drained")
		}
		// Check everything first, then report the first problem: one Expect
		// per item would be slow under the race detector.
		seen := map[item]int{}
		outOfOrder := ""
		for c, items := range got {
			last := map[int]int{}
			for _, it := range items {
				seen[it]++
				if prev, ok := last[it.producer]; ok && it.seq < prev && outOfOrder == "" {
					outOfOrder = fmt.Sprintf("consumer %d got item %d of producer %d after item %d", c, it.seq, it.producer, prev)
				}
				last[it.producer] = it.seq
			}
		}
		Expect(outOfOrder).To(BeEmpty(), "a FIFO queue hands out one producer's items in the order they were put, but %s", outOfOrder)
		Expect(seen).To(HaveLen(producers*perProducer), "%d items were put but %d different ones came out: items were lost (or made up)", producers*perProducer, len(seen))
		for it, n := range seen {
			if n != 1 {
				Fail(fmt.Sprintf("item %d of producer %d came out %d times: each item must come out exactly once", it.seq, it.producer, n))
			}
		}
		Expect(q.Len()).To(Equal(0), "every item was taken, so Len must be 0")
	})

	It("Join returns once every item is done", func() {
		const producers, perProducer, consumers = 4, 250, 4
		q := queue.New[int](8)
		var handled atomic.Int32
		var wg sync.WaitGroup
		for range producers {
			wg.Go(func() {
				defer GinkgoRecover()
				for i := range perProducer {
					q.Put(i)
				}
			})
		}
		var cwg sync.WaitGroup
		for range consumers {
			cwg.Go(func() {
				defer GinkgoRecover()
				for {
					if _, err := q.Get(); err != nil {
						return
					}
					handled.Add(1)
					q.TaskDone()
				}
			})
		}
		wg.Wait()
		q.Join()
		Expect(handled.Load()).To(BeEquivalentTo(producers*perProducer), "Join returned before every item was handled and marked done")
		q.Close()
		cwg.Wait()
	})
})
