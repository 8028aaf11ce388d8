package course_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// A Python snippet of a README, as written, with what the README says about
// it. The lessons teach Go by way of Python's threading and multiprocessing,
// so each ```python block must be true Python: it runs under python3 and
// does what the lesson says it does.
//
// What a block does is said in an HTML comment just above it, which
// Markdown does not show, one "key: value" a line:
//
//	<!-- python
//	stdin: threads             the input the program reads
//	offline: why               urllib.request is replaced by a small fake web
//	needs: 3.13                the oldest Python that runs it
//	raises: RuntimeError       the program ends with this uncaught exception
//	prints: Thread-1* None False   printed, after what the prints above match
//	fragment: why              not a program (calls on names from elsewhere):
//	                           it is only compiled
//	-->
//
// A block with no comment must run and exit 0. Whatever does not raise must
// print nothing to stderr. A "prints" line matches within one line of the
// output, in the order the prints are listed; * matches any text.
type snippet struct {
	file     string // the README, from the kit's root
	line     int    // of the ```python line
	code     string
	stdin    string
	offline  bool
	needs    [2]int // major, minor
	raises   string
	prints   []string
	fragment bool
}

// pythonReadmes are the READMEs whose Python must run: the top README and
// every lesson's, in both languages.
func pythonReadmes(t *testing.T, root string) []string {
	files := []string{"README.md"}
	for _, l := range course.Lessons() {
		for _, readme := range []string{"README.md", "README.ko.md"} {
			files = append(files, filepath.Join(l.LessonPath(), readme))
		}
	}
	return files
}

// snippets reads the ```python blocks of the README at root/file.
func snippets(t *testing.T, root, file string) []snippet {
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out []snippet
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```python" {
			continue
		}
		s := snippet{file: file, line: i + 1}
		end := i + 1
		for end < len(lines) && strings.TrimSpace(lines[end]) != "```" {
			end++
		}
		if end == len(lines) {
			t.Fatalf("%s:%d: the python block never ends", file, s.line)
		}
		s.code = strings.Join(lines[i+1:end], "")
		before := strings.Join(lines[:i], "")
		if start := strings.LastIndex(before, "<!-- python\n"); start >= 0 && strings.HasSuffix(before, "-->\n") {
			body := strings.TrimSuffix(before[start+len("<!-- python\n"):], "-->\n")
			if strings.Contains(body, "-->") {
				t.Fatalf("%s:%d: the python comment above the block does not end right above it", file, s.line)
			}
			if err := s.annotate(body); err != nil {
				t.Fatalf("%s:%d: %v", file, s.line, err)
			}
		}
		out = append(out, s)
		i = end
	}
	return out
}

// annotate reads the "key: value" lines of a block's comment.
func (s *snippet) annotate(text string) error {
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		key, value, ok := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		if !ok {
			return fmt.Errorf("%q in the python comment is not \"key: value\"", line)
		}
		switch key {
		case "stdin":
			s.stdin = value + "\n"
		case "offline":
			s.offline = true
		case "needs":
			major, minor, _ := strings.Cut(value, ".")
			a, err1 := strconv.Atoi(major)
			b, err2 := strconv.Atoi(minor)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("needs: %q is not a Python version like 3.13", value)
			}
			s.needs = [2]int{a, b}
		case "raises":
			s.raises = value
		case "prints":
			s.prints = append(s.prints, value)
		case "fragment":
			s.fragment = true
		default:
			return fmt.Errorf("unknown key %q in the python comment", key)
		}
	}
	return nil
}

// fakeWeb stands in for the network in an offline snippet: every URL is a
// page that links to two pages below it.
const fakeWeb = `import io as _io, urllib.request as _request

def _page(url):
    url = getattr(url, "full_url", url).rstrip("/") + "/"
    return ('<html><a href="%sa/">a</a> <a href="%sb/">b</a></html>' % (url, url)).encode()

def _urlopen(url, *args, **kwargs):
    return _io.BytesIO(_page(url))

def _urlretrieve(url, filename, *args, **kwargs):
    with open(filename, "wb") as f:
        f.write(_page(url))
    return filename, None

_request.urlopen, _request.urlretrieve = _urlopen, _urlretrieve

`

// A python is an interpreter found on the PATH.
type python struct {
	path    string // the interpreter itself, not a launcher (pyenv's shims are slow)
	version [2]int // major, minor
}

// pythons finds python3 and any newer python3.N on the PATH, once.
var pythons = sync.OnceValue(func() []python {
	var out []python
	for _, name := range []string{"python3", "python3.13", "python3.14", "python3.15"} {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		b, err := exec.Command(path, "-c", "import sys; print(sys.executable, *sys.version_info[:2])").Output()
		if err != nil {
			continue // a launcher with no interpreter behind it
		}
		var p python
		if _, err := fmt.Sscan(string(b), &p.path, &p.version[0], &p.version[1]); err == nil {
			out = append(out, p)
		}
	}
	return out
})

func older(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// pythonFor returns a python for the snippet: python3, or, for a snippet
// that needs a newer one, a python3.N on the PATH that is new enough. The
// second result is the python3 that was too old, if none was found.
func pythonFor(s snippet) (python, bool) {
	all := pythons()
	for _, p := range all {
		if !older(p.version, s.needs) {
			return p, true
		}
	}
	if len(all) == 0 {
		return python{}, false
	}
	return all[0], false
}

func TestReadmePythonRuns(t *testing.T) {
	root := "../../.."
	if len(pythons()) == 0 || pythons()[0].version[0] != 3 {
		t.Skip("no python3 on the PATH: the READMEs' Python snippets were not run")
	}
	count := 0
	for _, file := range pythonReadmes(t, root) {
		for _, s := range snippets(t, root, file) {
			count++
			t.Run(fmt.Sprintf("%s:%d", s.file, s.line), func(t *testing.T) {
				t.Parallel()
				runSnippet(t, s)
			})
		}
	}
	if count < 26 {
		t.Errorf("found %d python blocks; the lessons have at least 26", count)
	}
}

func runSnippet(t *testing.T, s snippet) {
	problem, skip := checkSnippet(s)
	if skip != "" {
		t.Skip(skip)
	}
	if problem != "" {
		t.Errorf("%s:%d: %s", s.file, s.line, problem)
	}
}

// checkSnippet runs s and says what is wrong, or why it could not run it.
func checkSnippet(s snippet) (problem, skip string) {
	py, ok := pythonFor(s)
	v := py.version
	if !ok {
		return "", fmt.Sprintf("needs Python %d.%d; python3 is %d.%d and no newer python3.N is on the PATH", s.needs[0], s.needs[1], v[0], v[1])
	}
	dir, err := os.MkdirTemp("", "snippet-")
	if err != nil {
		return err.Error(), ""
	}
	defer os.RemoveAll(dir)
	code := s.code
	if s.offline {
		code = fakeWeb + code
	}
	script := filepath.Join(dir, "snippet.py")
	if err := os.WriteFile(script, []byte(code), 0o644); err != nil {
		return err.Error(), ""
	}
	args := []string{script}
	if s.fragment {
		args = []string{"-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", script}
	}
	ctx, cancel := context.WithTimeout(context.Background(), snippetTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, py.path, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONUNBUFFERED=1", "PYTHONDONTWRITEBYTECODE=1")
	cmd.Stdin = strings.NewReader(s.stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// The snippet's own processes (multiprocessing) go with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err = cmd.Run()
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	say := func(format string, args ...any) (string, string) {
		return fmt.Sprintf("%s (python %d.%d)\n--- stdout\n%s--- stderr\n%s", fmt.Sprintf(format, args...), v[0], v[1], stdout.String(), stderr.String()), ""
	}
	switch {
	case ctx.Err() != nil:
		return say("still running after %s: the snippet hangs", time.Since(start).Round(time.Second))
	case s.raises != "":
		last := lastLine(stderr.String())
		if err == nil || !(last == s.raises || strings.HasPrefix(last, s.raises+":")) {
			return say("the README says it ends with %s; it ended with %v and the last line of stderr %q", s.raises, err, last)
		}
	case err != nil || stderr.Len() > 0:
		return say("it should run cleanly; it ended with %v", err)
	}
	rest := stdout.String()
	for _, p := range s.prints {
		loc := regexp.MustCompile(wildcard(p)).FindStringIndex(rest)
		if loc == nil {
			return say("the README says it prints %q (after what the prints before it matched)", p)
		}
		rest = rest[loc[1]:]
	}
	return "", ""
}

// snippetTimeout bounds one snippet's run: the slowest sleeps some ten
// seconds, on a machine that may be busy.
const snippetTimeout = 2 * time.Minute

// wildcard turns a prints pattern into a regular expression: * is any text
// within a line.
func wildcard(p string) string {
	parts := strings.Split(p, "*")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return strings.Join(parts, `[^\n]*`)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// The harness itself: a block's comment is read, and a snippet that does
// not do what its comment says fails.
func TestSnippetHarness(t *testing.T) {
	dir := t.TempDir()
	readme := "Text.\n\n<!-- python\nstdin: x\nraises: ValueError\nprints: got *!\n-->\n```python\ns = input()\nprint('got', s + '!')\nraise ValueError(s)\n```\n\n```python\nprint(1)\n```\n"
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
	got := snippets(t, dir, "README.md")
	if len(got) != 2 {
		t.Fatalf("found %d snippets, want 2", len(got))
	}
	s := got[0]
	if s.line != 8 || s.stdin != "x\n" || s.raises != "ValueError" || len(s.prints) != 1 || s.prints[0] != "got *!" || s.code != "s = input()\nprint('got', s + '!')\nraise ValueError(s)\n" {
		t.Errorf("first snippet read as %+v", s)
	}
	if got[1].raises != "" || got[1].prints != nil || got[1].line != 14 {
		t.Errorf("the second snippet took the first one's comment: %+v", got[1])
	}
	if len(pythons()) == 0 {
		t.Skip("no python3 on the PATH")
	}
	for name, tt := range map[string]struct {
		s    snippet
		want string
	}{
		"wrong exception":  {snippet{code: "raise KeyError(1)\n", raises: "ValueError"}, "it ends with ValueError"},
		"no exception":     {snippet{code: "print(1)\n", raises: "ValueError"}, "it ends with ValueError"},
		"unexpected raise": {snippet{code: "raise ValueError(1)\n"}, "it should run cleanly"},
		"stderr":           {snippet{code: "import sys; sys.stderr.write('warning\\n')\n"}, "it should run cleanly"},
		"wrong order":      {snippet{code: "print('a'); print('b')\n", prints: []string{"b", "a"}}, `it prints "a"`},
		"across lines":     {snippet{code: "print('a'); print('b')\n", prints: []string{"a*b"}}, `it prints "a*b"`},
		"not compiled":     {snippet{code: "def f(:\n", fragment: true}, "it should run cleanly"},
		"no input":         {snippet{code: "input()\n"}, "EOFError"},
		"network":          {snippet{code: "import urllib.request\nurllib.request.urlopen('http://nowhere.invalid/')\n"}, "it should run cleanly"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			problem, _ := checkSnippet(tt.s)
			if !strings.Contains(problem, tt.want) {
				t.Errorf("the problem %q does not say %q", problem, tt.want)
			}
		})
	}
	t.Run("good", func(t *testing.T) {
		t.Parallel()
		if problem, _ := checkSnippet(got[0]); problem != "" {
			t.Error(problem)
		}
		offline := snippet{code: "import urllib.request\nprint(len(urllib.request.urlopen('http://site/').read()) > 0)\n", offline: true, prints: []string{"True"}}
		if problem, _ := checkSnippet(offline); problem != "" {
			t.Error(problem)
		}
	})
}
