package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/checker/internal/watch"
)

// watchKeys is the line that says what watch listens for.
func watchKeys(lang string) string {
	return msg.T(lang, "Save a file to run again · h hint · n next lesson · r run again · l list · q quit (then Enter)")
}

// watchCmd runs a lesson each time one of its files changes, and goes on to
// the next lesson when it passes.
func watchCmd(ctx context.Context, s *session, args []string) int {
	lessons := course.Lessons()
	at := 0
	if len(args) == 1 {
		l, err := course.Find(args[0])
		if err != nil {
			fmt.Fprintln(s.env.Stderr, "checker watch:", err)
			return ExitUsage
		}
		at = indexOf(lessons, l)
	} else if st, err := progress.Load(s.opts.Root); err == nil {
		for at < len(lessons)-1 && st.Lessons[lessons[at].Dir].Done() {
			at++
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	keys := readKeys(ctx, s)
	runs := 0
	var saved time.Time
	for {
		l := lessons[at]
		// Watch from before the run: a save during the run stops it and
		// starts it again on the new text.
		wctx, stop := context.WithCancel(ctx)
		changes := watch.Files(wctx, filepath.Join(s.opts.Root, l.LessonPath()), watch.Options{Poll: s.opts.Poll})
		runs++
		res, vet, change, err := s.runUnlessChanged(ctx, l, changes)
		if change != nil {
			stop()
			saved = change.Saved
			if s.opts.MaxRuns > 0 && runs >= s.opts.MaxRuns+1 {
				return ExitOK
			}
			continue
		}
		if err != nil {
			stop()
			return s.envError("watch", err)
		}
		s.showWatchRun(res, vet, saved)
		if err := saveProgress(s.opts.Root, res); err != nil {
			fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker: could not save progress: %v\n", err))
		}
		if s.opts.MaxRuns > 0 && runs >= s.opts.MaxRuns {
			stop()
			return ExitOK
		}
		if res.OK() && at < len(lessons)-1 {
			stop()
			at++
			saved = time.Time{}
			s.out.Printf("%s %s\n", s.out.Green(s.out.Tf("Lesson %s passes!", l.Number)), s.out.Tf("Next: lesson %s, %s.", lessons[at].Number, lessons[at].TitleIn(s.opts.Lang)))
			continue
		}
		quit := s.waitForWatch(changes, keys, &at, lessons, &saved)
		stop()
		if quit {
			return ExitOK
		}
	}
}

// runUnlessChanged runs lesson l, and stops the run if the files change
// before it ends: the change is returned and the result is not.
func (s *session) runUnlessChanged(ctx context.Context, l course.Lesson, changes <-chan watch.Change) (*runner.Result, *vetJob, *watch.Change, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		res *runner.Result
		vet *vetJob
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, vet, err := s.runLesson(ctx, l, runner.Stub())
		done <- outcome{res, vet, err}
	}()
	select {
	case o := <-done:
		return o.res, o.vet, nil, o.err
	case c, ok := <-changes:
		cancel()
		<-done
		if !ok {
			return nil, nil, nil, ctx.Err()
		}
		return nil, nil, &c, nil
	}
}

// waitForWatch waits for a change of the files or a key; it reports quit
// when the learner asked to stop.
func (s *session) waitForWatch(changes <-chan watch.Change, keys <-chan string, at *int, lessons []course.Lesson, saved *time.Time) (quit bool) {
	for {
		select {
		case c, ok := <-changes:
			if !ok {
				return true
			}
			*saved = c.Saved
			return false
		case k, ok := <-keys:
			if !ok {
				// No more input: keep watching files only.
				keys = nil
				continue
			}
			switch k {
			case "q":
				return true
			case "r":
				*saved = time.Time{}
				return false
			case "n":
				if *at < len(lessons)-1 {
					*at++
				}
				*saved = time.Time{}
				return false
			case "h":
				hintCmd(context.Background(), s, []string{lessons[*at].Number})
			case "l":
				if st, err := progress.Load(s.opts.Root); err == nil {
					printLessons(s, st)
				}
			default:
				s.out.Printf("%s\n", watchKeys(s.opts.Lang))
			}
		}
	}
}

// showWatchRun prints one run: on a terminal, on a clean screen written in
// one piece so that it does not flicker; otherwise as plain lines.
func (s *session) showWatchRun(res *runner.Result, vet *vetJob, saved time.Time) {
	started := time.Now().Add(-res.Elapsed) // before waiting for go vet
	var buf bytes.Buffer
	p := &render.Printer{W: &buf, Color: s.out.Color, Lang: s.out.Lang}
	if s.env.Terminal {
		buf.WriteString("\x1b[H\x1b[2J")
	} else {
		buf.WriteString("\n")
	}
	printResult(p, res, s.opts.Verbose)
	s.printVetNotes(p, vet)
	if !saved.IsZero() {
		p.Printf("%s\n", p.Dim(p.Tf("(run started %s after the save)", started.Sub(saved).Round(time.Millisecond))))
	}
	p.Printf("%s\n", p.Dim(watchKeys(p.Lang)))
	s.env.Stdout.Write(buf.Bytes())
}

// readKeys delivers the learner's commands, one per line, until input ends.
func readKeys(ctx context.Context, s *session) <-chan string {
	keys := make(chan string)
	go func() {
		defer close(keys)
		if s.env.Stdin == nil {
			return
		}
		sc := bufio.NewScanner(s.env.Stdin)
		for sc.Scan() {
			select {
			case keys <- strings.ToLower(strings.TrimSpace(sc.Text())):
			case <-ctx.Done():
				return
			}
		}
	}()
	return keys
}

func indexOf(lessons []course.Lesson, l course.Lesson) int {
	for i, x := range lessons {
		if x.Dir == l.Dir {
			return i
		}
	}
	return 0
}
