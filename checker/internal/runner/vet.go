package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
)

// VetAnalyzers are the go vet analyzers that Vet runs: the ones that catch
// mistakes of concurrent code, and a few that catch mistakes a learner
// makes on the way.
var VetAnalyzers = []string{"atomic", "copylocks", "defers", "httpresponse", "loopclosure", "lostcancel", "printf", "unusedresult", "waitgroup"}

// Finding is one thing go vet found in a learner's file.
type Finding struct {
	File     string // base name of the stub file
	Line     int
	Analyzer string // which analyzer found it, e.g. "copylocks"
	Message  string // what go vet said
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message)
}

// Vet runs VetAnalyzers on lesson l with overlay o and returns what they
// found in the lesson's stub files (or the files laid over them), in file
// and line order. It uses the same build flags as Build, so that after a
// build it reuses the build's compiled packages, and go's build cache keeps
// its results. It is meant to run beside or after the specs: nothing in a
// verdict waits for it.
func (r *Runner) Vet(ctx context.Context, l course.Lesson, o Overlay) ([]Finding, error) {
	flags := []string{"-json"}
	for _, a := range VetAnalyzers {
		flags = append(flags, "-"+a)
	}
	args, cleanup, err := r.goArgs("vet", l, o, flags...)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	cmd := exec.CommandContext(ctx, r.goCmd(), args...)
	cmd.Dir = r.Root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go vet %s: %v\n%s", l.LessonPath(), err, strings.TrimSpace(stderr.String()))
	}
	// With -json, go vet writes one JSON object per package (the package
	// and its test variants) to standard error, each mapping the package
	// to its analyzers' diagnostics.
	var out []Finding
	seen := map[Finding]bool{}
	dec := json.NewDecoder(bytes.NewReader(append(stderr.Bytes(), stdout.Bytes()...)))
	for dec.More() {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err != nil {
			break // a line that is not JSON ends what can be read
		}
		for _, analyzers := range pkgs {
			for name, raw := range analyzers {
				var diags []struct{ Posn, Message string }
				if json.Unmarshal(raw, &diags) != nil {
					continue
				}
				for _, d := range diags {
					f, ok := stubFinding(l, d.Posn)
					if !ok {
						continue
					}
					f.Analyzer, f.Message = name, d.Message
					if !seen[f] {
						seen[f] = true
						out = append(out, f)
					}
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b Finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out, nil
}

// VetCached is Vet through the result cache c: what go vet found in the
// same files before comes back at once.
func (r *Runner) VetCached(ctx context.Context, l course.Lesson, o Overlay, c cache.Dir) ([]Finding, error) {
	key, err := r.key("vet", l, o)
	if err != nil {
		key = ""
	}
	var found []Finding
	if c.Load(key, &found) {
		return found, nil
	}
	found, err = r.Vet(ctx, l, o)
	if err == nil {
		c.Store(key, found)
	}
	return found, err
}

// stubFinding locates a go vet position ("file:line:col") in one of the
// lesson's stub files; spec files are not the learner's to fix.
func stubFinding(l course.Lesson, posn string) (Finding, bool) {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return Finding{}, false
	}
	file := filepath.Base(strings.Join(parts[:len(parts)-2], ":"))
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil || !slices.Contains(l.Stubs, file) {
		return Finding{}, false
	}
	return Finding{File: file, Line: line}, true
}
