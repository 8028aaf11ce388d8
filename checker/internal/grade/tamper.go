package grade

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// Tampered lists the spec files of lesson l that the submission edited or
// added, as paths relative to the kit's root with what happened:
// "lessons/01-goroutines/download_test.go (edited)". Grading always uses the
// kit's own copies; this only tells the instructor. A missing spec file is
// not tampering: platforms often export only the files a student changed,
// and grading never reads the student's specs anyway.
func Tampered(kit string, s *Submission, l course.Lesson) []string {
	rel := l.LessonPath()
	pristine := specFiles(filepath.Join(kit, rel))
	theirs := specFiles(filepath.Join(s.Root, rel))
	var out []string
	for name, want := range pristine {
		if got, ok := theirs[name]; ok && !bytes.Equal(normalize(got), normalize(want)) {
			out = append(out, filepath.Join(rel, name)+" (edited)")
		}
	}
	for name := range theirs {
		if _, ok := pristine[name]; !ok {
			out = append(out, filepath.Join(rel, name)+" (added)")
		}
	}
	sort.Strings(out)
	return out
}

// specFiles reads the _test.go files of a directory.
func specFiles(dir string) map[string][]byte {
	files := map[string][]byte{}
	matches, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, m := range matches {
		// Only regular files, and no more than a spec file could be: a
		// link to /dev/zero must not hang the grader.
		if info, err := os.Lstat(m); err != nil || !info.Mode().IsRegular() || info.Size() > maxSpecFile {
			files[filepath.Base(m)] = nil
			continue
		}
		if b, err := os.ReadFile(m); err == nil {
			files[filepath.Base(m)] = b
		}
	}
	return files
}

// maxSpecFile is more than any spec file of the kit.
const maxSpecFile = 1 << 20

// normalize makes line endings alike, so that a submission that went
// through Windows is not called tampered.
func normalize(b []byte) []byte {
	return []byte(strings.ReplaceAll(string(b), "\r\n", "\n"))
}
