package verdicts_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec"
	"github.com/threadlings/threadlings/lessons/internal/spec/testdata/verdicts"
)

var _ = spec.Child("pid", func() { os.Stdout.WriteString(strconv.Itoa(os.Getpid())) })

var _ = Describe("verdicts", func() {
	It("pass", func() {
		Expect(verdicts.Add(2, 2)).To(Equal(4))
	})
	It("pass worth three", spec.Points(3), func() {
		Expect(verdicts.Add(1, 2)).To(Equal(3))
	})
	It("fail", func() {
		Expect(verdicts.Add(2, 2)).To(Equal(5), "two and two make four")
	})
	It("panic", func() {
		verdicts.Explode()
	})
	It("race", func() {
		verdicts.CountRacy(4)
	})
	It("timeout", func() {
		verdicts.LockTwice()
	})
	It("leak", func() {
		verdicts.StartAndForget()
	})
	It("bubble deadlock", spec.Bubble, func() {
		verdicts.WaitForever()
	})
	It("bubble leak", spec.Bubble, func() {
		verdicts.StartAndForget()
	})
	It("bubble fake time", spec.Bubble, func() {
		start := time.Now()
		verdicts.Nap(time.Hour)
		Expect(time.Since(start)).To(Equal(time.Hour))
	})
	It("bubble fail", spec.Bubble, func() {
		Expect(verdicts.Add(1, 1)).To(Equal(3))
	})
	It("bubble fail leaving goroutines blocked", spec.Bubble, func() {
		verdicts.StartAndForget()
		Expect(verdicts.Add(1, 1)).To(Equal(3))
	})
	It("bubble panic", spec.Bubble, func() {
		verdicts.Explode()
	})
	It("bubble race", spec.Bubble, func() {
		verdicts.AppendRacy(4)
	})
	It("timeout sleeping", func() {
		verdicts.Nap(time.Hour)
	})
	It("deadlock locking again", func() {
		var w verdicts.Wallet
		w.Double()
	})
	It("deadlock after a lost unlock", func() {
		var w verdicts.Wallet
		Expect(func() { w.Spend(func(int) int { panic("declined") }) }).To(PanicWith("declined"))
		w.Total()
	})
	It("bubble deadlock on a mutex", spec.Bubble, func() {
		var w verdicts.Wallet
		w.Double()
	})
	It("waits for a lock whose holder sleeps", func() {
		var w verdicts.Wallet
		locked := make(chan struct{})
		go w.HoldWhile(400*time.Millisecond, locked)
		<-locked
		Expect(w.Total()).To(BeZero())
	})
	It("race after a failure", func() {
		Expect(verdicts.SumRacy(4)).To(BeNumerically("<", 0), "the spec's own message")
	})
	It("negative WaitGroup counter", func() {
		verdicts.DoneTwice()
	})
	It("child process", func(ctx SpecContext) {
		out, err := spec.Command(context.WithoutCancel(ctx), "pid").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(strings.TrimSpace(string(out))).NotTo(Equal(strconv.Itoa(os.Getpid())))
	}, SpecTimeout(5*time.Second))
})

var _ = Describe("helpers", func() {
	It("serves HTTP in a bubble, on fake time", spec.Bubble, func() {
		srv := spec.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(time.Second)
			io.WriteString(w, "hello")
		}))
		defer srv.Close()
		start := time.Now()
		var wg sync.WaitGroup
		var gauge spec.Gauge
		for range 3 {
			wg.Go(func() {
				gauge.Enter()
				defer gauge.Leave()
				resp, err := srv.Client().Get(srv.URL + "/x")
				Expect(err).NotTo(HaveOccurred())
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				Expect(string(body)).To(Equal("hello"))
			})
		}
		wg.Wait()
		Expect(time.Since(start)).To(Equal(time.Second))
		Expect(gauge.Max()).To(Equal(3))
	})

	It("finds where a call waits in the learner's code", func() {
		release := make(chan struct{})
		w := spec.Watch()
		c := spec.Go(func() { verdicts.WaitOn(release) })
		Expect(w.WaitFor(c.Done())).To(Equal([]string{"[chan receive] at code.go:70"}))
		Expect(c.Waiting()).To(BeTrue(), "a goroutine parked on a channel is waiting")
		close(release)
		Expect(w.WaitFor(c.Done())).To(BeNil(), "a call that returns is not stuck")
		c.Wait()
		c.AwaitExit()
		Expect(c.Waiting()).To(BeFalse(), "a goroutine that has exited is not waiting")
	})
	It("is not stuck while a watched goroutine still runs", func() {
		release, stop := make(chan struct{}), make(chan struct{})
		w := spec.Watch()
		waiter := spec.Go(func() { verdicts.WaitOn(release) })
		Expect(w.WaitFor(waiter.Done())).To(HaveLen(1))
		busy := spec.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
			}
		})
		Expect(w.Stuck()).To(BeNil(), "a goroutine that still runs may yet wake the waiter")
		Expect(busy.Waiting()).To(BeFalse(), "a goroutine that spins is not waiting")
		close(stop)
		busy.Wait()
		close(release)
		waiter.Wait()
	})
	It("settles when every watched goroutine waits for the spec", func() {
		release := make(chan struct{})
		w := spec.Watch()
		Expect(w.Settle(spec.Go(func() {}))).To(BeTrue(), "a call that returns settles as returned")
		inSpec := spec.Go(func() { <-release })
		Expect(w.Settle(inSpec)).To(BeFalse(), "a call that waits for the spec settles as still running")
		Expect(w.Stuck()).To(BeNil(), "a goroutine that waits in spec code is not stuck in the learner's code")
		close(release)
		inSpec.Wait()
	})
	It("raises a call's panic on the spec's goroutine", func() {
		c := spec.Go(verdicts.Explode)
		<-c.Done()
		Expect(c.Returned()).To(BeTrue())
		Expect(c.Check).To(PanicWith("exploded on purpose"))
		Expect(c.Wait).To(PanicWith("exploded on purpose"))
		Expect(func() {
			spec.Together(3, func(i int) {
				if i == 1 {
					verdicts.Explode()
				}
			})
		}).To(PanicWith("exploded on purpose"))
	})
})

var _ = Describe("verdicts", func() {
	It("leak that keeps running", func() {
		// Runnable for longer than the spec may take: the leak check
		// waits for it, but reports it before the spec's deadline.
		verdicts.KeepBusy(3 * spec.DefaultTimeout / 2)
	})
})
