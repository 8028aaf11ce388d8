package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// formatCmds are the script commands that check what checker grade writes
// against each platform's published format.
var formatCmds = map[string]func(*testscript.TestScript, bool, []string){
	"validate":     validateJSON,
	"junittotals":  junitTotals,
	"reporter":     classroomReporter,
	"machinepaths": machinePaths,
}

// validateJSON checks JSON files against a JSON Schema:
// "validate schema.json file...".
func validateJSON(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: validate schema.json file...")
	}
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(ts.MkAbs(args[0]))
	ts.Check(err)
	files := globs(ts, args[1:])
	for _, f := range files {
		b, err := os.ReadFile(f)
		ts.Check(err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			ts.Fatalf("%s: not JSON: %v", f, err)
		}
		if err := schema.Validate(doc); err != nil {
			ts.Fatalf("%s does not conform to %s:\n%v", f, args[0], err)
		}
	}
}

// globs expands the patterns, each of which must match.
func globs(ts *testscript.TestScript, patterns []string) []string {
	var files []string
	for _, p := range patterns {
		m, err := filepath.Glob(ts.MkAbs(p))
		ts.Check(err)
		if len(m) == 0 {
			ts.Fatalf("no file matches %s", p)
		}
		files = append(files, m...)
	}
	return files
}

// junitTotals checks that a JUnit file's <testsuites> counts are the sums
// of its suites' and that it has suites: "junittotals junit.xml".
func junitTotals(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: junittotals junit.xml")
	}
	type counts struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Cases    []struct {
			Failure *struct{} `xml:"failure"`
			Error   *struct{} `xml:"error"`
		} `xml:"testcase"`
	}
	var doc struct {
		counts
		Suites []counts `xml:"testsuite"`
	}
	ts.Check(xml.Unmarshal([]byte(ts.ReadFile(args[0])), &doc))
	var sum counts
	for _, s := range doc.Suites {
		var f, e int
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e {
			ts.Fatalf("a suite says %d tests, %d failures, %d errors; its cases are %d, %d, %d", s.Tests, s.Failures, s.Errors, len(s.Cases), f, e)
		}
		sum.Tests, sum.Failures, sum.Errors = sum.Tests+s.Tests, sum.Failures+s.Failures, sum.Errors+s.Errors
	}
	if len(doc.Suites) == 0 || doc.Tests != sum.Tests || doc.Failures != sum.Failures || doc.Errors != sum.Errors {
		ts.Fatalf("testsuites says %d tests, %d failures, %d errors; its %d suites add up to %d, %d, %d",
			doc.Tests, doc.Failures, doc.Errors, len(doc.Suites), sum.Tests, sum.Failures, sum.Errors)
	}
}

// classroomReporter reads the Classroom results of every student under a
// gradebook the way GitHub Classroom's grading reporter
// (autograding-grading-reporter v1) does, and checks what it would report
// against the student's grade in students/NAME.json: "reporter OUT MAXKIB".
// The points it sends are the sum of the tests' scores; the score its table
// prints is (tests passed / tests) × max_score; the results travel
// base64-encoded in one environment variable, which must stay under
// MAXKIB.
func classroomReporter(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: reporter OUT MAXKIB")
	}
	kib, err := strconv.Atoi(args[1])
	ts.Check(err)
	for _, f := range globs(ts, []string{filepath.Join(args[0], "classroom", "*", "results.json")}) {
		name := filepath.Base(filepath.Dir(f))
		b, err := os.ReadFile(f)
		ts.Check(err)
		if n := len(base64.StdEncoding.EncodeToString(b)); n >= kib<<10 {
			ts.Fatalf("%s: %d bytes of base64, not under %d KiB", f, n, kib)
		}
		var grade struct{ Points, Max int }
		ts.Check(json.Unmarshal([]byte(ts.ReadFile(filepath.Join(args[0], "students", name+".json"))), &grade))
		var r struct {
			MaxScore int `json:"max_score"`
			Tests    []struct {
				Status string
				Score  float64
			}
		}
		ts.Check(json.Unmarshal(b, &r))
		var sum float64
		passed := 0
		for _, t := range r.Tests {
			sum += t.Score
			if t.Status == "pass" {
				passed++
			}
		}
		table := float64(passed) / float64(len(r.Tests)) * float64(r.MaxScore)
		if sum != float64(grade.Points) || r.MaxScore != grade.Max || fmt.Sprintf("%.2f", table) != fmt.Sprintf("%.2f", float64(grade.Points)) {
			ts.Fatalf("%s: the reporter would send %v/%d and print %.2f; the grade is %d/%d", name, sum, r.MaxScore, table, grade.Points, grade.Max)
		}
		ts.Logf("%s: %d bytes of base64, %d/%d points", name, base64.StdEncoding.EncodedLen(len(b)), grade.Points, grade.Max)
	}
}

// machinePaths fails if any file under the given directories names a
// folder of this machine: the script's work directory, the kit, the
// temporary directory, or a path up out of the kit ("../").
func machinePaths(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: machinepaths dir|file...")
	}
	bad := []string{ts.Getenv("WORK"), ts.Getenv("KIT"), os.TempDir() + "/", "../"}
	for _, a := range args {
		ts.Check(filepath.WalkDir(ts.MkAbs(a), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, p := range bad {
				if p == "" || p == "/" {
					continue
				}
				if i := strings.Index(string(b), p); i >= 0 {
					from := max(0, i-80)
					ts.Fatalf("%s names %q: …%s…", path, p, b[from:min(len(b), i+len(p)+80)])
				}
			}
			return nil
		}))
	}
}
