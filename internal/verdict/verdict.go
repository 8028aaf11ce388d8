// Package verdict defines the outcome of one spec and the line protocol that
// carries it from a lesson's test binary to the checker.
//
// A lesson suite writes one Record per line: a "suite" record when the suite
// starts, a "start" record before each spec, an "end" record after it, and a
// "suite-end" record when the suite is done. A start with no end names the
// spec that was running when the binary died.
//
// Under the checker the records travel over a channel of their own, a socket
// that the checker hands the test binary as a file descriptor (ChannelEnv
// names it). The checker first sends a Config down the channel: how to run,
// and a key for this run alone. Every record is then sealed with that key
// and numbered (Record.Seal), so the checker can tell a record of the spec
// helpers from anything else: the code under test shares the process, but
// cannot name the descriptor, and a socket cannot be opened again through
// /proc. Records on standard output (Record.Encode, behind Marker) only say
// where each spec's output begins; they decide nothing.
package verdict

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
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
	Forbidden  Verdict = "forbidden"   // the lesson's code uses something it may not (see the checker's allow package)
	Tampered   Verdict = "tampered"    // the run's records cannot be trusted, or spec files were edited (grading)
)

// All lists every verdict in report order.
var All = []Verdict{Pass, Fail, Panic, Timeout, Race, Leak, Crash, NotRun, BuildError, Forbidden, Tampered}

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
	// KindSuiteEnd says the suite ran to its end.
	KindSuiteEnd = "suite-end"
)

// ChannelEnv names the environment variable that holds the number of the
// file descriptor of the record channel.
const ChannelEnv = "THREADLINGS_CHANNEL"

// Config is what the checker sends down the channel, as one JSON line,
// before the suite runs.
type Config struct {
	Key     string   `json:"key"`               // the run's sealing key, hex
	Skip    []string `json:"skip,omitempty"`    // full texts of specs not to run
	DryRun  bool     `json:"dryRun,omitempty"`  // list the specs, run none
	Seed    int64    `json:"seed,omitempty"`    // shuffle the specs with this seed; 0: file order
	Restart bool     `json:"restart,omitempty"` // exit after a spec that timed out (KindRestart)
}

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

	// Sealed records (see Seal).
	Seq int    `json:"seq,omitempty"` // 1 for the first record of a run, then one more for each
	MAC string `json:"mac,omitempty"` // HMAC-SHA256 of the record with MAC empty, hex
}

// Seal numbers r as the seq-th record of a run and returns it as one line,
// newline included, with its MAC under key.
func (r Record) Seal(key []byte, seq int) []byte {
	r.Seq, r.MAC = seq, ""
	r.MAC = mac(key, r.json())
	return append(r.json(), '\n')
}

// ErrForged is the error of a channel line that is not a record sealed with
// the run's key.
var ErrForged = errors.New("not a record sealed with this run's key")

// Open reads a line written by Seal and checks its MAC under key. Whether
// its number is the one expected is the reader's to check.
func Open(line []byte, key []byte) (Record, error) {
	var r Record
	if err := json.Unmarshal(line, &r); err != nil {
		return Record{}, fmt.Errorf("%w: %v", ErrForged, err)
	}
	got := r.MAC
	r.MAC = ""
	if got == "" || !hmac.Equal([]byte(got), []byte(mac(key, r.json()))) {
		return Record{}, ErrForged
	}
	r.MAC = got
	return r, nil
}

func (r Record) json() []byte {
	b, err := json.Marshal(r)
	if err != nil {
		// Record holds only strings, numbers and bools.
		panic("verdict: cannot encode record: " + err.Error())
	}
	return b
}

func mac(key, b []byte) string {
	h := hmac.New(sha256.New, key)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// Encode encodes r as one line of standard output, behind Marker, newline
// included.
func (r Record) Encode() []byte {
	return append(append([]byte(Marker), r.json()...), '\n')
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
