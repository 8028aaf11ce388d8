package bench

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func secsList(ss ...float64) []time.Duration {
	var out []time.Duration
	for _, s := range ss {
		out = append(out, time.Duration(s*float64(time.Second)))
	}
	return out
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := median(secsList(c.in...)).Seconds(); got != c.want {
			t.Errorf("median(%v) = %v; want %v", c.in, got, c.want)
		}
	}
}

func TestMarkdownJudgesTargets(t *testing.T) {
	r := &Report{
		Runs: 5, SlowRuns: 5,
		Edit: []EditRow{
			{Lesson: "01-goroutines", Checker: Row{Times: secsList(1.2, 1.3, 1.1)}, Exit: Row{Times: secsList(1.6, 1.5, 1.7)}, Raw: Row{Times: secsList(1.3, 1.4, 1.2)}},
			{Lesson: "02-thread", Checker: Row{Times: secsList(1.4)}, Raw: Row{Times: secsList(1.3)}},
		},
		Verify: []Row{{Name: "verify, results cached", Times: secsList(0.4)}},
		Grade: []Row{
			{Name: "one job", Times: secsList(30)},
			{Name: "every core", Times: secsList(20)},
			{Name: "naive", Times: secsList(80)},
		},
		Sandbox: []Row{
			{Name: "sandboxed", Times: secsList(23, 22, 24)},
			{Name: "without", Times: secsList(20, 21, 19)},
		},
	}
	var b strings.Builder
	r.Markdown(&b)
	md := b.String()
	for _, want := range []string{
		"| edit-to-verdict through the checker under 1.5 s (median over lessons) | 1.30 s | met |",
		"| checker no slower than raw `go test -race` | 1 of 2 lessons | **missed** |",
		"| whole-course verify under 20 s, warm | 0.4 s | met |",
		"| grading with every core at least 1.8× faster than one job | 1.50× | **missed** |",
		"| grading with every core at least 2.0× faster than the naive loop | 4.00× | met |",
		"| 01-goroutines | 1.20 s | 1.10–1.30 | 1.60 s | 1.30 s | 1.20–1.40 | 0.92 |",
		"### Why every core is not 1.8× one job",
		"| grading in the sandbox at most 1.10× without it | 1.15× | **missed** |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q:\n%s", want, md)
		}
	}
}

func TestMarkerNotesTheFirstVerdictLine(t *testing.T) {
	m := &marker{pattern: verdictLine, start: time.Now().Add(-time.Second)}
	for _, chunk := range []string{"building…\n  ✗ fail  Group", " Start\n01-gorou", "tines: 0 of 27 specs pass; 27 fail (1.2s)."} {
		m.Write([]byte(chunk))
		if m.at != 0 {
			t.Fatalf("the verdict line was noted before it was whole, after %q", chunk)
		}
	}
	m.Write([]byte("\nNotes from go vet\n"))
	if m.at < time.Second {
		t.Errorf("at = %v, want the time since start when the summary line ended", m.at)
	}
}

// A bench of one section keeps the others from an earlier report, through
// its JSON, and says which bench measured what.
func TestCarryKeepsWhatThisBenchDidNotMeasure(t *testing.T) {
	then := Machine{Commit: "aaaaaaa", Date: time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC), Load: "0.10 0.20 0.30"}
	now := Machine{Commit: "bbbbbbb", Date: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), Load: "1.00 1.00 1.00"}
	prev := &Report{
		Edit:     []EditRow{{Lesson: "01-goroutines", Checker: Row{Times: secsList(9)}, Raw: Row{Times: secsList(9)}}},
		Verify:   []Row{{Name: "verify, results cached", Times: secsList(0.4)}},
		Measured: map[string]Provenance{"edit": {Machine: then, Runs: 3}, "verify": {Machine: then, Runs: 3, SlowRuns: 1}},
	}
	b, err := json.Marshal(prev)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	r := &Report{
		Machine:  now,
		Edit:     []EditRow{{Lesson: "01-goroutines", Checker: Row{Times: secsList(1.2)}, Raw: Row{Times: secsList(1.5)}}},
		Measured: map[string]Provenance{"edit": {Machine: now, Runs: 5}},
	}
	r.Carry(&back)
	if got := r.Edit[0].Checker.Median().Seconds(); got != 1.2 {
		t.Errorf("the edit section measured now was replaced: %v s", got)
	}
	if len(r.Verify) != 1 || r.Measured["verify"].Machine.Commit != "aaaaaaa" {
		t.Fatalf("the verify section was not carried: %+v, %+v", r.Verify, r.Measured)
	}
	var md strings.Builder
	r.Markdown(&md)
	s := md.String()
	verify := s[strings.Index(s, "## 2. Verify"):]
	if !strings.Contains(verify, "*Measured by an earlier bench: commit aaaaaaa, 2026-11-01 10:00 UTC, load average at start 0.10 0.20 0.30, medians of 3 runs (1 for the slow rows).*") {
		t.Errorf("the verify section does not say which bench measured it:\n%s", verify)
	}
	edit := s[strings.Index(s, "## 1. Edit"):strings.Index(s, "## 2. Verify")]
	if strings.Contains(edit, "earlier bench") {
		t.Errorf("the edit section, measured now, claims an earlier bench:\n%s", edit)
	}
	if !strings.Contains(s, "verify come from earlier ones") {
		t.Errorf("the report does not list the carried sections:\n%s", s)
	}
}
