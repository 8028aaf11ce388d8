package thread_test

import (
	"errors"
	"io"

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

	It("keeps a panicked error visible to errors.Is", spec.Bubble, func() {
		captureExceptHook()
		t := thread.New("reader", func() { panic(io.ErrUnexpectedEOF) })
		Expect(t.Start()).To(Succeed(), "Start of a new thread should succeed")
		Expect(t.Join()).To(Succeed(), "Join should return normally after the target panicked")
		Expect(errors.Is(t.Err(), io.ErrUnexpectedEOF)).To(BeTrue(), "the target panicked with io.ErrUnexpectedEOF: errors.Is(t.Err(), io.ErrUnexpectedEOF) should be true (PanicError.Unwrap)")
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
