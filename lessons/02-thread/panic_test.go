package thread_test

import (
	"errors"
	"io"
	"os"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/02-thread"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("A panicking target", func() {
	It("ends only its own thread", spec.Bubble, spec.Points(2), func() {
		captureExceptHook()
		release := newLatch()
		defer release.Open()
		bad := thread.New("bad", explode)
		good := thread.New("good", release.Wait)
		Expect(good.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(bad.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(bad.Join()).To(Succeed(), "Join should return normally after the target panicked")
		Expect(bad.IsAlive()).To(BeFalse(), "a thread whose target panicked is no longer alive")
		Expect(bad.State()).To(Equal(thread.StateDead), "a thread whose target panicked is Dead")
		Expect(good.IsAlive()).To(BeTrue(), "the panic of one thread must not end another")
		release.Open()
		Expect(good.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(good.Err() == nil).To(BeTrue(), "the target returned normally: Err should return a nil error (a nil *PanicError stored in an error is not nil)")
	})

	It("is reported by Err as a *PanicError", spec.Bubble, spec.Points(2), func() {
		captureExceptHook()
		t := thread.New("bad", explode)
		Expect(t.Err() == nil).To(BeTrue(), "a new thread has not panicked: Err should return a nil error (a nil *PanicError stored in an error is not nil)")
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		var pe *thread.PanicError
		Expect(errors.As(t.Err(), &pe)).To(BeTrue(), "Err should return a *PanicError after the target panicked, not %v", t.Err())
		Expect(pe.Value).To(Equal("boom"), "PanicError.Value should be the value the target panicked with")
		Expect(pe.Thread).To(Equal("bad"), "PanicError.Thread should be the name of the thread")
		Expect(string(pe.Stack)).To(ContainSubstring("explode"), "the stack should show where the target panicked: call debug.Stack() in the deferred function that recovers")
		Expect(pe.Error()).To(ContainSubstring("boom"), "the error message should say what the target panicked with")
	})

	It("unwraps to nothing when the panic value is not an error", spec.Bubble, func() {
		captureExceptHook()
		t := thread.New("bad", explode)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		var pe *thread.PanicError
		Expect(errors.As(t.Err(), &pe)).To(BeTrue(), "Err should return a *PanicError after the target panicked, not %v", t.Err())
		Expect(pe.Unwrap()).To(BeNil(),
			"the target panicked with the string \"boom\", which is not an error: Unwrap should return nil (err, _ := e.Value.(error)), not make an error of its own")
		Expect(errors.Is(t.Err(), io.EOF)).To(BeFalse(), "a panic with a string is not io.EOF")
	})

	It("keeps a panicked error visible to errors.Is", spec.Bubble, func() {
		captureExceptHook()
		t := thread.New("reader", func() { panic(io.ErrUnexpectedEOF) })
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		Expect(errors.Is(t.Err(), io.ErrUnexpectedEOF)).To(BeTrue(), "the target panicked with io.ErrUnexpectedEOF: errors.Is(t.Err(), io.ErrUnexpectedEOF) should be true (PanicError.Unwrap)")
	})

	It("is not reported by JoinTimeout", spec.Bubble, func() {
		captureExceptHook()
		release := newLatch()
		defer release.Open()
		t := thread.New("bad", func() {
			release.Wait()
			explode()
		})
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		var finished bool
		var err error
		waiter := spec.Go(func() { finished, err = t.JoinTimeout(time.Hour) })
		synctest.Wait()
		release.Open()
		waiter.Wait()
		Expect(err).NotTo(HaveOccurred(), "JoinTimeout(1h), waiting while the target panicked, returned %v: like Join, JoinTimeout reports only whether the thread is Dead; the panic is for Err to report", err)
		Expect(finished).To(BeTrue(), "the target ended (with a panic) well inside the timeout: JoinTimeout should report that the thread finished")
		finished, err = t.JoinTimeout(0)
		Expect(err).NotTo(HaveOccurred(), "JoinTimeout(0) on a thread whose target panicked returned %v: like Join, JoinTimeout reports only whether the thread is Dead; the panic is for Err to report", err)
		Expect(finished).To(BeTrue(), "JoinTimeout(0) on a thread whose target panicked should report that it finished")
	})

	It("is handed to ExceptHook before Join returns", spec.Bubble, func() {
		hook := captureExceptHook()
		t := thread.New("bad", explode)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		calls := hook.get()
		Expect(calls).To(HaveLen(1), "ExceptHook should have been called once by the time Join returns: call it on the thread's goroutine before the thread becomes Dead")
		Expect(calls[0].thread).To(BeIdenticalTo(t), "ExceptHook should be given the thread whose target panicked")
		Expect(calls[0].err).NotTo(BeNil(), "ExceptHook should be given the *PanicError")
		Expect(calls[0].err.Value).To(Equal("boom"), "the PanicError given to ExceptHook should hold the panic value")
	})
})

var _ = Describe("ExceptHook", func() {
	It("runs while the thread is still alive, and Join waits for it", spec.Bubble, spec.Points(2), func() {
		inHook := make(chan struct{})
		leaveHook := newLatch()
		defer leaveHook.Open()
		type seen struct {
			alive   bool
			state   thread.State
			errNil  bool
			name    string
			joinedT bool
		}
		var during seen
		saved := thread.ExceptHook
		defer func() { thread.ExceptHook = saved }()
		thread.ExceptHook = func(t *thread.Thread, _ *thread.PanicError) {
			during.name, during.alive, during.state = t.Name(), t.IsAlive(), t.State()
			during.errNil = t.Err() == nil
			during.joinedT, _ = t.JoinTimeout(0)
			close(inHook)
			leaveHook.Wait()
		}
		t := thread.New("hooked", explode)
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		joined := joinAsync(t)
		<-inHook
		synctest.Wait()
		Expect(joined).NotTo(Receive(),
			"Join returned while ExceptHook was still running: call the hook on the thread's own goroutine, before the thread becomes Dead and wakes its joiners")
		Expect(during.name).To(Equal("hooked"), "ExceptHook should be given the thread whose target panicked")
		Expect(during.alive).To(BeTrue(), "inside ExceptHook, IsAlive should still be true: the thread becomes Dead only after the hook has returned")
		Expect(during.state).To(Equal(thread.StateRunning), "inside ExceptHook, the state should still be Running")
		Expect(during.errNil).To(BeTrue(), "inside ExceptHook, Err should still be nil: Err reports the panic only once the thread is Dead")
		Expect(during.joinedT).To(BeFalse(), "inside ExceptHook, JoinTimeout(0) should report that the thread has not finished")
		leaveHook.Open()
		Expect(<-joined).To(Succeed(), "Join should return normally after the target panicked")
		Expect(t.State()).To(Equal(thread.StateDead), "after the hook returned and Join too, the thread is Dead")
		Expect(t.Err()).To(HaveOccurred(), "after Join, Err should report the panic")
	})

	It("when nil, lets the report go to standard error", func() {
		saved, savedStderr := thread.ExceptHook, os.Stderr
		thread.ExceptHook = nil
		r, w, err := os.Pipe()
		Expect(err).NotTo(HaveOccurred())
		os.Stderr = w
		func() {
			defer func() { thread.ExceptHook, os.Stderr = saved, savedStderr }()
			t := thread.New("reporter", func() { panic("printer on fire") })
			Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
			Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		}()
		w.Close()
		report, _ := io.ReadAll(r)
		r.Close()
		Expect(string(report)).To(And(ContainSubstring("reporter"), ContainSubstring("printer on fire")),
			"with ExceptHook nil, a panicking thread should write a report naming the thread and what it panicked with to os.Stderr; it wrote %q", report)
	})

	It("when set, replaces the report on standard error", func() {
		hook := captureExceptHook()
		savedStderr := os.Stderr
		r, w, err := os.Pipe()
		Expect(err).NotTo(HaveOccurred())
		os.Stderr = w
		func() {
			defer func() { os.Stderr = savedStderr }()
			t := thread.New("quiet", func() { panic("handled elsewhere") })
			Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
			Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		}()
		w.Close()
		report, _ := io.ReadAll(r)
		r.Close()
		Expect(hook.get()).To(HaveLen(1), "ExceptHook should have been called once for the panicking thread")
		Expect(string(report)).To(BeEmpty(),
			"with ExceptHook set, the hook replaces the report: nothing should be written to os.Stderr, but the thread wrote %q. Write the report only when ExceptHook is nil", report)
	})
})

var _ = Describe("A target that returns", func() {
	It("leaves Err nil and ExceptHook uncalled", spec.Bubble, func() {
		hook := captureExceptHook()
		t := thread.New("fine", func() {})
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join of a started thread should succeed")
		Expect(t.Err() == nil).To(BeTrue(), "the target returned normally: Err should return a nil error (a nil *PanicError stored in an error is not nil)")
		Expect(hook.get()).To(BeEmpty(), "ExceptHook is only for targets that panic")
	})
})
