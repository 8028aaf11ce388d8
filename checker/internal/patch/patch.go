// Package patch reads unified diffs and applies them strictly: every
// context and removed line must match the file exactly, nothing is fuzzed,
// and a hunk that matches nowhere, or in more than one place, is an error
// that names the file, the hunk and the line. It is what keeps the kit's
// known-bad variants (solutions/NN-topic/testdata/*.patch) honest: a change
// to a solution that a variant's patch no longer fits is caught, never
// applied by guesswork.
//
// The format is the one `diff -u` and `git diff` write. Text before the
// first "--- " line is the patch's header, free for the caller to use. A
// file's diff is a "--- a/NAME" line, a "+++ b/NAME" line naming the same
// file, and one or more hunks in order:
//
//	@@ -OLDSTART,OLDCOUNT +NEWSTART,NEWCOUNT @@ optional text
//	 a context line
//	-a removed line
//	+an added line
//	\ No newline at end of file
//
// An empty line inside a hunk counts as an empty context line (editors strip
// the lone space). Only changes to existing files are supported: no file is
// created, deleted or renamed.
package patch

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
)

// Patch is a parsed unified diff.
type Patch struct {
	Header string // the text before the first file's "--- " line
	Files  []*File
}

// File is the diff of one file.
type File struct {
	Name  string // as the diff names it, without git's a/ and b/ prefixes
	Hunks []*Hunk
}

// Hunk is one "@@" section.
type Hunk struct {
	OldStart, OldLines int
	NewStart, NewLines int
	Line               int    // the line of the "@@" line in the patch, from 1
	Text               string // the "@@" line itself
	Lines              []Line
}

// Line is one line of a hunk.
type Line struct {
	Op   byte   // ' ' context, '-' removed, '+' added
	Text string // the line's text with its newline, if it has one
}

// Parse reads a unified diff. It is strict: counts must agree with the
// hunks' lines, hunks must come in order, and nothing may follow the last
// hunk of a file but the next file.
func Parse(data []byte) (*Patch, error) {
	lines := splitLines(string(data))
	p := &Patch{}
	i := 0
	for i < len(lines) && !isFileStart(lines, i) {
		p.Header += lines[i]
		i++
	}
	if i == len(lines) {
		return nil, fmt.Errorf("no file diff (a %q line then a %q line)", "--- a/NAME", "+++ b/NAME")
	}
	for i < len(lines) {
		if !isFileStart(lines, i) {
			return nil, fmt.Errorf("line %d: want a file's %q line, a hunk's %q line or the end, got %q", i+1, "--- ", "@@", trimNL(lines[i]))
		}
		oldName, err := fileName(lines[i], "--- ", "a/")
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+1, err)
		}
		newName, err := fileName(lines[i+1], "+++ ", "b/")
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", i+2, err)
		}
		if oldName != newName {
			return nil, fmt.Errorf("line %d: the diff names two files, %q and %q: only changes to one file are supported", i+1, oldName, newName)
		}
		for _, f := range p.Files {
			if f.Name == oldName {
				return nil, fmt.Errorf("line %d: a second diff of %s", i+1, oldName)
			}
		}
		f := &File{Name: oldName}
		p.Files = append(p.Files, f)
		i += 2
		for i < len(lines) && strings.HasPrefix(lines[i], "@@") {
			h, next, err := parseHunk(lines, i)
			if err != nil {
				return nil, err
			}
			if n := len(f.Hunks); n > 0 {
				prev := f.Hunks[n-1]
				if h.OldStart < prev.OldStart+prev.OldLines {
					return nil, fmt.Errorf("line %d: hunk %d starts at old line %d, inside or before hunk %d", h.Line, n+1, h.OldStart, n)
				}
			}
			f.Hunks = append(f.Hunks, h)
			i = next
		}
		if len(f.Hunks) == 0 {
			return nil, fmt.Errorf("line %d: the diff of %s has no hunk", i+1, f.Name)
		}
	}
	return p, nil
}

// isFileStart reports whether lines[i] and lines[i+1] start a file's diff.
func isFileStart(lines []string, i int) bool {
	return i+1 < len(lines) && strings.HasPrefix(lines[i], "--- ") && strings.HasPrefix(lines[i+1], "+++ ")
}

// fileName reads the name from a "--- " or "+++ " line: the text up to a
// tab (diff puts a date there), without git's prefix.
func fileName(line, marker, prefix string) (string, error) {
	name := strings.TrimPrefix(trimNL(line), marker)
	name, _, _ = strings.Cut(name, "\t")
	name = strings.TrimSpace(name)
	if name == "/dev/null" {
		return "", fmt.Errorf("%s: creating or deleting a file is not supported", trimNL(line))
	}
	name = strings.TrimPrefix(name, prefix)
	if name == "" || path.IsAbs(name) || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") {
		return "", fmt.Errorf("%q is not a clean relative file name", name)
	}
	return name, nil
}

// parseHunk reads the hunk whose "@@" line is lines[i] and returns it with
// the index of the line after it.
func parseHunk(lines []string, i int) (*Hunk, int, error) {
	h := &Hunk{Line: i + 1, Text: trimNL(lines[i])}
	bad := func(format string, args ...any) (*Hunk, int, error) {
		return nil, 0, fmt.Errorf("line %d: %s", h.Line, fmt.Sprintf(format, args...))
	}
	rest, ok := strings.CutPrefix(h.Text, "@@ -")
	if !ok {
		return bad("malformed hunk header %q", h.Text)
	}
	ranges, _, ok := strings.Cut(rest, " @@")
	if !ok {
		return bad("malformed hunk header %q", h.Text)
	}
	oldRange, newRange, ok := strings.Cut(ranges, " +")
	if !ok {
		return bad("malformed hunk header %q", h.Text)
	}
	var err error
	if h.OldStart, h.OldLines, err = parseRange(oldRange); err != nil {
		return bad("malformed hunk header %q: %v", h.Text, err)
	}
	if h.NewStart, h.NewLines, err = parseRange(newRange); err != nil {
		return bad("malformed hunk header %q: %v", h.Text, err)
	}
	if h.OldLines == 0 && h.NewLines == 0 {
		return bad("hunk %q changes nothing", h.Text)
	}
	old, added := 0, 0
	i++
	for old < h.OldLines || added < h.NewLines {
		if i == len(lines) {
			return bad("the hunk ends early: it has %d of %d old lines and %d of %d new lines", old, h.OldLines, added, h.NewLines)
		}
		text := lines[i]
		if text == "\n" {
			text = " \n" // an empty context line whose space an editor took
		}
		op := text[0]
		l := Line{Op: op, Text: text[1:]}
		switch op {
		case ' ':
			old++
			added++
		case '-':
			old++
		case '+':
			added++
		default:
			return nil, 0, fmt.Errorf("line %d: in the hunk at line %d, a line must start with ' ', '-' or '+', got %q", i+1, h.Line, trimNL(lines[i]))
		}
		if old > h.OldLines || added > h.NewLines {
			return nil, 0, fmt.Errorf("line %d: the hunk at line %d has more lines than its header %q counts", i+1, h.Line, h.Text)
		}
		if !strings.HasSuffix(l.Text, "\n") {
			return nil, 0, fmt.Errorf("line %d: the patch ends inside a line", i+1)
		}
		i++
		if i < len(lines) && strings.HasPrefix(lines[i], `\`) {
			// "\ No newline at end of file": the line before has none.
			l.Text = strings.TrimSuffix(l.Text, "\n")
			i++
		}
		h.Lines = append(h.Lines, l)
	}
	if i < len(lines) && strings.HasPrefix(lines[i], `\`) {
		return nil, 0, fmt.Errorf("line %d: a stray %q", i+1, trimNL(lines[i]))
	}
	return h, i, nil
}

// parseRange reads "START,COUNT" or "START" (a count of one).
func parseRange(s string) (start, count int, err error) {
	a, b, hasCount := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil || start < 0 {
		return 0, 0, fmt.Errorf("bad line number %q", a)
	}
	count = 1
	if hasCount {
		if count, err = strconv.Atoi(b); err != nil || count < 0 {
			return 0, 0, fmt.Errorf("bad line count %q", b)
		}
	}
	if start == 0 && count != 0 {
		return 0, 0, fmt.Errorf("line 0 with a count of %d", count)
	}
	return start, count, nil
}

// Apply applies the file's hunks to old, its content, and returns the new
// content. Each hunk's context and removed lines must match old exactly: at
// the line the hunk names, or, when lines were added or removed above it
// since the patch was made, at the one other place where they all match. A
// hunk that matches nowhere, or in more than one place, is an error naming
// the hunk.
func (f *File) Apply(old []byte) ([]byte, error) {
	lines := splitLines(string(old))
	var out bytes.Buffer
	done := 0 // lines of old already copied or replaced
	for n, h := range f.Hunks {
		want := h.old()
		at := h.OldStart - 1
		if h.OldLines == 0 {
			at = h.OldStart // an insertion after line OldStart
		}
		if at < done || !matchAt(lines, at, want) {
			if len(want) == 0 {
				return nil, f.hunkError(n, h, "%s", mismatch(lines, at, want))
			}
			found := -1
			for k := done; k+len(want) <= len(lines); k++ {
				if matchAt(lines, k, want) {
					if found >= 0 {
						return nil, f.hunkError(n, h, "its lines match at line %d and at line %d: add context to tell them apart", found+1, k+1)
					}
					found = k
				}
			}
			if found < 0 {
				return nil, f.hunkError(n, h, "%s", mismatch(lines, at, want))
			}
			at = found
		}
		for _, l := range lines[done:at] {
			out.WriteString(l)
		}
		for _, l := range h.Lines {
			if l.Op != '-' {
				out.WriteString(l.Text)
			}
		}
		done = at + len(want)
	}
	for _, l := range lines[done:] {
		out.WriteString(l)
	}
	return out.Bytes(), nil
}

func (f *File) hunkError(n int, h *Hunk, format string, args ...any) error {
	return fmt.Errorf("%s: hunk %d (%s, patch line %d) does not apply: %s", f.Name, n+1, h.Text, h.Line, fmt.Sprintf(format, args...))
}

// old returns the lines the hunk expects in the file: context and removed.
func (h *Hunk) old() []string {
	var out []string
	for _, l := range h.Lines {
		if l.Op != '+' {
			out = append(out, l.Text)
		}
	}
	return out
}

func matchAt(lines []string, at int, want []string) bool {
	if at < 0 || at+len(want) > len(lines) {
		return false
	}
	for k, w := range want {
		if lines[at+k] != w {
			return false
		}
	}
	return true
}

// mismatch describes the first line where want differs from lines at at.
func mismatch(lines []string, at int, want []string) string {
	for k, w := range want {
		if at+k >= len(lines) {
			return fmt.Sprintf("the file has %d lines; the patch wants line %d to be %q", len(lines), at+k+1, trimNL(w))
		}
		if lines[at+k] != w {
			return fmt.Sprintf("line %d is %q, the patch wants %q, and its lines match nowhere else", at+k+1, trimNL(lines[at+k]), trimNL(w))
		}
	}
	return fmt.Sprintf("the file has %d lines; the patch inserts after line %d", len(lines), at)
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

func trimNL(s string) string { return strings.TrimSuffix(s, "\n") }
