package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// cellWidth is the number of terminal cells r takes, by its East Asian
// width (golang.org/x/text/width): two for wide and full-width characters,
// Hangul among them; none for combining marks and control characters; one
// for the rest, ambiguous ones (✓, ✗, │, …) included, as terminals draw
// them outside East Asian locales.
func cellWidth(r rune) int {
	switch {
	case r < 0x20 || r == 0x7f:
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me), r == '\u200b':
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// escapeLen returns the length in bytes of the terminal escape sequence at
// the start of s (a CSI sequence such as a colour, "\x1b[31m", or a
// screen clear, "\x1b[2J"), or 0 if s does not start with one.
func escapeLen(s string) int {
	if len(s) < 2 || s[0] != '\x1b' {
		return 0
	}
	if s[1] != '[' {
		return 2
	}
	for i := 2; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	}
	return len(s)
}

// cellsOf returns the printed width of s in terminal cells; escape
// sequences take none.
func cellsOf(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if e := escapeLen(s[i:]); e > 0 {
			i += e
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += cellWidth(r)
		i += size
	}
	return n
}

// Fit wraps each line of s that is wider than width terminal cells (0 or
// less: s is returned as it is). Lines break at spaces only: a word wider
// than the room left keeps a line of its own, however long. A continuation
// line starts at the line's hanging indent (see hangingIndent), so that a
// message stays in its column:
//
//	✗ fail        Pids runs n goroutines at the same time, and this
//	              name goes on here
func Fit(s string, width int) string {
	if width <= 0 {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if cellsOf(line) > width {
			lines[i] = strings.Join(wrapLine(line, width), "\n")
		}
	}
	return strings.Join(lines, "\n")
}

// hangingIndent returns where the continuation lines of line start, in
// cells and as the byte offset in line of the text that starts there: after
// the first gap of two or more spaces that follows the line's own
// indent (the column of a verdict line's spec name, of a table's second
// column, of code after "28 │"), else at the line's own indent. A gap that
// leaves less than half the width for text does not count.
func hangingIndent(line string, width int) (cells, offset int) {
	lead := len(line) - len(strings.TrimLeft(line, " "))
	text := line[lead:]
	if gap := strings.Index(text, "  "); gap > 0 {
		after := gap + len(text[gap:]) - len(strings.TrimLeft(text[gap:], " "))
		if after < len(text) {
			if c := lead + cellsOf(text[:after]); c <= width/2 {
				return c, lead + after
			}
		}
	}
	return lead, lead
}

// wrapLine breaks one line wider than width into lines of at most width
// cells where it can. A continuation line whose first word does not fit
// after the hanging indent starts further left, as far as that word needs.
func wrapLine(line string, width int) []string {
	hang, from := hangingIndent(line, width)
	var out []string
	for cellsOf(line) > width {
		cut := breakAt(line, width, from)
		if cut < 0 {
			break
		}
		out = append(out, strings.TrimRight(line[:cut], " "))
		rest := strings.TrimLeft(line[cut:], " ")
		word, _, _ := strings.Cut(rest, " ")
		pad := strings.Repeat(" ", max(0, min(hang, width-cellsOf(word))))
		line, from = pad+rest, len(pad)
	}
	return append(out, line)
}

// breakAt returns the byte offset of the space at which to break line so
// that what comes before it fits in width cells: the last such space after
// byte from. When none fits (the first word after from is wider than the
// room), it is the first space after that word, so that the word keeps a
// line of its own; -1 when there is no space to break at.
func breakAt(line string, width, from int) int {
	last, n := -1, 0
	for i := 0; i < len(line); {
		if e := escapeLen(line[i:]); e > 0 {
			i += e
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == ' ' && i > from && line[i-1] != ' ' {
			if n > width && last >= 0 {
				return last
			}
			if n > width {
				return i
			}
			last = i
		}
		n += cellWidth(r)
		i += size
	}
	if n > width {
		return last
	}
	return -1
}
