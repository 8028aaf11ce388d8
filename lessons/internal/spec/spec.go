// Package spec runs a lesson's Ginkgo specs the way threadlings needs them.
//
// A lesson suite has one entry point and one TestMain:
//
//	func TestGoroutines(t *testing.T) { spec.Run(t, "01 goroutines") }
//	func TestMain(m *testing.M)      { spec.Main(m) }
//
// Everything else applies to every spec of the suite without the author
// asking for it:
//
//   - each spec body runs inside a real subtest of the suite's *testing.T, so
//     the race detector fails the spec that raced (a race never fails a
//     plain Ginkgo spec: only the process exit status shows it);
//   - every It gets a SpecTimeout of DefaultTimeout unless it sets its own, so
//     a blocked spec is a timeout and the suite goes on;
//   - a goroutine that a spec started and that is still running when the spec
//     ends fails the spec as a leak (gomega's gleak against a per-spec
//     baseline);
//   - a start and an end record for each spec are printed to standard output
//     (see package verdict), which survive a crash of the binary and are
//     replayed by go test for a cached run.
//
// Specs about time opt in to a testing/synctest bubble with the Bubble
// decorator. A bubble spec's body must not take a SpecContext: the context
// belongs to Ginkgo, outside the bubble, and the bubble must not touch it.
package spec

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/ginkgo/v2/types"
	"github.com/onsi/gomega"

	"github.com/threadlings/threadlings/internal/verdict"
)

// DefaultTimeout is the real time a spec may take unless it sets its own
// SpecTimeout. Specs about time use fake time in a Bubble, so a correct
// answer finishes far inside it; a spec whose goroutines run in real time
// needs milliseconds of it on a quiet machine, and the rest is for a machine
// so busy that a goroutine waits long for a core (one second was once too
// little, under the race detector with ten times more work than cores).
const DefaultTimeout = 2 * time.Second

// gracePeriod is how long Ginkgo waits for a timed-out spec to return before
// it abandons the spec and goes on.
const gracePeriod = 100 * time.Millisecond

// Environment variables that the checker sets. go test keys its result cache
// on the environment variables a test reads, so a cached run is never
// replayed for a different setting.
const (
	// SkipEnv lists, one per line, the full texts of specs not to run: the
	// checker's way to re-run what is left after a crash.
	SkipEnv = "THREADLINGS_SKIP"
	// DryRunEnv, when set, lists the specs without running them.
	DryRunEnv = "THREADLINGS_DRY_RUN"
	// SeedEnv, when set to a number, shuffles every spec with that seed.
	SeedEnv = "THREADLINGS_SEED"
	// RestartEnv, when set, makes the binary exit after a spec that timed
	// out (see verdict.KindRestart); the checker runs the rest again.
	RestartEnv = "THREADLINGS_RESTART"
)

const (
	bubbleLabel = "synctest"
	pointsLabel = "points:"
)

// Bubble is a decorator that runs a spec inside a testing/synctest bubble:
// time is fake and advances only when every goroutine of the bubble is
// blocked, so time.Sleep(time.Hour) returns at once and exactly an hour
// later, and a bubble whose goroutines are all blocked fails at once as a
// deadlock. Every goroutine the spec starts must have ended when the spec
// returns.
var Bubble = ginkgo.Label(bubbleLabel)

// Points is a decorator that makes a spec worth n points in a grade. A spec
// without it is worth 1.
func Points(n int) ginkgo.Labels {
	return ginkgo.Label(pointsLabel + strconv.Itoa(n))
}

// suiteT is the suite's *testing.T, kept so that every spec body can run
// inside a subtest of it.
var suiteT *testing.T

// Run runs the suite's specs. It is the body of the suite's only Test
// function and must be called once.
func Run(t *testing.T, description string) {
	t.Helper()
	suiteT = t
	cfg, err := mainConfig, mainConfigErr
	if !mainRan {
		cfg, err = runConfig()
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range cfg.Skip {
		skipped[name] = true
	}
	gomega.RegisterFailHandler(ginkgo.Fail)
	suiteConfig, reporterConfig := ginkgo.GinkgoConfiguration()
	suiteConfig.GracePeriod = gracePeriod
	if cfg.Seed != 0 {
		suiteConfig.RandomSeed = cfg.Seed
		suiteConfig.RandomizeAllSpecs = true
	}
	suiteConfig.DryRun = cfg.DryRun
	restartAfterTimeout = cfg.Restart
	reporterConfig.NoColor = true
	reporterConfig.Succinct = true
	ginkgo.RunSpecs(t, description, suiteConfig, reporterConfig, ginkgo.AroundNode(around))
}

// skipped is the set of specs the checker asked not to run.
var skipped = map[string]bool{}

// mainConfig is what Main read, when the suite's TestMain calls it.
var (
	mainRan       bool
	mainConfig    verdict.Config
	mainConfigErr error
)

// runConfig says how to run: from the checker's record channel when there
// is one, which the code under test cannot change; otherwise, for a kit
// author's plain go test, from the environment. It is read in Run, not at
// package initialisation: go test keys its cache only on the variables read
// while tests run.
func runConfig() (verdict.Config, error) {
	cfg, ok, err := openChannel()
	if ok || err != nil {
		return cfg, err
	}
	for _, name := range strings.Split(os.Getenv(SkipEnv), "\n") {
		if name != "" {
			cfg.Skip = append(cfg.Skip, name)
		}
	}
	if seed, err := strconv.ParseInt(os.Getenv(SeedEnv), 10, 64); err == nil {
		cfg.Seed = seed
	}
	cfg.DryRun = os.Getenv(DryRunEnv) != ""
	cfg.Restart = os.Getenv(RestartEnv) != ""
	return cfg, nil
}

func inBubble(report types.SpecReport) bool {
	return slices.Contains(report.Labels(), bubbleLabel)
}

func points(report types.SpecReport) int {
	for _, l := range report.Labels() {
		if n, err := strconv.Atoi(strings.TrimPrefix(l, pointsLabel)); err == nil && strings.HasPrefix(l, pointsLabel) {
			return n
		}
	}
	return 1
}

// Every It is given a timeout, and a context so that Ginkgo can enforce it.
// Its body records the timeout as it starts, for the leak check, which must
// end within the same time.
var _ = ginkgo.AddTreeConstructionNodeArgsTransformer(addTimeout)

func addTimeout(nodeType types.NodeType, _ ginkgo.Offset, text string, args []any) (string, []any, []error) {
	if !nodeType.Is(types.NodeTypeIt) {
		return text, args, nil
	}
	timeout, bubble, takesContext := time.Duration(0), false, false
	body := -1
	for i, arg := range args {
		switch a := arg.(type) {
		case ginkgo.SpecTimeout:
			timeout = time.Duration(a)
		case ginkgo.Labels:
			bubble = bubble || slices.Contains(a, bubbleLabel)
		case func():
			args[i] = func(ginkgo.SpecContext) { a() }
			body = i
		case func(ginkgo.SpecContext), func(context.Context):
			takesContext = true
			body = i
		}
	}
	if bubble && takesContext {
		return text, args, []error{fmt.Errorf("spec %q runs in a synctest bubble and must not take a SpecContext: make a context inside the body instead", text)}
	}
	if timeout == 0 {
		timeout = DefaultTimeout
		args = append(args, ginkgo.SpecTimeout(timeout))
	}
	if body < 0 {
		return text, args, nil // Ginkgo reports an It without a body
	}
	switch a := args[body].(type) {
	case func(ginkgo.SpecContext):
		args[body] = func(ctx ginkgo.SpecContext) {
			current.startBody(timeout)
			a(ctx)
		}
	case func(context.Context):
		args[body] = func(ctx context.Context) {
			current.startBody(timeout)
			a(ctx)
		}
	}
	return text, args, nil
}
