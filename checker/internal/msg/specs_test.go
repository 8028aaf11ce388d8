package msg

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ginkgoNodes are the Ginkgo functions whose first argument names a
// container or a spec; a spec's name is its containers' texts and its own,
// joined by spaces.
var ginkgoNodes = map[string]bool{}

func init() {
	for _, n := range []string{"Describe", "Context", "When", "It", "Specify", "DescribeTable", "Entry"} {
		for _, p := range []string{"", "F", "P", "X"} {
			ginkgoNodes[p+n] = true
		}
	}
}

// sentence tells a string the specs may say to a learner (two words or
// more) from a name, a path or a single word.
var sentence = regexp.MustCompile(`(?s)[A-Za-z]{2,}.* | .*[A-Za-z]{2,}`)

// lessonSentences returns what lesson dir's specs and stubs can say to a
// learner, each with where it is written: the specs' names, the sentences
// in the spec files, and the TODO texts the stubs panic with.
func lessonSentences(t *testing.T, dir string) map[string]string {
	t.Helper()
	found := map[string]string{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	for _, name := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		add := func(text string, at token.Pos) {
			// A part known only at run time is a string joined in with
			// +, which is what %s prints.
			text = strings.ReplaceAll(text, "\x00", "%s")
			if _, ok := found[text]; !ok {
				found[text] = fset.Position(at).String()
			}
		}
		if !strings.HasSuffix(name, "_test.go") {
			// A stub: the TODOs it panics with.
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && isIdent(call.Fun, "panic") && len(call.Args) == 1 {
					if text, ok := template(call.Args[0]); ok {
						if rest, ok := strings.CutPrefix(text, "TODO: "); ok {
							add(rest, call.Pos())
						}
					}
				}
				return true
			})
			continue
		}
		names := map[ast.Expr]bool{}
		var walk func(n ast.Node, prefix string)
		walk = func(n ast.Node, prefix string) {
			ast.Inspect(n, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				id, ok := call.Fun.(*ast.Ident)
				if !ok || !ginkgoNodes[id.Name] {
					return true
				}
				text, ok := template(call.Args[0])
				if !ok {
					return true
				}
				names[call.Args[0]] = true
				full := strings.TrimSpace(prefix + " " + text)
				if strings.HasSuffix(id.Name, "It") || strings.HasSuffix(id.Name, "Specify") || strings.HasSuffix(id.Name, "Entry") {
					add(full, call.Pos())
				}
				for _, a := range call.Args[1:] {
					walk(a, full)
				}
				return false
			})
		}
		walk(f, "")
		ast.Inspect(f, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok || names[e] {
				return !names[e]
			}
			text, ok := template(e)
			if !ok {
				return true
			}
			if sentence.MatchString(text) {
				add(text, e.Pos())
			}
			return false // a sum is read whole, not again by its parts
		})
	}
	return found
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// TestEverySpecSentenceHasKorean: every spec name, every sentence of the
// lessons' spec files and every TODO of the stubs has Korean, and the
// catalogue has nothing that the lesson no longer says. A failure
// lists what is missing, file by file. With THREADLINGS_ADD_SENTENCES=1 the test adds
// the missing ones to the lesson's spec_NN.go, with an empty Korean for a
// translator to write, under a comment naming the file they come from.
func TestEverySpecSentenceHasKorean(t *testing.T) {
	dirs, err := filepath.Glob("../../../lessons/[0-9][0-9]-*")
	require.NoError(t, err)
	require.Len(t, dirs, 13)
	total := 0
	for _, dir := range dirs {
		found := lessonSentences(t, dir)
		total += len(found)
		catalogue := "spec_" + filepath.Base(dir)[:2] + ".go"
		for en, file := range specFile {
			if _, ok := found[en]; !ok && file == catalogue {
				t.Errorf("%s: %q is no longer in %s: remove it", catalogue, en, filepath.Base(dir))
			}
		}
		var missing []string
		for en := range found {
			if !HasSpec(en) {
				missing = append(missing, en)
			}
		}
		if len(missing) == 0 {
			continue
		}
		sort.Slice(missing, func(i, j int) bool { return lessThanPos(found[missing[i]], found[missing[j]]) })
		var entries strings.Builder
		file := ""
		for _, en := range missing {
			if f, _, _ := strings.Cut(strings.TrimPrefix(found[en], "../../../"), ":"); f != file {
				file = f
				fmt.Fprintf(&entries, "\n\t\t// %s\n", file)
			}
			fmt.Fprintf(&entries, "\t\t%q: \"\",\n", en)
		}
		if os.Getenv("THREADLINGS_ADD_SENTENCES") == "1" {
			addEntries(t, catalogue, filepath.Base(dir), entries.String())
		}
		t.Errorf("%s: %d sentences have no Korean in %s (where each is written: go test -v):\n%s", filepath.Base(dir), len(missing), catalogue, entries.String())
	}
	assert.Greater(t, total, 500, "the scan must find the lessons' sentences")
}

// lessThanPos orders "file:line:col" positions by file, then line, then
// column.
func lessThanPos(a, b string) bool {
	split := func(p string) (string, int, int) {
		var line, col int
		i := strings.LastIndexByte(p, ':')
		j := strings.LastIndexByte(p[:i], ':')
		fmt.Sscan(p[j+1:i], &line)
		fmt.Sscan(p[i+1:], &col)
		return p[:j], line, col
	}
	fa, la, ca := split(a)
	fb, lb, cb := split(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

// addEntries adds entries to the map in file, making the file if there is
// none yet.
func addEntries(t *testing.T, file, lesson, entries string) {
	src, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		src = []byte("package msg\n\n// The Korean of what lesson " + lesson + "'s specs say (see specKorean).\nfunc init() {\n\taddSpecs(map[string]string{\n\t})\n}\n")
	} else {
		require.NoError(t, err)
	}
	end := strings.LastIndex(string(src), "\t})\n}")
	require.GreaterOrEqual(t, end, 0, "%s: the map's end not found", file)
	require.NoError(t, os.WriteFile(file, []byte(string(src[:end])+entries+string(src[end:])), 0o644))
}

// TestSpecKoreanKeepsArguments: a Korean spec format uses each of its
// English's arguments, and no other; an English format has fixed text to
// find it by.
func TestSpecKoreanKeepsArguments(t *testing.T) {
	for en, ko := range specKorean {
		if ko == "" {
			t.Errorf("%s: %q: the Korean is empty", specFile[en], en)
			continue
		}
		if ko == "=" {
			continue
		}
		want := 0
		for _, v := range verbRE.FindAllString(en, -1) {
			if v != "%%" {
				want++
			}
		}
		where := specFile[en]
		if want > 0 && strings.TrimSpace(verbRE.ReplaceAllString(en, "")) == "" {
			t.Errorf("%s: %q: a format with nothing but verbs would match anything", where, en)
		}
		args := make([]string, want)
		for i := range args {
			args[i] = fmt.Sprintf("\x01%d\x01", i)
		}
		got := fill(ko, args)
		for i, a := range args {
			assert.Equal(t, 1, strings.Count(got, a), "%s: %q → %q: argument %d must appear once", where, en, ko, i+1)
		}
		assert.NotRegexp(t, verbRE, got, "%s: %q → %q: more verbs than the English has arguments", where, en, ko)
	}
}

func TestSpec(t *testing.T) {
	defer func(saved map[string]string) { specKorean = saved; specFormatsOnce = sync.Once{}; specFormats = nil }(specKorean)
	specKorean = map[string]string{
		"Group Start returns at once":                "Group Start는 곧바로 반환한다",
		"%d of %d buyers got the one apple":          "구매자 %[2]d명 중 %[1]d명이 사과 하나를 받았습니다",
		"%s: two Sells both saw the apple.\nFix it.": "%s: 두 Sell이 모두 사과를 보았습니다.\n고치세요.",
		"hello world and more":                       "=",
		"%s %d times":                                "%s (%d번)",
		"pages were fetched twice (%s)":              "pages were fetched twice (%s)",
	}
	specFormatsOnce = sync.Once{}
	specFormats = nil
	assert.Equal(t, "Group Start는 곧바로 반환한다", Spec(Korean, "Group Start returns at once"))
	assert.Equal(t, "Group Start returns at once", Spec(English, "Group Start returns at once"))
	assert.Equal(t, "구매자 4명 중 2명이 사과 하나를 받았습니다", Spec(Korean, "2 of 4 buyers got the one apple"))
	assert.Equal(t, "unknown text", Spec(Korean, "unknown text"))
	assert.Equal(t, "hello world and more", Spec(Korean, "hello world and more"))
	// Within a failure message: a format that spans lines, an argument that
	// is itself a catalogue entry, and Gomega's lines left as they are.
	assert.Equal(t, "구매자 4명 중 2명이 사과 하나를 받았습니다: 두 Sell이 모두 사과를 보았습니다.\n고치세요.\nExpected\n    <string>: x\nto be empty",
		Feedback(Korean, "2 of 4 buyers got the one apple: two Sells both saw the apple.\nFix it.\nExpected\n    <string>: x\nto be empty"))
	assert.Equal(t, "패닉: TODO: x\n\n끝", Feedback(Korean, "PANIC: TODO: x\n\n끝"))
	// A format with little fixed text translates arguments only: on its
	// own it would take lines it never made.
	assert.Equal(t, "Start ran 3 times", Spec(Korean, "Start ran 3 times"))
	assert.Equal(t, "pages were fetched twice (/a (3번))", Spec(Korean, "pages were fetched twice (/a 3 times)"))
	// %d takes digits only.
	assert.Equal(t, "x of 4 buyers got the one apple", Spec(Korean, "x of 4 buyers got the one apple"))
}

// TestSpecFormatsFindTheirOwnMessages: a message made from each format of
// the catalogue comes back as that format's Korean, not another's.
func TestSpecFormatsFindTheirOwnMessages(t *testing.T) {
	specFormatsOnce.Do(compileSpecFormats)
	for _, f := range specFormats {
		if f.fragment {
			continue
		}
		var args []string
		message := verbRE.ReplaceAllStringFunc(f.english, func(verb string) string {
			if verb == "%%" {
				return "%"
			}
			arg := "‹arg›"
			if strings.HasSuffix(verb, "d") {
				arg = "7"
			}
			args = append(args, arg)
			return arg
		})
		want := specKorean[f.english]
		if want == "=" {
			want = f.english
		}
		assert.Equal(t, fill(want, args), Spec(Korean, message), "%s: the message made from %q", specFile[f.english], f.english)
	}
}
