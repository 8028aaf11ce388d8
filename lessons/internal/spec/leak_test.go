package spec

import (
	"testing"
	"time"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
	"github.com/onsi/gomega/gleak"
)

func TestLeakStays(t *testing.T) {
	const plenty = time.Minute
	tests := []struct {
		name     string
		waited   time.Duration
		left     time.Duration
		runnable bool
		want     bool
	}{
		{"blocked, too soon", 100 * time.Millisecond, plenty, false, false},
		{"blocked, after leakWait", leakWait + time.Millisecond, plenty, false, true},
		{"runnable after leakWait: on its way", leakWait + time.Millisecond, plenty, true, false},
		{"runnable for longer than leakWaitMax", leakWaitMax + time.Millisecond, plenty, true, true},
		{"runnable, the spec's deadline near", leakWait + time.Millisecond, 0, true, true},
		{"runnable, the deadline near, before leakWait", 100 * time.Millisecond, -time.Millisecond, true, false},
	}
	for _, tt := range tests {
		if got := leakStays(tt.waited, tt.left, tt.runnable); got != tt.want {
			t.Errorf("%s: leakStays(%v, %v, %v) = %v, want %v", tt.name, tt.waited, tt.left, tt.runnable, got, tt.want)
		}
	}
}

func TestAnyRunnable(t *testing.T) {
	blocked := gleak.Goroutine{ID: 10, State: "chan receive", TopFunction: "lesson.worker"}
	runnable := gleak.Goroutine{ID: 11, State: "runnable", TopFunction: "lesson.reaper"}
	running := gleak.Goroutine{ID: 12, State: "running", TopFunction: "lesson.reaper"}
	all := gleak.HaveLeaked()
	if anyRunnable(all, []gleak.Goroutine{blocked}) {
		t.Errorf("a goroutine in chan receive counted as runnable")
	}
	for _, g := range []gleak.Goroutine{runnable, running} {
		if !anyRunnable(all, []gleak.Goroutine{blocked, g}) {
			t.Errorf("a %s goroutine left over did not count as runnable", g.State)
		}
	}
	notRunnable := gleak.HaveLeaked(gleak.IgnoringGoroutines([]gleak.Goroutine{runnable}))
	if anyRunnable(notRunnable, []gleak.Goroutine{blocked, runnable}) {
		t.Errorf("a runnable goroutine the check ignores counted")
	}
}

// TestBodyRecordsTimeout checks that an It's body tells the leak check the
// spec's timeout: its own, or DefaultTimeout.
func TestBodyRecordsTimeout(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []any
		want time.Duration
	}{
		{"no timeout, plain body", []any{func() {}}, DefaultTimeout},
		{"its own timeout", []any{ginkgo.SpecTimeout(7 * time.Second), func(ginkgo.SpecContext) {}}, 7 * time.Second},
		{"timeout after a context body", []any{func(ginkgo.SpecContext) {}, ginkgo.SpecTimeout(9 * time.Second)}, 9 * time.Second},
	} {
		_, args, errs := addTimeout(types.NodeTypeIt, 0, tt.name, tt.args)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tt.name, errs)
		}
		current.reset()
		ran := false
		for _, a := range args {
			if body, ok := a.(func(ginkgo.SpecContext)); ok {
				body(nil)
				ran = true
			}
		}
		if !ran {
			t.Fatalf("%s: no body that takes a SpecContext in %v", tt.name, args)
		}
		if got := current.specTimeout(); got != tt.want {
			t.Errorf("%s: the body recorded a timeout of %v, want %v", tt.name, got, tt.want)
		}
	}
}
