package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/internal/verdict"
)

const solution = `package counter

// Add adds one.
func (c *Counter) Add() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}
`

// fakeKit writes a kit with one lesson, its solution and the given files
// under the solution's testdata directory.
func fakeKit(t *testing.T, testdata map[string]string) (string, course.Lesson) {
	t.Helper()
	root := t.TempDir()
	l := course.Lesson{Number: "99", Dir: "99-counter", Stubs: []string{"counter.go"}}
	dir := filepath.Join(root, l.SolutionPath())
	if err := os.MkdirAll(filepath.Join(dir, "testdata", "old-style"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "counter.go"), []byte(solution), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, text := range testdata {
		if err := os.WriteFile(filepath.Join(dir, "testdata", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root, l
}

const unlocked = `threadlings:want race
Add without the lock: two Adds at once race.

--- a/counter.go
+++ b/counter.go
@@ -2,7 +2,5 @@
 
 // Add adds one.
 func (c *Counter) Add() {
-	c.mu.Lock()
-	defer c.mu.Unlock()
 	c.n++
 }
`

func TestVariants(t *testing.T) {
	root, l := fakeKit(t, map[string]string{
		"unlocked.patch":      unlocked,
		"stale.patch":         strings.Replace(unlocked, " \tc.n++", " \tc.n += 1", 1),
		"no-want.patch":       strings.Replace(unlocked, "threadlings:want race", "want race", 1),
		"unknown.patch":       strings.Replace(unlocked, "want race", "want slow", 1),
		"other-file.patch":    strings.ReplaceAll(unlocked, "/counter.go", "/other.go"),
		"mutants.equivalent":  "not a variant\n",
		"unlocked.patch.orig": "not a variant either\n",
	})
	vs, err := Variants(root, l)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Variant{}
	for _, v := range vs {
		got[v.Name] = v
	}
	if len(got) != 5 {
		t.Errorf("Variants found %d variants, want the 5 .patch files: %v", len(got), got)
	}

	v := got["unlocked"]
	if v.Err != nil {
		t.Fatalf("unlocked: %v", v.Err)
	}
	if v.Want != verdict.Race || v.About != "Add without the lock: two Adds at once race." {
		t.Errorf("unlocked: Want %q, About %q", v.Want, v.About)
	}
	want := strings.Replace(solution, "\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n", "", 1)
	if string(v.Files["counter.go"]) != want || len(v.Files) != 1 {
		t.Errorf("unlocked: Files = %q, want counter.go = %q", v.Files, want)
	}
	out := t.TempDir()
	if err := v.Write(out); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "counter.go")); string(b) != want {
		t.Errorf("Write wrote %q", b)
	}

	for name, says := range map[string][]string{
		"stale":      {"solutions/99-counter/testdata/stale.patch", "no longer fits the solution", "hunk 1", `line 7 is "\tc.n++", the patch wants "\tc.n += 1"`},
		"no-want":    {"no-want.patch", `does not start with "threadlings:want VERDICT"`},
		"unknown":    {`unknown verdict "slow"`},
		"other-file": {"other.go, which is not a stub file of lesson 99"},
	} {
		v := got[name]
		if v.Err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for _, s := range says {
			if !strings.Contains(v.Err.Error(), s) {
				t.Errorf("%s: the error %q does not say %q", name, v.Err, s)
			}
		}
		if p := (VariantReport{Variant: v}).Problem(); p != v.Err.Error() {
			t.Errorf("%s: Problem() = %q, want the error", name, p)
		}
		if v.Write(t.TempDir()) == nil {
			t.Errorf("%s: Write wrote a variant that does not apply", name)
		}
	}
}

// TestKitVariants checks that every known-bad variant of the kit still
// applies to its solution, without running a spec: a change to a solution
// that breaks a variant fails here, long before checker verify runs.
func TestKitVariants(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, l := range course.Lessons() {
		vs, err := Variants(root, l)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) == 0 {
			t.Errorf("lesson %s has no known-bad variant", l.Number)
		}
		for _, v := range vs {
			total++
			if v.Err != nil {
				t.Errorf("%v", v.Err)
			}
		}
	}
	t.Logf("%d variants apply", total)
}
