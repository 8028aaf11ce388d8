package process_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

var _ = Describe("A crash", func() {
	It("in a child ends that child only, like one tab of a browser", processTimeout, spec.Points(2), func() {
		// Two tabs: one waits for orders, the other panics at once.
		steady, crashing := newChild("wait"), newChild("crash")
		steady.start()
		crashing.start()
		expectJoined(crashing.Process, "the crash task panics at once, which ends its child")
		Expect(crashing.ExitCode()).To(Equal(2), "the crashed child's exit code should be 2, Go's code for a program that dies of a panic: let the task's panic end the child, do not recover it and exit with a code of your own")
		Expect(crashing.stderr.String()).To(ContainSubstring("panic: this tab crashed"),
			"the crashed child's standard error should carry the panic: did you hand Stderr to the child?")
		Expect(steady.IsAlive()).To(BeTrue(), "one child crashed, and the other one died with it: each child is a process of its own")
		steady.tell("exit 0")
		expectJoined(steady.Process, "the steady child was told to exit")
		Expect(steady.ExitCode()).To(Equal(0), "the steady child exited with code 0, untouched by the crash")
		// And this program, the parent, is still here to check all that.
	})

	It("on any goroutine ends the whole child, recover or not", processTimeout, spec.Points(2), func() {
		c := newChild("crash-in-goroutine")
		c.start()
		expectJoined(c.Process, "a goroutine of the child panics at once, which ends the child")
		Expect(c.ExitCode()).To(Equal(2), "the crashed child's exit code should be 2, Go's code for a program that dies of a panic")
		Expect(c.stderr.String()).To(ContainSubstring("panic: a goroutine of this tab crashed"),
			"the crashed child's standard error should carry the goroutine's panic")
		Expect(c.stderr.String()).To(ContainSubstring("goroutine "), "the runtime prints the goroutines of a program that dies of a panic")
		output, err := c.rest()
		Expect(err).NotTo(HaveOccurred(), "the child has ended, so its output should end too")
		Expect(output).NotTo(ContainSubstring("recovered"), "the task's recover caught a panic of another goroutine: that cannot happen")
	})
})
