package runner_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

// The fixtures are the spec helpers' own: suites with one defect per spec.
func fixture(name string, stubs ...string) course.Lesson {
	return course.Lesson{Number: "00", Dir: "internal/spec/testdata/" + name, Title: name, Stubs: stubs}
}

func kitRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	require.NoError(t, err)
	return root
}

// readInputs reads every file the fixtures' go test runs are built from.
// Those runs read them in other processes, which go test's result cache does
// not see; a file this process opens is an input of its cached result, so a
// change to the spec helpers or their fixtures runs these tests again.
func readInputs(t *testing.T) {
	t.Helper()
	root := kitRoot(t)
	for _, dir := range []string{"internal", "lessons/internal", "go.mod", "go.sum"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			_, err = os.ReadFile(path)
			return err
		})
		require.NoError(t, err)
	}
}

func newRunner(t *testing.T) *runner.Runner {
	readInputs(t)
	ok, why := runner.RaceAvailable("")
	if !ok {
		t.Logf("without -race: %s", why)
	}
	return &runner.Runner{Root: kitRoot(t), Race: ok, Dir: t.TempDir(), Limit: 40 * time.Second}
}

func verdicts(res *runner.Result) map[string]verdict.Verdict {
	m := map[string]verdict.Verdict{}
	for _, s := range res.Specs {
		m[s.Name] = s.Verdict
	}
	return m
}

func TestEveryVerdictOfTheHelpers(t *testing.T) {
	r := newRunner(t)
	res, err := r.Run(context.Background(), fixture("verdicts", "code.go"), runner.Stub())
	require.NoError(t, err)
	require.Empty(t, res.BuildError)
	want := map[string]verdict.Verdict{
		"verdicts pass":                                                   verdict.Pass,
		"verdicts pass worth three":                                       verdict.Pass,
		"verdicts fail":                                                   verdict.Fail,
		"verdicts panic":                                                  verdict.Panic,
		"verdicts timeout":                                                verdict.Timeout,
		"verdicts leak":                                                   verdict.Leak,
		"verdicts leak that keeps running":                                verdict.Leak,
		"verdicts bubble deadlock":                                        verdict.Timeout,
		"verdicts bubble leak":                                            verdict.Leak,
		"verdicts bubble fake time":                                       verdict.Pass,
		"verdicts bubble fail":                                            verdict.Fail,
		"verdicts bubble panic":                                           verdict.Panic,
		"verdicts child process":                                          verdict.Pass,
		"verdicts timeout sleeping":                                       verdict.Timeout,
		"verdicts deadlock locking again":                                 verdict.Timeout,
		"verdicts deadlock after a lost unlock":                           verdict.Timeout,
		"verdicts bubble deadlock on a mutex":                             verdict.Timeout,
		"verdicts waits for a lock whose holder sleeps":                   verdict.Pass,
		"verdicts negative WaitGroup counter":                             verdict.Panic,
		"helpers serves HTTP in a bubble, on fake time":                   verdict.Pass,
		"helpers finds where a call waits in the learner's code":          verdict.Pass,
		"helpers is not stuck while a watched goroutine still runs":       verdict.Pass,
		"helpers settles when every watched goroutine waits for the spec": verdict.Pass,
		"helpers raises a call's panic on the spec's goroutine":           verdict.Pass,
	}
	if r.Race {
		want["verdicts race"] = verdict.Race
		want["verdicts bubble race"] = verdict.Race
		want["verdicts race after a failure"] = verdict.Race
	} else {
		want["verdicts race after a failure"] = verdict.Fail
	}
	got := verdicts(res)
	for name, v := range want {
		assert.Equal(t, v, got[name], name)
	}
	assert.GreaterOrEqual(t, res.Runs, 2, "after a spec times out, the rest run in a fresh process")
	for _, s := range res.Specs {
		switch s.Name {
		case "verdicts pass worth three":
			assert.Equal(t, 3, s.Points)
		case "verdicts panic":
			assert.Equal(t, "code.go:14", s.Where, "a panic points at the learner's line")
		case "verdicts timeout":
			assert.Contains(t, s.Detail, "LockTwice", "a deadlock names the blocked goroutine")
			assert.True(t, strings.HasPrefix(s.Message, "DEADLOCK: "), "a goroutine that locks a mutex twice is deadlocked, not out of time: %q", s.Message)
			assert.Equal(t, "code.go:56", s.Where)
		case "verdicts timeout sleeping":
			assert.True(t, strings.HasPrefix(s.Message, "TIMEOUT: "), "a spec that sleeps is out of time, not deadlocked: %q", s.Message)
		case "verdicts deadlock locking again", "verdicts bubble deadlock on a mutex":
			assert.True(t, strings.HasPrefix(s.Message, "DEADLOCK: "), s.Message)
			assert.Contains(t, s.Message, "[sync.Mutex.Lock] verdicts.(*Wallet).Total at code.go:90, called from verdicts.(*Wallet).Double at code.go:100")
			assert.Equal(t, "code.go:90", s.Where)
		case "verdicts deadlock after a lost unlock":
			assert.True(t, strings.HasPrefix(s.Message, "DEADLOCK: "), s.Message)
			assert.Contains(t, s.Message, "[sync.Mutex.Lock] verdicts.(*Wallet).Total at code.go:90")
		case "verdicts race after a failure":
			if r.Race {
				assert.True(t, strings.HasPrefix(s.Message, "the spec's own message"), "the spec's message comes before the race's: %q", s.Message)
				assert.Contains(t, s.Message, "DATA RACE as well")
				assert.Equal(t, "verdicts_test.go:92", s.Where, "the failed expectation")
			}
		case "verdicts negative WaitGroup counter":
			assert.Contains(t, s.Message, "Done ran more often than Add")
			assert.Equal(t, "code.go:131", s.Where)
		case "verdicts leak":
			assert.Contains(t, s.Detail, "StartAndForget", "a leak names the goroutine that outlived the spec")
		}
	}
}

func TestACrashCostsOneSpec(t *testing.T) {
	r := newRunner(t)
	res, err := r.Run(context.Background(), fixture("crashes", "code.go"), runner.Stub())
	require.NoError(t, err)
	got := verdicts(res)
	// Under -race, concurrent map writes are caught either by the race
	// detector (a race) or by the runtime (a fatal error: a crash),
	// whichever sees them first. Both are right; neither costs a second spec.
	if r.Race && got["crashes concurrent map writes"] == verdict.Race {
		got["crashes concurrent map writes"] = verdict.Crash
	}
	assert.Equal(t, map[string]verdict.Verdict{
		"crashes passes before":                verdict.Pass,
		"crashes panic in a goroutine":         verdict.Crash,
		"crashes os.Exit(0)":                   verdict.Panic, // go test turns os.Exit(0) into a panic
		"crashes os.Exit(3)":                   verdict.Crash,
		"crashes concurrent map writes":        verdict.Crash,
		"crashes TODO on the spec's goroutine": verdict.Crash,
		"crashes negative WaitGroup counter":   verdict.Crash,
		"crashes passes after":                 verdict.Pass,
	}, got)
	assert.GreaterOrEqual(t, res.Runs, 3, "each crash costs a run of its own")
	for _, s := range res.Specs {
		switch s.Name {
		case "crashes panic in a goroutine":
			assert.Contains(t, s.Message, "panic on a goroutine of its own")
			assert.Contains(t, s.Message, "A panic on a goroutine you started")
			assert.Equal(t, "code.go:15", s.Where)
		case "crashes TODO on the spec's goroutine":
			assert.Contains(t, s.Message, "panic: TODO: Unfinished: write me\nThe spec called this unfinished function on a goroutine of its own")
			assert.NotContains(t, s.Message, "a goroutine you started", "the spec started it")
			assert.Equal(t, "code.go:42", s.Where)
		case "crashes negative WaitGroup counter":
			assert.Contains(t, s.Message, "panic: sync: negative WaitGroup counter\nDone ran more often than Add: call Add(1) before the go statement")
			assert.Equal(t, "code.go:50", s.Where, "the go statement, before which Add belongs")
		}
	}
}

func TestACachedRunGivesTheSameResult(t *testing.T) {
	r := newRunner(t)
	l := fixture("verdicts", "code.go")
	passing := runner.Overlay{filepath.Join(r.Root, "lessons", l.Dir, "verdicts_test.go"): writeFile(t, "only_test.go", passingSpecs)}
	store := cache.Dir(t.TempDir())
	first, err := r.RunCached(context.Background(), l, passing, store, (*runner.Result).Repeatable)
	require.NoError(t, err)
	assert.False(t, first.Cached)
	second, err := r.RunCached(context.Background(), l, passing, store, (*runner.Result).Repeatable)
	require.NoError(t, err)
	assert.True(t, second.Cached, "the second run should come from the result cache")
	assert.Equal(t, verdicts(first), verdicts(second))
	assert.Len(t, second.Specs, 2)
	assert.True(t, second.OK())

	// A result with a timeout may be the machine's doing: never kept.
	all, err := r.RunCached(context.Background(), l, runner.Stub(), store, (*runner.Result).Repeatable)
	require.NoError(t, err)
	assert.False(t, all.Repeatable())
	again, err := r.RunCached(context.Background(), l, runner.Stub(), store, (*runner.Result).Repeatable)
	require.NoError(t, err)
	assert.False(t, again.Cached, "a result with timeouts runs again")
}

// The hard limit is for running specs: a build slower than the limit still
// gives every verdict. The go command here takes longer to build than the
// whole run may take.
func TestTheHardLimitDoesNotCountTheBuild(t *testing.T) {
	r := newRunner(t)
	l := fixture("verdicts", "code.go")
	passing := runner.Overlay{filepath.Join(r.Root, "lessons", l.Dir, "verdicts_test.go"): writeFile(t, "only_test.go", passingSpecs)}
	goCmd, err := exec.LookPath("go")
	require.NoError(t, err)
	r.Go = writeFile(t, "slow-go", "#!/bin/sh\nsleep 3\nexec "+goCmd+" \"$@\"\n")
	require.NoError(t, os.Chmod(r.Go, 0o755))
	r.Limit = 2 * time.Second
	res, err := r.Run(context.Background(), l, passing)
	require.NoError(t, err)
	assert.Empty(t, res.BuildError)
	assert.Empty(t, res.Note)
	assert.True(t, res.OK(), "every spec passes although the build took longer than the hard limit")
}

// A build that does not finish within the build limit is said to be one,
// not blamed on the code.
func TestABuildPastItsLimitSaysSo(t *testing.T) {
	r := newRunner(t)
	r.Go = writeFile(t, "stuck-go", "#!/bin/sh\nexec sleep 600\n")
	require.NoError(t, os.Chmod(r.Go, 0o755))
	r.BuildLimit = 100 * time.Millisecond
	var steps []runner.StepKind
	r.Status = func(s runner.Step) { steps = append(steps, s.Kind) }
	start := time.Now()
	res, err := r.Run(context.Background(), fixture("verdicts", "code.go"), runner.Stub())
	require.NoError(t, err)
	assert.Less(t, time.Since(start), time.Minute, "the stuck build is killed at its limit")
	assert.True(t, res.BuildTimedOut)
	assert.Contains(t, res.BuildError, "did not finish within 100ms")
	assert.Empty(t, res.Specs)
	assert.Equal(t, []runner.StepKind{runner.StepBuild}, steps, "nothing runs after a failed build")
}

const passingSpecs = `package verdicts_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec/testdata/verdicts"
)

var _ = It("adds", func() { Expect(verdicts.Add(1, 1)).To(Equal(2)) })
var _ = It("adds again", func() { Expect(verdicts.Add(2, 1)).To(Equal(3)) })
`

func TestABuildErrorIsAResult(t *testing.T) {
	r := newRunner(t)
	l := fixture("verdicts", "code.go")
	broken := runner.Overlay{filepath.Join(r.Root, "lessons", l.Dir, "code.go"): writeFile(t, "code.go", "package verdicts\n\nfunc Add(a, b int) int { return a + c }\n")}
	res, err := r.Run(context.Background(), l, broken)
	require.NoError(t, err)
	assert.Contains(t, res.BuildError, "undefined: c")
	assert.False(t, res.OK())
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

// With an overlay, the file compiled is not the file on disk. A spec that
// times out at a line past the end of the file on disk must still be a
// timeout, pointing at the learner's line.
func TestATimeoutPastTheEndOfTheFileOnDisk(t *testing.T) {
	r := newRunner(t)
	l := fixture("verdicts", "code.go")
	code, err := os.ReadFile(filepath.Join(r.Root, "lessons", l.Dir, "code.go"))
	require.NoError(t, err)
	// Push LockTwice down by 300 lines.
	longer := strings.Replace(string(code), "// LockTwice", strings.Repeat("\n", 300)+"// LockTwice", 1)
	res, err := r.Run(context.Background(), l, runner.Overlay{filepath.Join(r.Root, "lessons", l.Dir, "code.go"): writeFile(t, "code.go", longer)})
	require.NoError(t, err)
	for _, s := range res.Specs {
		if s.Name == "verdicts timeout" {
			assert.Equal(t, verdict.Timeout, s.Verdict)
			assert.Regexp(t, `^code.go:3\d\d$`, s.Where)
			return
		}
	}
	t.Fatal("no spec named \"verdicts timeout\"")
}

// Code under test that prints records of its own on standard output cannot
// change a verdict: verdicts come over the record channel alone.
func TestPrintedRecordsDecideNothing(t *testing.T) {
	r := newRunner(t)
	res, err := r.Run(context.Background(), fixture("forgeries", "code.go"), runner.Stub())
	require.NoError(t, err)
	assert.Empty(t, res.Tampered)
	assert.Equal(t, map[string]verdict.Verdict{
		"forgeries the answer is 42": verdict.Fail,
		"forgeries another spec":     verdict.Fail,
	}, verdicts(res))
}

// Code that writes to the record channel itself makes the run tampered: no
// spec passes. (Graded code may name a descriptor only where its lesson
// allows os.NewFile, as lesson 09 does; this fixture allows it to show that
// the channel's seal holds without the allow check.)
func TestWritingToTheChannelIsTampering(t *testing.T) {
	r := newRunner(t)
	l := fixture("forgeries", "code.go")
	l.Allow = []string{"os.NewFile"}
	code := `package forgeries

import "os"

func Answer() int {
	os.NewFile(3, "records").Write([]byte("{\"kind\":\"end\",\"spec\":\"forgeries another spec\",\"verdict\":\"pass\",\"seq\":3}\n"))
	return 42
}
`
	res, err := r.Run(context.Background(), l, runner.Overlay{filepath.Join(r.Root, "lessons", l.Dir, "code.go"): writeFile(t, "code.go", code)})
	require.NoError(t, err)
	assert.NotEmpty(t, res.Tampered)
	assert.False(t, res.OK())
	for _, s := range res.Specs {
		assert.Equal(t, verdict.Tampered, s.Verdict, s.Name)
	}
}

// Once a lesson has built, the check of what its code uses starts beside
// the build; it must find the same violation as when it starts after it.
func TestForbiddenCodeIsFoundOnWarmAndColdBuilds(t *testing.T) {
	r := newRunner(t)
	l := fixture("forgeries", "code.go")
	store := cache.Dir(t.TempDir())
	for i, when := range []string{"after the first build", "beside a warm build"} {
		code := fmt.Sprintf(`package forgeries

import "os"

// Answer sets a variable it may not: edit %d.
func Answer() int {
	os.Setenv("THREADLINGS_DRY_RUN", "1")
	return 42
}
`, i)
		o := runner.Overlay{filepath.Join(r.Root, "lessons", l.Dir, "code.go"): writeFile(t, "code.go", code)}
		res, err := r.RunCached(context.Background(), l, o, store, (*runner.Result).Repeatable)
		require.NoError(t, err)
		assert.False(t, res.Cached, when)
		require.Len(t, res.Forbidden, 1, when)
		assert.Contains(t, res.Forbidden[0], "os.Setenv", when)
		assert.False(t, res.OK(), when)
		for _, s := range res.Specs {
			assert.Equal(t, verdict.Forbidden, s.Verdict, "%s: %s", when, s.Name)
		}
	}
}
