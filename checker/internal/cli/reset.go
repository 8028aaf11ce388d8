package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/mutate"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
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
	s.out.Say("This puts back, as the kit shipped them (a copy of your work is kept first):\n")
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
	backup, err := s.backUp(l, changed)
	if err != nil {
		return s.envError("reset", err)
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
	if backup != "" {
		s.out.Say("Your files as they were are kept in %s.\n", backup)
	}
	return ExitOK
}

// backUp copies the files of lesson l that reset is about to overwrite
// into a new directory, .threadlings/backup/NN-topic-TIME under the kit's
// root, and returns that directory from the root ("" when none of the
// files exists).
func (s *session) backUp(l course.Lesson, files []string) (string, error) {
	kept := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(s.opts.Root, l.LessonPath(), f))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		kept[f] = b
	}
	if len(kept) == 0 {
		return "", nil
	}
	parent := filepath.Join(s.opts.Root, ".threadlings", "backup")
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	name := l.Dir + "-" + time.Now().Format("20060102-150405")
	for n := 2; ; n++ { // two resets in one second keep two copies
		err := os.Mkdir(filepath.Join(parent, name), 0o755)
		if err == nil {
			break
		}
		if !errors.Is(err, os.ErrExist) {
			return "", err
		}
		name = fmt.Sprintf("%s-%s-%d", l.Dir, time.Now().Format("20060102-150405"), n)
	}
	for f, b := range kept {
		if err := os.WriteFile(filepath.Join(parent, name, f), b, 0o644); err != nil {
			return "", err
		}
	}
	return path.Join(".threadlings", "backup", name), nil
}

// solutionCmd shows how the reference solution of a lesson the learner has
// passed differs from the learner's files (before that, only with
// --force); --full shows the whole solution instead.
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
	var page bytes.Buffer
	out := *s.out
	out.W, out.Width = &page, 0 // code is not wrapped; the pager scrolls
	for _, stub := range l.Stubs {
		sol := path.Join(l.SolutionPath(), stub)
		want, err := os.ReadFile(filepath.Join(s.opts.Root, filepath.FromSlash(sol)))
		if err != nil {
			return s.envError("solution", err)
		}
		if s.opts.Full {
			out.Printf("%s\n%s\n\n%s\n", out.Bold("── "+sol+" "), strings.Repeat("─", 3+len(sol)), strings.TrimRight(string(want), "\n"))
			continue
		}
		mine := path.Join(l.LessonPath(), stub)
		have, _ := os.ReadFile(filepath.Join(s.opts.Root, filepath.FromSlash(mine))) // a missing file is all to add
		d := mutate.Diff(mine, sol, have, want)
		if d == "" {
			out.Say("%s is the same as the solution.\n", mine)
			continue
		}
		out.Printf("%s", colourDiff(&out, d))
	}
	if !s.opts.Full {
		out.Say("(the lines with - are yours, those with + the solution's; --full shows the whole solution)\n")
	}
	s.page(page.Bytes())
	return ExitOK
}

// colourDiff colours a unified diff's removed lines red and added lines
// green, when the printer uses colour.
func colourDiff(p *render.Printer, d string) string {
	lines := strings.SplitAfter(d, "\n")
	for i, line := range lines {
		text := strings.TrimSuffix(line, "\n")
		switch {
		case text == "":
		case strings.HasPrefix(text, "---"), strings.HasPrefix(text, "+++"):
			lines[i] = p.Bold(text) + "\n"
		case strings.HasPrefix(text, "-"):
			lines[i] = p.Red(text) + "\n"
		case strings.HasPrefix(text, "+"):
			lines[i] = p.Green(text) + "\n"
		}
	}
	return strings.Join(lines, "")
}

// page writes text to Stdout, through a pager when Stdout is a terminal:
// $PAGER, or less (-R keeps the colour; -F -X leave a text that fits on
// the screen on it, with no pager in the way). Piped output is never
// paged; when the pager cannot be started, the text is written as it is.
func (s *session) page(text []byte) {
	pager := s.env.Getenv("PAGER")
	if !s.env.Terminal || pager == "cat" {
		s.env.Stdout.Write(text)
		return
	}
	if pager == "" {
		pager = "less -R -F -X"
	}
	cmd := exec.Command("sh", "-c", pager)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(text), s.env.Stdout, s.env.Stderr
	if err := cmd.Run(); err != nil {
		// A pager that did not start (126, 127: the shell could not run
		// it) showed nothing; one that the learner quit did.
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() == 126 || exit.ExitCode() == 127 {
			s.env.Stdout.Write(text)
		}
	}
}
