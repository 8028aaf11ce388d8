package runner

import (
	"bufio"
	"errors"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

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

// pass is what one run of a test binary said.
type pass struct {
	lesson  course.Lesson
	total   int // from the suite record; -1 if the suite never started
	ended   []Spec
	crashed *Spec // the spec that was running when the binary died
	open    *verdict.Record
	openOut strings.Builder
	tail    strings.Builder // output outside any spec
	partial strings.Builder // an output line still arriving
	killed  bool            // the run was killed at its hard limit
	exitErr bool            // the binary exited with an error
	restart bool            // the binary exited after a timeout, to run the rest afresh
	raw     strings.Builder
}

func newPass(l course.Lesson) *pass { return &pass{lesson: l, total: -1} }

// readPlain consumes a test binary's own output, without go test -json
// around it.
func (p *pass) readPlain(r io.Reader) {
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

// output takes one chunk of the test binary's output; records are whole
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
	case verdict.KindSuite:
		p.total = rec.Total
	case verdict.KindStart:
		p.open = &rec
		p.openOut.Reset()
	case verdict.KindRestart:
		p.restart = true
	case verdict.KindEnd:
		s := specFromRecord(rec)
		s.Output = p.openOut.String()
		p.ended = append(p.ended, s)
		p.open = nil
		p.openOut.Reset()
	}
}

func (p *pass) print(s string) {
	if p.open != nil {
		appendCapped(&p.openOut, s, specOutputCap)
	} else {
		appendCapped(&p.tail, s, specOutputCap)
	}
}

// finish settles what the run left open.
func (p *pass) finish() {
	if p.partial.Len() > 0 {
		p.line(p.partial.String())
		p.partial.Reset()
	}
	if p.open != nil {
		s := specFromRecord(*p.open)
		s.Output = p.openOut.String()
		s.Verdict, s.Message = p.crashVerdict(s.Output)
		s.Where = p.learnerFrame(s.Output)
		p.crashed = &s
	}
}

// crashVerdict explains why the binary died during a spec.
func (p *pass) crashVerdict(out string) (verdict.Verdict, string) {
	reason := crashReason(out)
	switch {
	case p.killed:
		return verdict.Timeout, "TIMEOUT: the run hit its hard time limit during this spec and was killed: something never stopped, not even for the spec timeout."
	case strings.Contains(reason, "test timed out"):
		return verdict.Timeout, "TIMEOUT: " + reason
	case reason != "":
		return verdict.Crash, "CRASH: the whole test binary died during this spec: " + reason +
			"\nA panic on a goroutine you started, or a fatal runtime error, ends the whole program: no spec after it could run in the same process."
	default:
		return verdict.Crash, "CRASH: the test binary exited during this spec without a panic: did something call os.Exit?"
	}
}

// earlyExit explains a run that ended before every spec had run, with no
// spec running at the time.
func (p *pass) earlyExit() string {
	switch reason := crashReason(p.tail.String()); {
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
		return strings.TrimSpace(m)
	}
	return ""
}

var frameLine = regexp.MustCompile(`(?m)^\s+(\S+\.go):(\d+)`)

// learnerFrame returns the first stack frame, as file:line, in one of the
// lesson's stub files.
func (p *pass) learnerFrame(out string) string {
	for _, m := range frameLine.FindAllStringSubmatch(out, -1) {
		if slices.Contains(p.lesson.Stubs, filepath.Base(m[1])) {
			return filepath.Base(m[1]) + ":" + m[2]
		}
	}
	return ""
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
