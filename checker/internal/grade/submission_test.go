package grade

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// member is one entry of an archive made by a test.
type member struct {
	name string // ends in "/" for a directory
	body string
	link string // a symbolic link's target
}

func writeZip(t *testing.T, members []member) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "student.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Store}
		switch {
		case m.link != "":
			h.SetMode(os.ModeSymlink | 0o777)
		case strings.HasSuffix(m.name, "/"):
			h.SetMode(os.ModeDir | 0o755)
		default:
			h.SetMode(0o644)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		body := m.body
		if m.link != "" {
			body = m.link
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeTarGz(t *testing.T, members []member) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "student.tar.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for _, m := range members {
		h := &tar.Header{Name: m.name, Mode: 0o644, Size: int64(len(m.body)), Typeflag: tar.TypeReg}
		switch {
		case m.link != "":
			h.Typeflag, h.Linkname, h.Size = tar.TypeSymlink, m.link, 0
		case strings.HasSuffix(m.name, "/"):
			h.Typeflag, h.Mode, h.Size = tar.TypeDir, 0o755, 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write([]byte(m.body)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []interface{ Close() error }{tw, gz, f} {
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// archivers makes each test run on both kinds of archive.
var archivers = map[string]func(*testing.T, []member) string{"zip": writeZip, "tar.gz": writeTarGz}

func kitMembers() []member {
	return []member{
		{name: "kit/"},
		{name: "kit/lessons/"},
		{name: "kit/lessons/01-goroutines/"},
		{name: "kit/lessons/01-goroutines/goroutines.go", body: "package goroutines\n"},
		{name: "kit/go.mod", body: "module example\n"},
	}
}

func TestOpenUnpacksAKitArchive(t *testing.T) {
	for kind, write := range archivers {
		t.Run(kind, func(t *testing.T) {
			members := append(kitMembers(), member{name: "kit/lessons/01-goroutines/stolen.go", link: "/etc/passwd"})
			s, err := Open(write(t, members), t.TempDir())
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if s.Name != "student" {
				t.Errorf("Name = %q, want student", s.Name)
			}
			if filepath.Base(s.Root) != "kit" {
				t.Errorf("Root = %s, want the directory the archive wraps the kit in", s.Root)
			}
			got, err := os.ReadFile(filepath.Join(s.Root, "lessons", "01-goroutines", "goroutines.go"))
			if err != nil || string(got) != "package goroutines\n" {
				t.Errorf("stub unpacked as %q, %v", got, err)
			}
			if _, err := os.Lstat(filepath.Join(s.Root, "lessons", "01-goroutines", "stolen.go")); !os.IsNotExist(err) {
				t.Errorf("a symbolic link in the archive was unpacked (Lstat: %v); links are left out", err)
			}
		})
	}
}

func TestOpenRefusesArchiveBombs(t *testing.T) {
	manyDirs := kitMembers()
	for i := range 60000 {
		manyDirs = append(manyDirs, member{name: fmt.Sprintf("kit/d%d/", i)})
	}
	// 11,000 files, each in a directory of its own that no member names:
	// within the budget if only members counted, over it when the
	// directories they make count too.
	impliedDirs := kitMembers()
	for i := range 11000 {
		impliedDirs = append(impliedDirs, member{name: fmt.Sprintf("kit/d%d/f", i), body: "x"})
	}
	deep := kitMembers()
	deep = append(deep, member{name: "kit/" + strings.Repeat("a/", 100) + "f", body: "x"})
	manyLinks := kitMembers()
	for i := range 30000 {
		manyLinks = append(manyLinks, member{name: fmt.Sprintf("kit/l%d", i), link: "x"})
	}
	cases := []struct {
		name    string
		members []member
		want    string
	}{
		{"60,000 directories", manyDirs, "too large"},
		{"directories made by file paths", impliedDirs, "too large"},
		{"a path 100 directories deep", deep, "deep"},
		{"30,000 links", manyLinks, "too large"},
		{"a member outside the archive", append(kitMembers(), member{name: "../evil.go", body: "x"}), "outside"},
	}
	for kind, write := range archivers {
		for _, c := range cases {
			t.Run(kind+"/"+c.name, func(t *testing.T) {
				tmp := t.TempDir()
				_, err := Open(write(t, c.members), tmp)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("Open = %v, want an error saying %q", err, c.want)
				}
				if _, err := os.Stat(filepath.Join(filepath.Dir(tmp), "evil.go")); err == nil {
					t.Error("a member was written outside the unpacking directory")
				}
			})
		}
	}
}

func TestNameIsSafe(t *testing.T) {
	cases := map[string]string{
		"alice.zip":           "alice",
		"subs/Bob Smith.tgz":  "Bob-Smith",
		"..":                  "submission",
		".":                   "submission",
		"-rf":                 "rf",
		".hidden":             "hidden",
		"carol/":              "carol",
		"dave,jr.tar.gz":      "dave-jr",
		"../../etc/passwd":    "passwd",
		"가나다.zip":             "submission",
		"trailing-.zip":       "trailing",
		"CAPS_and.dots.1.zip": "CAPS_and.dots.1",
	}
	for in, want := range cases {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUniqueNames(t *testing.T) {
	var warned []string
	got := uniqueNames([]string{"a/twin.zip", "b/twin", "c/twin.tgz", "solo"}, func(path, name string) {
		warned = append(warned, path+"→"+name)
	})
	want := []string{"twin", "twin-2", "twin-3", "solo"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("uniqueNames = %v, want %v", got, want)
	}
	if len(warned) != 2 {
		t.Errorf("warned of %v, want the two renames", warned)
	}
}
