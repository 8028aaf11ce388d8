package cache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStoreLoad(t *testing.T) {
	d := Dir(t.TempDir())
	type entry struct{ N int }
	var got entry
	if d.Load("k1", &got) {
		t.Fatal("Load found an entry in an empty cache")
	}
	d.Store("k1", entry{7})
	if !d.Load("k1", &got) || got.N != 7 {
		t.Fatalf("Load after Store = %v, %+v; want true, {N:7}", d.Load("k1", &got), got)
	}
	if d.Load("k2", &got) {
		t.Fatal("Load found an entry under another key")
	}
}

func TestZeroDirKeepsNothing(t *testing.T) {
	var d Dir
	d.Store("k", 1)
	var n int
	if d.Load("k", &n) {
		t.Fatal("the zero Dir kept an entry")
	}
}

func TestCorruptEntryIsAMiss(t *testing.T) {
	d := Dir(t.TempDir())
	d.Store("abc", 1)
	if err := os.WriteFile(d.path("abc"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	var n int
	if d.Load("abc", &n) {
		t.Fatal("Load accepted a corrupt entry")
	}
}

func TestKeyFollowsInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum := func() string {
		t.Helper()
		s, err := NewKey("test").Add("setting", "x").Tree(dir).File("extra", filepath.Join(dir, "missing.go")).Sum()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	write("a.go", "package a")
	write("sub/b.go", "package b")
	first := sum()
	if again := sum(); again != first {
		t.Fatalf("the same inputs gave two keys: %s, %s", first, again)
	}
	write("sub/b.go", "package b // edited")
	edited := sum()
	if edited == first {
		t.Fatal("editing a file in the tree kept the key")
	}
	write("sub/c.go", "package b")
	if added := sum(); added == edited {
		t.Fatal("adding a file to the tree kept the key")
	}
	write("missing.go", "")
	if s := sum(); s == edited {
		t.Fatal("an empty file has the key of a missing one")
	}

	other, _ := NewKey("other").Add("setting", "x").Tree(dir).File("extra", filepath.Join(dir, "missing.go")).Sum()
	if other == sum() {
		t.Fatal("two kinds of result share a key")
	}
	// Names and values are framed: moving text from one to the other
	// gives another key.
	k1, _ := NewKey("test").Add("ab", "c").Sum()
	k2, _ := NewKey("test").Add("a", "bc").Sum()
	if k1 == k2 {
		t.Fatal("Add(ab, c) and Add(a, bc) share a key")
	}
}

func TestKeyReportsUnreadableInput(t *testing.T) {
	dir := t.TempDir()
	if _, err := NewKey("test").File("dir", dir).Sum(); err == nil {
		t.Fatal("reading a directory as a file gave a key")
	}
}

func TestDefault(t *testing.T) {
	t.Setenv(Env, "off")
	if d := Default(); d != "" {
		t.Fatalf("with %s=off, Default() = %q; want no cache", Env, d)
	}
	t.Setenv(Env, "/some/where")
	if d := Default(); d != "/some/where" {
		t.Fatalf("Default() = %q; want the directory %s names", d, Env)
	}
}
