package mutate

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// fixture is the lesson in testdata/kit: one function per operator.
var fixture = course.Lesson{Number: "99", Dir: "99-fixture", Stubs: []string{"fixture.go"}}

var (
	fixtureOnce    sync.Once
	fixtureMutants []Mutant
	fixtureErr     error
)

// fixtureMutants makes the fixture's mutants once for every test.
func mutantsOfFixture(t *testing.T) []Mutant {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureMutants, fixtureErr = Generate("testdata/kit", fixture, nil)
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixtureMutants
}

// change is what one mutant must do: lines its diff removes and adds.
type change struct {
	id      string
	removed []string
	added   []string
}

func TestOperators(t *testing.T) {
	want := map[string][]change{
		"lock-drop": {
			{"fixture.go:Counter.Inc:lock-drop#1", []string{"c.mu.Lock()", "defer c.mu.Unlock()"}, nil},
			{"fixture.go:Counter.Get:lock-drop#1", []string{"c.rw.RLock()", "c.rw.RUnlock()", "c.rw.RUnlock()"}, nil},
			{"fixture.go:Counter.Set:lock-drop#1", []string{"c.rw.Lock()", "c.rw.Unlock()"}, nil},
			{"fixture.go:Counter.Set:lock-drop#2", []string{"c.rw.Lock()", "c.rw.Unlock()"}, nil},
		},
		"defer-inline": {
			{"fixture.go:Counter.Inc:defer-inline#1", []string{"defer c.mu.Unlock()"}, []string{"c.mu.Unlock()"}},
			{"fixture.go:All:defer-inline#1", []string{"defer wg.Done()"}, []string{"wg.Done()"}},
			{"fixture.go:Gen:defer-inline#1", []string{"defer close(out)"}, []string{"close(out)"}},
		},
		"go-inline": {
			{"fixture.go:All:go-inline#1", []string{"go func() {"}, []string{"func() {"}},
			{"fixture.go:Each:go-inline#1", []string{"wg.Go(func() { f(i) })"}, []string{"(func() { f(i) })()"}},
			{"fixture.go:Gen:go-inline#1", []string{"go func() {"}, []string{"func() {"}},
		},
		"wg-add-drop":  {{"fixture.go:All:wg-add-drop#1", []string{"wg.Add(1)"}, nil}},
		"wg-done-drop": {{"fixture.go:All:wg-done-drop#1", []string{"defer wg.Done()"}, nil}},
		"wg-go-bare": {
			{"fixture.go:Each:wg-go-bare#1", []string{"wg.Go(func() { f(i) })"}, []string{"go (func() { f(i) })()"}},
		},
		"broadcast-signal": {{"fixture.go:Counter.Wake:broadcast-signal#1", []string{"c.cond.Broadcast()"}, []string{"c.cond.Signal()"}}},
		"chan-unbuffer": {
			{"fixture.go:Gen:chan-unbuffer#1", []string{"done := make(chan struct{}, 1)"}, []string{"done := make(chan struct{})"}},
		},
		"chan-buffer": {
			{"fixture.go:Gen:chan-buffer#1", []string{"out := make(chan int)"}, []string{"out := make(chan int, 1)"}},
		},
		"done-case-drop": {{"fixture.go:Gen:done-case-drop#1", []string{"case <-ctx.Done():", "return"}, nil}},
		"close-drop":     {{"fixture.go:Gen:close-drop#1", []string{"defer close(out)"}, nil}},
		"rwlock-swap": {
			{"fixture.go:Counter.Get:rwlock-swap#1", []string{"c.rw.RLock()", "c.rw.RUnlock()", "c.rw.RUnlock()"}, []string{"c.rw.Lock()", "c.rw.Unlock()", "c.rw.Unlock()"}},
			{"fixture.go:Counter.Set:rwlock-swap#1", []string{"c.rw.Lock()", "c.rw.Unlock()"}, []string{"c.rw.RLock()", "c.rw.RUnlock()"}},
			{"fixture.go:Counter.Set:rwlock-swap#2", []string{"c.rw.Lock()", "c.rw.Unlock()"}, []string{"c.rw.RLock()", "c.rw.RUnlock()"}},
		},
		"wait-sleep": {
			{"fixture.go:Counter.Sleep:wait-sleep#1", []string{"c.cond.Wait()"}, []string{`import "time"`, "time.Sleep(time.Millisecond)"}},
			{"fixture.go:All:wait-sleep#1", []string{"wg.Wait()"}, []string{`import "time"`, "time.Sleep(time.Millisecond)"}},
			{"fixture.go:Each:wait-sleep#1", []string{"wg.Wait()"}, []string{`import "time"`, "time.Sleep(time.Millisecond)"}},
			{"fixture.go:Gen:wait-sleep#1", []string{"<-done"}, []string{`import "time"`, "time.Sleep(time.Millisecond)"}},
		},
		"cmp-boundary": {
			{"fixture.go:Counter.Get:cmp-boundary#1", []string{"if c.n < min {"}, []string{"if c.n <= min {"}},
			{"fixture.go:All:cmp-boundary#1", []string{"for i := 0; i < n; i++ {"}, []string{"for i := 0; i <= n; i++ {"}},
			{"fixture.go:Gen:cmp-boundary#1", []string{"for i := 0; i < n; i++ {"}, []string{"for i := 0; i <= n; i++ {"}},
			{"fixture.go:Big:cmp-boundary#1", []string{"return n > limit"}, []string{"return n >= limit"}},
		},
		"bound-minus-one": {
			{"fixture.go:All:bound-minus-one#1", []string{"for i := 0; i < n; i++ {"}, []string{"for i := 0; i < n-1; i++ {"}},
			{"fixture.go:Each:bound-minus-one#1", []string{"for i := range n {"}, []string{"for i := range n-1 {"}},
			{"fixture.go:Gen:bound-minus-one#1", []string{"for i := 0; i < n; i++ {"}, []string{"for i := 0; i < n-1; i++ {"}},
		},
		"ctx-background": {{"fixture.go:Call:ctx-background#1", []string{"return f(ctx)"}, []string{"return f(context.Background())"}}},
	}
	all := mutantsOfFixture(t)
	for _, op := range OperatorNames() {
		t.Run(op, func(t *testing.T) {
			var got []Mutant
			for _, m := range all {
				if m.Op == op {
					got = append(got, m)
				}
			}
			changes := want[op]
			if len(changes) == 0 {
				t.Fatalf("no expectation for operator %s", op)
			}
			var ids []string
			for _, m := range got {
				ids = append(ids, m.ID)
			}
			for _, c := range changes {
				k := slices.Index(ids, c.id)
				if k < 0 {
					t.Errorf("no mutant %s; got %v", c.id, ids)
					continue
				}
				m := got[k]
				removed, added := diffLines(m.Diff)
				if !slices.Equal(removed, c.removed) {
					t.Errorf("%s removes %q, want %q\n%s", c.id, removed, c.removed, m.Diff)
				}
				if !slices.Equal(added, c.added) {
					t.Errorf("%s adds %q, want %q\n%s", c.id, added, c.added, m.Diff)
				}
			}
			if len(got) != len(changes) {
				t.Errorf("%d mutants, want %d: %v", len(got), len(changes), ids)
			}
		})
	}
}

// diffLines returns the trimmed lines a diff removes and adds, blank ones
// left out.
func diffLines(diff string) (removed, added []string) {
	for _, line := range strings.Split(diff, "\n") {
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "+++") || len(line) < 2 {
			continue
		}
		text := strings.TrimSpace(line[1:])
		if text == "" {
			continue
		}
		switch line[0] {
		case '-':
			removed = append(removed, text)
		case '+':
			added = append(added, text)
		}
	}
	return removed, added
}

// Every mutant of the fixture is still Go, differs from the solution and
// from every other mutant, and has a unique ID.
func TestMutantsParse(t *testing.T) {
	src, err := os.ReadFile("testdata/kit/solutions/99-fixture/fixture.go")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	sources := map[string]bool{string(src): true}
	for _, m := range mutantsOfFixture(t) {
		if ids[m.ID] {
			t.Errorf("ID %s twice", m.ID)
		}
		ids[m.ID] = true
		if sources[string(m.Source)] {
			t.Errorf("%s: the same file as another mutant or the solution", m.ID)
		}
		sources[string(m.Source)] = true
		if _, err := parser.ParseFile(token.NewFileSet(), m.File, m.Source, 0); err != nil {
			t.Errorf("%s does not parse: %v\n%s", m.ID, err, m.Diff)
		}
		if m.Lesson.Dir != fixture.Dir || m.File != "fixture.go" || m.Line < 1 || m.What == "" {
			t.Errorf("%s: incomplete: %+v", m.ID, m)
		}
	}
}

// An edit above a function, even one that moves every line, leaves the
// IDs of its mutants as they were.
func TestIDsStable(t *testing.T) {
	kit := t.TempDir()
	if err := os.CopyFS(kit, os.DirFS("testdata/kit")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(kit, "solutions/99-fixture/fixture.go")
	src, _ := os.ReadFile(path)
	edited := strings.Replace(string(src), "// Counter has", "// Extra is new.\nfunc Extra() {}\n\n// Counter has", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	moved, err := Generate(kit, fixture, nil)
	if err != nil {
		t.Fatal(err)
	}
	var before, after []string
	for _, m := range mutantsOfFixture(t) {
		before = append(before, m.ID)
	}
	for _, m := range moved {
		after = append(after, m.ID)
	}
	if !slices.Equal(before, after) {
		t.Errorf("IDs changed with an unrelated edit:\nbefore %v\nafter  %v", before, after)
	}
}

func TestGenerateOps(t *testing.T) {
	ms, err := Generate("testdata/kit", fixture, []string{"close-drop", "broadcast-signal"})
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, m := range ms {
		ops = append(ops, m.Op)
	}
	if !slices.Equal(ops, []string{"broadcast-signal", "close-drop"}) {
		t.Errorf("operators %v, want broadcast-signal then close-drop", ops)
	}
	if _, err := ParseOps("close-drop,nope"); err == nil {
		t.Error("ParseOps accepted an unknown operator")
	}
}

func TestDiff(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := strings.Replace(strings.Replace(a, "2\n", "two\n", 1), "14\n", "", 1)
	got := Diff("a/f", "b/f", []byte(a), []byte(b))
	want := `--- a/f
+++ b/f
@@ -1,5 +1,5 @@
 1
-2
+two
 3
 4
 5
@@ -11,5 +11,4 @@
 11
 12
 13
-14
 15
`
	if got != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", got, want)
	}
	if d := Diff("a", "b", []byte(a), []byte(a)); d != "" {
		t.Errorf("Diff of equal files: %q", d)
	}
}

func TestSentences(t *testing.T) {
	n, err := ContractSentences("testdata/kit", fixture)
	if err != nil {
		t.Fatal(err)
	}
	// Counter (1) and its five methods (1 each), All, Each, Gen, Call and
	// Big (1 each); the package comment does not count.
	if n != 11 {
		t.Errorf("ContractSentences = %d, want 11", n)
	}
	for text, want := range map[string]int{
		"// One. Two? Three!":              3,
		"// No end":                        1,
		"// A v1.2 value. Then\n//\tcode.": 2,
		"// Say e.g. this.":                2,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package x\n\n"+text+"\nfunc F() {}\n", parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := sentences(f.Comments[0]); got != want {
			t.Errorf("sentences(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestReadEquivalents(t *testing.T) {
	kit := t.TempDir()
	l := fixture
	dir := filepath.Join(kit, l.SolutionPath(), "testdata")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(kit, l.SolutionPath(), EquivalentFile), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if eq, err := ReadEquivalents(kit, l); err != nil || eq != nil {
		t.Errorf("no file: %v, %v", eq, err)
	}
	write("# comment\n\nfixture.go:Big:cmp-boundary#1\tlimit is never equal to n\nfixture.go:Call:ctx-background#1  f ignores its ctx\n")
	eq, err := ReadEquivalents(kit, l)
	if err != nil {
		t.Fatal(err)
	}
	if eq["fixture.go:Big:cmp-boundary#1"] != "limit is never equal to n" || eq["fixture.go:Call:ctx-background#1"] != "f ignores its ctx" || len(eq) != 2 {
		t.Errorf("ReadEquivalents = %q", eq)
	}
	write("fixture.go:Big:cmp-boundary#1\n")
	if _, err := ReadEquivalents(kit, l); err == nil || !strings.Contains(err.Error(), "no reason") {
		t.Errorf("a line without a reason: %v", err)
	}
	write("a x\na y\n")
	if _, err := ReadEquivalents(kit, l); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("a mutant listed twice: %v", err)
	}
}
