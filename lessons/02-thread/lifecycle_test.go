package thread_test

import (
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/02-thread"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var unnamedPattern = regexp.MustCompile(`^Thread-(\d+)$`)

// A new process, in which no thread has been made yet, prints the names of
// the threads it makes.
var _ = spec.Child("names", func() {
	fmt.Println(thread.New("", nil).Name())
	fmt.Println(thread.New("worker", nil).Name())
	fmt.Println(thread.FromRunner("", &messenger{label: "m"}).Name())
	fmt.Println(thread.New("", nil).Name())
})

var _ = Describe("New", func() {
	It("prepares a thread without starting it", spec.Bubble, func() {
		var ran atomic.Bool
		t := thread.New("worker", func() { ran.Store(true) })
		synctest.Wait()
		Expect(ran.Load()).To(BeFalse(), "the target ran although Start was never called: New only prepares the thread")
		Expect(t.Name()).To(Equal("worker"), "Name should return the name given to New")
		Expect(t.State()).To(Equal(thread.StateNew), "a thread that was never started is in state New")
		Expect(t.IsAlive()).To(BeFalse(), "a thread is not alive before Start")
		Expect(t.Ident()).To(BeZero(), "a thread gets its Ident from Start; before that Ident is zero")
	})

	It("names unnamed threads Thread-N, counting up", func() {
		last := 0
		for i := range 3 {
			name := thread.New("", nil).Name()
			m := unnamedPattern.FindStringSubmatch(name)
			Expect(m).NotTo(BeNil(), "a thread made with an empty name should be called Thread-N like in Python, not %q", name)
			n, _ := strconv.Atoi(m[1])
			if i > 0 {
				Expect(n).To(BeNumerically(">", last), "%s was made after Thread-%d: each unnamed thread takes the next number", name, last)
			}
			last = n
		}
	})

	It("counts only the unnamed threads, one by one", func() {
		first := thread.New("", nil).Name()
		named := thread.New("named", nil).Name()
		second := thread.FromRunner("", &messenger{label: "m"}).Name()
		third := thread.New("", nil).Name()
		Expect(named).To(Equal("named"), "a thread given a name keeps it")
		var numbers []int
		for _, name := range []string{first, second, third} {
			m := unnamedPattern.FindStringSubmatch(name)
			Expect(m).NotTo(BeNil(), "a thread made with an empty name (by New or FromRunner) should be called Thread-N, not %q", name)
			n, _ := strconv.Atoi(m[1])
			numbers = append(numbers, n)
		}
		Expect(numbers[1]).To(Equal(numbers[0]+1),
			"Thread-N counts the unnamed threads only, one by one: after %s, a named thread and then an unnamed one made by FromRunner, want Thread-%d, got %s", first, numbers[0]+1, second)
		Expect(numbers[2]).To(Equal(numbers[0]+2), "after %s the next unnamed thread should be Thread-%d, got %s", second, numbers[0]+2, third)
	})

	It("numbers the first unnamed thread of a process 1", func(ctx SpecContext) {
		out, err := spec.Command(ctx, "names").Output()
		Expect(err).NotTo(HaveOccurred(), "the child program that makes threads failed: %s", out)
		Expect(strings.Fields(string(out))).To(Equal([]string{"Thread-1", "worker", "Thread-2", "Thread-3"}),
			"a new program that makes an unnamed thread, a named one, then two unnamed ones (by FromRunner and by New) should name them Thread-1, worker, Thread-2, Thread-3, as Python counts from 1")
	}, SpecTimeout(10*time.Second))

	It("never gives two unnamed threads the same number", repeatTimeout, func() {
		name, repeated := firstRepeat(80, 8, func() string { return thread.New("", nil).Name() })
		Expect(repeated).To(BeFalse(), "two threads made at the same time were both called %s: take the numbers from one counter that is safe to use from many goroutines", name)
	})

	It("makes a thread with a nil target that does nothing", spec.Bubble, func() {
		t := thread.New("idle", nil)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(t.State()).To(Equal(thread.StateDead), "a thread with a nil target is Dead once joined")
		Expect(t.Err() == nil).To(BeTrue(), "a thread with a nil target did not panic: Err should return a nil error (a nil *PanicError stored in an error is not nil)")
	})
})

var _ = Describe("State", func() {
	It("prints as New, Running and Dead", func() {
		Expect(thread.StateNew.String()).To(Equal("New"), "State.String of New")
		Expect(thread.StateRunning.String()).To(Equal("Running"), "State.String of Running")
		Expect(thread.StateDead.String()).To(Equal("Dead"), "State.String of Dead")
	})

	It("prints any other value as State(n)", func() {
		for _, n := range []int{3, 10, 42, -1} {
			Expect(thread.State(n).String()).To(Equal(fmt.Sprintf("State(%d)", n)),
				"State(%d).String() should be \"State(%d)\": write the number in decimal, strconv.Itoa(int(s)), not as a character", n, n)
		}
	})
})

var _ = Describe("Start", func() {
	It("runs the target on a goroutine of its own", spec.Bubble, spec.Points(2), func() {
		release := newLatch()
		defer release.Open()
		entered := make(chan struct{})
		t := thread.New("worker", func() {
			close(entered)
			release.Wait()
		})
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		synctest.Wait()
		Expect(entered).To(BeClosed(), "Start returned but the target never began: start a goroutine that calls it")
		Expect(t.IsAlive()).To(BeTrue(), "the target is still running, so IsAlive should be true")
		Expect(t.State()).To(Equal(thread.StateRunning), "the target is still running, so the state should be Running")
		release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(t.State()).To(Equal(thread.StateDead), "the target has returned and Join too, so the state should be Dead")
		Expect(t.IsAlive()).To(BeFalse(), "the target has returned and Join too, so IsAlive should be false")
	})

	It("makes the thread alive before it returns", spec.Bubble, func() {
		release := newLatch()
		defer release.Open()
		t := thread.New("", release.Wait)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.IsAlive()).To(BeTrue(), "IsAlive was false right after Start returned: like Python's start(), make the thread Running in Start itself, not later on its goroutine")
		Expect(t.State()).To(Equal(thread.StateRunning), "the state right after Start should be Running")
		release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
	})

	It("is an error a second time", spec.Bubble, spec.Points(2), func() {
		release := newLatch()
		defer release.Open()
		var runs atomic.Int32
		t := thread.New("once", func() {
			runs.Add(1)
			release.Wait()
		})
		Expect(t.Start()).To(Succeed(), "the first Start should succeed")
		Expect(t.Start()).To(MatchError(thread.ErrStarted), "Start on a running thread should return ErrStarted: threads can only be started once")
		release.Open()
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(t.Start()).To(MatchError(thread.ErrStarted), "Start on a finished thread should return ErrStarted too: a Dead thread cannot be restarted")
		synctest.Wait()
		Expect(runs.Load()).To(BeEquivalentTo(1), "the target ran more than once: a second Start must not run it again")
		Expect(t.State()).To(Equal(thread.StateDead), "a refused Start must not change the state of a finished thread")
	})

	It("lets exactly one of many goroutines start the thread", SpecTimeout(5*time.Second), func() {
		// Many contests: two Starts slipping in between a check and a
		// change of the state is rare in any one of them.
		for range 40 {
			var runs atomic.Int32
			t := thread.New("contested", func() { runs.Add(1) })
			errs := make([]error, 9)
			spec.Together(len(errs), func(i int) { errs[i] = t.Start() })
			wins := 0
			for _, err := range errs {
				if err == nil {
					wins++
				} else {
					Expect(err).To(MatchError(thread.ErrStarted), "a Start that lost should return ErrStarted")
				}
			}
			Expect(wins).To(Equal(1), "%d of %d simultaneous Starts succeeded: check and change the state in one step, under one lock", wins, len(errs))
			Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
			Expect(runs.Load()).To(BeEquivalentTo(1), "the target ran more than once")
		}
	})
})

var _ = Describe("A thread's getters", func() {
	It("may be called from other goroutines while it starts and ends", spec.Points(2), SpecTimeout(5*time.Second), func() {
		captureExceptHook()
		// Several threads, one after another: the race detector sees a
		// getter that reads without the lock only if the read and the
		// thread's write come close enough, which one round may miss.
		for range 6 {
			func() {
				release := newLatch()
				defer release.Open()
				t := thread.New("watched", func() {
					release.Wait()
					panic("watched thread gives up")
				})
				problems := make([]string, 4)
				spec.Together(len(problems), func(i int) {
					deadline := time.Now().Add(3 * time.Second) // far more than a correct answer needs
					switch i {
					case 0: // starts it, then lets it end
						if err := t.Start(); err != nil {
							problems[i] = "Start failed: " + err.Error()
						}
						release.Open()
						return
					case 1: // waits for an ident, asking nothing else
						for t.Ident() == 0 {
							if time.Now().After(deadline) {
								problems[i] = "the thread was started, but Ident stayed zero"
								return
							}
							runtime.Gosched()
						}
					case 2: // waits for the panic, asking nothing else
						for t.Err() == nil {
							if time.Now().After(deadline) {
								problems[i] = "the target panicked, but Err stayed nil"
								return
							}
							runtime.Gosched()
						}
					case 3: // asks for the name all along
						for t.Name() == "watched" && t.IsAlive() || t.State() == thread.StateNew {
							if time.Now().After(deadline) {
								problems[i] = "the thread never ended"
								return
							}
							runtime.Gosched()
						}
						if t.Name() != "watched" {
							problems[i] = "Name changed to " + t.Name()
						}
					}
				})
				for _, problem := range problems {
					Expect(problem).To(BeEmpty(), "a goroutine watching the thread saw something wrong")
				}
				Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
			}()
		}
	})
})

var _ = Describe("Ident", func() {
	It("is zero before Start, then unique and fixed", spec.Bubble, func() {
		threads := make([]*thread.Thread, 10)
		for i := range threads {
			threads[i] = thread.New("", nil)
			Expect(threads[i].Ident()).To(BeZero(), "Ident should be zero before Start: the ident is given when the thread starts, not when it is made")
		}
		idents := map[uint64]*thread.Thread{}
		for _, t := range threads {
			Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
			id := t.Ident()
			Expect(id).NotTo(BeZero(), "Start should give the thread an Ident other than zero")
			Expect(idents).NotTo(HaveKey(id), "two threads got the same Ident %d: take each one from a counter shared by all threads", id)
			idents[id] = t
		}
		for id, t := range idents {
			Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
			Expect(t.Ident()).To(Equal(id), "the Ident of a thread should not change when it ends")
		}
	})

	It("may be asked while another goroutine starts the thread", func() {
		t := thread.New("asked early", func() {})
		var ident uint64
		var state thread.State
		proceed := make(chan struct{})
		// Each asker reads one thing, then parks: a second read under the
		// lock would order the first one before Start.
		askers := []*spec.Call{
			spec.Go(func() { ident = t.Ident(); <-proceed }),
			spec.Go(func() { state = t.State(); <-proceed }),
		}
		// The spec learns that the askers have read from the list of
		// goroutines, which orders nothing: to the race detector, their
		// reads and Start's writes are unordered unless the Thread orders
		// them itself, with its lock.
		for _, a := range askers {
			for !a.Waiting() {
				runtime.Gosched()
			}
		}
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		close(proceed)
		for _, a := range askers {
			<-a.Done()
			a.Check()
		}
		// An asker may have been parked inside Ident or State, waiting for
		// an answer, when Start ran: either answer is then right.
		Expect(ident).To(Or(BeZero(), Equal(t.Ident())), "Ident asked while the thread starts should be zero or its ident, nothing else")
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(state).To(Or(Equal(thread.StateNew), Equal(thread.StateRunning), Equal(thread.StateDead)), "State asked while the thread starts should be one of its states")
	})

	It("stays unique when threads start at the same time", repeatTimeout, func() {
		var noIdent, joinFailed atomic.Int32
		id, repeated := firstRepeat(80, 8, func() uint64 {
			t := thread.New("", nil)
			var id uint64
			if t.Start() == nil {
				id = t.Ident()
			}
			if t.Join() != nil {
				joinFailed.Add(1)
			}
			if id == 0 {
				noIdent.Add(1)
			}
			return id
		})
		Expect(noIdent.Load()).To(BeZero(), "a thread had no Ident after Start")
		Expect(joinFailed.Load()).To(BeZero(), "Join of a started thread should succeed")
		Expect(repeated).To(BeFalse(), "two threads started at the same time got the same Ident %d: use a counter that is safe to use from many goroutines", id)
	})
})
