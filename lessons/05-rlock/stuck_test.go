package rlock_test

import (
	"fmt"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// mustReturn calls f in a goroutine and fails the spec at once if it gets
// stuck instead of returning: a deadlock shows up as a failure that says
// where the lesson's code waits, not as a timeout. what names the call for
// the learner, advice says how to fix it.
func mustReturn(what, advice string, f func()) {
	GinkgoHelper()
	w := spec.Watch()
	c := spec.Go(f)
	if waiting := w.WaitFor(c.Done()); waiting != nil {
		Fail(fmt.Sprintf("DEADLOCK: %s never returned. It waits here for something that will never happen:\n\t%s\n%s",
			what, strings.Join(waiting, "\n\t"), advice))
	}
	c.Check()
}

// selfDeadlock is the advice for a method that locks a lock it holds.
const selfDeadlock = "A sync.Mutex is not re-entrant: a method that holds the lock and calls another method that locks it waits for itself for ever. " +
	"Lock only in the exported methods and let them call unexported ...Locked helpers that assume the lock is held."

// busy is the SpecTimeout of a spec that watches goroutines come to rest
// (each look stops every goroutine to read its stack) or that runs many
// rounds. A right answer needs a few milliseconds of it on a quiet machine;
// the rest is for a busy one, so that a wrong answer still ends in the
// failure that says what is wrong, not in a timeout.
var busy = SpecTimeout(5 * time.Second)
