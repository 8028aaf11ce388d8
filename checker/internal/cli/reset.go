package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/progress"
)

// oneLesson parses the single lesson argument of a command.
func oneLesson(s *session, cmd string, args []string) (course.Lesson, bool) {
	if len(args) != 1 {
		fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker %s: name one lesson, e.g. checker %s 01\n", cmd, cmd))
		return course.Lesson{}, false
	}
	l, err := course.Find(args[0])
	if err != nil {
		all := course.Lessons()
		fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker %s: no lesson %q: the course has lessons %s to %s (make list shows them)\n", cmd, args[0], all[0].Number, all[len(all)-1].Number))
		return course.Lesson{}, false
	}
	return l, true
}

// resetCmd puts a lesson's stub files back as the kit shipped them, from
// the copy inside the checker: a learner may have no git.
func resetCmd(_ context.Context, s *session, args []string) int {
	l, ok := oneLesson(s, "reset", args)
	if !ok {
		return ExitUsage
	}
	originals, err := course.Originals(l)
	if err != nil {
		return s.envError("reset", err)
	}
	var changed []string
	for _, stub := range l.Stubs {
		path := filepath.Join(s.opts.Root, l.LessonPath(), stub)
		if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, originals[stub]) {
			changed = append(changed, stub)
		}
	}
	sort.Strings(changed)
	if len(changed) == 0 {
		s.out.Say("%s is already as the kit shipped it.\n", l.LessonPath())
		return ExitOK
	}
	s.out.Say("This puts back, as the kit shipped them, and throws away your work in:\n")
	for _, f := range changed {
		s.out.Printf("  %s/%s\n", l.LessonPath(), f)
	}
	if !s.opts.Yes {
		s.out.Say("Go on? [y/N] ")
		answer, _ := bufio.NewReader(s.env.Stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			s.out.Say("Nothing changed.\n")
			return ExitFailed
		}
	}
	for _, f := range changed {
		if err := os.WriteFile(filepath.Join(s.opts.Root, l.LessonPath(), f), originals[f], 0o644); err != nil {
			return s.envError("reset", err)
		}
	}
	st, err := progress.Load(s.opts.Root)
	if err == nil {
		delete(st.Lessons, l.Dir)
		err = st.Save(s.opts.Root)
	}
	if err != nil {
		fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker: could not save progress: %v\n", err))
	}
	s.out.Say("Reset %d file(s). make lesson-%s to start again.\n", len(changed), l.Number)
	return ExitOK
}

// solutionCmd shows the reference solution of a lesson the learner has
// passed; before that, only with --force.
func solutionCmd(_ context.Context, s *session, args []string) int {
	l, ok := oneLesson(s, "solution", args)
	if !ok {
		return ExitUsage
	}
	st, err := progress.Load(s.opts.Root)
	if err != nil {
		return s.envError("solution", err)
	}
	if p := st.Lessons[l.Dir]; !p.Done() && !s.opts.Force {
		s.out.Say("Lesson %s does not pass yet (%d/%d at the last run). The solution is more use after you have fought with the lesson: try make hint-%s first.\n", l.Number, p.Passed, p.Total, l.Number)
		s.out.Say("To see it anyway: bin/checker solution --force %s\n", l.Number)
		return ExitFailed
	}
	for _, stub := range l.Stubs {
		path := filepath.Join(l.SolutionPath(), stub)
		b, err := os.ReadFile(filepath.Join(s.opts.Root, path))
		if err != nil {
			return s.envError("solution", err)
		}
		s.out.Printf("%s\n%s\n\n%s\n", s.out.Bold("── "+path+" "), strings.Repeat("─", 3+len(path)), strings.TrimRight(string(b), "\n"))
	}
	return ExitOK
}
