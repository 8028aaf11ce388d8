// Package render writes the checker's human output: verdict lines, summaries
// and tables, in colour only when asked to.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Printer writes human output to W.
type Printer struct {
	W     io.Writer
	Color bool   // ANSI colour; only for a terminal, never with NO_COLOR
	Lang  string // language of the learner's messages: msg.English or msg.Korean
	// Width is the number of terminal cells to wrap output at (see Fit);
	// 0 leaves lines as they are, as piped output is.
	Width int
}

// UseColor reports whether output should be coloured: only on a terminal,
// never when NO_COLOR is set (https://no-color.org) and never when TERM is
// "dumb".
func UseColor(terminal bool, getenv func(string) string) bool {
	return terminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

const (
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

func (p *Printer) paint(code, s string) string {
	if !p.Color || s == "" {
		return s
	}
	return code + s + reset
}

// Green, Red, Yellow, Bold and Dim colour s when colour is on.
func (p *Printer) Green(s string) string  { return p.paint(green, s) }
func (p *Printer) Red(s string) string    { return p.paint(red, s) }
func (p *Printer) Yellow(s string) string { return p.paint(yellow, s) }
func (p *Printer) Bold(s string) string   { return p.paint(bold, s) }
func (p *Printer) Dim(s string) string    { return p.paint(dim, s) }

// Printf writes to the printer.
func (p *Printer) Printf(format string, args ...any) {
	fmt.Fprint(p.W, Fit(fmt.Sprintf(format, args...), p.Width))
}

// T returns message s in the printer's language (see package msg).
func (p *Printer) T(s string) string { return msg.T(p.Lang, s) }

// Tf formats message format in the printer's language.
func (p *Printer) Tf(format string, args ...any) string { return msg.F(p.Lang, format, args...) }

// Say writes message format, in the printer's language, formatted with args.
func (p *Printer) Say(format string, args ...any) {
	fmt.Fprint(p.W, Fit(p.Tf(format, args...), p.Width))
}

// Verdict returns v as a fixed-width word with a mark: "✓ pass" or
// "✗ timeout".
func (p *Printer) Verdict(v verdict.Verdict) string {
	word := p.T(string(v))
	word += strings.Repeat(" ", max(0, 11-visibleLen(word)))
	switch v {
	case verdict.Pass:
		return p.Green("✓ " + word)
	case verdict.NotRun:
		return p.Dim("- " + word)
	case verdict.Race, verdict.Leak, verdict.Timeout:
		return p.Yellow("✗ " + word)
	default:
		return p.Red("✗ " + word)
	}
}

// Indent prefixes every line of s with pad.
func Indent(s, pad string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad) + "\n"
}

// Bar draws a progress bar of width cells for done out of total.
func Bar(done, total, width int) string {
	if total <= 0 {
		return "[" + strings.Repeat("·", width) + "]"
	}
	full := done * width / total
	return "[" + strings.Repeat("█", full) + strings.Repeat("·", width-full) + "]"
}

// Table writes rows as aligned columns separated by two spaces.
func Table(w io.Writer, rows [][]string) {
	widths := map[int]int{}
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], visibleLen(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-visibleLen(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// visibleLen is the printed width of s in terminal cells, not counting
// colour codes.
func visibleLen(s string) int { return cellsOf(s) }

// Cells returns the printed width of s in terminal cells, not counting
// colour codes: Hangul takes two cells a character.
func Cells(s string) int { return visibleLen(s) }

// Wrap breaks s into lines of at most width terminal cells, at spaces
// (Hangul takes two cells a character). A word longer than width gets a
// line of its own.
func Wrap(s string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		n := 0
		for j, word := range strings.Fields(para) {
			w := visibleLen(word)
			if j > 0 && n+1+w > width {
				b.WriteString("\n")
				n = 0
			} else if j > 0 {
				b.WriteString(" ")
				n++
			}
			b.WriteString(word)
			n += w
		}
	}
	return b.String()
}
