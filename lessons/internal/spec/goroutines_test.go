package spec

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/onsi/gomega/gleak"
)

// Backtraces as gleak hands them over: a frame's function, then its file
// and line; a goroutine that has not run yet has no "+0x" offset.
func TestWhichGoroutinesAWatcherCounts(t *testing.T) {
	// A lesson elsewhere: in this package's own test binary, the lesson's
	// directory would be this package's, and this file's frames the lesson's.
	oldDir, oldImportDir := lessonDir, lessonImportDir
	lessonDir, lessonImportDir = "/kit/lessons/05-rlock", module+"/lessons/05-rlock"
	t.Cleanup(func() { lessonDir, lessonImportDir = oldDir, oldImportDir })
	learner := filepath.Join(lessonDir, "stock.go")
	specFile := filepath.Join(lessonDir, "stock_test.go")
	tests := []struct {
		name      string
		backtrace string
		started   bool   // startedByGo
		where     string // innermostLessonCall, as file:line
	}{{
		name: "a call that has not run yet",
		backtrace: "github.com/threadlings/threadlings/lessons/internal/spec.Go.gowrap1()\n\t" + thisFile + ":29\n" +
			"runtime.goexit({})\n\t/usr/local/go/src/runtime/asm_amd64.s:1771 +0x1\n" +
			"created by github.com/threadlings/threadlings/lessons/internal/spec.Go in goroutine 7\n\t" + thisFile + ":29 +0x125\n",
		started: true,
	}, {
		name: "a call parked in the learner's code",
		backtrace: "sync.runtime_SemacquireMutex(0xc000012345?, 0x0?, 0x1?)\n\t/usr/local/go/src/runtime/sema.go:95 +0x25\n" +
			"example.com/stock.(*Stock).Sell(0xc000012340)\n\t" + learner + ":45 +0x4d\n" +
			"example.com/stock_test.init.func1.1()\n\t" + specFile + ":29 +0x1d\n" +
			"github.com/threadlings/threadlings/lessons/internal/spec.(*Call).run(0xc000100000, 0xc000110000)\n\t" + thisFile + ":37 +0x9e\n" +
			"created by github.com/threadlings/threadlings/lessons/internal/spec.Go in goroutine 7\n\t" + thisFile + ":29 +0x125\n",
		started: true,
		where:   learner + ":45",
	}, {
		name: "a goroutine the learner's code started, now in the standard library",
		backtrace: "time.Sleep(0x3b9aca00)\n\t/usr/local/go/src/runtime/time.go:300 +0x105\n" +
			"created by example.com/stock.(*Stock).Start in goroutine 9\n\t" + learner + ":12 +0x3a\n",
	}, {
		name: "a goroutine of a spec, not started by Go",
		backtrace: "example.com/stock_test.init.func2.1()\n\t" + specFile + ":61 +0x2c\n" +
			"created by example.com/stock_test.init.func2 in goroutine 7\n\t" + specFile + ":60 +0x8f\n",
		where: specFile + ":61",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := startedByGo(tt.backtrace); got != tt.started {
				t.Errorf("startedByGo = %v, want %v", got, tt.started)
			}
			file, line, ok := innermostLessonCall(tt.backtrace)
			where := ""
			if ok {
				where = fmt.Sprintf("%s:%d", file, line)
			}
			if where != tt.where {
				t.Errorf("innermostLessonCall = %q, want %q", where, tt.where)
			}
		})
	}
}

// The goroutines of a spec as the deadlock watch sees them: a stack in the
// learner's code, one in the spec's, one of the test framework's.
func TestWhenASpecIsStill(t *testing.T) {
	oldDir, oldImportDir := lessonDir, lessonImportDir
	lessonDir, lessonImportDir = "/kit/lessons/04-lock", module+"/lessons/04-lock"
	t.Cleanup(func() { lessonDir, lessonImportDir = oldDir, oldImportDir })
	learner := filepath.Join(lessonDir, "account.go")
	specFile := filepath.Join(lessonDir, "account_test.go")
	inLock := "sync.(*Mutex).Lock(0xc000012345)\n\t/usr/local/go/src/sync/mutex.go:46 +0x25\n" +
		"example.com/lock.(*Account).Balance(0xc000012340)\n\t" + learner + ":27 +0x4d\n" +
		"example.com/lock.(*Account).Update(0xc000012340, 0xc000100000)\n\t" + learner + ":42 +0x3a\n" +
		"example.com/lock_test.init.func1.3()\n\t" + specFile + ":61 +0x2c\n"
	inSpec := "example.com/lock_test.init.func1.4.1()\n\t" + specFile + ":70 +0x2c\n" +
		"created by example.com/lock_test.init.func1.4 in goroutine 7\n\t" + specFile + ":69 +0x8f\n"
	framework := "github.com/onsi/ginkgo/v2/internal.(*Suite).runNode(0xc0001)\n\t/go/pkg/mod/github.com/onsi/ginkgo/v2@v2.34.0/internal/suite.go:1170 +0x1d\n"
	node := "github.com/onsi/ginkgo/v2/internal.(*Suite).runNode.func3()\n\t/go/pkg/mod/github.com/onsi/ginkgo/v2@v2.34.0/internal/suite.go:1121 +0x1d\n" +
		"created by github.com/onsi/ginkgo/v2/internal.(*Suite).runNode in goroutine 5\n\t/go/pkg/mod/github.com/onsi/ginkgo/v2@v2.34.0/internal/suite.go:1112 +0x8f\n"
	subtest := "github.com/threadlings/threadlings/lessons/internal/spec.spanSubtest.func1.1(0xc0002)\n\t/kit/lessons/internal/spec/around.go:71 +0x1d\n" +
		"testing.tRunner(0xc0002, 0xc0003)\n\t/usr/local/go/src/testing/testing.go:2036 +0x21c\n"
	g := func(id uint64, state, backtrace string) gleak.Goroutine {
		return gleak.Goroutine{ID: id, State: state, Backtrace: backtrace}
	}
	const balance = "[sync.Mutex.Lock] lock.(*Account).Balance at account.go:27, called from lock.(*Account).Update at account.go:42"
	tests := []struct {
		name  string
		gs    []gleak.Goroutine
		still bool
		lines []string
	}{
		{"a goroutine stuck on a lock", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock)}, true, []string{balance}},
		{"two of them, and the spec waiting", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(11, "sync.Mutex.Lock, 2 minutes", inLock), g(12, "chan receive", inSpec)}, true, []string{balance + " ×2"}},
		{"in a bubble", []gleak.Goroutine{g(10, "sync.Mutex.Lock, synctest bubble 3", inLock), g(12, "chan receive (durable), synctest bubble 3", inSpec), g(13, "synctest.Run", framework)}, true, []string{balance}},
		{"the spec still sleeps", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(12, "sleep", inSpec)}, false, nil},
		{"the spec still runs", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(12, "running", inSpec)}, false, nil},
		{"a goroutine waits for I/O", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(14, "IO wait", framework)}, false, nil},
		{"only the spec's own code waits", []gleak.Goroutine{g(12, "chan receive", inSpec)}, false, nil},
		{"an older goroutine of the framework runs: not the spec's", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(1, "running", framework)}, true, []string{balance}},
		{"an older goroutine of the lesson runs: it may wake the others", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(2, "running", inSpec)}, false, nil},
		{"an older goroutine of the lesson stuck too: not listed", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(3, "sync.Mutex.Lock", inLock)}, true, []string{balance}},
		{"the watch itself", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(99, "running", framework)}, true, []string{balance}},
		{"a node's goroutine, ending", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(15, "runnable", node)}, true, []string{balance}},
		{"a subtest, ending", []gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock), g(16, "runnable", subtest)}, true, []string{balance}},
	}
	before := map[uint64]bool{1: true, 2: true, 3: true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, lines, still := stillness(tt.gs, before, 99)
			if still != tt.still || fmt.Sprint(lines) != fmt.Sprint(tt.lines) {
				t.Errorf("stillness = %v, %q; want %v, %q", still, lines, tt.still, tt.lines)
			}
		})
	}
	a, _, _ := stillness([]gleak.Goroutine{g(10, "sync.Mutex.Lock", inLock)}, before, 99)
	b, _, _ := stillness([]gleak.Goroutine{g(10, "chan receive", inLock)}, before, 99)
	if a == b {
		t.Error("two looks that differ in a goroutine's state must not compare equal")
	}
}

func TestDeadlockMessage(t *testing.T) {
	lock := "[sync.Mutex.Lock] lock.(*Account).Balance at account.go:27"
	send := "[chan send] goroutines.Download at goroutines.go:31"
	if got := deadlockMessage([]string{send, lock}); got != deadlockMutex+"\n"+send+"\n"+lock {
		t.Errorf("a goroutine that waits for a mutex makes it a mutex deadlock: %q", got)
	}
	if got := deadlockMessage([]string{send}); got != deadlockChannels+"\n"+send {
		t.Errorf("without a mutex: %q", got)
	}
	if got := firstWhere([]string{"[chan send] goroutines.Download at goroutines.go:31, called from goroutines.Run at goroutines.go:40 ×2"}); got != "goroutines.go:31" {
		t.Errorf("firstWhere = %q, want the innermost line", got)
	}
}

// Together reports that the calls met when one began while another ran:
// calls that wait inside f for each other always meet, and one call alone
// never does.
func TestTogetherReportsWhetherTheCallsMet(t *testing.T) {
	for _, n := range []int{2, 5} {
		var in sync.WaitGroup
		in.Add(n)
		if !Together(n, func(int) { in.Done(); in.Wait() }) {
			t.Errorf("Together(%d, ...): every call waited inside f for all the others, yet it reports they did not meet", n)
		}
	}
	if Together(1, func(int) {}) {
		t.Error("Together(1, ...): a call alone cannot meet another")
	}
}
