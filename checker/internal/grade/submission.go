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
	maxArchiveFiles = 20000 // members and the directories they make
	maxArchiveDepth = 64    // path components of one member
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
// member, directories and links included, every directory a member's path
// makes on the way, and every byte.
type budget struct {
	root           string
	bytes, entries int64
	dirs           map[string]bool // directories made under root so far
}

func newBudget(root string) *budget {
	return &budget{root: root, dirs: map[string]bool{}}
}

func (b *budget) entry(size int64) error {
	b.entries++
	b.bytes += size
	if b.entries > maxArchiveFiles || b.bytes > maxArchiveBytes {
		return errors.New("archive too large to be a copy of the kit")
	}
	return nil
}

// mkdirAll makes dir and its parents under b.root, counting each directory
// it makes as an entry, so that deep or many paths cannot make directories
// for free.
func (b *budget) mkdirAll(dir string) error {
	rel, err := filepath.Rel(b.root, dir)
	if err != nil || rel == "." {
		return err
	}
	parts := strings.Split(rel, string(filepath.Separator))
	if len(parts) > maxArchiveDepth {
		return fmt.Errorf("archive member nested %d directories deep, more than a copy of the kit has", len(parts))
	}
	p := b.root
	for _, part := range parts {
		p = filepath.Join(p, part)
		if b.dirs[p] {
			continue
		}
		if err := b.entry(0); err != nil {
			return err
		}
		b.dirs[p] = true
	}
	return os.MkdirAll(dir, 0o755)
}

// member counts one archive member that is not a regular file: it is not
// unpacked, but it is not free either.
func (b *budget) member(target string, dir bool) error {
	if err := b.entry(0); err != nil {
		return err
	}
	if dir {
		return b.mkdirAll(target)
	}
	return nil
}

func writeMember(path string, r io.Reader, b *budget) error {
	if err := b.mkdirAll(filepath.Dir(path)); err != nil {
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
	b := newBudget(dir)
	for _, f := range zr.File {
		target, err := safeJoin(dir, f.Name)
		if err != nil {
			return err
		}
		if !f.Mode().IsRegular() {
			// Directories are made; links and devices are not part of a
			// kit and are left out.
			if err := b.member(target, f.FileInfo().IsDir()); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		err = writeMember(target, rc, b)
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
	b := newBudget(dir)
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
			// Directories are made; links and devices are not part of a
			// kit and are left out.
			if err := b.member(target, h.Typeflag == tar.TypeDir); err != nil {
				return err
			}
			continue
		}
		if err := writeMember(target, tr, b); err != nil {
			return err
		}
	}
}
