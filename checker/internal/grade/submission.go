package grade

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Limits on what an archive may unpack to: a submission is a copy of the
// kit, a few hundred kilobytes.
const (
	maxArchiveBytes = 256 << 20
	maxArchiveFiles = 20000
)

// Submission is one student's copy of the kit.
type Submission struct {
	Name   string // the student: the file or directory name, without extension
	Source string // what the instructor named
	Root   string // the directory that holds lessons/
}

// Name returns the student's name for a submission path: its base name
// without .zip, .tar.gz or .tgz.
//
// The name is safe as a file name on every platform the gradebook goes to:
// letters, digits, '.', '_' and '-' only, other characters replaced by '-',
// and never empty, "." or "..", nor starting with '-' or '.', nor ending
// with '-'.
func Name(path string) string {
	base := filepath.Base(filepath.Clean(path))
	for _, ext := range []string{".tar.gz", ".tgz", ".zip"} {
		if strings.HasSuffix(strings.ToLower(base), ext) {
			base = base[:len(base)-len(ext)]
			break
		}
	}
	safe := []rune(base)
	for i, r := range safe {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			safe[i] = '-'
		}
	}
	name := strings.TrimRight(strings.TrimLeft(string(safe), "-."), "-")
	if name == "" {
		return "submission"
	}
	return name
}

// uniqueNames gives every submission a name of its own: the second
// "twin" becomes "twin-2", and so on. warn is told of each rename.
func uniqueNames(paths []string, warn func(path, name string)) []string {
	names := make([]string, len(paths))
	taken := map[string]bool{}
	for i, p := range paths {
		name := Name(p)
		for k := 2; taken[name]; k++ {
			name = fmt.Sprintf("%s-%d", Name(p), k)
		}
		if name != Name(p) && warn != nil {
			warn(p, name)
		}
		taken[name] = true
		names[i] = name
	}
	return names
}

// Open makes a submission from a directory, a .zip or a .tar.gz, unpacking
// archives under tmp.
func Open(path, tmp string) (*Submission, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	s := &Submission{Name: Name(path), Source: path}
	dir := abs
	if !info.IsDir() {
		dir, err = os.MkdirTemp(tmp, "submission-")
		if err != nil {
			return nil, err
		}
		lower := strings.ToLower(abs)
		switch {
		case strings.HasSuffix(lower, ".zip"):
			err = unzip(abs, dir)
		case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"):
			err = untar(abs, dir)
		default:
			err = errors.New("not a directory, .zip or .tar.gz")
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	root, err := findLessons(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Root = root
	return s, nil
}

// findLessons finds the directory holding lessons/: the submission itself,
// or the one directory an archive wraps it in.
func findLessons(dir string) (string, error) {
	for range 3 {
		if info, err := os.Lstat(filepath.Join(dir, "lessons")); err == nil && info.IsDir() {
			return dir, nil
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return "", err
		}
		var dirs []string
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && e.Name() != "__MACOSX" {
				dirs = append(dirs, e.Name())
			}
		}
		if len(dirs) != 1 {
			break
		}
		dir = filepath.Join(dir, dirs[0])
	}
	return "", errors.New("no lessons/ directory: is this a copy of the kit?")
}

// safeJoin joins an archive member's name to dir, refusing names that
// would land outside it.
func safeJoin(dir, name string) (string, error) {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if p != dir && !strings.HasPrefix(p, dir+string(filepath.Separator)) {
		return "", fmt.Errorf("archive member %q points outside the archive", name)
	}
	return p, nil
}

// budget counts what an archive unpacks, to stop archive bombs: every
// entry, directories and links included, and every byte.
type budget struct{ bytes, entries int64 }

func (b *budget) entry(size int64) error {
	b.entries++
	b.bytes += size
	if b.entries > maxArchiveFiles || b.bytes > maxArchiveBytes {
		return errors.New("archive too large to be a copy of the kit")
	}
	return nil
}

func writeMember(path string, r io.Reader, b *budget) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, io.LimitReader(r, maxArchiveBytes-b.bytes+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return b.entry(n)
}

func unzip(path, dir string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	var b budget
	for _, f := range zr.File {
		target, err := safeJoin(dir, f.Name)
		if err != nil {
			return err
		}
		if !f.Mode().IsRegular() {
			if err := b.entry(0); err != nil {
				return err
			}
		}
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
			continue
		}
		if !f.Mode().IsRegular() {
			continue // links and devices are not part of a kit
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		err = writeMember(target, rc, &b)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func untar(path, dir string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	var b budget
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		target, err := safeJoin(dir, h.Name)
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg {
			if err := b.entry(0); err != nil {
				return err
			}
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := writeMember(target, tr, &b); err != nil {
				return err
			}
		}
	}
}
