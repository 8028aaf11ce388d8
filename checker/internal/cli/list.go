package cli

import (
	"context"
	"fmt"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
)

func listCmd(_ context.Context, s *session, _ []string) int {
	st, err := progress.Load(s.opts.Root)
	if err != nil {
		return s.envError("list", err)
	}
	printLessons(s, st)
	return ExitOK
}

func statusCmd(_ context.Context, s *session, _ []string) int {
	st, err := progress.Load(s.opts.Root)
	if err != nil {
		return s.envError("status", err)
	}
	lessons := course.Lessons()
	done := 0
	var next *course.Lesson
	for i, l := range lessons {
		if st.Lessons[l.Dir].Done() {
			done++
		} else if next == nil {
			next = &lessons[i]
		}
	}
	s.out.Say("%s %d of %d lessons done\n\n", render.Bar(done, len(lessons), 26), done, len(lessons))
	printLessons(s, st)
	if next == nil {
		s.out.Printf("\n%s\n", s.out.Green(s.out.T("Every lesson passes. Well done.")))
	} else {
		s.out.Say("\nNext: make lesson-%s (%s)\n", next.Number, next.TitleIn(s.opts.Lang))
	}
	return ExitOK
}

// printLessons writes the course table with the learner's progress.
func printLessons(s *session, st *progress.State) {
	rows := [][]string{}
	for _, l := range course.Lessons() {
		p, seen := st.Lessons[l.Dir]
		mark, score := s.out.Dim("·"), s.out.Dim(s.out.T("not run yet"))
		switch {
		case p.Done():
			mark, score = s.out.Green("✓"), s.out.Green(fmt.Sprintf("%d/%d", p.Passed, p.Total))
		case seen:
			mark, score = s.out.Yellow("…"), fmt.Sprintf("%d/%d", p.Passed, p.Total)
		}
		rows = append(rows, []string{mark, l.Number, l.TitleIn(s.opts.Lang), score})
	}
	render.Table(s.env.Stdout, rows)
}
