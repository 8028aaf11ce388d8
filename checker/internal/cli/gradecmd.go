package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/grade"
	"github.com/threadlings/threadlings/checker/internal/gradebook"
	"github.com/threadlings/threadlings/checker/internal/render"
)

func gradeCmd(ctx context.Context, s *session, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(s.env.Stderr, "checker grade: name the submissions, e.g. checker grade submissions/*")
		return ExitUsage
	}
	var lessons []course.Lesson
	if s.opts.Lessons != "" {
		var err error
		if lessons, err = lessonsFrom(strings.Split(s.opts.Lessons, ",")); err != nil {
			fmt.Fprintln(s.env.Stderr, "checker grade: --lessons:", err)
			return ExitUsage
		}
	} else {
		lessons = course.Lessons()
	}
	formats := strings.Split(s.opts.Formats, ",")
	for _, f := range formats {
		if !contains(gradebook.Formats, f) {
			fmt.Fprintf(s.env.Stderr, "checker grade: --format: unknown format %q (have %s)\n", f, strings.Join(gradebook.Formats, ", "))
			return ExitUsage
		}
	}
	out, err := filepath.Abs(s.opts.Out)
	if err != nil {
		return s.envError("grade", err)
	}
	store := filepath.Join(out, ".cache")
	if s.opts.Cache != "" {
		if store, err = filepath.Abs(s.opts.Cache); err != nil {
			return s.envError("grade", err)
		}
	}
	if s.opts.MaxMemory < 1 {
		fmt.Fprintln(s.env.Stderr, "checker grade: --max-memory must be at least 1 (MiB)")
		return ExitUsage
	}
	s.runner.MaxMemory = int64(s.opts.MaxMemory) << 20
	start := time.Now()
	progress := newGradeProgress(s)
	students, err := grade.Class(ctx, s.runner, args, grade.Options{
		Lessons:   lessons,
		Jobs:      s.opts.Jobs,
		Cache:     cache.Dir(store),
		Only:      s.opts.Only,
		Progress:  progress.update,
		Warn:      s.env.Stderr,
		Hide:      []string{out, store, string(cache.Default())},
		NoSandbox: !s.opts.Sandbox,
	})
	progress.finish()
	if err != nil {
		fmt.Fprintln(s.env.Stderr, "checker grade:", err)
		if errors.Is(err, grade.ErrReference) {
			fmt.Fprintln(s.env.Stderr, "checker grade: grading stopped: the reference must pass before students are graded against it")
		}
		return ExitEnvironment
	}
	files, err := gradebook.Write(out, students, formats)
	if err != nil {
		return s.envError("grade", err)
	}
	rows := [][]string{{"student", "points", "flags"}}
	for _, st := range students {
		rows = append(rows, []string{st.Student, fmt.Sprintf("%d/%d", st.Points, st.Max), strings.Join(st.Flags(), " ")})
	}
	render.Table(s.env.Stdout, rows)
	s.out.Printf("\ngraded %d submissions, %d lessons each, in %s; wrote %d files to %s\n", len(students), len(lessons), time.Since(start).Round(100*time.Millisecond), len(files), s.opts.Out)
	return ExitOK
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// gradeProgress shows grading progress on stderr: a bar with an ETA on a
// terminal, one plain line per graded lesson otherwise.
type gradeProgress struct {
	s     *session
	start time.Time
	mu    sync.Mutex
	drawn bool
}

func newGradeProgress(s *session) *gradeProgress { return &gradeProgress{s: s, start: time.Now()} }

func (p *gradeProgress) update(done, total int, student string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.s.env.Terminal {
		fmt.Fprintf(p.s.env.Stderr, "graded %d/%d (%s)\n", done, total, student)
		return
	}
	elapsed := time.Since(p.start)
	eta := time.Duration(float64(elapsed) / float64(done) * float64(total-done)).Round(time.Second)
	fmt.Fprintf(p.s.env.Stderr, "\r%s %d/%d  ETA %s  %-20.20s", render.Bar(done, total, 30), done, total, eta, student)
	p.drawn = true
}

func (p *gradeProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.s.env.Stderr, "\r\x1b[K")
	}
}
