package grade

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSpecCodeIsTheBodyOfTheIt(t *testing.T) {
	root := t.TempDir()
	src := `package x_test

var _ = Describe("Group", func() {
	It("waits", spec.Points(2), func() {
		g := x.New()

		Expect(g.Join()).To(Succeed())
	})
})
`
	if err := os.MkdirAll(filepath.Join(root, "lessons/01-x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "lessons/01-x/x_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newSpecCodes(root)
	want := "g := x.New()\n\nExpect(g.Join()).To(Succeed())"
	if got := c.code("lessons/01-x/x_test.go", 4); got != want {
		t.Errorf("code of the It at line 4:\n%q\nwant\n%q", got, want)
	}
	if got := c.code("lessons/01-x/x_test.go", 5); got != "" {
		t.Errorf("line 5 starts no spec, got %q", got)
	}
	if got := c.code("lessons/01-x/missing_test.go", 4); got != "" {
		t.Errorf("a missing file has no code, got %q", got)
	}
}
