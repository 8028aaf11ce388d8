package spec

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
	"github.com/threadlings/threadlings/internal/verdict"
)

// specState is what the helpers learn about the running spec that Ginkgo's
// report does not say: that it raced, deadlocked in a bubble or leaked.
type specState struct {
	mu      sync.Mutex
	race    bool
	verdict verdict.Verdict
	detail  string
	before  map[uint64]bool // the goroutines alive when the spec started
	timeout time.Duration   // the spec's SpecTimeout, once its body has started
}

// current is the state of the running spec. Specs of one suite run one at a
// time, but an abandoned spec's goroutines may still report into it.
var current = &specState{}

func (s *specState) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.race, s.verdict, s.detail = false, "", ""
	s.before = goroutineIDs()
	s.timeout = 0
}

// startBody records, as the spec's body starts, the spec's timeout.
func (s *specState) startBody(timeout time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.timeout = timeout
}

// specTimeout returns the running spec's timeout: DefaultTimeout until its
// body has started.
func (s *specState) specTimeout() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timeout == 0 {
		return DefaultTimeout
	}
	return s.timeout
}

// goroutinesBefore returns the goroutines that were alive when the spec
// started: none of them is the spec's.
func (s *specState) goroutinesBefore() map[uint64]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.before
}

func (s *specState) raced() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.race = true
}

func (s *specState) hasRaced() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.race
}

// set records v unless an earlier problem was recorded first.
func (s *specState) set(v verdict.Verdict) {
	s.setDetail(v, "")
}

func (s *specState) setDetail(v verdict.Verdict, detail string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.verdict == "" {
		s.verdict, s.detail = v, detail
	}
}

func (s *specState) snapshot() (race bool, v verdict.Verdict, detail string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.race, s.verdict, s.detail
}

// channel is the record channel the checker handed over, nil when the suite
// runs without the checker (plain go test): records then go to standard
// output alone.
var channel struct {
	sync.Mutex
	f   *os.File
	key []byte
	seq int
}

// openChannel takes the record channel named by verdict.ChannelEnv, if any,
// and reads the checker's Config from it.
func openChannel() (verdict.Config, bool, error) {
	fd, err := strconv.Atoi(os.Getenv(verdict.ChannelEnv))
	if err != nil {
		return verdict.Config{}, false, nil
	}
	// No process this one starts may inherit the channel, nor learn of it.
	syscall.CloseOnExec(fd)
	os.Unsetenv(verdict.ChannelEnv)
	f := os.NewFile(uintptr(fd), "threadlings-records")
	if f == nil {
		return verdict.Config{}, false, fmt.Errorf("spec: no file descriptor %d for records", fd)
	}
	// One line, read a byte at a time: nothing after it may be consumed.
	var line []byte
	b := make([]byte, 1)
	for {
		if _, err := f.Read(b); err != nil {
			return verdict.Config{}, false, fmt.Errorf("spec: reading the checker's configuration: %v", err)
		}
		if b[0] == '\n' {
			break
		}
		line = append(line, b[0])
	}
	var cfg verdict.Config
	if err := json.Unmarshal(line, &cfg); err != nil {
		return verdict.Config{}, false, fmt.Errorf("spec: the checker's configuration: %v", err)
	}
	key, err := hex.DecodeString(cfg.Key)
	if err != nil || len(key) == 0 {
		return verdict.Config{}, false, fmt.Errorf("spec: the checker's configuration has no key")
	}
	channel.Lock()
	channel.f, channel.key = f, key
	channel.Unlock()
	return cfg, true, nil
}

// emit writes r: sealed to the channel, when there is one, and to standard
// output, where it marks the start of a spec's output.
func emit(r verdict.Record) {
	channel.Lock()
	defer channel.Unlock()
	if channel.f != nil {
		channel.seq++
		channel.f.Write(r.Seal(channel.key, channel.seq))
	}
	os.Stdout.Write(r.Encode())
}

var _ = ginkgo.ReportBeforeSuite(func(report ginkgo.Report) {
	emit(verdict.Record{Kind: verdict.KindSuite, Total: report.PreRunStats.SpecsThatWillRun, DryRun: report.SuiteConfig.DryRun})
})

var _ = ginkgo.ReportAfterSuite("threadlings records", func(report ginkgo.Report) {
	emit(verdict.Record{Kind: verdict.KindSuiteEnd, Total: report.PreRunStats.SpecsThatWillRun, DryRun: report.SuiteConfig.DryRun})
})

var _ = ginkgo.ReportBeforeEach(func(report ginkgo.SpecReport) {
	current.reset()
	if skipped[report.FullText()] {
		return
	}
	emit(verdict.Record{
		Kind:   verdict.KindStart,
		Spec:   report.FullText(),
		File:   filepath.Base(report.LeafNodeLocation.FileName),
		Line:   report.LeafNodeLocation.LineNumber,
		Labels: report.Labels(),
		Points: points(report),
	})
})

var _ = ginkgo.ReportAfterEach(func(report ginkgo.SpecReport) {
	if skipped[report.FullText()] {
		return
	}
	r := verdict.Record{
		Kind:    verdict.KindEnd,
		Spec:    report.FullText(),
		File:    filepath.Base(report.LeafNodeLocation.FileName),
		Line:    report.LeafNodeLocation.LineNumber,
		Labels:  report.Labels(),
		Points:  points(report),
		Seconds: report.RunTime.Seconds(),
	}
	r.Verdict, r.Message, r.Where, r.Detail = judge(report)
	emit(r)
	if restartAfterTimeout && report.State.Is(types.SpecStateTimedout) {
		// Ginkgo abandoned the spec's goroutines, blocked or spinning: they
		// would share the process, and the CPU, with every later spec.
		emit(verdict.Record{Kind: verdict.KindRestart})
		os.Exit(restartExitCode)
	}
})

// restartAfterTimeout is set from RestartEnv when the suite starts.
var restartAfterTimeout bool

// restartExitCode is the status of a binary that exits to be restarted.
const restartExitCode = 3

// judge turns Ginkgo's report and the helpers' own findings into one verdict.
func judge(report types.SpecReport) (v verdict.Verdict, message, where, detail string) {
	race, found, foundDetail := current.snapshot()
	failure := report.Failure
	message = strings.TrimSpace(failure.Message)
	if report.State.Is(types.SpecStateSkipped) || report.State.Is(types.SpecStatePending) {
		return verdict.NotRun, message, "", ""
	}
	if report.State.Is(types.SpecStatePassed) {
		if race {
			// A race in a node that then passed: around failed it, so this
			// only happens if Ginkgo's state and ours disagree.
			return verdict.Race, raceMessage, "", ""
		}
		return verdict.Pass, "", "", ""
	}
	where = fileLine(learnerFrame(failure.Location.FullStackTrace))
	switch {
	case race && report.State.Is(types.SpecStateFailed|types.SpecStatePanicked) && message != raceMessage:
		// The spec found what went wrong in its own terms before the race
		// detector spoke: its message teaches the fix, and comes first.
		if report.State.Is(types.SpecStateFailed) && found == "" {
			where = fileLine(failure.Location.FileName, failure.Location.LineNumber)
		}
		if failure.ForwardedPanic != "" {
			message = "PANIC: " + failure.ForwardedPanic
		}
		return verdict.Race, message + "\n" + raceAfterFailure, where, ""
	case race:
		return verdict.Race, raceMessage, where, ""
	case found == verdict.Timeout:
		// A deadlock, seen by the watch or by a bubble; Ginkgo's timeout
		// may have fired as it was reported, with a message of its own.
		stuck := strings.Split(foundDetail, "\n")
		return found, deadlockMessage(stuck), firstWhere(stuck), foundDetail
	case found != "":
		return found, message, where, foundDetail
	case report.State.Is(types.SpecStateTimedout):
		if stuck := stuckAfterTimeout(); stuck != nil {
			return verdict.Timeout, deadlockMessage(stuck), firstWhere(stuck), strings.Join(stuck, "\n")
		}
		blocked := blockedGoroutines(failure.ProgressReport)
		return verdict.Timeout, timeoutMessage, firstWhere(blocked), strings.Join(blocked, "\n")
	case report.State.Is(types.SpecStatePanicked):
		if failure.ForwardedPanic != "" {
			message = "PANIC: " + failure.ForwardedPanic
		}
		if strings.Contains(failure.ForwardedPanic, "sync: negative WaitGroup counter") {
			message += "\n" + negativeWaitGroup
		}
		return verdict.Panic, message, where, failure.Location.FullStackTrace
	case report.State.Is(types.SpecStateFailed):
		return verdict.Fail, message, fileLine(failure.Location.FileName, failure.Location.LineNumber), ""
	default:
		// Interrupted or aborted: the suite was stopped under the spec.
		return verdict.Crash, message, where, ""
	}
}

// negativeWaitGroup explains the panic of a WaitGroup whose counter went
// below zero.
const negativeWaitGroup = "Done ran more often than Add: call Add(1) before the go statement, once per goroutine."

// raceAfterFailure follows the message of a spec that failed and raced.
const raceAfterFailure = "DATA RACE as well: the race detector saw two goroutines touch the same memory at the same time, and at least one of them wrote it. Fix what the spec says above first: the race may come from the same mistake. The race report names both accesses and where each goroutine started."

const timeoutMessage = "TIMEOUT: the spec ran out of time: something is blocked or looping. The goroutines of your code and where each one waits are listed below."

func fileLine(file string, line int) string {
	if file == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}

// firstWhere returns the place, file:line, named by the first of the
// descriptions of blocked goroutines that names one: "[chan send]
// goroutines.Download at goroutines.go:31, called from ..." gives
// "goroutines.go:31".
func firstWhere(blocked []string) string {
	for _, b := range blocked {
		_, after, ok := strings.Cut(b, " at ")
		if !ok {
			continue
		}
		if i := strings.IndexAny(after, ", "); i >= 0 {
			after = after[:i]
		}
		return after
	}
	return ""
}
