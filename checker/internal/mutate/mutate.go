// Package mutate is mutation testing made for concurrency: it makes small
// wrong versions (mutants) of a lesson's reference solution, each one change
// that a concurrency bug is made of (a dropped lock, a go statement run
// inline, a WaitGroup never counted, a select that no longer listens to
// cancellation, a bound off by one), runs the lesson's specs on each, and
// reports the mutants that every spec accepts.
//
// A mutant is killed when the lesson does not pass with it, whatever the
// verdict (fail, race, timeout, crash, leak, ...); a mutant that does not
// compile is invalid and not counted. A mutant that survives is either a
// hole in the specs or equivalent to the solution: equivalents are listed,
// each with a reason, in the lesson's EquivalentFile, and a listed mutant
// that no longer exists or is now killed is a problem.
package mutate

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// Mutant is one change to one file of a lesson's reference solution.
type Mutant struct {
	Lesson course.Lesson
	File   string // the stub file it replaces, base name
	// ID names the mutant stably: FILE:FUNC:OPERATOR#N, the Nth site of
	// the operator in that function (in source order). An edit elsewhere
	// in the file, even one that moves every line, leaves it unchanged.
	ID     string
	Op     string // the operator's name
	Func   string // the enclosing function: "Name" or "Type.Method"; "-" outside any
	Line   int    // where the change is, in the solution file
	What   string // one line: what the change does
	Source []byte // the whole mutated file
	Diff   string // unified diff against the solution
}

// Operator is a kind of change.
type Operator struct {
	Name string
	Doc  string
}

// Operators lists every operator, in the order their mutants are reported.
var Operators = []Operator{
	{"lock-drop", "drop a Lock/Unlock (or RLock/RUnlock) pair: the Lock and every Unlock of the same mutex after it, deferred or not"},
	{"defer-inline", "run a deferred call at the defer statement instead of at return"},
	{"go-inline", "go f() → f(), wg.Go(f) → f(): run the goroutine's work in the caller"},
	{"wg-add-drop", "drop a WaitGroup.Add"},
	{"wg-done-drop", "drop a WaitGroup.Done, deferred or not"},
	{"wg-go-bare", "wg.Go(f) → go f(): start the goroutine without counting it"},
	{"broadcast-signal", "Cond.Broadcast → Cond.Signal: wake one waiter instead of all"},
	{"chan-unbuffer", "make(chan T, n) → make(chan T)"},
	{"chan-buffer", "make(chan T) → make(chan T, 1)"},
	{"done-case-drop", "drop a select case that receives from x.Done()"},
	{"close-drop", "drop a close(ch)"},
	{"rwlock-swap", "RWMutex Lock/Unlock ↔ RLock/RUnlock, for one pair"},
	{"wait-sleep", "a blocking wait (wg.Wait(), cond.Wait(), a <-ch statement) → time.Sleep(time.Millisecond)"},
	{"cmp-boundary", "a comparison off by one: < ↔ <=, > ↔ >="},
	{"bound-minus-one", "n → n-1 in a make size or a loop bound"},
	{"ctx-background", "a context.Context argument → context.Background()"},
}

// OperatorNames returns the names of every operator.
func OperatorNames() []string {
	var out []string
	for _, o := range Operators {
		out = append(out, o.Name)
	}
	return out
}

// ParseOps checks a comma-separated list of operator names; "" is every
// operator.
func ParseOps(list string) ([]string, error) {
	if strings.TrimSpace(list) == "" {
		return OperatorNames(), nil
	}
	var out []string
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if !slices.Contains(OperatorNames(), name) {
			return nil, fmt.Errorf("no operator %q (operators: %s)", name, strings.Join(OperatorNames(), ", "))
		}
		out = append(out, name)
	}
	return out, nil
}

// Generate returns the mutants of lesson l's reference solution in the kit
// at root, made by the operators named in ops (all if nil), in the order of
// the stub files and, within a file, of the operators and their sites.
// Two changes that give the same file are one mutant.
func Generate(root string, l course.Lesson, ops []string) ([]Mutant, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	lessonDir := filepath.Join(root, l.LessonPath())
	overlay := map[string][]byte{}
	solution := map[string][]byte{} // lesson path → solution source
	for _, stub := range l.Stubs {
		b, err := os.ReadFile(filepath.Join(root, l.SolutionPath(), stub))
		if err != nil {
			return nil, err
		}
		overlay[filepath.Join(lessonDir, stub)] = b
		solution[filepath.Join(lessonDir, stub)] = b
	}
	fset := token.NewFileSet()
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:     root,
		Fset:    fset,
		Overlay: overlay,
		Env:     append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./"+l.LessonPath())
	if err != nil {
		return nil, fmt.Errorf("loading %s: %v", l.LessonPath(), err)
	}
	if len(pkgs) != 1 {
		return nil, fmt.Errorf("loading %s: %d packages", l.LessonPath(), len(pkgs))
	}
	pkg := pkgs[0]
	if len(pkg.Errors) > 0 {
		return nil, fmt.Errorf("the reference solution of %s does not type-check: %v", l.Dir, pkg.Errors[0])
	}
	want := map[string]bool{}
	for _, o := range ops {
		want[o] = true
	}
	if len(ops) == 0 {
		for _, o := range OperatorNames() {
			want[o] = true
		}
	}
	var out []Mutant
	for _, stub := range l.Stubs {
		path := filepath.Join(lessonDir, stub)
		var file *ast.File
		for _, f := range pkg.Syntax {
			if fset.Position(f.Package).Filename == path {
				file = f
			}
		}
		if file == nil {
			return nil, fmt.Errorf("%s: not among the package's files", path)
		}
		src := solution[path]
		f := &fileSites{fset: fset, info: pkg.TypesInfo, file: file, src: src}
		f.find()
		seen := map[string]bool{string(src): true}
		for _, op := range OperatorNames() {
			if !want[op] {
				continue
			}
			for _, s := range f.sites[op] {
				mutated := apply(src, s.edits)
				if seen[string(mutated)] {
					continue
				}
				seen[string(mutated)] = true
				rel := filepath.ToSlash(filepath.Join(l.SolutionPath(), stub))
				out = append(out, Mutant{
					Lesson: l, File: stub, Op: op, Func: s.fn, Line: s.line, What: s.what,
					ID:     fmt.Sprintf("%s:%s:%s#%d", stub, s.fn, op, s.nth),
					Source: mutated,
					Diff:   Diff("a/"+rel, "b/"+rel, src, mutated),
				})
			}
		}
	}
	return out, nil
}

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// apply makes the edits (which do not overlap) to a copy of src.
func apply(src []byte, edits []edit) []byte {
	sorted := slices.Clone(edits)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].start > sorted[j].start })
	out := bytes.Clone(src)
	for _, e := range sorted {
		out = slices.Concat(out[:e.start], []byte(e.text), out[e.end:])
	}
	return out
}

// site is one place an operator applies.
type site struct {
	fn    string
	nth   int
	line  int
	what  string
	edits []edit
}

// fileSites finds the sites of every operator in one file.
type fileSites struct {
	fset  *token.FileSet
	info  *types.Info
	file  *ast.File
	src   []byte
	sites map[string][]site
	count map[string]int    // op + "\x00" + fn → sites so far
	comms map[ast.Stmt]bool // select cases' communications: not statements of their own
	fn    string            // the function being walked
}

func (f *fileSites) off(p token.Pos) int { return f.fset.Position(p).Offset }

func (f *fileSites) text(n ast.Node) string {
	return string(f.src[f.off(n.Pos()):f.off(n.End())])
}

func (f *fileSites) add(op string, at ast.Node, what string, edits ...edit) {
	k := op + "\x00" + f.fn
	f.count[k]++
	f.sites[op] = append(f.sites[op], site{
		fn: f.fn, nth: f.count[k], line: f.fset.Position(at.Pos()).Line, what: what, edits: edits,
	})
}

// remove is the edit that deletes node n; with its line, if nothing else
// is on it.
func (f *fileSites) remove(n ast.Node) edit {
	start, end := f.off(n.Pos()), f.off(n.End())
	ls := start
	for ls > 0 && (f.src[ls-1] == ' ' || f.src[ls-1] == '\t') {
		ls--
	}
	le := end
	for le < len(f.src) && (f.src[le] == ' ' || f.src[le] == '\t' || f.src[le] == '\r') {
		le++
	}
	if (ls == 0 || f.src[ls-1] == '\n') && le < len(f.src) && f.src[le] == '\n' {
		return edit{ls, le + 1, ""}
	}
	return edit{start, end, ""}
}

// replace is the edit that puts text in place of node n.
func (f *fileSites) replace(n ast.Node, text string) edit {
	return edit{f.off(n.Pos()), f.off(n.End()), text}
}

// importing returns the edits that make pkg (a standard package whose name
// is its path) usable in the file: none if the file imports it already.
func (f *fileSites) importing(pkg string) []edit {
	for _, imp := range f.file.Imports {
		if imp.Path.Value == `"`+pkg+`"` && (imp.Name == nil || imp.Name.Name == pkg) {
			return nil
		}
	}
	at := f.off(f.file.Name.End())
	return []edit{{at, at, "\n\nimport \"" + pkg + "\""}}
}

func (f *fileSites) find() {
	f.sites = map[string][]site{}
	f.count = map[string]int{}
	f.comms = map[ast.Stmt]bool{}
	for _, d := range f.file.Decls {
		f.fn = "-"
		var body ast.Node = d
		if fd, ok := d.(*ast.FuncDecl); ok {
			f.fn = funcName(fd)
			if fd.Body == nil {
				continue
			}
			body = fd.Body
		}
		f.lockPairs(body)
		ast.Inspect(body, f.visit)
	}
}

// funcName is "Name" or "Type.Method".
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.ParenExpr:
			t = x.X
			continue
		}
		break
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// method returns the full name of the function or method that call calls
// ("(*sync.Mutex).Lock", "close" for the builtin), and the receiver
// expression of a method call.
func (f *fileSites) method(call *ast.CallExpr) (string, ast.Expr) {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		switch obj := f.info.Uses[fun].(type) {
		case *types.Builtin:
			return obj.Name(), nil
		case *types.Func:
			return obj.FullName(), nil
		}
	case *ast.SelectorExpr:
		if fn, ok := f.info.Uses[fun.Sel].(*types.Func); ok {
			return fn.FullName(), fun.X
		}
	}
	return "", nil
}

// callOf returns the call that statement s is made of: an expression
// statement or a defer of one.
func callOf(s ast.Stmt) (*ast.CallExpr, bool) {
	switch s := s.(type) {
	case *ast.ExprStmt:
		c, ok := s.X.(*ast.CallExpr)
		return c, ok
	case *ast.DeferStmt:
		return s.Call, true
	}
	return nil, false
}

var lockMethods = map[string][2]string{
	"(*sync.Mutex).Lock":    {"lock", "Unlock"},
	"(*sync.RWMutex).Lock":  {"lock", "Unlock"},
	"(*sync.RWMutex).RLock": {"rlock", "RUnlock"},
}

// lockPairs finds lock-drop and rwlock-swap sites in one function: each
// Lock (RLock) statement with the Unlock (RUnlock) statements of the same
// mutex that follow it, up to its next Lock (RLock).
func (f *fileSites) lockPairs(body ast.Node) {
	type lockStmt struct {
		stmt ast.Stmt
		call *ast.CallExpr
		name string // full method name
		recv string // the mutex expression, as written
	}
	var all []lockStmt
	ast.Inspect(body, func(n ast.Node) bool {
		s, ok := n.(ast.Stmt)
		if !ok {
			return true
		}
		call, ok := callOf(s)
		if !ok {
			return true
		}
		name, recv := f.method(call)
		if recv == nil || !strings.HasPrefix(name, "(*sync.") {
			return true
		}
		all = append(all, lockStmt{s, call, name, types.ExprString(recv)})
		return true
	})
	for i, l := range all {
		kind, ok := lockMethods[l.name]
		if !ok {
			continue
		}
		if _, isDefer := l.stmt.(*ast.DeferStmt); isDefer {
			continue
		}
		edits := []edit{f.remove(l.stmt)}
		rw := strings.HasPrefix(l.name, "(*sync.RWMutex)")
		var swap []edit
		if rw {
			to := "RLock"
			if kind[0] == "rlock" {
				to = "Lock"
			}
			swap = append(swap, f.replace(l.call.Fun.(*ast.SelectorExpr).Sel, to))
		}
		for _, u := range all[i+1:] {
			if u.recv != l.recv {
				continue
			}
			if _, isLock := lockMethods[u.name]; isLock && u.name == l.name {
				if _, isDefer := u.stmt.(*ast.DeferStmt); !isDefer {
					break
				}
			}
			if !strings.HasSuffix(u.name, ")."+kind[1]) {
				continue
			}
			edits = append(edits, f.remove(u.stmt))
			if rw {
				to := "RUnlock"
				if kind[0] == "rlock" {
					to = "Unlock"
				}
				swap = append(swap, f.replace(u.call.Fun.(*ast.SelectorExpr).Sel, to))
			}
		}
		m := l.call.Fun.(*ast.SelectorExpr).Sel.Name
		f.add("lock-drop", l.stmt, fmt.Sprintf("drop %s.%s() and its %s", l.recv, m, kind[1]), edits...)
		if rw {
			f.add("rwlock-swap", l.stmt, fmt.Sprintf("%s.%s() → %s", l.recv, m, swap[0].text), swap...)
		}
	}
}

// visit finds the sites of every operator but the lock pairs at node n.
func (f *fileSites) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.DeferStmt:
		f.add("defer-inline", n, "run the deferred "+shorten(f.text(n.Call))+" at once",
			edit{f.off(n.Defer), f.off(n.Call.Pos()), ""})
		f.statementCall(n, n.Call, true)
	case *ast.GoStmt:
		f.add("go-inline", n, "call "+shorten(f.text(n.Call))+" in the caller, not in a new goroutine",
			edit{f.off(n.Go), f.off(n.Call.Pos()), ""})
	case *ast.ExprStmt:
		if f.comms[n] {
			break
		}
		if call, ok := n.X.(*ast.CallExpr); ok {
			f.statementCall(n, call, false)
		}
		if u, ok := n.X.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			f.sleep(n, "receive "+shorten(f.text(u)))
		}
	case *ast.CallExpr:
		f.call(n)
	case *ast.CommClause:
		if n.Comm != nil {
			f.comms[n.Comm] = true
		}
		if isDoneReceive(n.Comm) {
			f.add("done-case-drop", n, "drop the select case "+shorten(f.text(n.Comm)), f.remove(n))
		}
	case *ast.BinaryExpr:
		swap := map[token.Token]token.Token{token.LSS: token.LEQ, token.LEQ: token.LSS, token.GTR: token.GEQ, token.GEQ: token.GTR}
		if to, ok := swap[n.Op]; ok {
			at := f.off(n.OpPos)
			f.add("cmp-boundary", n, fmt.Sprintf("%s → %s", shorten(f.text(n)), to),
				edit{at, at + len(n.Op.String()), to.String()})
		}
	case *ast.ForStmt:
		if c, ok := n.Cond.(*ast.BinaryExpr); ok {
			switch c.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				f.minusOne(c.Y, "the loop bound")
			}
		}
	case *ast.RangeStmt:
		if t, ok := f.info.Types[n.X]; ok {
			if b, ok := t.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				f.minusOne(n.X, "the loop bound")
			}
		}
	}
	return true
}

// statementCall finds the sites of a call made as a statement (deferred
// or not).
func (f *fileSites) statementCall(s ast.Stmt, call *ast.CallExpr, deferred bool) {
	name, _ := f.method(call)
	switch name {
	case "(*sync.WaitGroup).Add":
		if !deferred {
			f.add("wg-add-drop", s, "drop "+shorten(f.text(call)), f.remove(s))
		}
	case "(*sync.WaitGroup).Done":
		f.add("wg-done-drop", s, "drop "+shorten(f.text(s)), f.remove(s))
	case "(*sync.WaitGroup).Go":
		if !deferred && len(call.Args) == 1 {
			arg := call.Args[0]
			f.add("go-inline", s, "call "+shorten(f.text(arg))+" in the caller, not in wg.Go",
				edit{f.off(call.Pos()), f.off(arg.Pos()), "("},
				edit{f.off(arg.End()), f.off(call.End()), ")()"})
			f.add("wg-go-bare", s, "start "+shorten(f.text(call))+" uncounted: go f()",
				edit{f.off(call.Pos()), f.off(arg.Pos()), "go ("},
				edit{f.off(arg.End()), f.off(call.End()), ")()"})
		}
	case "(*sync.Cond).Broadcast":
		sel := call.Fun.(*ast.SelectorExpr).Sel
		f.add("broadcast-signal", s, "Broadcast → Signal", f.replace(sel, "Signal"))
	case "close":
		f.add("close-drop", s, "drop "+shorten(f.text(s)), f.remove(s))
	}
	if !deferred {
		switch name {
		case "(*sync.WaitGroup).Wait", "(*sync.Cond).Wait":
			f.sleep(s, shorten(f.text(call)))
		}
	}
}

// sleep adds the wait-sleep site that puts a short sleep for statement s.
func (f *fileSites) sleep(s ast.Stmt, what string) {
	edits := append(f.importing("time"), f.replace(s, "time.Sleep(time.Millisecond)"))
	f.add("wait-sleep", s, what+" → time.Sleep(time.Millisecond)", edits...)
}

// call finds the sites inside a call expression: make sizes and context
// arguments.
func (f *fileSites) call(call *ast.CallExpr) {
	name, _ := f.method(call)
	if name == "make" && len(call.Args) >= 1 {
		_, isChan := f.info.TypeOf(call.Args[0]).Underlying().(*types.Chan)
		switch {
		case isChan && len(call.Args) == 2:
			f.add("chan-unbuffer", call, shorten(f.text(call))+" → unbuffered",
				edit{f.off(call.Args[0].End()), f.off(call.Args[1].End()), ""})
		case isChan:
			at := f.off(call.Args[0].End())
			f.add("chan-buffer", call, shorten(f.text(call))+" → buffer of 1", edit{at, at, ", 1"})
		default:
			for _, size := range call.Args[1:] {
				f.minusOne(size, "the size")
			}
		}
	}
	if strings.HasPrefix(name, "context.") && strings.HasSuffix(name, "Background") {
		return
	}
	for _, arg := range call.Args {
		id, ok := arg.(*ast.Ident)
		if !ok {
			continue
		}
		if t := f.info.TypeOf(id); t != nil && t.String() == "context.Context" {
			edits := append(f.importing("context"), f.replace(id, "context.Background()"))
			f.add("ctx-background", id, fmt.Sprintf("pass context.Background() for %s to %s", id.Name, shorten(f.text(call.Fun))), edits...)
		}
	}
}

// minusOne adds the bound-minus-one site that takes one from e.
func (f *fileSites) minusOne(e ast.Expr, what string) {
	text := f.text(e)
	switch e.(type) {
	case *ast.Ident, *ast.BasicLit, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr:
	default:
		text = "(" + text + ")"
	}
	f.add("bound-minus-one", e, fmt.Sprintf("%s %s → %s-1", what, shorten(f.text(e)), text), f.replace(e, text+"-1"))
}

// isDoneReceive reports whether a select case's communication receives
// from x.Done().
func isDoneReceive(comm ast.Stmt) bool {
	var e ast.Expr
	switch c := comm.(type) {
	case *ast.ExprStmt:
		e = c.X
	case *ast.AssignStmt:
		if len(c.Rhs) == 1 {
			e = c.Rhs[0]
		}
	}
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	call, ok := u.X.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Done" && len(call.Args) == 0
}

// shorten keeps the first line of s, cut to a length that reads in a
// table.
func shorten(s string) string {
	line, _, more := strings.Cut(s, "\n")
	if r := []rune(line); len(r) > 50 {
		line, more = string(r[:50]), true
	}
	if more {
		line += "…"
	}
	return line
}
