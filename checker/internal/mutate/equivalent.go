package mutate

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/runner"
)

// EquivalentFile lists a lesson's equivalent mutants, relative to its
// solution directory. It is a file, not a directory, so verify does not take
// it for a known-bad variant (those are directories of testdata), and go
// ignores everything under testdata.
//
// Each line is a mutant's ID, white space, and a one-line reason why the
// mutant behaves like the solution as far as the lesson's contract goes.
// Blank lines and lines starting with # are comments:
//
//	# the doc comment does not say …
//	lock.go:Lock.Locked:rwlock-swap#1  a read lock excludes the writers just as well here
const EquivalentFile = "testdata/mutants.equivalent"

// ReadEquivalents returns the equivalent mutants listed for lesson l, ID →
// reason; none if the lesson has no list.
func ReadEquivalents(root string, l course.Lesson) (map[string]string, error) {
	path := filepath.Join(root, l.SolutionPath(), EquivalentFile)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, " ")
		if i := strings.IndexAny(id, "\t"); i >= 0 {
			id, reason = id[:i], id[i+1:]+" "+reason
		}
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason: say in one line why it is equivalent", path, n, id)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", path, n, id)
		}
		out[id] = reason
	}
	return out, sc.Err()
}

// CheckEquivalents runs only the mutants that lesson l lists as equivalent
// and returns what is no longer true of the list: a listed mutant that does
// not exist, that the specs now kill, or that could not be run. It is
// verify's check; no list is no problem.
func CheckEquivalents(ctx context.Context, r *runner.Runner, l course.Lesson, c cache.Dir) ([]string, error) {
	eq, err := ReadEquivalents(r.Root, l)
	if err != nil || len(eq) == 0 {
		return nil, err
	}
	only := map[string]bool{}
	for id := range eq {
		only[id] = true
	}
	rep := Run(ctx, r, []course.Lesson{l}, Options{Jobs: 1, Only: only, Cache: c})[0]
	if rep.Err != nil {
		return nil, rep.Err
	}
	problems := rep.Problems
	for _, o := range rep.Outcomes {
		if o.Status == Errored || o.Status == Invalid {
			problems = append(problems, fmt.Sprintf("%s lists %s, which could not be run: %s", EquivalentFile, o.ID, o.Why))
		}
	}
	return problems, nil
}
