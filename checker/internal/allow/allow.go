// Package allow checks, before graded code runs, that it uses only what its
// lesson allows.
//
// Graded code shares the test process with the spec helpers. What keeps it
// from the record channel, from the helpers' memory and from running before
// the helpers do is not the sandbox but what it can name, so the check works
// on names resolved by go/types, where an alias or a dot import cannot hide
// one. Every lesson may use the standard library except the packages in
// denied and the names of the packages in partly, plus what the course table
// adds for the lesson (course.Lesson.Allow). Graded code may not declare init
// functions, nor call anything at package level but a few constructors that
// only make values: its code runs when a spec calls it, after the helpers
// have taken the record channel.
package allow

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Violation is one use of something the lesson does not allow.
type Violation struct {
	File string // base name of the graded file
	Line int
	What string // what was used, and why it is not allowed
}

func (v Violation) String() string { return fmt.Sprintf("%s:%d: %s", v.File, v.Line, v.What) }

// denied are packages no graded code may import.
var denied = map[string]string{
	"unsafe":          "reads and writes any memory",
	"reflect":         "reaches unexported state of other packages",
	"runtime/cgo":     "is cgo",
	"runtime/pprof":   "is not part of any lesson",
	"runtime/trace":   "is not part of any lesson",
	"plugin":          "loads code at run time",
	"testing":         "belongs to the specs",
	"os/signal":       "is not part of any lesson",
	"debug/elf":       "reads the test binary's own symbols",
	"debug/gosym":     "reads the test binary's own symbols",
	"debug/dwarf":     "reads the test binary's own symbols",
	"debug/buildinfo": "is not part of any lesson",
}

// partly are packages of which graded code may use only some names (and
// every method and field of the types among them). A lesson's Allow adds
// more; a package here with no names is denied unless the lesson allows it.
var partly = map[string][]string{
	"os": {
		"Args", "Stdin", "Stdout", "Stderr", "Getpid", "Getppid", "Getenv", "LookupEnv", "Environ",
		"Exit", "Executable", "Hostname", "File", "FileMode", "FileInfo", "DirEntry", "Process", "ProcessState",
		"Signal", "Interrupt", "Kill", "PathError", "SyscallError", "LinkError",
		"ErrClosed", "ErrNotExist", "ErrExist", "ErrPermission", "ErrInvalid", "ErrDeadlineExceeded", "ErrProcessDone",
		"IsNotExist", "IsExist", "IsPermission", "IsTimeout",
	},
	"runtime": {
		"NumCPU", "GOMAXPROCS", "Gosched", "NumGoroutine", "GC", "Goexit", "KeepAlive", "Error",
		"Caller", "Callers", "CallersFrames", "Frame", "Frames", "FuncForPC", "Func", "Stack",
		"MemStats", "ReadMemStats", "GOOS", "GOARCH", "Version",
	},
	"runtime/debug": {},
	"syscall":       {},
	"os/exec":       {},
}

// constructors are the functions graded code may call at package level:
// they only make values.
var constructors = []string{"errors.New", "fmt.Errorf", "regexp.MustCompile", "time.Duration"}

// Check loads the package in dir (the lesson's directory, absolute) with
// overlay (file path to the contents compiled in its place) under the go
// command's build flags, and returns every violation in the files named
// graded (base names). extra is the lesson's own Allow list. Code that does
// not type-check is not judged here: the build says what is wrong with it.
//
// Check never compiles the package in dir: it type-checks its files itself
// against the compiled export data of what they import, so that it can run
// beside the build of the same package without doing that build's work a
// second time. Where that cannot be done (cgo, a file the type checker
// rejects), it falls back to loading the package with go/packages.
func Check(dir string, overlay map[string][]byte, flags []string, graded, extra []string) ([]Violation, error) {
	p, err := typeCheck(dir, overlay, flags)
	if err != nil {
		return checkLoaded(dir, overlay, flags, graded, extra)
	}
	return p.violations(graded, extra), nil
}

// checkLoaded is Check through go/packages, which compiles the package in
// dir to learn its types.
func checkLoaded(dir string, overlay map[string][]byte, flags []string, graded, extra []string) ([]Violation, error) {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports,
		Dir:        dir,
		BuildFlags: flags,
		Overlay:    overlay,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 || pkgs[0].TypesInfo == nil {
		return nil, nil
	}
	p := pkgs[0]
	return checked{fset: p.Fset, files: p.Syntax, info: p.TypesInfo, self: p.Types}.violations(graded, extra), nil
}

// checked is a type-checked package.
type checked struct {
	fset  *token.FileSet
	files []*ast.File
	info  *types.Info
	self  *types.Package
}

// violations returns what the files named graded use that they may not.
func (p checked) violations(graded, extra []string) []Violation {
	c := &checker{fset: p.fset, info: p.info, self: p.self, rules: newRules(extra)}
	for _, f := range p.files {
		name := filepath.Base(p.fset.Position(f.Pos()).Filename)
		if slices.Contains(graded, name) {
			c.file(f)
		}
	}
	slices.SortFunc(c.found, func(a, b Violation) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
	return c.found
}

// typeCheck type-checks the package in dir from its source, as overlay
// lays it, with its imports' types from the export data the go command
// compiled for them under flags. It fails for a package it cannot check
// that way: one that does not list cleanly, uses cgo, or does not
// type-check.
func typeCheck(dir string, overlay map[string][]byte, flags []string) (checked, error) {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedModule,
		Dir:        dir,
		BuildFlags: flags,
		Overlay:    overlay,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return checked{}, err
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		return checked{}, fmt.Errorf("package in %s does not list cleanly", dir)
	}
	root := pkgs[0]
	if _, cgo := root.Imports["C"]; cgo {
		return checked{}, fmt.Errorf("package in %s uses cgo", dir)
	}
	var ids []string
	for _, imp := range root.Imports {
		ids = append(ids, imp.ID)
	}
	deps := map[string]*types.Package{}
	if len(ids) > 0 {
		cfg.Mode = packages.NeedName | packages.NeedTypes
		loaded, err := packages.Load(cfg, ids...)
		if err != nil {
			return checked{}, err
		}
		for _, d := range loaded {
			if len(d.Errors) > 0 || d.Types == nil {
				return checked{}, fmt.Errorf("package %s has no types", d.ID)
			}
			deps[d.ID] = d.Types
		}
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range root.GoFiles {
		src, ok := overlay[name]
		if !ok {
			if src, err = os.ReadFile(name); err != nil {
				return checked{}, err
			}
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return checked{}, err
		}
		files = append(files, f)
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if imp, ok := root.Imports[path]; ok && deps[imp.ID] != nil {
				return deps[imp.ID], nil
			}
			return nil, fmt.Errorf("no export data for %s", path)
		}),
		Sizes: types.SizesFor("gc", build.Default.GOARCH),
	}
	if root.Module != nil && root.Module.GoVersion != "" {
		conf.GoVersion = "go" + root.Module.GoVersion
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	self, err := conf.Check(root.PkgPath, fset, files, info)
	if err != nil {
		return checked{}, err
	}
	return checked{fset: fset, files: files, info: info, self: self}, nil
}

// importerFunc is a types.Importer made of a function.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// rules are what one lesson may use.
type rules struct {
	packages map[string]bool            // whole packages the lesson adds
	names    map[string]map[string]bool // names of partly allowed packages
}

func newRules(extra []string) rules {
	r := rules{packages: map[string]bool{}, names: map[string]map[string]bool{}}
	for pkg, names := range partly {
		r.names[pkg] = map[string]bool{}
		for _, n := range names {
			r.names[pkg][n] = true
		}
	}
	for _, e := range extra {
		i := strings.LastIndex(e, ".")
		if i < 0 || strings.Contains(e[i:], "/") {
			r.packages[e] = true
			continue
		}
		pkg, name := e[:i], e[i+1:]
		if r.names[pkg] == nil {
			r.names[pkg] = map[string]bool{}
		}
		r.names[pkg][name] = true
	}
	return r
}

// pkgAllowed says whether importing path is allowed, and if not, why.
func (r rules) pkgAllowed(path string) (bool, string) {
	if r.packages[path] {
		return true, ""
	}
	if why, ok := denied[path]; ok {
		return false, why
	}
	switch {
	case path == "C":
		return false, "is cgo"
	case strings.HasPrefix(path, "github.com/threadlings/"):
		return false, "is the kit's own code"
	case strings.HasPrefix(path, "github.com/onsi/"):
		return false, "belongs to the specs"
	case strings.HasPrefix(path, "testing/"):
		return false, "belongs to the specs"
	case path == "internal" || strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/"), strings.HasPrefix(path, "vendor/"):
		return false, "is internal to another module"
	case strings.HasPrefix(path, "golang.org/x/sync/"):
		return true, ""
	case !strings.Contains(strings.Split(path, "/")[0], "."):
		return true, "" // the standard library
	}
	return false, "is not part of the course"
}

type checker struct {
	fset  *token.FileSet
	info  *types.Info
	self  *types.Package
	rules rules
	found []Violation
}

func (c *checker) add(pos token.Pos, format string, args ...any) {
	p := c.fset.Position(pos)
	c.found = append(c.found, Violation{File: filepath.Base(p.Filename), Line: p.Line, What: fmt.Sprintf(format, args...)})
}

func (c *checker) file(f *ast.File) {
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			if strings.HasPrefix(cm.Text, "//go:linkname") || strings.HasPrefix(cm.Text, "//go:cgo_") || strings.HasPrefix(cm.Text, "//export") {
				c.add(cm.Pos(), "%s: directives that reach other packages' symbols are not allowed", strings.Fields(cm.Text)[0])
			}
		}
	}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		if ok, why := c.rules.pkgAllowed(path); !ok {
			c.add(imp.Pos(), "import %q: not allowed here: it %s", path, why)
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" {
				c.add(d.Pos(), "func init: graded code may not run before the specs do; set things up in the functions the specs call")
			}
		case *ast.GenDecl:
			if d.Tok == token.VAR {
				c.packageLevel(d)
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			c.use(id)
		}
		return true
	})
}

// packageLevel reports calls in package-level initializers other than
// constructors: they would run before the specs start.
func (c *checker) packageLevel(d *ast.GenDecl) {
	for _, spec := range d.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for _, v := range vs.Values {
			ast.Inspect(v, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false // runs only when called
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if tv, ok := c.info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
					return true
				}
				if name := c.calleeName(call.Fun); !slices.Contains(constructors, name) {
					c.add(call.Pos(), "a call at package level (%s) runs before the specs start: make the value in a function the specs call", types.ExprString(call.Fun))
				}
				return true
			})
		}
	}
}

// calleeName names a called package-level function "pkg.Name".
func (c *checker) calleeName(fun ast.Expr) string {
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return ""
	}
	obj := c.info.Uses[id]
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// use checks one identifier that refers to something of another package.
func (c *checker) use(id *ast.Ident) {
	obj := c.info.Uses[id]
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.self {
		return
	}
	path := obj.Pkg().Path()
	if ok, why := c.rules.pkgAllowed(path); !ok {
		c.add(id.Pos(), "%s.%s: not allowed here: package %s %s", obj.Pkg().Name(), obj.Name(), path, why)
		return
	}
	names, partial := c.rules.names[path]
	if !partial || c.rules.packages[path] {
		return
	}
	name := obj.Name()
	// A method or field is allowed with its type.
	switch o := obj.(type) {
	case *types.Func:
		if recv := o.Signature().Recv(); recv != nil {
			name = typeName(recv.Type())
		}
	case *types.Var:
		if o.IsField() {
			return // fields are reached through a value of an allowed type
		}
	}
	if !names[name] {
		c.add(id.Pos(), "%s.%s: not allowed in this lesson", obj.Pkg().Name(), obj.Name())
	}
}

// typeName is the name of a method's receiver type.
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
