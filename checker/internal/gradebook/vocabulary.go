package gradebook

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/threadlings/threadlings/checker/internal/grade"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Outcome is what every format says about a spec, whatever its own words:
// it passed, it failed (the spec ran against the student's code and the
// code did not do what the spec asks), or it is an error (the spec could
// not judge the code at all).
type Outcome string

// The outcomes.
const (
	Passed Outcome = "pass"
	Failed Outcome = "fail"
	Error  Outcome = "error"
)

// OutcomeOf maps a verdict to its outcome. A panic, a timeout, a data race,
// a leak and a crash are the student's code misbehaving under the spec:
// failures. A build error, forbidden code, a tampered run and a spec that
// never ran leave the spec unable to judge: errors.
func OutcomeOf(v verdict.Verdict) Outcome {
	switch v {
	case verdict.Pass:
		return Passed
	case verdict.Fail, verdict.Panic, verdict.Timeout, verdict.Race, verdict.Leak, verdict.Crash:
		return Failed
	default:
		return Error
	}
}

// Meanings says in a learner's words what each verdict means; the
// README's instructor section shows the same table.
var Meanings = map[verdict.Verdict]string{
	verdict.Pass:       "the spec passed",
	verdict.Fail:       "an expectation of the spec was not met",
	verdict.Panic:      "your code panicked while the spec ran",
	verdict.Timeout:    "the spec did not finish in time: a deadlock, or something that never returns",
	verdict.Race:       "the race detector found a data race while the spec ran",
	verdict.Leak:       "a goroutine your code started was still running after the spec",
	verdict.Crash:      "the whole test program died during this spec",
	verdict.NotRun:     "the spec could not run: the submission could not be read, or the program died before it",
	verdict.BuildError: "the lesson does not compile, so no spec of it could run",
	verdict.Forbidden:  "the lesson's code uses what the lesson does not allow, so no spec of it was run",
	verdict.Tampered:   "the run's records could not be trusted, so no spec of it counts",
}

// headline is the first line of what a learner reads about a spec that
// did not pass, the same in every format: "failed [panic]: your code
// panicked while the spec ran".
func headline(v verdict.Verdict) string {
	word := "failed"
	if OutcomeOf(v) == Error {
		word = "error"
	}
	return fmt.Sprintf("%s [%s]: %s", word, v, Meanings[v])
}

// goTestLine matches what go test and the testing package print about
// tests: never the student's, and confusing beside a spec's verdict (a
// race's "--- FAIL" of a spec that then reads "--- PASS: …#01").
var goTestLine = regexp.MustCompile(`^\s*(=== (RUN|PAUSE|CONT|NAME)\s|--- (PASS|FAIL|SKIP): |(PASS|FAIL|ok)\s*$|testing\.go:\d+: race detected|exit status \d+\s*$|FAIL\s+\S+\s+[\d.]+s\s*$)`)

// traceStart matches the first line of what the Go runtime prints when a
// program dies or a race is found.
var traceStart = regexp.MustCompile(`^(panic: |fatal error: |\[signal |goroutine \d+ \[|SIGQUIT|WARNING: DATA RACE|==================\s*$)`)

// splitOutput parts what was printed while a spec ran into what the
// student's code printed and what the Go runtime printed about it (race
// reports, crash traces), leaving out go test's own lines.
func splitOutput(out string) (prints, trace string) {
	var p, t strings.Builder
	inTrace := false
	inRace := false
	for _, line := range strings.SplitAfter(out, "\n") {
		if line == "" || goTestLine.MatchString(line) {
			continue
		}
		bare := strings.TrimRight(line, "\n")
		switch {
		case inRace:
			t.WriteString(line)
			if strings.TrimSpace(bare) == "==================" {
				inRace = false
			}
			continue
		case strings.TrimSpace(bare) == "==================":
			inRace = true
			t.WriteString(line)
			continue
		case !inTrace && traceStart.MatchString(bare):
			inTrace = true
		}
		if inTrace {
			t.WriteString(line)
		} else {
			p.WriteString(line)
		}
	}
	return p.String(), t.String()
}

// cut keeps at most max bytes of s, on a character boundary, saying how
// much was cut.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	keep := max
	for keep > 0 && !utf8.RuneStart(s[keep]) {
		keep--
	}
	return s[:keep] + fmt.Sprintf("\n[%d more bytes cut]", len(s)-keep)
}

// cutRunes keeps s within max characters in all, the note included.
func cutRunes(s string, max int, note string) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	room := max - utf8.RuneCountInString(note)
	if room < 0 {
		room = 0
	}
	r := []rune(s)
	return string(r[:room]) + note
}

// where is the place in the student's code a spec points at, as a path
// from the kit's root.
func where(l grade.Lesson, sp grade.Spec) string {
	if sp.Where == "" {
		return ""
	}
	if strings.Contains(sp.Where, "/") || l.Path == "" {
		return sp.Where
	}
	return l.Path + "/" + sp.Where
}

// specText is what a learner reads about a spec that did not pass: the
// headline, the spec's message, where, and the Go runtime's report (a
// race, a crash), at most max bytes of the message and of the report
// each. It is "" for a spec that passed.
func specText(l grade.Lesson, sp grade.Spec, max int) string {
	if sp.Verdict.Passed() {
		return ""
	}
	var b strings.Builder
	b.WriteString(headline(sp.Verdict))
	if sp.Message != "" {
		b.WriteString("\n" + cut(sp.Message, max))
	}
	if w := where(l, sp); w != "" {
		b.WriteString("\nat " + w)
	}
	if _, trace := splitOutput(sp.Output); trace != "" && max > 0 {
		b.WriteString("\n" + cut(strings.TrimRight(trace, "\n"), max))
	}
	return b.String()
}

// lessonNotes are a lesson's problems that no single spec owns, each cut
// to max bytes.
func lessonNotes(l grade.Lesson, max int) string {
	var parts []string
	if len(l.Tampered) > 0 {
		parts = append(parts, "TAMPERED: the kit's spec files were changed; they were graded from the instructor's copy: "+strings.Join(l.Tampered, ", "))
	}
	if len(l.Forbidden) > 0 {
		parts = append(parts, "FORBIDDEN: "+cut(strings.Join(l.Forbidden, "\n"), max))
	}
	if l.BuildError != "" {
		parts = append(parts, "BUILD ERROR:\n"+cut(l.BuildError, max))
	}
	if l.Note != "" {
		parts = append(parts, cut(l.Note, max))
	}
	return strings.Join(parts, "\n")
}
