package runner

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Caps on what a run may make the checker keep: a learner's program may
// print without end.
const (
	rawCap        = 1 << 20   // everything go test printed
	specOutputCap = 32 << 10  // what one spec printed
	lineCap       = 256 << 10 // one line
)

// pass is what one run of a test binary said: verdicts from the sealed
// records of its channel, output from its standard output and error.
type pass struct {
	lesson course.Lesson
	key    []byte // the run's sealing key

	// From the record channel.
	seq        int // records read
	total      int // from the suite record; -1 if the suite never started
	ended      []Spec
	endedSet   map[string]bool
	open       *verdict.Record // the spec running now
	crashed    *Spec           // the spec that was running when the binary died
	restart    bool            // the binary exited after a timeout, to run the rest afresh
	suiteEnded bool
	tampered   string // why the channel cannot be trusted; "" while it can

	// From standard output and error.
	outSpec string                      // the spec whose output is arriving, by the markers
	outputs map[string]*strings.Builder // what each spec printed
	tail    strings.Builder             // output outside any spec
	partial strings.Builder             // an output line still arriving
	raw     strings.Builder

	killed  bool // the run was killed at its hard limit
	exitErr bool // the binary exited with an error

	overMu    sync.Mutex
	overLimit string // why the run was stopped for using too much, if it was
}

func (p *pass) setOverLimit(why string) {
	p.overMu.Lock()
	defer p.overMu.Unlock()
	p.overLimit = why
}

func (p *pass) over() string {
	p.overMu.Lock()
	defer p.overMu.Unlock()
	return p.overLimit
}

func newPass(l course.Lesson, key []byte) *pass {
	return &pass{lesson: l, key: key, total: -1, endedSet: map[string]bool{}, outputs: map[string]*strings.Builder{}}
}

// readRecords consumes the record channel.
func (p *pass) readRecords(r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := readLine(br, lineCap)
		if line = bytes.TrimSuffix(line, []byte("\n")); len(line) > 0 {
			p.record(line)
		}
		if err != nil {
			return
		}
	}
}

// record takes one line of the channel. Anything but the next record of
// the suite, sealed with the run's key, makes the whole run untrustworthy.
func (p *pass) record(line []byte) {
	if p.tampered != "" {
		return
	}
	rec, err := verdict.Open(line, p.key)
	if err != nil {
		p.tamper("a line on the record channel was not written by the spec helpers")
		return
	}
	p.seq++
	switch {
	case rec.Seq != p.seq:
		p.tamper(fmt.Sprintf("record %d arrived where record %d was due", rec.Seq, p.seq))
	case rec.Kind == verdict.KindSuite && p.total < 0:
		p.total = rec.Total
	case p.total < 0 || p.suiteEnded:
		p.tamper(fmt.Sprintf("a %q record outside the suite", rec.Kind))
	case rec.Kind == verdict.KindStart && p.open == nil && !p.endedSet[rec.Spec]:
		p.open = &rec
	case rec.Kind == verdict.KindEnd && p.open != nil && p.open.Spec == rec.Spec:
		p.endedSet[rec.Spec] = true
		p.ended = append(p.ended, specFromRecord(rec))
		p.open = nil
	case rec.Kind == verdict.KindRestart && p.open == nil:
		p.restart = true
	case rec.Kind == verdict.KindSuiteEnd && p.open == nil:
		p.suiteEnded = true
	default:
		p.tamper(fmt.Sprintf("a %q record out of order (spec %q)", rec.Kind, rec.Spec))
	}
}

func (p *pass) tamper(why string) {
	if p.tampered == "" {
		p.tampered = why
	}
}

// readOutput consumes what the test binary printed.
func (p *pass) readOutput(r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := readLine(br, lineCap)
		if len(line) > 0 {
			appendCapped(&p.raw, string(line), rawCap)
			p.output(string(line))
		}
		if err != nil {
			return
		}
	}
}

// readLine reads one line, keeping at most max bytes of it.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line) < max {
			line = append(line, chunk[:min(len(chunk), max-len(line))]...)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// output takes one chunk of the test binary's output; markers are whole
// lines.
func (p *pass) output(chunk string) {
	if p.partial.Len() < lineCap {
		p.partial.WriteString(chunk)
	}
	if !strings.HasSuffix(chunk, "\n") {
		return
	}
	line := p.partial.String()
	p.partial.Reset()
	p.line(line)
}

// line takes one line of output. A marker (an unsealed record) says whose
// output follows; it decides nothing else, since the code under test can
// print one too.
func (p *pass) line(line string) {
	rec, ok := verdict.Parse(line)
	if !ok {
		p.print(line)
		return
	}
	if before, _, _ := strings.Cut(line, verdict.Marker); before != "" {
		p.print(before + "\n")
	}
	switch rec.Kind {
	case verdict.KindStart:
		p.outSpec = rec.Spec
	case verdict.KindEnd:
		p.outSpec = ""
	}
}

func (p *pass) print(s string) {
	if p.outSpec == "" {
		appendCapped(&p.tail, s, specOutputCap)
		return
	}
	b := p.outputs[p.outSpec]
	if b == nil {
		b = &strings.Builder{}
		p.outputs[p.outSpec] = b
	}
	appendCapped(b, s, specOutputCap)
}

func (p *pass) outputOf(spec string) string {
	if b := p.outputs[spec]; b != nil {
		return b.String()
	}
	return ""
}

// finish settles what the run left open, once both streams have ended and
// the binary has exited.
func (p *pass) finish() {
	if p.partial.Len() > 0 {
		p.line(p.partial.String())
		p.partial.Reset()
	}
	if p.tampered == "" && p.total >= 0 && !p.suiteEnded && !p.exitErr && !p.killed && !p.restart {
		p.tamper("the test binary exited as if every test had passed, but its suite never ended")
	}
	if p.tampered != "" {
		p.ended, p.crashed, p.restart = nil, nil, false
		return
	}
	for i := range p.ended {
		p.ended[i].Output = p.outputOf(p.ended[i].Name)
	}
	if p.open != nil {
		s := specFromRecord(*p.open)
		s.Output = p.outputOf(s.Name)
		s.Verdict, s.Message = p.crashVerdict(s.Output)
		s.Where = p.crashWhere(s.Output)
		p.crashed = &s
	}
}

// crashVerdict explains why the binary died during a spec.
func (p *pass) crashVerdict(out string) (verdict.Verdict, string) {
	reason := crashReason(out)
	switch {
	case p.over() != "":
		return verdict.Crash, "CRASH: the test binary was stopped during this spec: " + p.over() + "."
	case p.killed:
		return verdict.Timeout, "TIMEOUT: the run hit its hard time limit during this spec and was killed: something never stopped, not even for the spec timeout."
	case strings.Contains(reason, "test timed out"):
		return verdict.Timeout, "TIMEOUT: " + reason
	case reason != "":
		return verdict.Crash, "CRASH: the whole test binary died during this spec: " + reason + "\n" + p.crashAdvice(reason, crashTrace(out))
	default:
		return verdict.Crash, "CRASH: the test binary exited during this spec without a panic: did something call os.Exit?"
	}
}

// earlyExit explains a run that ended before every spec had run, with no
// spec running at the time.
func (p *pass) earlyExit() string {
	switch reason := crashReason(p.tail.String()); {
	case p.over() != "":
		return "the test binary was stopped: " + p.over()
	case p.killed:
		return "the run hit its hard time limit before every spec had run"
	case reason != "":
		return "the test binary died before its specs ran: " + reason
	default:
		return "the test binary exited before its specs ran: does init or TestMain call os.Exit?"
	}
}

var crashLine = regexp.MustCompile(`(?m)^(panic: .*|fatal error: .*|\[signal .*|.*unexpected call to os.Exit.*)$`)

func crashReason(out string) string {
	if m := crashLine.FindString(out); m != "" {
		m = strings.TrimSuffix(strings.TrimSpace(m), " [recovered, repanicked]")
		return strings.TrimSuffix(m, " [recovered]")
	}
	return ""
}

// crashTrace returns what the binary printed from the line that says why it
// died: the dying goroutine's stack first. Without such a line, all of out.
func crashTrace(out string) string {
	if loc := crashLine.FindStringIndex(out); loc != nil {
		return out[loc[0]:]
	}
	return out
}

// The sentences under a crash that say what to do about it.
const (
	crashAnyGoroutine = "A panic on a goroutine you started, or a fatal runtime error, ends the whole program: no spec after it could run in the same process."
	crashSpecTODO     = "The spec called this unfinished function on a goroutine of its own, where a panic ends the whole program: write the function (the TODO above) and the spec can run."
	crashSpecPanic    = "The spec called your code on a goroutine of its own, and your code panicked there: a panic on any goroutine but the spec's main one ends the whole program, so no spec after it could run in the same process."
	negativeWaitGroup = "Done ran more often than Add: call Add(1) before the go statement, once per goroutine."
)

// crashAdvice says what to make of a crash, from why the binary died and
// the dying goroutine's stack.
func (p *pass) crashAdvice(reason, trace string) string {
	switch {
	case strings.Contains(reason, "sync: negative WaitGroup counter"):
		return negativeWaitGroup + "\n" + crashAnyGoroutine
	case !strings.HasPrefix(reason, "panic: ") || !p.startedBySpec(trace):
		return crashAnyGoroutine
	case strings.HasPrefix(reason, "panic: TODO"):
		return crashSpecTODO
	default:
		return crashSpecPanic
	}
}

// startedBySpec reports whether the dying goroutine, whose stack trace
// starts, was started for the spec (by a spec file, directly or through
// the standard library, as wg.Go does) rather than by the learner's code.
func (p *pass) startedBySpec(trace string) bool {
	stack, creator, _ := strings.Cut(firstGoroutine(trace), "\ncreated by ")
	if m := frameLine.FindStringSubmatch(creator); m != nil && p.isLearner(m[1]) {
		return false
	}
	for _, m := range frameLine.FindAllStringSubmatch(creator+"\n"+stack, -1) {
		if p.inLesson(m[1]) && strings.HasSuffix(m[1], "_test.go") {
			return true
		}
	}
	return false
}

// firstGoroutine returns the first goroutine's stack of a crash trace: up
// to the blank line after its "goroutine N [...]:" header.
func firstGoroutine(trace string) string {
	start := strings.Index(trace, "\ngoroutine ")
	if start < 0 {
		return ""
	}
	g := trace[start+1:]
	if end := strings.Index(g, "\n\n"); end >= 0 {
		g = g[:end]
	}
	return g
}

// crashWhere says which line of the learner's code a crash points at: for
// a negative WaitGroup counter, the go statement that started the goroutine
// (Add belongs before it); otherwise the innermost learner frame of the
// dying goroutine, or of anything the binary printed.
func (p *pass) crashWhere(out string) string {
	trace := crashTrace(out)
	if strings.Contains(crashReason(out), "sync: negative WaitGroup counter") {
		_, creator, _ := strings.Cut(firstGoroutine(trace), "\ncreated by ")
		if m := frameLine.FindStringSubmatch(creator); m != nil && p.isLearner(m[1]) {
			return filepath.Base(m[1]) + ":" + m[2]
		}
	}
	if where := p.learnerFrame(firstGoroutine(trace)); where != "" {
		return where
	}
	return p.learnerFrame(out)
}

var frameLine = regexp.MustCompile(`(?m)^\s+(\S+\.go):(\d+)`)

// learnerFrame returns the first stack frame, as file:line, in one of the
// lesson's stub files.
func (p *pass) learnerFrame(out string) string {
	for _, m := range frameLine.FindAllStringSubmatch(out, -1) {
		if p.isLearner(m[1]) {
			return filepath.Base(m[1]) + ":" + m[2]
		}
	}
	return ""
}

// inLesson reports whether a stack frame's file is in the lesson's
// directory: the learner's code or the lesson's specs.
func (p *pass) inLesson(file string) bool {
	return filepath.Base(filepath.Dir(file)) == filepath.Base(p.lesson.Dir)
}

// isLearner reports whether a stack frame's file is one the learner edits
// (not the spec helpers' file of the same name).
func (p *pass) isLearner(file string) bool {
	return p.inLesson(file) && slices.Contains(p.lesson.Stubs, filepath.Base(file))
}

func specFromRecord(r verdict.Record) Spec {
	points := r.Points
	if points == 0 {
		points = 1
	}
	return Spec{
		Name: r.Spec, File: r.File, Line: r.Line, Points: points,
		Verdict: r.Verdict, Message: r.Message, Where: r.Where, Detail: r.Detail,
		Seconds: r.Seconds,
	}
}

func appendCapped(b *strings.Builder, s string, max int) {
	if room := max - b.Len(); room > 0 {
		if len(s) > room {
			s = s[:room] + "\n[output cut at " + strconv.Itoa(max) + " bytes]\n"
		}
		b.WriteString(s)
	}
}

func capString(s string, max int) string {
	if len(s) <= max {
		return s
	}
	return s[:max] + "\n[output cut]\n"
}

// capWriter keeps the first max bytes written to it and drops the rest.
type capWriter struct {
	b   *strings.Builder
	max int
}

func (w *capWriter) Write(p []byte) (int, error) {
	appendCapped(w.b, string(p), w.max)
	return len(p), nil
}
