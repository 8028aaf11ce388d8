package patch

import (
	"strings"
	"testing"
)

// numbered returns "line 1\n" … "line n\n".
func numbered(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("line " + itoa(i) + "\n")
	}
	return b.String()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// apply parses diff, checks it names one file, and applies it to old.
func apply(t *testing.T, diff, old string) (string, error) {
	t.Helper()
	p, err := Parse([]byte(diff))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(p.Files) != 1 {
		t.Fatalf("Parse found %d files, want 1", len(p.Files))
	}
	got, err := p.Files[0].Apply([]byte(old))
	return string(got), err
}

func TestApply(t *testing.T) {
	tests := []struct {
		name      string
		old, diff string
		want      string
	}{{
		name: "one hunk, as diff -u writes it",
		old:  numbered(10),
		diff: "--- a/f.go\t2026-01-01 00:00:00\n+++ b/f.go\t2026-01-01 00:00:00\n" +
			"@@ -4,5 +4,5 @@\n line 4\n line 5\n-line 6\n+line six\n line 7\n line 8\n",
		want: strings.Replace(numbered(10), "line 6\n", "line six\n", 1),
	}, {
		name: "two hunks: a removal and an addition",
		old:  numbered(20),
		diff: "--- a/f.go\n+++ b/f.go\n" +
			"@@ -1,4 +1,3 @@\n line 1\n-line 2\n line 3\n line 4\n" +
			"@@ -15,3 +14,5 @@\n line 15\n+added a\n+added b\n line 16\n line 17\n",
		want: strings.Replace(strings.Replace(numbered(20), "line 2\n", "", 1), "line 15\n", "line 15\nadded a\nadded b\n", 1),
	}, {
		name: "the file moved on: lines added above the hunk",
		old:  "new first\nnew second\n" + numbered(10),
		diff: "--- a/f.go\n+++ b/f.go\n@@ -5,3 +5,3 @@\n line 5\n-line 6\n+line six\n line 7\n",
		want: "new first\nnew second\n" + strings.Replace(numbered(10), "line 6\n", "line six\n", 1),
	}, {
		name: "an empty context line whose space was stripped",
		old:  "a\n\nb\nc\n",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -1,3 +1,3 @@\n a\n\n-b\n+B\n",
		want: "a\n\nB\nc\n",
	}, {
		name: "no newline at the end of the file",
		old:  "a\nb\nc",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -2,2 +2,2 @@\n b\n-c\n\\ No newline at end of file\n+c\n",
		want: "a\nb\nc\n",
	}, {
		name: "an insertion with no context",
		old:  "a\nb\n",
		diff: "--- f.go\n+++ f.go\n@@ -1,0 +2 @@\n+between\n",
		want: "a\nbetween\nb\n",
	}, {
		name: "the first line replaced",
		old:  "a\nb\n",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -1 +1 @@\n-a\n+A\n",
		want: "A\nb\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := apply(t, tt.diff, tt.old)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if got != tt.want {
				t.Errorf("Apply gave\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestApplyRejects(t *testing.T) {
	tests := []struct {
		name      string
		old, diff string
		want      []string // in the error
	}{{
		name: "a context line changed",
		old:  strings.Replace(numbered(10), "line 5\n", "line 5 // edited\n", 1),
		diff: "--- a/f.go\n+++ b/f.go\n@@ -4,5 +4,5 @@\n line 4\n line 5\n-line 6\n+line six\n line 7\n line 8\n",
		want: []string{"f.go: hunk 1 (@@ -4,5 +4,5 @@, patch line 3) does not apply", `line 5 is "line 5 // edited", the patch wants "line 5"`},
	}, {
		name: "a removed line changed",
		old:  numbered(10),
		diff: "--- a/f.go\n+++ b/f.go\n@@ -5,3 +5,3 @@\n line 5\n-line 6 \n+line six\n line 7\n",
		want: []string{"hunk 1", `line 6 is "line 6", the patch wants "line 6 "`},
	}, {
		name: "the second hunk no longer fits",
		old:  strings.Replace(numbered(20), "line 16\n", "line sixteen\n", 1),
		diff: "--- a/f.go\n+++ b/f.go\n" +
			"@@ -1,2 +1,2 @@\n-line 1\n+line one\n line 2\n" +
			"@@ -15,3 +15,3 @@\n line 15\n-line 16\n+line 16!\n line 17\n",
		want: []string{"hunk 2 (@@ -15,3 +15,3 @@, patch line 7)", "line 16 is"},
	}, {
		name: "the lines match in two places",
		old:  "x\ny\nz\nx\ny\nz\n",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -7,2 +7,2 @@\n x\n-y\n+Y\n",
		want: []string{"hunk 1", "match at line 1 and at line 4"},
	}, {
		name: "the file is shorter than the hunk",
		old:  "a\n",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n",
		want: []string{"hunk 1", `the file has 1 lines; the patch wants line 2 to be "b"`},
	}, {
		name: "an insertion past the end",
		old:  "a\n",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -5,0 +6 @@\n+b\n",
		want: []string{"hunk 1", "inserts after line 5"},
	}, {
		name: "the file lost its last newline",
		old:  "a\nb",
		diff: "--- a/f.go\n+++ b/f.go\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n",
		want: []string{"hunk 1", `line 2 is "b"`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := apply(t, tt.diff, tt.old)
			if err == nil {
				t.Fatalf("Apply succeeded, giving\n%q\nwant an error", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("the error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestParseHeaderAndFiles(t *testing.T) {
	diff := "threadlings:want race\nA description.\n\n" +
		"--- a/one.go\n+++ b/one.go\n@@ -1 +1 @@\n-a\n+b\n" +
		"--- a/dir/two.go\n+++ b/dir/two.go\n@@ -3,2 +3 @@ func F() {\n x\n-y\n"
	p, err := Parse([]byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	if p.Header != "threadlings:want race\nA description.\n\n" {
		t.Errorf("Header = %q", p.Header)
	}
	if len(p.Files) != 2 || p.Files[0].Name != "one.go" || p.Files[1].Name != "dir/two.go" {
		t.Fatalf("Files = %+v", p.Files)
	}
	h := p.Files[1].Hunks[0]
	if h.OldStart != 3 || h.OldLines != 2 || h.NewStart != 3 || h.NewLines != 1 || h.Line != 11 || len(h.Lines) != 2 {
		t.Errorf("hunk = %+v", h)
	}
}

func TestParseRejectsMalformed(t *testing.T) {
	const files = "--- a/f.go\n+++ b/f.go\n"
	tests := []struct {
		name, diff, want string
	}{
		{"empty", "", "no file diff"},
		{"only a header", "threadlings:want race\n", "no file diff"},
		{"a file with no hunk", files, "has no hunk"},
		{"a hunk header without ranges", files + "@@ @@\n a\n", "malformed hunk header"},
		{"a hunk header without the closing @@", files + "@@ -1 +1\n-a\n+b\n", "malformed hunk header"},
		{"a bad line number", files + "@@ -x,1 +1 @@\n-a\n+b\n", `bad line number "x"`},
		{"a bad count", files + "@@ -1,-2 +1 @@\n-a\n+b\n", `bad line count "-2"`},
		{"a line without an op", files + "@@ -1,2 +1,2 @@\n a\nb\n", "must start with ' ', '-' or '+'"},
		{"fewer lines than counted", files + "@@ -1,3 +1,3 @@\n a\n-b\n+B\n", "the hunk ends early"},
		{"more lines than counted", files + "@@ -1,1 +1,1 @@\n-a\n+b\n+c\n", "line 6: want a file's"},
		{"more old lines than counted", files + "@@ -1,1 +1,2 @@\n-a\n-b\n+c\n", "more lines than its header"},
		{"text after the last hunk", files + "@@ -1 +1 @@\n-a\n+b\ntrailing\n", `got "trailing"`},
		{"hunks out of order", files + "@@ -5 +5 @@\n-a\n+b\n@@ -2 +2 @@\n-c\n+d\n", "inside or before hunk 1"},
		{"a hunk that changes nothing", files + "@@ -1,0 +1,0 @@\n", "changes nothing"},
		{"two names", "--- a/f.go\n+++ b/g.go\n@@ -1 +1 @@\n-a\n+b\n", "names two files"},
		{"a new file", "--- /dev/null\n+++ b/f.go\n@@ -0,0 +1 @@\n+a\n", "not supported"},
		{"a path out of the directory", "--- a/../f.go\n+++ b/../f.go\n@@ -1 +1 @@\n-a\n+b\n", "not a clean relative file name"},
		{"an absolute path", "--- /etc/passwd\n+++ /etc/passwd\n@@ -1 +1 @@\n-a\n+b\n", "not a clean relative file name"},
		{"the same file twice", files + "@@ -1 +1 @@\n-a\n+b\n" + files + "@@ -3 +3 @@\n-a\n+b\n", "a second diff of f.go"},
		{"cut off inside a line", files + "@@ -1 +1 @@\n-a\n+b", "ends inside a line"},
		{"a stray no-newline marker", files + "@@ -1 +1 @@\n-a\n+b\n\\ No newline at end of file\n\\ No newline at end of file\n", "stray"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.diff))
			if err == nil {
				t.Fatalf("Parse accepted it: %+v", p)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("the error %q does not say %q", err, tt.want)
			}
		})
	}
}
