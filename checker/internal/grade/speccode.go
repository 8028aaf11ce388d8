package grade

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// specCodes finds the code of specs in the instructor's spec files: the
// body of the It at a file's line, as the spec's author wrote it. Platforms
// that show a learner the test beside its result (Exercism's test_code)
// get it from here.
type specCodes struct {
	root  string
	files map[string]map[int]string // path from root → line → body
}

func newSpecCodes(root string) *specCodes {
	return &specCodes{root: root, files: map[string]map[int]string{}}
}

// code returns the body of the spec that starts at line of file (a path
// from the kit's root), or "" when there is none.
func (c *specCodes) code(file string, line int) string {
	bodies, ok := c.files[file]
	if !ok {
		bodies = c.parse(file)
		c.files[file] = bodies
	}
	return bodies[line]
}

func (c *specCodes) parse(file string) map[int]string {
	bodies := map[int]string{}
	src, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(file)))
	if err != nil {
		return bodies
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return bodies
	}
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		body, ok := call.Args[len(call.Args)-1].(*ast.FuncLit)
		if !ok {
			return true
		}
		line := fset.Position(call.Pos()).Line
		if _, seen := bodies[line]; seen {
			return true
		}
		from := fset.Position(body.Body.Lbrace).Offset + 1
		to := fset.Position(body.Body.Rbrace).Offset
		if from <= to && to <= len(src) {
			bodies[line] = dedent(string(src[from:to]))
		}
		return true
	})
	return bodies
}

// dedent takes away the blank lines around text and the indentation that
// all its lines share.
func dedent(text string) string {
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	common := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first || !strings.HasPrefix(indent, common) {
			if first {
				common = indent
			} else {
				for !strings.HasPrefix(indent, common) {
					common = common[:len(common)-1]
				}
			}
			first = false
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, common)
	}
	return strings.TrimRight(strings.Join(lines, "\n"), " \t\n")
}
