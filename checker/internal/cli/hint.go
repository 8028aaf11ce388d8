package cli

import (
	"context"
	"fmt"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
)

// hintCmd shows one more tier of a lesson's hints each time it runs, from a
// nudge to nearly the answer, and remembers how far the learner has gone.
func hintCmd(_ context.Context, s *session, args []string) int {
	l, ok := oneLesson(s, "hint", args)
	if !ok {
		return ExitUsage
	}
	if err := s.showHint(l, s.out.Tf("\nRun make hint-%s again for the next hint.\n", l.Number)); err != nil {
		return s.envError("hint", err)
	}
	return ExitOK
}

// showHint shows lesson l's hints up to one tier more than last time, and
// says how to get the next one with more (a paragraph of its own): make in
// a shell, a key in watch.
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
		s.out.Printf("\n%s\n%s", s.out.Yellow(s.out.Tf("Hint %d of %d", i+1, len(l.Hints))), render.Indent(render.Wrap(text, 76), "  "))
	}
	switch {
	case shown < len(l.Hints):
		s.out.Printf("%s", more)
	default:
		s.out.Say("\nThat was the last hint.\n")
	}
	if shown > p.Hints {
		p.Hints = shown
		st.Lessons[l.Dir] = p
		if err := st.Save(s.opts.Root); err != nil {
			fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker: could not save progress: %v\n", err))
		}
	}
	return nil
}
