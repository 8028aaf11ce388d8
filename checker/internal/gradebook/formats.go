package gradebook

import (
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/grade"
)

// The platforms' formats. Each follows its platform's published
// description; testdata/schema in the checker holds a schema of each,
// written from those descriptions, and the grading end-to-end script checks
// every file against it.

// JUnit: the Jenkins/xunit JUnit schema, elements in the order of Ant's
// stricter one (properties, test cases, then system-out).

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Skipped   int         `xml:"skipped,attr"`
	Time      string      `xml:"time,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut string      `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func seconds(s float64) string { return strconv.FormatFloat(s, 'f', 3, 64) }

// JUnit writes one test suite per student and lesson, one test case per
// spec: a spec that failed has a <failure>, one that could not run an
// <error> (see OutcomeOf), with the verdict as its type.
func JUnit(w io.Writer, students []*grade.Student) error {
	all := junitSuites{Name: "threadlings"}
	var total float64
	for _, s := range students {
		for _, l := range s.Lessons {
			suite := junitSuite{Name: s.Student + "/" + l.Dir, SystemOut: lessonNotes(l, outputCap)}
			var suiteTime float64
			for _, sp := range l.Specs {
				c := junitCase{Name: sp.Name, Classname: s.Student + "." + l.Dir, Time: seconds(sp.Seconds)}
				f := &junitFailure{Type: string(sp.Verdict), Message: headline(sp.Verdict), Text: specText(l, sp, outputCap)}
				switch OutcomeOf(sp.Verdict) {
				case Failed:
					c.Failure = f
					suite.Failures++
				case Error:
					c.Error = f
					suite.Errors++
				}
				if prints, _ := splitOutput(sp.Output); prints != "" {
					c.SystemOut = capOutput(prints)
				}
				suiteTime += sp.Seconds
				suite.Cases = append(suite.Cases, c)
				suite.Tests++
			}
			suite.Time = seconds(suiteTime)
			total += suiteTime
			all.Tests += suite.Tests
			all.Failures += suite.Failures
			all.Errors += suite.Errors
			all.Suites = append(all.Suites, suite)
		}
	}
	all.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Gradescope writes the results.json of Gradescope's autograder
// specification. Gradescope knows only "passed" and "failed": an error is
// "failed" there, and its output's headline says "error".
func Gradescope(w io.Writer, s *grade.Student) error {
	type test struct {
		Name       string  `json:"name"`
		Number     string  `json:"number"`
		Score      float64 `json:"score"`
		MaxScore   float64 `json:"max_score"`
		Status     string  `json:"status"`
		Output     string  `json:"output,omitempty"`
		Visibility string  `json:"visibility"`
	}
	type results struct {
		Score         float64 `json:"score"`
		MaxScore      float64 `json:"max_score"`
		ExecutionTime float64 `json:"execution_time"`
		Output        string  `json:"output"`
		Tests         []test  `json:"tests"`
	}
	r := results{Score: float64(s.Points), MaxScore: float64(s.Max), ExecutionTime: roundSeconds(s.Seconds), Output: summary(s), Tests: []test{}}
	for _, l := range s.Lessons {
		for i, sp := range l.Specs {
			status := "failed"
			if sp.Verdict.Passed() {
				status = "passed"
			}
			out := specText(l, sp, outputCap)
			if prints, _ := splitOutput(sp.Output); prints != "" && !sp.Verdict.Passed() {
				out += "\nyour code printed:\n" + capOutput(prints)
			}
			r.Tests = append(r.Tests, test{
				Name: l.Dir + ": " + sp.Name, Number: fmt.Sprintf("%d.%d", l.Number, i+1),
				Score: float64(sp.Points), MaxScore: float64(sp.Max),
				Status: status, Output: out, Visibility: "visible",
			})
		}
	}
	return encode(w, r)
}

// ExercismOutputMax is the most characters of a test's output Exercism's
// test runner interface allows.
const ExercismOutputMax = 500

const exercismTruncated = "\nOutput was truncated. Please limit to 500 chars"

// Exercism writes the results.json of Exercism's test runner interface,
// version 3. The status is "error" only when no spec could run at all;
// "output" holds only what the student's code printed; "task_id" is the
// lesson's number; "test_code" the body of the spec's It.
func Exercism(w io.Writer, s *grade.Student) error {
	type test struct {
		Name     string `json:"name"`
		TestCode string `json:"test_code"`
		Status   string `json:"status"`
		Message  string `json:"message,omitempty"`
		Output   string `json:"output,omitempty"`
		TaskID   int    `json:"task_id,omitempty"`
	}
	type results struct {
		Version int    `json:"version"`
		Status  string `json:"status"`
		Message string `json:"message,omitempty"`
		Tests   []test `json:"tests"`
	}
	r := results{Version: 3, Status: string(Passed), Tests: []test{}}
	ran := false
	var problems []string
	for _, l := range s.Lessons {
		notes := lessonNotes(l, outputCap)
		if notes != "" {
			problems = append(problems, l.Dir+":\n"+notes)
		}
		noted := false // the lesson's problems go with its first spec that did not pass
		for _, sp := range l.Specs {
			t := test{Name: l.Dir + ": " + sp.Name, TestCode: sp.Code, Status: string(OutcomeOf(sp.Verdict)), TaskID: l.Number}
			if t.TestCode == "" {
				t.TestCode = "// " + sp.Name // the spec file could not be read: its name, at least
			}
			if t.Status != string(Error) {
				ran = true
			}
			if !sp.Verdict.Passed() {
				t.Message = specText(l, sp, outputCap)
				if !noted && notes != "" && !strings.Contains(t.Message, notes) {
					t.Message += "\n" + notes
					noted = true
				}
				r.Status = string(Failed)
			}
			if prints, _ := splitOutput(sp.Output); prints != "" {
				t.Output = cutRunes(prints, ExercismOutputMax, exercismTruncated)
			}
			r.Tests = append(r.Tests, t)
		}
	}
	if s.Error != "" {
		problems = []string{s.Error} // every lesson's note says the same
	}
	if !ran {
		r.Status = string(Error)
		r.Message = strings.Join(problems, "\n")
		if r.Message == "" {
			r.Message = "no spec could run"
		}
	}
	return encode(w, r)
}

// ClassroomLimit is the most bytes the base64 of Classroom results may
// take. The workflow hands them to the grading reporter in one
// environment variable, and Linux refuses any one variable over 128 KiB.
const ClassroomLimit = 96 << 10

// classroomMessageMax is the most bytes of a message a Classroom test
// starts with; messages are cut further until the results fit
// ClassroomLimit: shorter and shorter, then the headline alone ("failed
// [panic]: your code panicked while the spec ran"), then the outcome and
// verdict alone ("fail [panic]").
const classroomMessageMax = 1500

// Classroom writes the results GitHub Classroom's grading reporter
// (classroom-resources/autograding-grading-reporter v1) reads: compact
// JSON, base64-encoded by the workflow. The reporter reads max_score and
// each test's name, status, message and score; it counts the points as the
// sum of the scores, but prints each runner's score as (tests passed /
// tests) × max_score. So that both agree, a spec worth k points is k tests
// of one point each: "NAME (point 1 of 2)", "NAME (point 2 of 2)".
func Classroom(w io.Writer, s *grade.Student) error {
	for max := classroomMessageMax; ; max /= 2 {
		b, err := classroomJSON(s, max)
		if err != nil {
			return err
		}
		if base64.StdEncoding.EncodedLen(len(b)) <= ClassroomLimit || max == 0 {
			_, err = w.Write(b)
			return err
		}
	}
}

func classroomJSON(s *grade.Student, max int) ([]byte, error) {
	type test struct {
		Name    string `json:"name"`
		Status  string `json:"status"`
		Score   int    `json:"score"`
		Message string `json:"message,omitempty"`
	}
	type results struct {
		Version  int    `json:"version"`
		Status   string `json:"status"`
		MaxScore int    `json:"max_score"`
		Tests    []test `json:"tests"`
	}
	r := results{Version: 1, Status: string(Passed), MaxScore: s.Max, Tests: []test{}}
	ran := false
	for _, l := range s.Lessons {
		for _, sp := range l.Specs {
			status := OutcomeOf(sp.Verdict)
			if status != Error {
				ran = true
			}
			if status != Passed {
				r.Status = string(Failed)
			}
			msg := ""
			switch {
			case status == Passed:
			case max >= 64:
				msg = cut(specText(l, sp, max), max)
			case max > 0:
				msg = headline(sp.Verdict)
			default:
				msg = string(status) + " [" + string(sp.Verdict) + "]"
			}
			n := max1(sp.Max)
			for k := 1; k <= n; k++ {
				t := test{Name: l.Dir + ": " + sp.Name, Status: string(status), Message: msg}
				if n > 1 {
					t.Name += fmt.Sprintf(" (point %d of %d)", k, n)
					if k > 1 && msg != "" {
						t.Message = "see point 1 of this spec"
					}
				}
				if status == Passed && k <= sp.Points {
					t.Score = 1
				}
				r.Tests = append(r.Tests, t)
			}
		}
	}
	if !ran {
		r.Status = string(Error)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}
