// Package course is the course table: every lesson's number, directory,
// title, stub files and hints. Everything else in the checker reads it.
package course

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// Hint is one tier of help for a lesson, in English and Korean.
type Hint struct {
	EN string
	KO string
}

// Lesson is one row of the course table.
type Lesson struct {
	Number  string   // "01"
	Dir     string   // "01-goroutines", under lessons/ and solutions/
	Title   string   // English title
	TitleKO string   // Korean title
	Stubs   []string // the files a learner edits, relative to Dir
	Hints   []Hint   // from a nudge to nearly the answer
	// Allow lists what the lesson's graded code may use beyond what every
	// lesson may (see package allow): a whole package by its import path
	// ("os/exec"), or one name of a package ("os.Pipe", "syscall.Flock").
	Allow []string
}

// TitleIn returns the lesson's title in lang: "ko" for Korean, English
// otherwise.
func (l Lesson) TitleIn(lang string) string {
	if lang == "ko" && l.TitleKO != "" {
		return l.TitleKO
	}
	return l.Title
}

// Package returns the lesson's Go package name: its directory without the
// number.
func (l Lesson) Package() string {
	_, name, _ := strings.Cut(l.Dir, "-")
	return strings.ReplaceAll(name, "-", "")
}

// LessonPath returns the lesson's directory, slash-separated, relative to
// the kit's root.
func (l Lesson) LessonPath() string { return path.Join("lessons", l.Dir) }

// SolutionPath returns the directory of the lesson's reference solution,
// relative to the kit's root.
func (l Lesson) SolutionPath() string { return path.Join("solutions", l.Dir) }

// Lessons returns the course table in lesson order.
func Lessons() []Lesson { return table }

// Find returns the lesson named by s: its number ("3" or "03") or its
// directory ("03-daemon").
func Find(s string) (Lesson, error) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "lesson-"))
	if n, err := strconv.Atoi(s); err == nil {
		s = fmt.Sprintf("%02d", n)
	}
	for _, l := range table {
		if l.Number == s || l.Dir == s {
			return l, nil
		}
	}
	return Lesson{}, fmt.Errorf("no lesson %q: the course has lessons %s to %s (make list shows them, as does bin/checker list)", s, table[0].Number, table[len(table)-1].Number)
}
