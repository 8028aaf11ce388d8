package allow_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/allow"
	"github.com/threadlings/threadlings/checker/internal/course"
)

func kit(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// The kit's own stubs and reference solutions use only what their lessons
// allow.
func TestTheCourseKeepsItsOwnRules(t *testing.T) {
	root := kit(t)
	for _, l := range course.Lessons() {
		for _, which := range []string{"stub", "solution"} {
			overlay := map[string][]byte{}
			if which == "solution" {
				for _, stub := range l.Stubs {
					b, err := os.ReadFile(filepath.Join(root, l.SolutionPath(), stub))
					if err != nil {
						t.Fatal(err)
					}
					overlay[filepath.Join(root, l.LessonPath(), stub)] = b
				}
			}
			dir := filepath.Join(root, l.LessonPath())
			// The check's own type check serves every lesson: go/packages,
			// which compiles the lesson a second time beside the build, is
			// only its fallback.
			if err := allow.TypeChecks(dir, overlay, []string{"-race", "-trimpath"}); err != nil {
				t.Errorf("%s %s: the check falls back to go/packages: %v", l.Dir, which, err)
			}
			found, err := allow.Check(dir, overlay, nil, l.Stubs, l.Allow)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range found {
				t.Errorf("%s %s: %s", l.Dir, which, v)
			}
		}
	}
}

// Each way of reaching what a lesson does not allow is caught, however the
// name is spelled.
func TestForbiddenUsesAreFoundWhateverTheirSpelling(t *testing.T) {
	root := kit(t)
	l, err := course.Find("01")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct{ code, want string }{
		"alias": {`import o "os"
func Setup() { o.Setenv("X", "1") }`, "os.Setenv: not allowed"},
		"dot import": {`import . "os"
func Setup() { _ = NewFile(3, "x") }`, "os.NewFile: not allowed"},
		"unsafe": {`import "unsafe"
var _ = unsafe.Sizeof(0)`, `import "unsafe"`},
		"reflect": {`import "reflect"
func Setup() { _ = reflect.TypeOf(0) }`, `import "reflect"`},
		"syscall": {`import "syscall"
func Setup() { syscall.Kill(1, 9) }`, "syscall.Kill: not allowed"},
		"the kit": {`import "github.com/threadlings/threadlings/internal/verdict"
func Setup() { _ = verdict.Pass }`, "is the kit's own code"},
		"ginkgo": {`import "github.com/onsi/ginkgo/v2"
var _ = ginkgo.ReportAfterEach`, "belongs to the specs"},
		"init": {`func init() {}`, "func init"},
		"cgo": {`import "C"
func Setup() {}`, "not allowed here"},
		"package-level call": {`import "os"
var pid = os.Getpid()`, "a call at package level"},
		"linkname": {`import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64`, "//go:linkname"},
		"method value of a forbidden function": {`import "os"
var f = os.Chdir`, "os.Chdir: not allowed"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(root, l.LessonPath(), "extra.go")
			code := "package goroutines\n\n" + c.code + "\n"
			stubs := append([]string{"extra.go"}, l.Stubs...)
			dir, overlay := filepath.Join(root, l.LessonPath()), map[string][]byte{file: []byte(code)}
			found, err := allow.Check(dir, overlay, nil, stubs, l.Allow)
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, v := range found {
				all = append(all, v.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), c.want) {
				t.Errorf("want a violation with %q, got %q", c.want, all)
			}
			// The check's own type check finds what go/packages finds.
			loaded, err := allow.CheckLoaded(dir, overlay, nil, stubs, l.Allow)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(found, loaded) {
				t.Errorf("Check found %q, go/packages %q", found, loaded)
			}
		})
	}
}
