package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/explain"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

// The checker's copy of the timeline's heading is the spec helpers' own.
func TestTimelineHeadingIsTheGaugesOwn(t *testing.T) {
	b, err := os.ReadFile("../../../lessons/internal/spec/gauge.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "const TimelineHeading = \""+timelineHeading+"\"") {
		t.Errorf("spec.TimelineHeading is no longer %q", timelineHeading)
	}
}

// A failure shows the whole picture of who ran when, and still trims the
// expectation's own lines after it.
func TestFeedbackKeepsTheTimelineWhole(t *testing.T) {
	var rows []string
	for i := range 8 {
		rows = append(rows, "download "+string(rune('1'+i))+"   "+strings.Repeat(".", i)+"###"+strings.Repeat(".", 8-i))
	}
	var gomega []string
	for range 14 {
		gomega = append(gomega, "    <time.Duration>: 55000000000")
	}
	text := "the downloads ran one after another\n" + timelineHeading + "\n" + strings.Join(rows, "\n") +
		"\n             0s   10s   20s\nExpected\n" + strings.Join(gomega, "\n")
	for _, lang := range []string{msg.English, msg.Korean} {
		p := &render.Printer{Lang: lang}
		if got := timelineLines(p, msg.Feedback(lang, text)); got != 10 {
			t.Errorf("%s: the picture has %d lines, want 10 (heading, 8 rows, axis)", lang, got)
		}
		out := trimLines(p, msg.Feedback(lang, text), 12+timelineLines(p, msg.Feedback(lang, text)))
		if !strings.Contains(out, "download 8") || !strings.Contains(out, "0s   10s   20s") {
			t.Errorf("%s: the picture was cut:\n%s", lang, out)
		}
		if !strings.Contains(out, "Expected") || strings.Count(out, "55000000000") != 10 {
			t.Errorf("%s: want the expectation's first 10 lines after the picture:\n%s", lang, out)
		}
	}
}

// A spec that failed only by a WaitGroup's own race is told where Add goes,
// not to guard shared data; one whose expectation failed too keeps its own
// message first, with the advice on Add after the race's lines.
func TestFeedbackOnAWaitGroupRace(t *testing.T) {
	l := course.Lesson{Number: "01", Dir: "01-goroutines", Stubs: []string{"goroutines.go"}}
	b, err := os.ReadFile("../explain/testdata/waitgroup-race.txt") // the race of an Add inside the new goroutine
	if err != nil {
		t.Fatal(err)
	}
	wgRaceReport := string(b)
	for _, lang := range []string{msg.English, msg.Korean} {
		p := &render.Printer{Lang: lang}
		only := feedback(p, runner.Spec{Verdict: verdict.Race, Output: wgRaceReport,
			Message: "DATA RACE: two goroutines touched the same memory at the same time, and at least one of them wrote it. Guard the shared data with a mutex, a channel or an atomic. The race report names both accesses and where each goroutine started."}, l, nil, explained{})
		if !strings.HasPrefix(only, p.T(explain.WaitGroupRace)+"\n") || !strings.Contains(only, "goroutines.go:30") {
			t.Errorf("%s: want the WaitGroup's headline, then where the goroutine started:\n%s", lang, only)
		}
		if strings.Contains(only, p.T("Guard the shared data with a mutex, a channel or an atomic.")) || strings.Contains(only, p.T(explain.WaitGroupAdvice)) {
			t.Errorf("%s: the advice to guard data, or the advice twice:\n%s", lang, only)
		}
		also := feedback(p, runner.Spec{Verdict: verdict.Race, Output: wgRaceReport,
			Message: "Join returned before every goroutine had finished\nDATA RACE as well: the race detector saw two goroutines touch the same memory at the same time, and at least one of them wrote it. Fix what the spec says above first: the race may come from the same mistake. The race report names both accesses and where each goroutine started."}, l, nil, explained{})
		if !strings.HasPrefix(also, p.T("Join returned before every goroutine had finished")) || !strings.HasSuffix(also, p.T(explain.WaitGroupAdvice)+"\n") {
			t.Errorf("%s: want the spec's message first and the advice on Add last:\n%s", lang, also)
		}
	}
}

// One mistake that deadlocks several specs is explained under the first of
// them; the next name it instead of repeating the paragraph, and a block
// identical to one above is a single line. -v still shows every block whole.
func TestADeadlockIsExplainedOnce(t *testing.T) {
	src := "package lock\n\nimport \"sync\"\n\ntype Account struct {\n\tmu      sync.Mutex\n\tbalance int\n}\n\n" +
		"func (a *Account) Balance() int {\n\ta.mu.Lock()\n\tdefer a.mu.Unlock()\n\treturn a.balance\n}\n\n" +
		"func (a *Account) Update(f func(int) int) {\n\ta.mu.Lock()\n\tdefer a.mu.Unlock()\n\ta.balance = f(a.Balance())\n}\n"
	path := t.TempDir() + "/account.go"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	const head = "DEADLOCK: every goroutine this spec started is blocked, and none of them can ever wake another: at least one waits for a mutex that nobody will unlock. The blocked goroutines of your code:"
	stuck := "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:11, called from 04-lock.(*Account).Update at account.go:19"
	spec := func(name, detail string) runner.Spec {
		return runner.Spec{Name: name, Verdict: verdict.Timeout, Message: head, Detail: detail}
	}
	res := &runner.Result{
		Lesson:  course.Lesson{Number: "04", Dir: "04-lock", Stubs: []string{"account.go"}},
		Sources: map[string]string{"account.go": path},
		Specs: []runner.Spec{
			spec("Account zero value is safe", stuck+"\n[sync.Mutex.Lock] 04-lock.(*Account).Deposit at account.go:20"),
			spec("Account runs Update's function under the lock", stuck),
			spec("Account stays usable after a panic in Update", stuck),
		},
	}
	for _, lang := range []string{msg.English, msg.Korean} {
		var b strings.Builder
		p := &render.Printer{W: &b, Lang: lang}
		printResult(p, res, false, false)
		out := b.String()
		cause := p.T("A sync.Mutex is not re-entrant")
		if lang == msg.English && strings.Count(out, cause) != 1 {
			t.Errorf("%s: want the cause explained once:\n%s", lang, out)
		}
		if !strings.Contains(out, p.Tf("The cause is explained under “%s” above.", msg.Spec(lang, "Account zero value is safe"))) ||
			!strings.Contains(out, p.Tf("The same failure as under “%s” above.\n", msg.Spec(lang, "Account runs Update's function under the lock"))) {
			t.Errorf("%s: want the second spec to name the first, and the third the second:\n%s", lang, out)
		}
		if strings.Count(out, p.T(head)) != 2 {
			t.Errorf("%s: want the deadlock's headline under the first two specs only:\n%s", lang, out)
		}
		b.Reset()
		printResult(p, res, true, false)
		if lang == msg.English && strings.Count(b.String(), cause) != 3 {
			t.Errorf("%s: -v shows every block whole:\n%s", lang, b.String())
		}
	}
}
