package pool_test

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	pool "github.com/threadlings/threadlings/lessons/07-pool"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// job returns a task that counts itself in inside, sleeps d of fake time and
// returns value.
func job(inside *spec.Gauge, d time.Duration, value int) func() (int, error) {
	return func() (int, error) {
		inside.Enter()
		defer inside.Leave()
		time.Sleep(d)
		return value, nil
	}
}

// submitAll submits m one-second jobs returning 0, 10, 20, ... and returns
// their Futures, failing the spec if a Submit fails.
func submitAll(e *pool.Executor[int], inside *spec.Gauge, m int) []*pool.Future[int] {
	futures := make([]*pool.Future[int], m)
	for i := range futures {
		f, err := e.Submit(job(inside, time.Second, 10*i))
		Expect(err).NotTo(HaveOccurred(), "Submit to a running executor must succeed")
		Expect(f).NotTo(BeNil(), "Submit must return the task's Future")
		futures[i] = f
	}
	return futures
}

func isDone(f *pool.Future[int]) bool {
	select {
	case <-f.Done():
		return true
	default:
		return false
	}
}

var _ = Describe("Executor", func() {
	It("runs n tasks at once, never more", spec.Bubble, func() {
		// More workers than CPUs, and an odd number of them.
		n := runtime.NumCPU() + 3
		inside := spec.Gauge{Name: "task"}
		e := pool.NewExecutor[int](n)
		defer e.Shutdown(true)
		start := time.Now()
		futures := submitAll(e, &inside, 2*n+1)
		for i, f := range futures {
			v, err := f.Result()
			Expect(err).NotTo(HaveOccurred(), "task %d returned no error", i)
			Expect(v).To(Equal(10*i), "Result of task %d must be what that task returned", i)
		}
		elapsed := time.Since(start)
		Expect(inside.Max()).NotTo(BeNumerically(">", n), inside.Explain("%d tasks ran at once in an executor of %d workers", inside.Max(), n))
		Expect(inside.Max()).To(Equal(n), inside.Explain(
			"only %d task(s) ran at once in an executor of %d workers: start n workers, even more than the CPUs, and let them run at the same time", inside.Max(), n))
		Expect(elapsed).To(Equal(3*time.Second), inside.Explain("%d tasks of 1 s on %d workers take 3 s, took %v", 2*n+1, n, elapsed))
	})

	It("with n <= 0 has one worker per CPU", spec.Bubble, func() {
		cpus := runtime.NumCPU()
		// GOMAXPROCS is not the number of CPUs: set it apart for this spec.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus + 2))
		for _, n := range []int{0, -2} {
			inside := spec.Gauge{Name: "task"}
			e := pool.NewExecutor[int](n)
			for _, f := range submitAll(e, &inside, 2*cpus+1) {
				f.Result()
			}
			e.Shutdown(true)
			Expect(inside.Max()).To(Equal(cpus), inside.Explain(
				"NewExecutor(%d) ran %d tasks at once on a machine with %d CPUs: n <= 0 means runtime.NumCPU() workers (not runtime.GOMAXPROCS)", n, inside.Max(), cpus))
		}
	})

	It("queues a task without waiting for a free worker", spec.Bubble, func() {
		inside := spec.Gauge{Name: "task"}
		e := pool.NewExecutor[int](1)
		defer e.Shutdown(true)
		start := time.Now()
		futures := submitAll(e, &inside, 5)
		Expect(time.Since(start)).To(BeZero(), inside.Explain(
			"five Submits to a single busy worker took %v: Submit must queue the task and return at once, like Python's submit, not wait for a worker", time.Since(start)))
		for _, f := range futures {
			f.Result()
		}
		Expect(time.Since(start)).To(Equal(5*time.Second), inside.Explain("five tasks of 1 s on one worker take 5 s"))
	})

	It("starts queued tasks in the order they were submitted", spec.Bubble, func() {
		e := pool.NewExecutor[int](1)
		defer e.Shutdown(true)
		var mu sync.Mutex
		var order []int
		gate := make(chan struct{})
		first, err := e.Submit(func() (int, error) { <-gate; return 0, nil })
		Expect(err).NotTo(HaveOccurred())
		futures := []*pool.Future[int]{first}
		for i := 1; i <= 6; i++ {
			f, err := e.Submit(func() (int, error) {
				mu.Lock()
				defer mu.Unlock()
				order = append(order, i)
				return i, nil
			})
			Expect(err).NotTo(HaveOccurred())
			futures = append(futures, f)
		}
		close(gate)
		for _, f := range futures {
			f.Result()
		}
		mu.Lock()
		defer mu.Unlock()
		Expect(order).To(Equal([]int{1, 2, 3, 4, 5, 6}),
			"with one worker busy, six tasks were queued and then started in the order %v: the queue is first in, first out, so a worker takes the task that has waited longest, as Python's executor does", order)
	})

	It("never makes Submit wait, however many tasks are queued", spec.Bubble, func() {
		e := pool.NewExecutor[int](1)
		defer e.Shutdown(true)
		// Many more tasks than a fixed-size buffer would hold.
		release := make(chan struct{})
		unblock := sync.OnceFunc(func() { close(release) })
		defer unblock() // before Shutdown, even when the spec fails
		blocker, err := e.Submit(func() (int, error) { <-release; return 0, nil })
		Expect(err).NotTo(HaveOccurred(), "Submit to a running executor must succeed")
		const many = 5000
		queued := make([]*pool.Future[int], 0, many)
		submitter := spec.Go(func() {
			for i := range many {
				f, err := e.Submit(func() (int, error) { return i, nil })
				if err != nil {
					return
				}
				queued = append(queued, f)
			}
		})
		synctest.Wait()
		Expect(submitter.Returned()).To(BeTrue(),
			"Submit waited while the only worker was busy and thousands of tasks were queued: the queue has no limit, so Submit must never wait (a buffered channel fills up)")
		submitter.Wait()
		Expect(queued).To(HaveLen(many), "every Submit to a running executor must succeed")
		unblock()
		blocker.Result()
		v, _ := queued[many-1].Result()
		Expect(v).To(Equal(many-1), "the last queued task must run, and its Future hold what it returned")
		// Thousands of Submits and tasks take real time under the race
		// detector, which a busy machine stretches past the default.
	}, SpecTimeout(5*time.Second))

	It("lets many goroutines wait on one Future", spec.Bubble, func() {
		e := pool.NewExecutor[int](1)
		defer e.Shutdown(true)
		f, err := e.Submit(func() (int, error) {
			time.Sleep(time.Second)
			return 42, nil
		})
		Expect(err).NotTo(HaveOccurred(), "Submit to a running executor must succeed")
		const waiters = 3
		got := make(chan int, waiters+1)
		start := time.Now()
		for range waiters {
			go func() {
				v, _ := f.Result()
				got <- v
			}()
		}
		go func() {
			<-f.Done()
			v, _ := f.Result()
			got <- v
		}()
		synctest.Wait()
		Expect(got).To(BeEmpty(), "Result returned before the task did")
		time.Sleep(time.Second)
		synctest.Wait()
		Expect(got).To(HaveLen(waiters+1),
			"the task returned, but only %d of %d goroutines waiting on its Future (%d in Result, one on Done) got the result: "+
				"a Future's methods may be called from any number of goroutines, so close a channel for all of them, do not hand one value to one", len(got), waiters+1, waiters)
		for range waiters + 1 {
			Expect(<-got).To(Equal(42), "every goroutine waiting on the Future must get what the task returned")
		}
		Expect(time.Since(start)).To(Equal(time.Second), "the task took 1 s, so its waiters must return then")
	})

	It("hands back a Future whose Result waits for the task", spec.Bubble, func() {
		e := pool.NewExecutor[int](2)
		defer e.Shutdown(true)
		answer, err := e.Submit(func() (int, error) {
			time.Sleep(2 * time.Second)
			return 42, nil
		})
		Expect(err).NotTo(HaveOccurred(), "Submit to a running executor must succeed")
		failure, err := e.Submit(func() (int, error) {
			time.Sleep(time.Second)
			return 0, errBroken
		})
		Expect(err).NotTo(HaveOccurred(), "Submit to a running executor must succeed")

		got := make(chan int, 1)
		go func() {
			v, _ := answer.Result()
			got <- v
		}()
		synctest.Wait()
		Expect(got).NotTo(Receive(), "Result returned before its task did: it must wait until the task has returned")
		Expect(isDone(answer)).To(BeFalse(), "Done() is closed while the task is still running")

		time.Sleep(2 * time.Second)
		synctest.Wait()
		Expect(got).To(Receive(Equal(42)), "the task returned 42 after 2 s: Result must return it then")
		Expect(isDone(answer)).To(BeTrue(), "the task has returned, so Done() must be closed")
		v, err := answer.Result()
		Expect(v).To(Equal(42), "a second call of Result must return the same value")
		Expect(err).NotTo(HaveOccurred(), "the task returned no error")
		_, err = failure.Result()
		Expect(err).To(MatchError(errBroken), "a task's error must come back from its Future's Result")
	})

	It("keeps every worker when another worker takes the task that woke it", spec.Bubble, func() {
		// One processor, so that a woken worker runs only once the others
		// wait: the task that worker 1 runs submits another and returns,
		// and worker 1 takes that task before worker 2, woken for it, gets
		// the lock. Worker 2 must then wait again, not end.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		inside := spec.Gauge{Name: "task"}
		e := pool.NewExecutor[int](2)
		defer e.Shutdown(true)
		synctest.Wait() // both workers wait for a task
		var second *pool.Future[int]
		first, err := e.Submit(func() (int, error) {
			var err error
			second, err = e.Submit(func() (int, error) { return 2, nil })
			return 1, err
		})
		Expect(err).NotTo(HaveOccurred(), "Submit to a running executor must succeed")
		Expect(first.Result()).To(Equal(1), "the first task submits a second one, which must succeed")
		Expect(second.Result()).To(Equal(2), "the task submitted by a task must run")
		synctest.Wait()
		start := time.Now()
		for _, f := range submitAll(e, &inside, 2) {
			f.Result()
		}
		Expect(time.Since(start)).To(Equal(time.Second), inside.Explain(
			"two tasks of 1 s on 2 workers must run at once and take 1 s; they took %v: a worker has ended. A worker woken by Signal may find the queue empty, because another worker took the task first: wait in a loop, for len(queue) == 0 && !shut { cond.Wait() }, not with an if", time.Since(start)))
	})

	It("Shutdown(true) waits for running and queued tasks", spec.Bubble, func() {
		inside := spec.Gauge{Name: "task"}
		e := pool.NewExecutor[int](2)
		futures := submitAll(e, &inside, 5)
		start := time.Now()
		e.Shutdown(true)
		Expect(time.Since(start)).To(Equal(3*time.Second),
			"five tasks of 1 s on 2 workers end after 3 s, and Shutdown(true) must wait for them all; it returned after %v", time.Since(start))
		for i, f := range futures {
			Expect(isDone(f)).To(BeTrue(), "Shutdown(true) returned, but task %d has not run: queued tasks must still run", i)
		}
		// The workers must have ended too: the spec fails with a leak if not.
	})

	It("Shutdown(false) returns at once, and queued tasks still run", spec.Bubble, func() {
		inside := spec.Gauge{Name: "task"}
		e := pool.NewExecutor[int](2)
		futures := submitAll(e, &inside, 5)
		start := time.Now()
		e.Shutdown(false)
		Expect(time.Since(start)).To(BeZero(), "Shutdown(false) must not wait for the tasks; it took %v", time.Since(start))
		for i, f := range futures {
			v, err := f.Result()
			Expect(err).NotTo(HaveOccurred(), "task %d returned no error", i)
			Expect(v).To(Equal(10*i), "every task submitted before Shutdown must still run and deliver its result")
		}
		Expect(time.Since(start)).To(Equal(3*time.Second), "five tasks of 1 s on 2 workers take 3 s")
		// Once the queue is empty the workers must end: the spec fails with a leak if not.
	})

	It("refuses tasks after Shutdown with ErrShutdown", spec.Bubble, func() {
		e := pool.NewExecutor[int](2)
		e.Shutdown(true)
		ran := false
		f, err := e.Submit(func() (int, error) {
			ran = true
			return 1, nil
		})
		Expect(err).To(MatchError(pool.ErrShutdown), "Submit after Shutdown must return ErrShutdown")
		Expect(f).To(BeNil(), "Submit after Shutdown must not return a Future")
		synctest.Wait()
		Expect(ran).To(BeFalse(), "a task submitted after Shutdown must not run")
		e.Shutdown(true) // a second Shutdown is allowed and does nothing
		e.Shutdown(false)
	})

	It("Shutdown(true) from many goroutines at once: each returns after the tasks", spec.Bubble, func() {
		inside := spec.Gauge{Name: "task"}
		e := pool.NewExecutor[int](2)
		futures := submitAll(e, &inside, 5)
		start := time.Now()
		returnedAt := make([]time.Duration, 4)
		spec.Together(4, func(i int) {
			e.Shutdown(i != 3) // three wait, one does not
			returnedAt[i] = time.Since(start)
		})
		for i, at := range returnedAt {
			if i == 3 {
				Expect(at).To(BeZero(), "Shutdown(false) must return at once, even while other goroutines shut the executor down")
				continue
			}
			Expect(at).To(Equal(3*time.Second),
				"one of several Shutdown(true) calls made at once returned after %v: each must wait until the five queued tasks (3 s on 2 workers) have run, not only the first caller", at)
		}
		for i, f := range futures {
			Expect(isDone(f)).To(BeTrue(), "Shutdown(true) returned, but task %d has not run", i)
		}
	})

	It("stays consistent when Submit and Shutdown race", func() {
		e := pool.NewExecutor[int](2)
		const submitters, each = 8, 50
		var accepted, refused atomic.Int32
		var mu sync.Mutex
		var futures []*pool.Future[int]
		started := make(chan struct{}, submitters)
		var wg sync.WaitGroup
		for s := range submitters {
			wg.Go(func() {
				started <- struct{}{}
				for i := range each {
					f, err := e.Submit(func() (int, error) { return s*each + i, nil })
					switch {
					case errors.Is(err, pool.ErrShutdown):
						refused.Add(1)
					case err == nil && f != nil:
						accepted.Add(1)
						mu.Lock()
						futures = append(futures, f)
						mu.Unlock()
					}
				}
			})
		}
		for range submitters {
			<-started
		}
		e.Shutdown(true)
		wg.Wait()
		Expect(accepted.Load()+refused.Load()).To(BeEquivalentTo(submitters*each),
			"every Submit must either return a Future or ErrShutdown")
		for _, f := range futures {
			Expect(isDone(f)).To(BeTrue(), "Shutdown(true) returned, but a task it had accepted has not run: every accepted task must run before the workers end")
		}
		e.Shutdown(true)
	})
})
