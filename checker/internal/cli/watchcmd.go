package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/progress"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/checker/internal/watch"
)

// watchKeys is the line that says what watch listens for: single keys on
// a terminal (raw), a key and Enter elsewhere.
func watchKeys(lang string, raw bool) string {
	if raw {
		return msg.T(lang, "Save a file to run again · h hint · n next lesson · r run again · l list · q quit")
	}
	return msg.T(lang, "Save a file to run again · h hint · n next lesson · r run again · l list · q quit (then Enter)")
}

// watchCmd runs a lesson each time one of its files changes, and waits on a
// pass for the learner to go on. Earlier lessons stay watched: saving one
// of their files runs that lesson again.
func watchCmd(ctx context.Context, s *session, args []string) int {
	lessons := course.Lessons()
	at := 0
	if len(args) > 0 {
		l, ok := oneLesson(s, "watch", args)
		if !ok {
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
	kb := openKeyboard(s.env.Stdin)
	defer kb.restore()
	defer kb.restoreOnPanic()

	// Ctrl-C, or a kill: the terminal is put back first, then the checker
	// ends the way it would have without watch (by the same signal).
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	var caught atomic.Value // os.Signal
	go func() {
		select {
		case sig := <-sigs:
			caught.Store(sig)
			cancel()
		case <-ctx.Done():
		}
	}()
	w := &watcher{s: s, kb: kb, lessons: lessons, at: at, reached: at}
	code := w.loop(ctx)
	cancel()
	sig, _ := caught.Load().(os.Signal)
	if sig == nil && w.interrupted {
		sig = os.Interrupt
	}
	if sig != nil {
		kb.restore()
		raise(sig)
	}
	return code
}

// watcher is one session of watch mode.
type watcher struct {
	s       *session
	kb      *keyboard
	keys    <-chan string
	lessons []course.Lesson
	at      int // the lesson shown
	reached int // the furthest lesson shown: it and every one before it are watched

	changes  <-chan watch.Change
	watching int // how many lessons changes covers
	stop     context.CancelFunc

	saved       time.Time // when the file that started this run was saved; zero if no save did
	runs        int
	pending     []string // keys pressed during a run, for when its result shows
	announced   bool     // the next run's "running…" is on the screen already
	interrupted bool     // Ctrl-C came as a key
}

// action is what a key asks of the watch loop.
type action int

const (
	stay  action = iota // keep waiting
	rerun               // run the lesson at w.at
	quit                // stop watching
)

func (w *watcher) loop(ctx context.Context) int {
	s := w.s
	w.keys = w.kb.keys(ctx)
	defer func() {
		if w.stop != nil {
			w.stop()
		}
	}()
	for {
		w.reached = max(w.reached, w.at)
		w.watch(ctx)
		l := w.lessons[w.at]
		w.runs++
		if !w.announced {
			w.showRunning(l)
		}
		w.announced = false
		res, vet, change, key, err := w.runUnlessChanged(ctx, l)
		switch {
		case ctx.Err() != nil:
			return ExitOK
		case change != nil:
			if s.opts.MaxRuns > 0 && w.runs >= s.opts.MaxRuns+1 {
				return ExitOK
			}
			continue
		case key != "":
			if w.key(key) == quit {
				return ExitOK
			}
			continue
		case err != nil:
			return s.envError("watch", err)
		}
		w.showRun(res, vet)
		if err := saveProgress(s.opts.Root, res); err != nil {
			fmt.Fprint(s.env.Stderr, msg.F(s.opts.Lang, "checker: could not save progress: %v\n", err))
		}
		if s.opts.MaxRuns > 0 && w.runs >= s.opts.MaxRuns {
			return ExitOK
		}
		if w.wait(ctx) {
			return ExitOK
		}
	}
}

// watch makes sure that the files of every lesson up to the furthest one
// reached are watched.
func (w *watcher) watch(ctx context.Context) {
	if w.changes != nil && w.watching == w.reached+1 {
		return
	}
	if w.stop != nil {
		w.stop()
	}
	var wctx context.Context
	wctx, w.stop = context.WithCancel(ctx)
	dirs := make([]string, 0, w.reached+1)
	for _, l := range w.lessons[:w.reached+1] {
		dirs = append(dirs, w.dir(l))
	}
	w.changes = watch.Files(wctx, dirs, watch.Options{Poll: w.s.opts.Poll})
	w.watching = w.reached + 1
}

func (w *watcher) dir(l course.Lesson) string {
	return filepath.Join(w.s.opts.Root, l.LessonPath())
}

// changed makes the lesson whose files changed the one to run.
func (w *watcher) changed(c watch.Change) {
	for i, l := range w.lessons {
		if w.dir(l) == c.Dir {
			w.at = i
		}
	}
	w.saved = c.Saved
}

// runUnlessChanged runs lesson l, and stops the run if files change or q
// or n is pressed before it ends: the change or the key is returned and
// the result is not. Other keys wait for the run to end.
func (w *watcher) runUnlessChanged(ctx context.Context, l course.Lesson) (*runner.Result, *vetJob, *watch.Change, string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		res *runner.Result
		vet *vetJob
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer w.kb.restoreOnPanic()
		res, vet, err := w.s.runLesson(ctx, l, runner.Stub())
		done <- outcome{res, vet, err}
	}()
	keys := w.keys
	for {
		select {
		case o := <-done:
			return o.res, o.vet, nil, "", o.err
		case c, ok := <-w.changes:
			cancel()
			if !ok {
				<-done
				return nil, nil, nil, "", ctx.Err()
			}
			// Say so before the stopped run has wound down.
			w.changed(c)
			w.showRunning(w.lessons[w.at])
			w.announced = true
			<-done
			return nil, nil, &c, "", nil
		case k, ok := <-keys:
			if !ok {
				keys = nil
				continue
			}
			if k == "q" || k == "n" || k == interrupt {
				cancel()
				<-done
				return nil, nil, nil, k, nil
			}
			// Anything else is for after the run: it shows under the
			// result.
			w.pending = append(w.pending, k)
		}
	}
}

// wait waits for a change of the files or a key; it reports quit when the
// learner asked to stop.
func (w *watcher) wait(ctx context.Context) (stop bool) {
	for len(w.pending) > 0 {
		k := w.pending[0]
		w.pending = w.pending[1:]
		if a := w.key(k); a != stay {
			return a == quit
		}
	}
	for {
		select {
		case <-ctx.Done():
			return true
		case c, ok := <-w.changes:
			if !ok {
				return true
			}
			w.changed(c)
			return false
		case k, ok := <-w.keys:
			if !ok {
				// No more input: keep watching files only.
				w.keys = nil
				continue
			}
			if a := w.key(k); a != stay {
				return a == quit
			}
		}
	}
}

// key does what key k asks. A hint or the list is added under the result
// on the screen.
func (w *watcher) key(k string) action {
	s := w.s
	switch k {
	case "q":
		return quit
	case interrupt:
		w.interrupted = true
		return quit
	case "r":
		w.saved = time.Time{}
		return rerun
	case "n":
		w.saved = time.Time{}
		if w.at < len(w.lessons)-1 {
			w.at++
			return rerun
		}
		s.out.Printf("%s\n", s.out.T("That was the last lesson: q to quit."))
	case "h":
		s.out.Printf("\n")
		if err := s.showHint(w.lessons[w.at], "\n"+s.out.T("Press h again for the next hint.")+"\n"); err != nil {
			fmt.Fprintln(s.env.Stderr, "checker watch:", err)
		}
	case "l":
		if st, err := progress.Load(s.opts.Root); err == nil {
			s.out.Printf("\n")
			printLessons(s, st)
		}
	default:
		s.out.Printf("%s\n", w.footer())
	}
	return stay
}

func (w *watcher) footer() string {
	return watchKeys(w.s.opts.Lang, w.kb.raw)
}

// showRunning says at once that a run has begun, on a cleared screen on a
// terminal: the learner sees that the save was seen while the lesson
// builds and runs.
func (w *watcher) showRunning(l course.Lesson) {
	s := w.s
	var buf bytes.Buffer
	if s.env.Terminal {
		buf.WriteString("\x1b[H\x1b[2J")
	} else if w.runs > 1 {
		buf.WriteString("\n")
	}
	p := &render.Printer{W: &buf, Color: s.out.Color, Lang: s.out.Lang, Width: s.out.Width}
	p.Printf("%s\n", p.Bold(p.Tf("Lesson %s (%s): running…", l.Number, l.TitleIn(s.opts.Lang))))
	s.env.Stdout.Write(buf.Bytes())
}

// showRun prints one run: on a terminal, on a clean screen written in one
// piece so that it does not flicker; otherwise as plain lines.
func (w *watcher) showRun(res *runner.Result, vet *vetJob) {
	s := w.s
	shown := time.Now() // before waiting for go vet
	started := shown.Add(-res.Elapsed)
	var buf bytes.Buffer
	p := &render.Printer{W: &buf, Color: s.out.Color, Lang: s.out.Lang, Width: s.out.Width}
	if s.env.Terminal {
		buf.WriteString("\x1b[H\x1b[2J")
	}
	printResult(p, res, s.opts.Verbose, true)
	s.printVetNotes(p, vet)
	switch {
	case w.saved.IsZero():
	case res.Cached:
		// The run that made this result was an earlier one: its start
		// says nothing about this save.
		p.Printf("%s\n", p.Dim(p.Tf("(the same code ran before: result from the cache, shown %s after the save)", shown.Sub(w.saved).Round(time.Millisecond))))
	default:
		p.Printf("%s\n", p.Dim(p.Tf("(run started %s after the save)", started.Sub(w.saved).Round(time.Millisecond))))
	}
	if res.OK() {
		l := res.Lesson
		if w.at < len(w.lessons)-1 {
			p.Printf("\n%s %s\n", p.Green(p.Tf("Lesson %s passes!", l.Number)), p.T("n for next, q to quit"))
		} else {
			p.Printf("\n%s %s\n", p.Green(p.Tf("Lesson %s passes!", l.Number)), p.T("That was the last lesson: q to quit."))
		}
	} else {
		p.Printf("%s\n", p.Dim(w.footer()))
	}
	s.env.Stdout.Write(buf.Bytes())
}

// raise ends the checker by signal sig, as if watch had not caught it; if
// the signal cannot be sent, it exits with the shell's code for it.
func raise(sig os.Signal) {
	signal.Reset(sig)
	if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
		time.Sleep(time.Second) // the signal is on its way
	}
	code := 130
	if n, ok := sig.(syscall.Signal); ok {
		code = 128 + int(n)
	}
	os.Exit(code)
}

func indexOf(lessons []course.Lesson, l course.Lesson) int {
	for i, x := range lessons {
		if x.Dir == l.Dir {
			return i
		}
	}
	return 0
}
