// Package verdict defines the outcome of one spec and the line protocol that
// carries it from a lesson's test binary to the checker.
//
// A lesson suite prints one Record per line to standard output, behind
// Marker: a "suite" record when the suite starts, a "start" record before each
// spec and an "end" record after it. Standard output is what go test replays
// for a cached run and what survives a crash of the test binary, so a start
// with no end names the spec that was running when the binary died.
package verdict

import (
	"encoding/json"
	"strings"
)

// Verdict is the outcome of one spec. Every spec ends in exactly one verdict.
type Verdict string

// The verdicts, in the order a report lists them.
const (
	Pass       Verdict = "pass"        // the spec passed
	Fail       Verdict = "fail"        // an expectation failed
	Panic      Verdict = "panic"       // the code under test panicked on the spec's goroutine
	Timeout    Verdict = "timeout"     // the spec did not finish in time, or deadlocked
	Race       Verdict = "race"        // the race detector reported a data race during the spec
	Leak       Verdict = "leak"        // a goroutine the spec started outlived it
	Crash      Verdict = "crash"       // the test binary died during the spec
	NotRun     Verdict = "not-run"     // the spec could not be run (the binary died before it)
	BuildError Verdict = "build-error" // the lesson does not compile
	Tampered   Verdict = "tampered"    // the lesson's spec files were edited (grading only)
)

// All lists every verdict in report order.
var All = []Verdict{Pass, Fail, Panic, Timeout, Race, Leak, Crash, NotRun, BuildError, Tampered}

// Passed reports whether v is Pass.
func (v Verdict) Passed() bool { return v == Pass }

// Marker starts every record line. It may follow other text on the same
// line, because a test's own output may not end with a newline.
const Marker = "##threadlings## "

// Record kinds.
const (
	KindSuite = "suite" // the suite is about to run Total specs
	KindStart = "start" // a spec is about to run
	KindEnd   = "end"   // a spec finished with Verdict
	// KindRestart says the binary is about to exit after a spec that timed
	// out, because goroutines it abandoned may still be running and could
	// disturb the specs after it; the rest must run in a fresh process.
	KindRestart = "restart"
)

// Record is one line of the protocol.
type Record struct {
	Kind string `json:"kind"`

	// Suite records.
	Total  int  `json:"total,omitempty"`  // specs in the suite
	DryRun bool `json:"dryRun,omitempty"` // specs were listed, not run

	// Start and end records.
	Spec   string   `json:"spec,omitempty"`   // the spec's full text: containers and It, joined by spaces
	File   string   `json:"file,omitempty"`   // the spec file, base name
	Line   int      `json:"line,omitempty"`   // the It's line in File
	Labels []string `json:"labels,omitempty"` // Ginkgo labels
	Points int      `json:"points,omitempty"` // what the spec is worth; 1 unless labelled

	// End records.
	Verdict Verdict `json:"verdict,omitempty"`
	Message string  `json:"message,omitempty"` // the failure in the learner's terms
	Where   string  `json:"where,omitempty"`   // file:line in the learner's own code, when known
	Detail  string  `json:"detail,omitempty"`  // a stack, a goroutine summary or a race report
	Seconds float64 `json:"seconds,omitempty"` // real time the spec took
}

// Encode encodes r as one protocol line, newline included.
func (r Record) Encode() []byte {
	b, err := json.Marshal(r)
	if err != nil {
		// Record holds only strings, numbers and bools.
		panic("verdict: cannot encode record: " + err.Error())
	}
	return append(append([]byte(Marker), b...), '\n')
}

// Parse finds a record in one line of output. It reports false when the line
// carries no record.
func Parse(line string) (Record, bool) {
	i := strings.Index(line, Marker)
	if i < 0 {
		return Record{}, false
	}
	var r Record
	if err := json.Unmarshal([]byte(strings.TrimSpace(line[i+len(Marker):])), &r); err != nil {
		return Record{}, false
	}
	return r, r.Kind != ""
}
