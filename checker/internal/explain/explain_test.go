package explain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/msg"
)

// addInsideRace is the race report of lesson 01's Group with wg.Add moved
// into the goroutine (trimmed paths, as a -trimpath binary prints them).
// The spec helpers have a goroutines.go of their own.
const addInsideRace = `==================
WARNING: DATA RACE
Write at 0x00c0000a301d by goroutine 730:
  github.com/threadlings/threadlings/lessons/01-goroutines_test.init.func2.3.1()
      github.com/threadlings/threadlings/lessons/01-goroutines/goroutines_test.go:52 +0x72
  github.com/threadlings/threadlings/lessons/01-goroutines.(*Group).Start.func1()
      github.com/threadlings/threadlings/lessons/01-goroutines/goroutines.go:36 +0x9a

Previous read at 0x00c0000a301d by goroutine 729:
  runtime.slicecopy()
      runtime/slice.go:392 +0x0
  slices.Clone[go.shape.[]bool,go.shape.bool]()
      slices/slices.go:360 +0x218
  github.com/threadlings/threadlings/lessons/01-goroutines_test.init.func2.3()
      github.com/threadlings/threadlings/lessons/01-goroutines/goroutines_test.go:57 +0x1d3
  github.com/threadlings/threadlings/lessons/internal/spec.addTimeout.func1()
      github.com/threadlings/threadlings/lessons/internal/spec/spec.go:183 +0x2e

Goroutine 730 (running) created at:
  github.com/threadlings/threadlings/lessons/01-goroutines.(*Group).Start()
      github.com/threadlings/threadlings/lessons/01-goroutines/goroutines.go:33 +0xf0
  github.com/threadlings/threadlings/lessons/01-goroutines_test.init.func2.3()
      github.com/threadlings/threadlings/lessons/01-goroutines/goroutines_test.go:50 +0xd6

Goroutine 729 (running) created at:
  testing/synctest.testingSynctestTest()
      testing/testing.go:2150 +0x5fc
  testing/synctest.Test.func1()
      testing/synctest/synctest.go:291 +0x44
==================
`

func TestRaceSaysWhereEveryAccessHappened(t *testing.T) {
	got, _ := Race(msg.English, addInsideRace, "01-goroutines", []string{"goroutines.go", "orders.go"})
	assert.Equal(t, []string{
		"Write by goroutine 730 at goroutines.go:36",
		"Previous read by goroutine 729 inside slices.Clone (Go's library), called from the spec at goroutines_test.go:57",
		"goroutine 730 was started at goroutines.go:33",
		"goroutine 729 was started by the test framework, to run the spec",
	}, got)
	ko, _ := Race(msg.Korean, addInsideRace, "01-goroutines", []string{"goroutines.go"})
	assert.Equal(t, "고루틴 730의 쓰기: 위치 goroutines.go:36", ko[0])
}

func TestRacePlaces(t *testing.T) {
	files := []string{"goroutines.go"}
	frame := func(fn, file string) stackFrame { return stackFrame{fn: fn, file: file, line: "7"} }
	learner := frame("example.com/lessons/01-goroutines.Pids.func1", "/kit/lessons/01-goroutines/goroutines.go")
	helpers := frame("github.com/threadlings/threadlings/lessons/internal/spec.Together.func1", "github.com/threadlings/threadlings/lessons/internal/spec/goroutines.go")
	growslice := frame("runtime.growslice", "runtime/slice.go")
	mapassign := frame("runtime.mapassign_fast64", "runtime/map_fast64.go")
	sortSlice := frame("sort.Slice", "sort/slice.go")
	ginkgo := frame("github.com/onsi/ginkgo/v2/internal.(*Suite).runNode.func3", "github.com/onsi/ginkgo/v2@v2.34.0/internal/suite.go")
	for _, c := range []struct {
		name   string
		frames []stackFrame
		want   string
	}{
		{"in the learner's code", []stackFrame{learner}, "at goroutines.go:7"},
		{"in the runtime, called by the learner", []stackFrame{growslice, learner}, "inside runtime.growslice (Go's library), called from goroutines.go:7"},
		{"the spec helpers' file of the same name is not the learner's", []stackFrame{helpers}, "in the test framework's code, not in yours"},
		{"only the runtime", []stackFrame{mapassign}, "inside the Go runtime, with no line of your code on its stack"},
		{"the library, with no line of the learner's", []stackFrame{mapassign, sortSlice}, "inside sort.Slice (Go's library), with no line of your code on its stack"},
		{"the test framework", []stackFrame{growslice, ginkgo}, "in the test framework's code, not in yours"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, placeAccess(msg.English, c.frames, "01-goroutines", files))
		})
	}
}

// writeSource writes a learner's file for the deadlock explanations.
func writeSource(t *testing.T, name, text string) map[string]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return map[string]string{name: path}
}

const account = `package lock

import "sync"

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

func (a *Account) Update(f func(int) int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance = f(a.Balance())
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func (a *Account) Twice() {
	a.mu.Lock()
	a.mu.Lock()
}
`

func TestDeadlockOfAGoroutineThatHoldsTheLockItWaitsFor(t *testing.T) {
	sources := writeSource(t, "account.go", account)
	got := Deadlock(msg.English, "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:11, called from 04-lock.(*Account).Update at account.go:19", sources)
	require.Len(t, got, 1)
	assert.True(t, strings.HasPrefix(got[0], "(*Account).Balance waits for a.mu, which this same goroutine already holds: (*Account).Update locked it at account.go:17 and, still holding it, made the call at account.go:19 that led here."), got[0])

	got = Deadlock(msg.English, "[sync.Mutex.Lock] 04-lock.(*Account).Twice at account.go:30", sources)
	require.Len(t, got, 1)
	assert.True(t, strings.HasPrefix(got[0], "(*Account).Twice locks a.mu again at account.go:30 while it already holds it since account.go:29."), got[0])
}

func TestDeadlockAfterALostUnlock(t *testing.T) {
	sources := writeSource(t, "account.go", account)
	got := Deadlock(msg.English, "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:11 ×2", sources)
	assert.Equal(t, []string{"No goroutine that is still running holds a.mu: one that locked it returned or panicked without unlocking it. " +
		"(*Account).Deposit locks it at account.go:23 and unlocks it at line 25 without defer: if anything in between panics or returns, Unlock never runs. Write defer a.mu.Unlock() right after the Lock."}, got)

	deferred := strings.Replace(account, "\ta.mu.Lock()\n\ta.balance += n\n\ta.mu.Unlock()", "\ta.mu.Lock()\n\tdefer a.mu.Unlock()\n\ta.balance += n", 1)
	got = Deadlock(msg.English, "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:11", writeSource(t, "account.go", deferred))
	require.Len(t, got, 1)
	assert.Contains(t, got[0], "Which one cannot be seen from the goroutines that are left", "with every Unlock deferred, the source does not show who kept the lock")
}

func TestDeadlockSaysNothingItCannotSee(t *testing.T) {
	sources := writeSource(t, "account.go", account)
	assert.Empty(t, Deadlock(msg.English, "[chan receive] 04-lock.(*Account).Balance at account.go:11", sources), "not a mutex")
	assert.Empty(t, Deadlock(msg.English, "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:11\n[chan send] 04-lock.Feed at account.go:40", sources),
		"a goroutine that waits on a channel may hold the lock: no claim that nobody does")
	assert.Empty(t, Deadlock(msg.English, "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:11", nil), "no source, nothing to say")
}

func TestRaceOfAWaitGroupsOwnMarksNamesAddAndWait(t *testing.T) {
	for _, lang := range []string{msg.English, msg.Korean} {
		lines, wg := Race(lang, readReport(t, "waitgroup-race.txt"), "01-goroutines", []string{"goroutines.go"})
		require.NotEmpty(t, lines)
		assert.True(t, wg, lang)
		if lang == msg.English {
			// Two stacks of nothing but the annotation: only the starts tell.
			assert.Equal(t, []string{"goroutine 312 was started at goroutines.go:30", "goroutine 313 was started at goroutines.go:30"}, lines)
		}
	}
	// A race with one access in code is not a WaitGroup's.
	lines, wg := Race(msg.English, addInsideRace, "01-goroutines", []string{"goroutines.go"})
	assert.NotEmpty(t, lines)
	assert.False(t, wg)
}

// readReport returns a race report kept in testdata: one of an Add inside
// the new goroutine that ran at the same time as a Wait, where both accesses
// are the WaitGroup's own marks, is waitgroup-race.txt.
func readReport(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return string(b)
}
