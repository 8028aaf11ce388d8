package cli

import (
	"context"
	"fmt"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
)

// hintCmd shows one more tier of a lesson's hints each time it runs, from a
// nudge to nearly the answer, and remembers how far the learner has gone.
func hintCmd(_ context.Context, s *session, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(s.env.Stderr, "checker hint: name one lesson, e.g. checker hint 01")
		return ExitUsage
	}
	l, err := course.Find(args[0])
	if err != nil {
		fmt.Fprintln(s.env.Stderr, "checker hint:", err)
		return ExitUsage
	}
	if err := s.showHint(l, fmt.Sprintf("Run make hint-%s again for the next hint.", l.Number)); err != nil {
		return s.envError("hint", err)
	}
	return ExitOK
}

// showHint shows lesson l's hints up to one tier more than last time, and
// says how to get the next one with more: make in a shell, a key in watch.
func (s *session) showHint(l course.Lesson, more string) error {
	st, err := progress.Load(s.opts.Root)
	if err != nil {
		return err
	}
	p := st.Lessons[l.Dir]
	shown := min(p.Hints+1, len(l.Hints))
	if s.opts.All {
		shown = len(l.Hints)
	}
	s.out.Printf("%s %s\n", s.out.Bold(l.Number), s.out.Bold(l.TitleIn(s.opts.Lang)))
	for i := range shown {
		text := l.Hints[i].EN
		if s.opts.Lang == "ko" {
			text = l.Hints[i].KO
		}
		s.out.Printf("\n%s\n%s", s.out.Yellow(fmt.Sprintf("Hint %d of %d", i+1, len(l.Hints))), render.Indent(render.Wrap(text, 76), "  "))
	}
	switch {
	case shown < len(l.Hints):
		s.out.Printf("\n%s\n", more)
	default:
		s.out.Printf("\nThat was the last hint.\n")
	}
	if shown > p.Hints {
		p.Hints = shown
		st.Lessons[l.Dir] = p
		if err := st.Save(s.opts.Root); err != nil {
			fmt.Fprintln(s.env.Stderr, "checker: could not save progress:", err)
		}
	}
	return nil
}
