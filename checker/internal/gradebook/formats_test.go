package gradebook

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/threadlings/threadlings/checker/internal/grade"
	"github.com/threadlings/threadlings/internal/verdict"
)

// student makes a graded student: lesson 01 with the given verdicts (one
// point each), lesson 02 with one spec worth 2 points that passed.
func student(name string, verdicts ...verdict.Verdict) *grade.Student {
	s := &grade.Student{Student: name}
	l1 := grade.Lesson{Dir: "01-goroutines", Number: 1, Path: "lessons/01-goroutines"}
	for i, v := range verdicts {
		sp := grade.Spec{Name: fmt.Sprintf("spec %d", i), Verdict: v, Max: 1, Seconds: 0.25, Code: "Expect(1).To(Equal(1))"}
		if v.Passed() {
			sp.Points = 1
		} else {
			sp.Message = "went wrong"
		}
		l1.Specs = append(l1.Specs, sp)
		l1.Max += sp.Max
		l1.Points += sp.Points
	}
	l2 := grade.Lesson{Dir: "02-thread", Number: 2, Path: "lessons/02-thread",
		Specs: []grade.Spec{{Name: "weighted", Verdict: verdict.Pass, Points: 2, Max: 2}}, Points: 2, Max: 2}
	s.Lessons = []grade.Lesson{l1, l2}
	s.Points, s.Max = l1.Points+l2.Points, l1.Max+l2.Max
	return s
}

func TestOutcomeIsTheSameInEveryFormat(t *testing.T) {
	s := student("mixed", verdict.Pass, verdict.Panic, verdict.Timeout, verdict.BuildError, verdict.Tampered)
	var ex, cl bytes.Buffer
	if err := Exercism(&ex, s); err != nil {
		t.Fatal(err)
	}
	if err := Classroom(&cl, s); err != nil {
		t.Fatal(err)
	}
	var exr, clr struct {
		Tests []struct{ Name, Status string }
	}
	if err := json.Unmarshal(ex.Bytes(), &exr); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(cl.Bytes(), &clr); err != nil {
		t.Fatal(err)
	}
	want := []string{"pass", "fail", "fail", "error", "error"}
	for i, w := range want {
		if exr.Tests[i].Status != w || clr.Tests[i].Status != w {
			t.Errorf("spec %d: exercism %q, classroom %q, want %q", i, exr.Tests[i].Status, clr.Tests[i].Status, w)
		}
	}
	var junit bytes.Buffer
	if err := JUnit(&junit, []*grade.Student{s}); err != nil {
		t.Fatal(err)
	}
	x := junit.String()
	if got := strings.Count(x, "<failure "); got != 2 {
		t.Errorf("JUnit has %d failures, want 2 (panic, timeout):\n%s", got, x)
	}
	if got := strings.Count(x, "<error "); got != 2 {
		t.Errorf("JUnit has %d errors, want 2 (build-error, tampered):\n%s", got, x)
	}
}

func TestJUnitTotalsAreTheSumOfTheSuites(t *testing.T) {
	var b bytes.Buffer
	students := []*grade.Student{
		student("a", verdict.Pass, verdict.Fail, verdict.BuildError),
		student("b", verdict.Race, verdict.NotRun, verdict.NotRun),
	}
	if err := JUnit(&b, students); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Time     string `xml:"time,attr"`
		Suites   []struct {
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
			Time     string `xml:"time,attr"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var tests, failures, errs int
	for _, s := range doc.Suites {
		tests, failures, errs = tests+s.Tests, failures+s.Failures, errs+s.Errors
		if s.Time == "" {
			t.Error("a suite has no time")
		}
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errs {
		t.Errorf("testsuites says %d/%d/%d, the suites add up to %d/%d/%d", doc.Tests, doc.Failures, doc.Errors, tests, failures, errs)
	}
	if failures != 2 || errs != 3 {
		t.Errorf("failures %d, errors %d; want 2 and 3", failures, errs)
	}
	if doc.Time != "1.500" {
		t.Errorf("total time %q, want 1.500", doc.Time)
	}
	// Ant's order: the test cases, then system-out.
	if i, j := strings.LastIndex(b.String(), "<testcase"), strings.Index(b.String(), "<system-out>"); j >= 0 && j < i {
		t.Errorf("system-out before a test case:\n%s", b.String())
	}
}

func TestExercismStatus(t *testing.T) {
	for _, c := range []struct {
		verdicts []verdict.Verdict
		want     string
	}{
		{[]verdict.Verdict{verdict.Pass}, "pass"},
		{[]verdict.Verdict{verdict.Pass, verdict.Fail}, "fail"},
		// Lesson 01 does not compile, lesson 02 ran: a failure, not an error.
		{[]verdict.Verdict{verdict.BuildError, verdict.BuildError}, "fail"},
	} {
		var b bytes.Buffer
		if err := Exercism(&b, student("x", c.verdicts...)); err != nil {
			t.Fatal(err)
		}
		var r struct{ Status, Message string }
		if err := json.Unmarshal(b.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Status != c.want || r.Message != "" {
			t.Errorf("%v: status %q, message %q; want %q and no message", c.verdicts, r.Status, r.Message, c.want)
		}
	}
	// Nothing ran at all: error, with a message.
	s := student("x", verdict.BuildError)
	s.Lessons = s.Lessons[:1]
	s.Lessons[0].BuildError = "lessons/01-goroutines/x.go:1:1: syntax error"
	var b bytes.Buffer
	if err := Exercism(&b, s); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Status, Message string
		Tests           []struct {
			TaskID   int    `json:"task_id"`
			TestCode string `json:"test_code"`
		}
	}
	json.Unmarshal(b.Bytes(), &r)
	if r.Status != "error" || !strings.Contains(r.Message, "syntax error") {
		t.Errorf("nothing ran: status %q, message %q; want error with the compiler's message", r.Status, r.Message)
	}
	if r.Tests[0].TaskID != 1 || r.Tests[0].TestCode == "" {
		t.Errorf("task_id %d, test_code %q", r.Tests[0].TaskID, r.Tests[0].TestCode)
	}
}

func TestExercismOutputIsWhatTheStudentPrinted(t *testing.T) {
	s := student("x", verdict.Race)
	s.Lessons[0].Specs[0].Output = "=== RUN   TestGoroutines/spec_0\n" + strings.Repeat("héllo, I am debugging\n", 40) +
		"==================\nWARNING: DATA RACE\nWrite at 0x1 by goroutine 7:\n==================\n" +
		"--- FAIL: TestGoroutines/spec_0 (0.00s)\n    testing.go:1617: race detected during execution of test\n--- PASS: TestGoroutines/spec_0#01 (0.00s)\n"
	var b bytes.Buffer
	if err := Exercism(&b, s); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Tests []struct{ Output, Message string }
	}
	json.Unmarshal(b.Bytes(), &r)
	out, msg := r.Tests[0].Output, r.Tests[0].Message
	if n := utf8.RuneCountInString(out); n > ExercismOutputMax {
		t.Errorf("output has %d characters, more than %d", n, ExercismOutputMax)
	}
	if !strings.HasPrefix(out, "héllo, I am debugging") || !strings.HasSuffix(out, "Please limit to 500 chars") {
		t.Errorf("output is not the student's prints, truncated with the interface's note: %q", out)
	}
	for _, bad := range []string{"=== RUN", "--- PASS", "--- FAIL", "DATA RACE", "testing.go"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q: %q", bad, out)
		}
	}
	if !strings.Contains(msg, "WARNING: DATA RACE") || strings.Contains(msg, "--- PASS") {
		t.Errorf("the race report belongs in the message, go test's lines nowhere: %q", msg)
	}
}

func TestClassroomPointsAgreeWithTheReporter(t *testing.T) {
	s := student("x", verdict.Pass, verdict.Fail)
	var b bytes.Buffer
	if err := Classroom(&b, s); err != nil {
		t.Fatal(err)
	}
	var r struct {
		MaxScore int `json:"max_score"`
		Tests    []struct {
			Name, Status string
			Score        int
		}
	}
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	// The reporter: points = sum of scores; printed score = passed/tests × max_score.
	sum, passed := 0, 0
	for _, t := range r.Tests {
		sum += t.Score
		if t.Status == "pass" {
			passed++
		}
	}
	printed := float64(passed) / float64(len(r.Tests)) * float64(r.MaxScore)
	if sum != s.Points || printed != float64(s.Points) || r.MaxScore != s.Max {
		t.Errorf("points %d, reporter sums %d and prints %.2f of %d; want %d of %d", s.Points, sum, printed, r.MaxScore, s.Points, s.Max)
	}
	if r.Tests[2].Name != "02-thread: weighted (point 1 of 2)" {
		t.Errorf("a 2-point spec reads %q", r.Tests[2].Name)
	}
}

// The kit has some 360 one-point tests with names of about 85 bytes; a
// student whose every spec fails with megabytes of messages must still fit.
func TestClassroomStaysUnderTheEnvironmentLimit(t *testing.T) {
	s := &grade.Student{Student: "huge"}
	l := grade.Lesson{Dir: "01-goroutines", Number: 1, Path: "lessons/01-goroutines"}
	for i := range 400 {
		l.Specs = append(l.Specs, grade.Spec{
			Name: fmt.Sprintf("%03d %s", i, strings.Repeat("a long spec name ", 6)), Verdict: verdict.Crash, Max: 1,
			Message: strings.Repeat("a long message ", 500), Output: "panic: boom\n" + strings.Repeat("goroutine 1 [running]:\n", 500),
		})
		l.Max++
	}
	s.Lessons, s.Max = []grade.Lesson{l}, l.Max
	var b bytes.Buffer
	if err := Classroom(&b, s); err != nil {
		t.Fatal(err)
	}
	if n := base64.StdEncoding.EncodedLen(b.Len()); n > ClassroomLimit {
		t.Errorf("base64 results take %d bytes, more than %d", n, ClassroomLimit)
	}
	if !json.Valid(b.Bytes()) {
		t.Error("not JSON")
	}
}

func TestSplitOutput(t *testing.T) {
	prints, trace := splitOutput("hello\n=== RUN   TestX\npanic: boom\n\ngoroutine 1 [running]:\nmain.f()\n")
	if prints != "hello\n" || !strings.HasPrefix(trace, "panic: boom") {
		t.Errorf("prints %q, trace %q", prints, trace)
	}
}
