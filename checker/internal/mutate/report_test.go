package mutate

import (
	"strings"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/internal/verdict"
)

func TestClassify(t *testing.T) {
	pass := runner.Spec{Name: "a passes", Verdict: verdict.Pass}
	for _, c := range []struct {
		name string
		res  runner.Result
		want Status
		why  string
	}{
		{"every spec passes", runner.Result{Specs: []runner.Spec{pass, pass}}, Survived, ""},
		{"a spec fails", runner.Result{Specs: []runner.Spec{pass, {Name: "b waits", Verdict: verdict.Timeout}, {Name: "c", Verdict: verdict.Race}}}, Killed, "1 timeout, 1 race: first: b waits"},
		{"a leak", runner.Result{Specs: []runner.Spec{{Name: "d", Verdict: verdict.Leak}}}, Killed, "1 leak: first: d"},
		{"a crash before any spec", runner.Result{Note: "exited early"}, Killed, "no spec failed (exited early)"},
		{"no compile", runner.Result{BuildError: "# pkg\n./x.go:3: undefined: time"}, Invalid, "does not compile: ./x.go:3: undefined: time"},
		{"forbidden", runner.Result{Forbidden: []string{"x.go:3: unsafe"}, Specs: []runner.Spec{{Verdict: verdict.Forbidden}}}, Invalid, "uses what the lesson may not: x.go:3: unsafe"},
		{"a build that took too long", runner.Result{BuildError: "slow", BuildTimedOut: true}, Errored, "the build did not finish in time"},
	} {
		got, why := classify(&c.res)
		if got != c.want || why != c.why {
			t.Errorf("%s: classify = %s, %q; want %s, %q", c.name, got, why, c.want, c.why)
		}
	}
}

func TestScore(t *testing.T) {
	r := &Report{Lesson: fixture, Specs: 3}
	for _, s := range []Status{Killed, Killed, Killed, Survived, Equivalent, Invalid} {
		r.Outcomes = append(r.Outcomes, Outcome{Mutant: Mutant{ID: "f.go:F:close-drop#" + string(s), Diff: "--- a\n+++ b\n"}, Status: s, Why: "why " + string(s)})
	}
	if got := r.Score(); got != 0.75 {
		t.Errorf("Score = %v, want 3 killed of 4 that count = 0.75", got)
	}
	if r.OK() {
		t.Error("OK with a survivor")
	}
	md := Markdown("Measured today.", []QualityRow{Row(r, 11)}, []*Report{r})
	for _, want := range []string{
		"Measured today.",
		"| 99-fixture | 3 | 11 | 6 | 3 | 1 | 1 | 1 | 75.0% |",
		"- `f.go:F:close-drop#equivalent`: ",
		"why equivalent",
		"Survivors (1):",
		"`f.go:F:close-drop#survived` (line 0)",
		"```diff\n--- a\n+++ b\n```",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "close-drop#killed") {
		t.Error("Markdown shows a killed mutant")
	}
	if empty := (&Report{}); empty.Score() != 1 || !empty.OK() {
		t.Error("a lesson with no mutants: score 1 and OK")
	}
}
