package cli

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
)

// statusLine tells a waiting person what a run is doing. On a terminal it is
// one line, redrawn with the time so far and wiped before the result is
// printed; elsewhere it is one plain line per step.
type statusLine struct {
	w        io.Writer
	terminal bool
	width    int    // the terminal's columns; 0 if not known
	lang     string // language of the steps' texts

	mu    sync.Mutex
	text  string    // what is shown now; "" when nothing is
	since time.Time // when the step started
	tick  *time.Ticker
	stop  chan struct{}
}

func newStatusLine(w io.Writer, terminal bool, width int, lang string) *statusLine {
	return &statusLine{w: w, terminal: terminal, width: width, lang: lang}
}

// stepText says what a step is doing, in the learner's terms and language.
func stepText(s runner.Step, lang string) string {
	switch s.Kind {
	case runner.StepBuild:
		race := ""
		if s.Race {
			race = msg.T(lang, " with the race detector")
		}
		return msg.F(lang, "building lesson %s%s — the first build takes a minute or two, later ones a second or two", s.Lesson.Number, race)
	default:
		return msg.F(lang, "running lesson %s's specs", s.Lesson.Number)
	}
}

// Step shows step s; it is a runner.Runner's Status.
func (l *statusLine) Step(s runner.Step) {
	l.show(stepText(s, l.lang))
}

// show replaces what the line says with text.
func (l *statusLine) show(text string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.text, l.since = text, time.Now()
	if !l.terminal {
		fmt.Fprintf(l.w, "%s…\n", text)
		return
	}
	l.draw()
	if l.stop == nil {
		l.stop = make(chan struct{})
		l.tick = time.NewTicker(time.Second)
		go l.redraw(l.tick.C, l.stop)
	}
}

// redraw refreshes the time shown once a second until stop is closed.
func (l *statusLine) redraw(tick <-chan time.Time, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		case <-tick:
			l.mu.Lock()
			if l.text != "" {
				l.draw()
			}
			l.mu.Unlock()
		}
	}
}

// draw writes the line over itself: carriage return, the text, and an
// erase to the end of the line. The caller holds l.mu.
func (l *statusLine) draw() {
	secs := fmt.Sprintf(" (%ds)", int(time.Since(l.since).Seconds()))
	text := l.text
	// A line longer than the terminal wraps, and a carriage return then
	// rewrites only its last row: cut it to fit, counting cells, not runes
	// (Korean takes two cells a character).
	if l.width > 0 && render.Cells(text)+len(secs) >= l.width {
		room, cut := l.width-len(secs)-2, 0
		for i, r := range text {
			if room -= render.Cells(string(r)); room < 0 {
				break
			}
			cut = i + len(string(r))
		}
		text = text[:cut] + "…"
	}
	fmt.Fprintf(l.w, "\r%s%s\x1b[K", text, secs)
}

// Clear wipes the line, so that what comes next starts on a clean line,
// and stops the redrawing. The line can show a new step after it.
func (l *statusLine) Clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stop != nil {
		l.tick.Stop()
		close(l.stop)
		l.stop = nil
	}
	if l.terminal && l.text != "" {
		fmt.Fprint(l.w, "\r\x1b[K")
	}
	l.text = ""
}
