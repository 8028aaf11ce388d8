package explain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/msg"
)

// A goroutine stuck on a lock, as the spec helpers describe it:
// "[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:27, called
// from 04-lock.(*Account).Update at account.go:42".
var (
	lockWait  = regexp.MustCompile(`^\[(sync\.Mutex\.Lock|sync\.RWMutex\.Lock|sync\.RWMutex\.RLock)\] (.*)$`)
	callFrame = regexp.MustCompile(`^(\S+) at (\S+\.go):(\d+)`)
)

// frame is one call of the learner's code on a blocked goroutine's stack.
type frame struct {
	fn   string // "(*Account).Balance"
	file string // base name, "account.go"
	line int
}

func (f frame) at() string { return f.file + ":" + strconv.Itoa(f.line) }

// Deadlock explains, in lang, why the sync.Mutex that the goroutines of a
// deadlock wait for is never unlocked, as far as their stacks and the
// learner's source (sources: base name → path) show it: a goroutine that
// locks a mutex it already holds, or, when every stuck goroutine waits for
// the same mutex and none holds it, an Unlock that a panic or a return can
// skip. detail lists the stuck goroutines, a line each, as the spec helpers
// write them. It returns nothing when the stacks show no such thing.
func Deadlock(lang, detail string, sources map[string]string) []string {
	var waits [][]frame
	for _, line := range strings.Split(detail, "\n") {
		m := lockWait.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			if strings.TrimSpace(line) != "" {
				waits = nil // not every stuck goroutine waits for a lock
				break
			}
			continue
		}
		var frames []frame
		for _, part := range strings.Split(m[2], ", called from ") {
			c := callFrame.FindStringSubmatch(part)
			if c == nil {
				break
			}
			n, _ := strconv.Atoi(c[3])
			frames = append(frames, frame{fn: shortName(c[1]), file: c[2], line: n})
		}
		if len(frames) == 0 {
			return nil
		}
		waits = append(waits, frames)
	}
	var lines []string
	key, mutex := "", ""
	src := newSource(sources)
	for _, frames := range waits {
		k, x, ok := src.lockAt(frames[0])
		if !ok {
			return lines
		}
		if key != "" && k != key {
			key = "-" // more than one mutex: no goroutine-free claim
		} else if key == "" {
			key, mutex = k, x
		}
		if held, ok := src.heldSince(frames, k); ok {
			outer := frames[held.depth]
			if held.depth == 0 {
				lines = append(lines, msg.F(lang, "%s locks %s again at %s while it already holds it since %s. A sync.Mutex is not re-entrant: a goroutine that locks it again waits for itself for ever. Keep the locking in the exported method and move the work into an unexported helper that expects the lock held (a …Locked function); call that instead.",
					frames[0].fn, x, frames[0].at(), held.lock))
			} else {
				lines = append(lines, msg.F(lang, "%s waits for %s, which this same goroutine already holds: %s locked it at %s and, still holding it, made the call at %s that led here. A sync.Mutex is not re-entrant: a goroutine that locks it again waits for itself for ever. Keep the locking in the exported method and move the work into an unexported helper that expects the lock held (a …Locked function); call that instead.",
					frames[0].fn, x, outer.fn, held.lock, outer.at()))
			}
		}
	}
	if len(lines) > 0 || len(waits) == 0 || key == "-" {
		return lines
	}
	// Every stuck goroutine waits for the same mutex and none of them holds
	// it: it was locked by a goroutine that is gone, or by one of them in a
	// call that has returned.
	if skip, ok := src.unlockWithoutDefer(key); ok {
		return []string{msg.F(lang, "No goroutine that is still running holds %s: one that locked it returned or panicked without unlocking it. %s locks it at %s and unlocks it at line %d without defer: if anything in between panics or returns, Unlock never runs. Write defer %s.Unlock() right after the Lock.",
			mutex, skip.fn, skip.lock, skip.unlockLine, skip.expr)}
	}
	return []string{msg.F(lang, "No goroutine that is still running holds %s: one that locked it returned or panicked without unlocking it. Which one cannot be seen from the goroutines that are left: look for a Lock whose Unlock is not deferred, or a return between Lock and Unlock.", mutex)}
}

// shortName drops the package from a function name:
// "04-lock.(*Account).Balance" → "(*Account).Balance".
func shortName(fn string) string {
	if i := strings.Index(fn, "."); i >= 0 {
		return fn[i+1:]
	}
	return fn
}

// source reads and parses the learner's files on demand.
type source struct {
	paths map[string]string
	fset  *token.FileSet
	files map[string]*ast.File
	text  map[string][]byte
}

func newSource(paths map[string]string) *source {
	return &source{paths: paths, fset: token.NewFileSet(), files: map[string]*ast.File{}, text: map[string][]byte{}}
}

func (s *source) file(base string) *ast.File {
	if f, ok := s.files[base]; ok {
		return f
	}
	var f *ast.File
	if path, ok := s.paths[base]; ok {
		if b, err := os.ReadFile(path); err == nil {
			s.text[base] = b
			f, _ = parser.ParseFile(s.fset, base, b, 0)
		}
	}
	s.files[base] = f
	return f
}

func (s *source) line(n token.Pos) int { return s.fset.Position(n).Line }

// expr returns the source text of e in file base.
func (s *source) expr(base string, e ast.Expr) string {
	b := s.text[base]
	from, to := s.fset.Position(e.Pos()).Offset, s.fset.Position(e.End()).Offset
	if from < 0 || to > len(b) || from > to {
		return ""
	}
	return string(b[from:to])
}

// mutexCall reports whether call is x.Lock(), x.RLock(), x.Unlock() or
// x.RUnlock(), and returns the method and x.
func mutexCall(call *ast.CallExpr) (method string, x ast.Expr, ok bool) {
	sel, isSel := call.Fun.(*ast.SelectorExpr)
	if !isSel || len(call.Args) != 0 {
		return "", nil, false
	}
	switch sel.Sel.Name {
	case "Lock", "RLock", "Unlock", "RUnlock":
		return sel.Sel.Name, sel.X, true
	}
	return "", nil, false
}

// mutexKey names a mutex the same way in every method of its type: by its
// field ("mu" for a.mu and for acc.mu), or by its variable's name.
func mutexKey(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.SelectorExpr:
		return "." + x.Sel.Name
	case *ast.Ident:
		return x.Name
	case *ast.StarExpr:
		return mutexKey(x.X)
	case *ast.ParenExpr:
		return mutexKey(x.X)
	}
	return ""
}

// lockAt finds the Lock call on f's line: the mutex's key and its text.
func (s *source) lockAt(f frame) (key, text string, ok bool) {
	file := s.file(f.file)
	if file == nil {
		return "", "", false
	}
	ast.Inspect(file, func(n ast.Node) bool {
		call, isCall := n.(*ast.CallExpr)
		if ok || !isCall || s.line(call.Pos()) != f.line {
			return !ok
		}
		if method, x, isMutex := mutexCall(call); isMutex && (method == "Lock" || method == "RLock") {
			key, text, ok = mutexKey(x), s.expr(f.file, x), mutexKey(x) != ""
		}
		return !ok
	})
	return key, text, ok
}

// enclosing returns the innermost function (declaration or literal) of file
// whose body holds line.
func (s *source) enclosing(file *ast.File, line int) *ast.BlockStmt {
	var body *ast.BlockStmt
	ast.Inspect(file, func(n ast.Node) bool {
		var b *ast.BlockStmt
		switch fn := n.(type) {
		case *ast.FuncDecl:
			b = fn.Body
		case *ast.FuncLit:
			b = fn.Body
		}
		if b != nil && s.line(b.Pos()) <= line && line <= s.line(b.End()) {
			body = b
		}
		return true
	})
	return body
}

// held is a Lock of a mutex that a goroutine still holds at frame depth of
// its stack: the Lock at lock, in that frame's function, before its line.
type held struct {
	depth int
	lock  string
}

// heldSince looks, frame by frame from the innermost, for a function on the
// stack that locked the mutex key before the line it is at and has not
// unlocked it since (a deferred Unlock does not count: it runs later).
func (s *source) heldSince(frames []frame, key string) (held, bool) {
	for depth, f := range frames {
		file := s.file(f.file)
		if file == nil {
			continue
		}
		body := s.enclosing(file, f.line)
		if body == nil {
			continue
		}
		lockLine := 0
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // another function's locking
			case *ast.DeferStmt:
				return false
			case *ast.CallExpr:
				line := s.line(n.Pos())
				method, x, ok := mutexCall(n)
				if !ok || mutexKey(x) != key || line >= f.line {
					return true
				}
				switch method {
				case "Lock", "RLock":
					lockLine = max(lockLine, line)
				default:
					if line > lockLine {
						lockLine = -line // unlocked after the last Lock so far
					}
				}
			}
			return true
		})
		if lockLine > 0 {
			return held{depth: depth, lock: f.file + ":" + strconv.Itoa(lockLine)}, true
		}
	}
	return held{}, false
}

// skippable is a Lock whose Unlock a panic or an early return can skip.
type skippable struct {
	fn         string
	lock       string
	unlockLine int
	expr       string
}

// unlockWithoutDefer finds, in the learner's files, a method or function
// that locks the mutex key and unlocks it later with a plain call, not with
// defer.
func (s *source) unlockWithoutDefer(key string) (skippable, bool) {
	for _, base := range slices.Sorted(maps.Keys(s.paths)) {
		file := s.file(base)
		if file == nil {
			continue
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			var found skippable
			lockLine, deferred := 0, false
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.DeferStmt:
					if method, x, ok := mutexCall(n.Call); ok && mutexKey(x) == key && (method == "Unlock" || method == "RUnlock") {
						deferred = true
					}
					return false
				case *ast.CallExpr:
					method, x, ok := mutexCall(n)
					if !ok || mutexKey(x) != key {
						return true
					}
					switch method {
					case "Lock", "RLock":
						lockLine = s.line(n.Pos())
					default:
						if lockLine > 0 && found.fn == "" {
							found = skippable{fn: funcName(fn), lock: base + ":" + strconv.Itoa(lockLine), unlockLine: s.line(n.Pos()), expr: s.expr(base, x)}
						}
					}
				}
				return true
			})
			if found.fn != "" && !deferred {
				return found, true
			}
		}
	}
	return skippable{}, false
}

// funcName names a declared function as stack traces do, without its
// package: "(*Account).Update", "Transfer".
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	switch t := fn.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			return "(*" + id.Name + ")." + fn.Name.Name
		}
	case *ast.Ident:
		return t.Name + "." + fn.Name.Name
	}
	return fn.Name.Name
}
