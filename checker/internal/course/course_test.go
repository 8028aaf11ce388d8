package course_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/course"
)

func TestFindAcceptsNumbersAndDirectories(t *testing.T) {
	for _, name := range []string{"1", "01", "lesson-01", "01-goroutines"} {
		l, err := course.Find(name)
		require.NoError(t, err, name)
		assert.Equal(t, "01-goroutines", l.Dir, name)
	}
	_, err := course.Find("99")
	assert.ErrorContains(t, err, `no lesson "99"`)
}

// The table and the tree agree: every row has its lesson, solution, stubs
// and at least three hints in both languages, and every lesson directory has
// a row.
func TestTableMatchesTheTree(t *testing.T) {
	root := "../../.."
	seen := map[string]bool{}
	for i, l := range course.Lessons() {
		seen[l.Dir] = true
		assert.Regexp(t, `^\d\d$`, l.Number)
		if i > 0 {
			assert.Less(t, course.Lessons()[i-1].Number, l.Number, "lessons are in order")
		}
		assert.NotEmpty(t, l.Title, l.Dir)
		assert.NotEmpty(t, l.TitleKO, l.Dir)
		assert.GreaterOrEqual(t, len(l.Hints), 3, "%s needs three or more hints", l.Dir)
		for _, h := range l.Hints {
			assert.NotEmpty(t, h.EN, l.Dir)
			assert.NotEmpty(t, h.KO, l.Dir)
		}
		require.NotEmpty(t, l.Stubs, l.Dir)
		for _, stub := range l.Stubs {
			assert.FileExists(t, filepath.Join(root, l.LessonPath(), stub))
			assert.FileExists(t, filepath.Join(root, l.SolutionPath(), stub))
		}
		for _, readme := range []string{"README.md", "README.ko.md"} {
			assert.FileExists(t, filepath.Join(root, l.LessonPath(), readme))
		}
	}
	dirs, err := filepath.Glob(filepath.Join(root, "lessons", "[0-9][0-9]-*"))
	require.NoError(t, err)
	for _, d := range dirs {
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			assert.True(t, seen[filepath.Base(d)], "lessons/%s has no row in the course table", filepath.Base(d))
		}
	}
}

// The checker's copy of the stubs is the kit's: a stub changed without
// "go generate ./checker/internal/course" would make reset restore an old
// text.
func TestOriginalsAreTheStubs(t *testing.T) {
	for _, l := range course.Lessons() {
		originals, err := course.Originals(l)
		require.NoError(t, err, l.Dir)
		for _, stub := range l.Stubs {
			onDisk, err := os.ReadFile(filepath.Join("../../..", l.LessonPath(), stub))
			require.NoError(t, err)
			assert.Equal(t, string(onDisk), string(originals[stub]), "%s/%s differs from the checker's copy: run go generate ./checker/internal/course", l.Dir, stub)
		}
	}
}
