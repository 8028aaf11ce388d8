package spec

import (
	"testing"
	"time"

	"github.com/onsi/gomega/gleak"
)

func TestLeakStays(t *testing.T) {
	tests := []struct {
		name     string
		waited   time.Duration
		looks    int
		runnable bool
		want     bool
	}{
		{"blocked, quiet machine, too soon", 100 * time.Millisecond, 20, false, false},
		{"blocked, quiet machine, after leakWait", leakWait + time.Millisecond, leakLooks, false, true},
		{"blocked, busy machine: few looks so far", 2 * leakWait, leakLooks / 4, false, false},
		{"runnable after leakWait: on its way", leakWait + time.Millisecond, leakLooks, true, false},
		{"runnable for longer than leakWaitMax", leakWaitMax + time.Millisecond, 3 * leakLooks, true, true},
		{"too few looks after leakWaitMax", leakWaitMax + time.Millisecond, 1, false, true},
	}
	for _, tt := range tests {
		if got := leakStays(tt.waited, tt.looks, tt.runnable); got != tt.want {
			t.Errorf("%s: leakStays(%v, %d, %v) = %v, want %v", tt.name, tt.waited, tt.looks, tt.runnable, got, tt.want)
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
