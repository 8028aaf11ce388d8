package grade

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/runner"
)

// scrubber rewrites what a run printed so that it names files only by
// their path from the kit's root ("lessons/01-goroutines/market.go:77"):
// never the machine's folders, where the instructor keeps the class or
// where an archive was unpacked, and never another student's folder (one
// run serves every student who handed in the same files).
type scrubber struct {
	paths  *strings.Replacer
	frames *regexp.Regexp // a stack frame's file, by its module path
}

// newScrubber knows the paths of one run: the kit at root and the files
// overlay lays over it.
func newScrubber(root string, o runner.Overlay) *scrubber {
	pairs := map[string]string{}
	add := func(from, to string) {
		if from != "" && from != to {
			pairs[from] = to
		}
	}
	for kit, from := range o {
		rel, err := filepath.Rel(root, kit)
		if err != nil || from == "" {
			continue
		}
		rel = filepath.ToSlash(rel)
		add(from, rel)
		if r, err := filepath.Rel(root, from); err == nil {
			add(r, rel) // the go command prints a path from its directory when that is shorter
		}
		// The submission's own root: any other file of it, by the same rule.
		if strings.HasSuffix(filepath.ToSlash(from), "/"+rel) {
			sub := from[:len(from)-len(rel)]
			add(sub, "")
			if r, err := filepath.Rel(root, sub); err == nil {
				add(r+string(filepath.Separator), "")
			}
		}
	}
	add(root+string(filepath.Separator), "")
	olds := make([]string, 0, len(pairs))
	for from := range pairs {
		olds = append(olds, from)
	}
	// Longest first: a file's path before its folder's.
	sort.Slice(olds, func(i, j int) bool {
		if len(olds[i]) != len(olds[j]) {
			return len(olds[i]) > len(olds[j])
		}
		return olds[i] < olds[j]
	})
	var args []string
	for _, from := range olds {
		args = append(args, from, pairs[from])
	}
	s := &scrubber{paths: strings.NewReplacer(args...)}
	if mod := modulePath(root); mod != "" {
		s.frames = regexp.MustCompile(`(?m)^(\s+)` + regexp.QuoteMeta(mod) + `/(\S+\.go:\d+)`)
	}
	return s
}

func (s *scrubber) text(t string) string {
	if t == "" {
		return t
	}
	t = s.paths.Replace(t)
	if s.frames != nil {
		t = s.frames.ReplaceAllString(t, "$1$2")
	}
	return t
}

// result scrubs every text of res in place.
func (s *scrubber) result(res *runner.Result) {
	res.BuildError = s.text(res.BuildError)
	res.Note = s.text(res.Note)
	res.Tampered = s.text(res.Tampered)
	res.Raw = s.text(res.Raw)
	for i, f := range res.Forbidden {
		res.Forbidden[i] = s.text(f)
	}
	for i := range res.Specs {
		sp := &res.Specs[i]
		sp.Message, sp.Where, sp.Detail, sp.Output = s.text(sp.Message), s.text(sp.Where), s.text(sp.Detail), s.text(sp.Output)
	}
}

// modulePath reads the module path from root's go.mod.
func modulePath(root string) string {
	f, err := os.Open(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`)
		}
	}
	return ""
}

// openProblem is why a submission could not be read, naming it by its own
// name: never the folder the instructor keeps it in, nor where it was
// unpacked.
func openProblem(err error, path, tmp string) string {
	msg := err.Error()
	name := filepath.Base(filepath.Clean(path))
	if abs, aerr := filepath.Abs(path); aerr == nil {
		msg = strings.ReplaceAll(msg, abs, name)
	}
	if strings.ContainsRune(path, filepath.Separator) {
		msg = strings.ReplaceAll(msg, path, name)
	}
	return strings.ReplaceAll(msg, tmp+string(filepath.Separator), "")
}
