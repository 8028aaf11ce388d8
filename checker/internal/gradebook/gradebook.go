// Package gradebook writes a graded class in the formats instructors and
// learning platforms read: a CSV gradebook, JSON per student, JUnit XML,
// Gradescope and Exercism results.json, and a class report.
package gradebook

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/grade"
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

func capOutput(s string) string { return cut(s, outputCap) }

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
		if notes := lessonNotes(l, outputCap); notes != "" {
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
