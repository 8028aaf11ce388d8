// Package gradebook writes a graded class in the formats instructors and
// learning platforms read: a CSV gradebook, JSON per student, JUnit XML,
// Gradescope and Exercism results.json, and a class report.
package gradebook

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/grade"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Formats are the names Write understands, in the order it writes them.
var Formats = []string{"csv", "json", "junit", "gradescope", "exercism", "classroom", "report"}

// outputCap is how much of a spec's output the per-student formats keep.
const outputCap = 4 << 10

// Write writes students in each of formats under dir and returns the files
// written.
//
// Everything is written to a temporary directory beside dir first, then
// moved into dir, one top-level entry at a time, at the end: a grading
// that fails half-way leaves the last complete gradebook as it was, and
// nothing is ever half-written.
func Write(dir string, students []*grade.Student, formats []string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(dir)), ".grades-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	written, err := write(tmp, students, formats)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		to := filepath.Join(dir, e.Name())
		if err := os.RemoveAll(to); err != nil {
			return nil, err
		}
		if err := os.Rename(filepath.Join(tmp, e.Name()), to); err != nil {
			return nil, err
		}
	}
	files := make([]string, len(written))
	for i, f := range written {
		rel, _ := filepath.Rel(tmp, f)
		files[i] = filepath.Join(dir, rel)
	}
	return files, nil
}

func write(dir string, students []*grade.Student, formats []string) ([]string, error) {
	sorted := append([]*grade.Student{}, students...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Student < sorted[j].Student })
	var files []string
	for _, f := range formats {
		var written []string
		var err error
		switch f {
		case "csv":
			written, err = one(dir, "grades.csv", func(w io.Writer) error { return CSV(w, sorted) })
		case "json":
			written, err = perStudent(dir, sorted, func(s *grade.Student) string { return filepath.Join("students", s.Student+".json") }, studentJSON)
		case "junit":
			written, err = one(dir, "junit.xml", func(w io.Writer) error { return JUnit(w, sorted) })
		case "gradescope":
			written, err = perStudent(dir, sorted, func(s *grade.Student) string { return filepath.Join("gradescope", s.Student, "results.json") }, Gradescope)
		case "exercism":
			written, err = perStudent(dir, sorted, func(s *grade.Student) string { return filepath.Join("exercism", s.Student, "results.json") }, Exercism)
		case "classroom":
			written, err = perStudent(dir, sorted, func(s *grade.Student) string { return filepath.Join("classroom", s.Student, "results.json") }, Classroom)
		case "report":
			written, err = one(dir, "report.md", func(w io.Writer) error { return Report(w, sorted) })
		default:
			err = fmt.Errorf("unknown format %q (have %s)", f, strings.Join(Formats, ", "))
		}
		if err != nil {
			return files, err
		}
		files = append(files, written...)
	}
	return files, nil
}

func one(dir, name string, write func(io.Writer) error) ([]string, error) {
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return []string{path}, err
}

func perStudent(dir string, students []*grade.Student, name func(*grade.Student) string, write func(io.Writer, *grade.Student) error) ([]string, error) {
	var files []string
	for _, s := range students {
		written, err := one(dir, name(s), func(w io.Writer) error { return write(w, s) })
		files = append(files, written...)
		if err != nil {
			return files, err
		}
	}
	return files, nil
}

// CSV writes the gradebook: one row per student with points per lesson,
// the total, the maximum and the flags an instructor should look at.
func CSV(w io.Writer, students []*grade.Student) error {
	cw := csv.NewWriter(w)
	var lessons []string
	if len(students) > 0 {
		for _, l := range students[0].Lessons {
			lessons = append(lessons, l.Dir)
		}
	}
	header := append(append([]string{"student"}, lessons...), "points", "max", "flags")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, s := range students {
		row := []string{s.Student}
		for _, l := range s.Lessons {
			row = append(row, strconv.Itoa(l.Points))
		}
		row = append(row, strconv.Itoa(s.Points), strconv.Itoa(s.Max), strings.Join(s.Flags(), " "))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func studentJSON(w io.Writer, s *grade.Student) error {
	c := *s
	c.Lessons = nil
	for _, l := range s.Lessons {
		l.Specs = append([]grade.Spec{}, l.Specs...)
		for i := range l.Specs {
			l.Specs[i].Output = capOutput(l.Specs[i].Output)
		}
		c.Lessons = append(c.Lessons, l)
	}
	return encode(w, c)
}

func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func capOutput(s string) string {
	if len(s) <= outputCap {
		return s
	}
	return s[:outputCap] + fmt.Sprintf("\n[%d more bytes cut]", len(s)-outputCap)
}

// specText is what a learner reads about one spec: the verdict and message,
// where, and the output.
func specText(sp grade.Spec) string {
	if sp.Verdict.Passed() {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", sp.Verdict, sp.Message)
	if sp.Where != "" {
		fmt.Fprintf(&b, "\nat %s", sp.Where)
	}
	if sp.Output != "" {
		fmt.Fprintf(&b, "\n%s", capOutput(sp.Output))
	}
	return b.String()
}

// lessonNotes are a lesson's problems that no single spec owns.
func lessonNotes(l grade.Lesson) string {
	var parts []string
	if len(l.Tampered) > 0 {
		parts = append(parts, "TAMPERED: the kit's spec files were changed; they were graded from the instructor's copy: "+strings.Join(l.Tampered, ", "))
	}
	if l.BuildError != "" {
		parts = append(parts, "BUILD ERROR:\n"+capOutput(l.BuildError))
	}
	if l.Note != "" {
		parts = append(parts, l.Note)
	}
	return strings.Join(parts, "\n")
}

type junitSuites struct {
	XMLName xml.Name     `xml:"testsuites"`
	Tests   int          `xml:"tests,attr"`
	Fail    int          `xml:"failures,attr"`
	Suites  []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	SystemOut string      `xml:"system-out,omitempty"`
	Cases     []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes one test suite per student and lesson, one test case per
// spec.
func JUnit(w io.Writer, students []*grade.Student) error {
	var all junitSuites
	for _, s := range students {
		for _, l := range s.Lessons {
			suite := junitSuite{Name: s.Student + "/" + l.Dir, SystemOut: lessonNotes(l)}
			for _, sp := range l.Specs {
				c := junitCase{Name: sp.Name, Classname: s.Student + "." + l.Dir}
				f := &junitFailure{Type: string(sp.Verdict), Message: firstLine(sp.Message), Text: specText(sp)}
				switch sp.Verdict {
				case verdict.Pass:
				case verdict.Fail, verdict.Race, verdict.Leak, verdict.Timeout:
					c.Failure = f
					suite.Failures++
				default:
					c.Error = f
					suite.Errors++
				}
				suite.Cases = append(suite.Cases, c)
				suite.Tests++
			}
			all.Tests += suite.Tests
			all.Fail += suite.Failures + suite.Errors
			all.Suites = append(all.Suites, suite)
		}
	}
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
// specification.
func Gradescope(w io.Writer, s *grade.Student) error {
	type test struct {
		Name       string  `json:"name"`
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
	r := results{Score: float64(s.Points), MaxScore: float64(s.Max), ExecutionTime: roundSeconds(s.Seconds), Output: summary(s)}
	for _, l := range s.Lessons {
		for _, sp := range l.Specs {
			status := "failed"
			if sp.Verdict.Passed() {
				status = "passed"
			}
			r.Tests = append(r.Tests, test{
				Name: l.Dir + ": " + sp.Name, Score: float64(sp.Points), MaxScore: float64(sp.Max),
				Status: status, Output: specText(sp), Visibility: "visible",
			})
		}
	}
	return encode(w, r)
}

// Exercism writes the results.json of Exercism's test runner interface,
// version 3.
func Exercism(w io.Writer, s *grade.Student) error {
	type test struct {
		Name    string `json:"name"`
		Status  string `json:"status"`
		Message string `json:"message,omitempty"`
		Output  string `json:"output,omitempty"`
		TaskID  int    `json:"task_id"`
	}
	type results struct {
		Version int    `json:"version"`
		Status  string `json:"status"`
		Message string `json:"message,omitempty"`
		Tests   []test `json:"tests"`
	}
	r := results{Version: 3, Status: "pass"}
	var errs []string
	for i, l := range s.Lessons {
		if l.BuildError != "" {
			errs = append(errs, l.Dir+" does not compile:\n"+l.BuildError)
		}
		for _, sp := range l.Specs {
			t := test{Name: l.Dir + ": " + sp.Name, Status: "pass", TaskID: i + 1}
			switch {
			case sp.Verdict.Passed():
			case sp.Verdict == verdict.BuildError || sp.Verdict == verdict.Crash || sp.Verdict == verdict.NotRun:
				t.Status, t.Message = "error", specText(sp)
			default:
				t.Status, t.Message = "fail", specText(sp)
			}
			t.Output = capOutput(sp.Output)
			if t.Status != "pass" && r.Status == "pass" {
				r.Status = "fail"
			}
			r.Tests = append(r.Tests, t)
		}
	}
	if s.Error != "" {
		errs = append(errs, s.Error)
	}
	if len(errs) > 0 {
		r.Status, r.Message = "error", strings.Join(errs, "\n")
	}
	return encode(w, r)
}

// Classroom writes the results a GitHub Classroom autograding step hands to
// the grading reporter (base64-encoded, as the step's "result" output).
func Classroom(w io.Writer, s *grade.Student) error {
	type test struct {
		Name          string `json:"name"`
		Status        string `json:"status"`
		Score         int    `json:"score"`
		Message       string `json:"message,omitempty"`
		TestCode      string `json:"test_code"`
		Filename      string `json:"filename"`
		LineNo        int    `json:"line_no"`
		ExecutionTime string `json:"execution_time"`
	}
	type results struct {
		Version  int    `json:"version"`
		Status   string `json:"status"`
		MaxScore int    `json:"max_score"`
		Tests    []test `json:"tests"`
	}
	r := results{Version: 1, Status: "pass", MaxScore: s.Max}
	for _, l := range s.Lessons {
		for _, sp := range l.Specs {
			t := test{Name: l.Dir + ": " + sp.Name, Status: "pass", Score: sp.Points, ExecutionTime: "0ms"}
			if !sp.Verdict.Passed() {
				t.Status, t.Message = "fail", specText(sp)
				if sp.Verdict == verdict.BuildError || sp.Verdict == verdict.Crash {
					t.Status = "error"
				}
				if r.Status == "pass" {
					r.Status = "fail"
				}
			}
			r.Tests = append(r.Tests, t)
		}
	}
	return encode(w, r)
}

// Report writes the class report: for every spec, the class's pass rate and
// the most common failure.
func Report(w io.Writer, students []*grade.Student) error {
	type stat struct {
		passed, total int
		failures      map[string]int
	}
	var order []string
	stats := map[string]*stat{}
	for _, s := range students {
		for _, l := range s.Lessons {
			for _, sp := range l.Specs {
				k := l.Dir + "\x00" + sp.Name
				st := stats[k]
				if st == nil {
					st = &stat{failures: map[string]int{}}
					stats[k] = st
					order = append(order, k)
				}
				st.total++
				if sp.Verdict.Passed() {
					st.passed++
				} else {
					st.failures[fmt.Sprintf("%s: %s", sp.Verdict, firstLine(sp.Message))]++
				}
			}
		}
	}
	fmt.Fprintf(w, "# Class report\n\n%d students.\n", len(students))
	lesson := ""
	for _, k := range order {
		dir, name, _ := strings.Cut(k, "\x00")
		if dir != lesson {
			lesson = dir
			fmt.Fprintf(w, "\n## %s\n\n| spec | passed | most common failure |\n|---|---|---|\n", dir)
		}
		st := stats[k]
		common, n := "", 0
		for msg, c := range st.failures {
			if c > n || c == n && msg < common {
				common, n = msg, c
			}
		}
		if n > 0 {
			common = fmt.Sprintf("%s (%d)", common, n)
		}
		fmt.Fprintf(w, "| %s | %d/%d (%d%%) | %s |\n", escapeCell(name), st.passed, st.total, 100*st.passed/max(st.total, 1), escapeCell(common))
	}
	return nil
}

func escapeCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

// summary is a student's one-paragraph result.
func summary(s *grade.Student) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d points.", s.Points, s.Max)
	if flags := s.Flags(); len(flags) > 0 {
		fmt.Fprintf(&b, " Look at: %s.", strings.Join(flags, ", "))
	}
	for _, l := range s.Lessons {
		fmt.Fprintf(&b, "\n%s: %d/%d", l.Dir, l.Points, l.Max)
		if notes := lessonNotes(l); notes != "" {
			b.WriteString("\n" + notes)
		}
	}
	if s.Error != "" {
		b.WriteString("\n" + s.Error)
	}
	fmt.Fprintf(&b, "\n(graded with %s, GOMAXPROCS=%d, race detector %v, network isolated %v, specs %s)",
		s.Environment.GoVersion, s.Environment.GOMAXPROCS, s.Environment.Race, s.Environment.Sandboxed, s.Environment.SpecsHash[:min(12, len(s.Environment.SpecsHash))])
	return b.String()
}

func roundSeconds(s float64) float64 { return float64(int(s*10+0.5)) / 10 }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
