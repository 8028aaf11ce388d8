package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/internal/verdict"
)

// verbs returns the arguments a format uses, each with its verb: argument
// number (from 1) → verb letter. Explicit indexes (%[2]d) are followed as
// fmt follows them.
func verbs(t *testing.T, format string) map[int]string {
	t.Helper()
	used := map[int]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.ContainsRune("+-# 0", rune(format[i])) {
			i++
		}
		for i < len(format) && (format[i] == '[' || format[i] == '.' || format[i] >= '0' && format[i] <= '9') {
			if format[i] == '[' {
				end := strings.IndexByte(format[i:], ']')
				require.Positive(t, end, "unclosed [ in %q", format)
				n, err := strconv.Atoi(format[i+1 : i+end])
				require.NoError(t, err, "bad index in %q", format)
				arg = n
				i += end
			}
			i++
		}
		require.Less(t, i, len(format), "format %q ends in the middle of a verb", format)
		if format[i] == '%' {
			continue
		}
		if prev, ok := used[arg]; ok && prev != string(format[i]) {
			t.Errorf("%q uses argument %d as %%%s and as %%%c", format, arg, prev, format[i])
		}
		used[arg] = string(format[i])
		arg++
	}
	return used
}

func TestVerbsReadsFormats(t *testing.T) {
	assert.Equal(t, map[int]string{1: "s", 2: "d"}, verbs(t, "%s: %d%%"))
	assert.Equal(t, map[int]string{1: "d", 2: "s"}, verbs(t, "%[2]s %[1]d"))
	assert.Equal(t, map[int]string{1: "s", 2: "v", 3: "q"}, verbs(t, "%-11s %v %3.1q"))
	assert.NotEqual(t, verbs(t, "%s %d"), verbs(t, "%d %s"), "the test must see a swap of verbs")
}

// TestEveryKoreanTextTakesTheSameArguments: a Korean format that used an
// argument with another verb, or dropped one, would print %!d(string=…) or
// %!(EXTRA …) to a learner.
func TestEveryKoreanTextTakesTheSameArguments(t *testing.T) {
	for en, ko := range korean {
		assert.NotEmpty(t, strings.TrimSpace(ko), "empty Korean for %q", en)
		assert.Equal(t, verbs(t, en), verbs(t, ko), "the Korean of %q must use the same arguments with the same verbs: %q", en, ko)
		assert.Equal(t, strings.HasSuffix(en, "\n"), strings.HasSuffix(ko, "\n"), "%q and its Korean must both end a line, or neither", en)
		assert.Equal(t, strings.HasPrefix(en, "\n"), strings.HasPrefix(ko, "\n"), "%q and its Korean must both start a line, or neither", en)
	}
}

// messagesIn returns the string literals that the Go files of dir (tests
// left out) pass as messages: to msg.T, msg.F and render.Printer's T, Tf
// and Say.
func messagesIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	found := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fun := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fun.Sel.Name
			case *ast.Ident: // inside package msg
				name = fun.Name
			}
			if name != "T" && name != "F" && name != "Tf" && name != "Say" {
				return true
			}
			for _, a := range call.Args {
				if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, err := strconv.Unquote(lit.Value)
					require.NoError(t, err)
					found[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
	}
	return found
}

// TestEveryMessageHasKorean: every English message the learner's commands
// print through the catalogue has a Korean text.
func TestEveryMessageHasKorean(t *testing.T) {
	total := 0
	for _, dir := range []string{"../cli", "../render", "../explain", "../watch", "../progress", "../course"} {
		for en, where := range messagesIn(t, dir) {
			total++
			assert.True(t, Has(en), "%s: no Korean for %q", where, en)
		}
	}
	assert.Greater(t, total, 40, "the scan must find the checker's messages")
	for _, v := range verdict.All {
		assert.True(t, Has(string(v)), "no Korean for the verdict %q", v)
	}
}

// TestEveryVetAdviceHasKorean: the advice under a go vet finding is shown
// through the catalogue (explain.VetAdvice's values).
func TestEveryVetAdviceHasKorean(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../explain/explain.go", nil, 0)
	require.NoError(t, err)
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		spec, ok := node.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "vetAdvice" {
			return true
		}
		for _, elt := range spec.Values[0].(*ast.CompositeLit).Elts {
			lit := elt.(*ast.KeyValueExpr).Value.(*ast.BasicLit)
			s, err := strconv.Unquote(lit.Value)
			require.NoError(t, err)
			n++
			assert.True(t, Has(s), "%s: no Korean for %q", fset.Position(lit.Pos()), s)
		}
		return false
	})
	assert.Positive(t, n, "vetAdvice not found in explain.go")
}

func TestTFallsBackToEnglish(t *testing.T) {
	assert.Equal(t, "힌트 1/4", F(Korean, "Hint %d of %d", 1, 4))
	assert.Equal(t, "Hint 1 of 4", F(English, "Hint %d of %d", 1, 4))
	assert.Equal(t, "no such message", T(Korean, "no such message"))
	assert.Equal(t, "01-goroutines: 스펙 15개 중 3개 통과. 실패 12개 (1s).",
		F(Korean, "%s: %d of %d specs pass; %s (%s%s).", "01-goroutines", 3, 15, F(Korean, "%d %s", 12, T(Korean, "fail")), "1s", ""))
}

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestChoose(t *testing.T) {
	for _, c := range []struct {
		name string
		flag string
		env  map[string]string
		want string
	}{
		{"nothing set", "", nil, English},
		{"flag", "ko", nil, Korean},
		{"flag wins over the environment", "en", map[string]string{"THREADLINGS_LANG": "ko", "LANG": "ko_KR.UTF-8"}, English},
		{"THREADLINGS_LANG", "", map[string]string{"THREADLINGS_LANG": "ko"}, Korean},
		{"THREADLINGS_LANG wins over the locale", "", map[string]string{"THREADLINGS_LANG": "en", "LANG": "ko_KR.UTF-8"}, English},
		{"Korean LANG", "", map[string]string{"LANG": "ko_KR.UTF-8"}, Korean},
		{"Korean LC_ALL", "", map[string]string{"LC_ALL": "ko_KR.utf8"}, Korean},
		{"Korean LC_MESSAGES", "", map[string]string{"LC_MESSAGES": "ko_KR"}, Korean},
		{"LC_ALL wins over LANG", "", map[string]string{"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, English},
		{"LC_ALL wins over LC_MESSAGES", "", map[string]string{"LC_ALL": "ko_KR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, Korean},
		{"LC_MESSAGES wins over LANG", "", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "ko_KR.UTF-8"}, English},
		{"another locale", "", map[string]string{"LANG": "de_DE.UTF-8"}, English},
		{"a locale name in the flag", "ko_KR", nil, Korean},
		{"not a prefix of a word", "", map[string]string{"LANG": "kok_IN"}, English},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Choose(c.flag, env(c.env))
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestChooseRefusesAnUnknownLanguage(t *testing.T) {
	lang, err := Choose("fr", env(map[string]string{"LANG": "ko_KR.UTF-8"}))
	require.Error(t, err)
	assert.Equal(t, `--lang must be en or ko, not "fr"`, err.Error())
	assert.Equal(t, Korean, lang, "the rest of the settings still choose the language of the complaint")

	_, err = Choose("", env(map[string]string{"THREADLINGS_LANG": "klingon"}))
	assert.EqualError(t, err, `THREADLINGS_LANG must be en or ko, not "klingon"`)

	lang, err = Choose("ko", env(map[string]string{"THREADLINGS_LANG": "klingon"}))
	assert.NoError(t, err, "a flag that says ko makes THREADLINGS_LANG irrelevant")
	assert.Equal(t, Korean, lang)
}

// verdictMessage matches the start of a failure message that the spec
// helpers or the runner write: a verdict in capitals, or "not run".
var verdictMessage = regexp.MustCompile(`^([A-Z][A-Z ]*[A-Z]|not run): `)

// template flattens a string expression ("A: " + x + "\nB") into its text,
// with \x00 where a value known only at run time goes; ok is false for an
// expression that is not a string literal or a sum with one.
func template(e ast.Expr) (s string, ok bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, okx := template(e.X)
		y, oky := template(e.Y)
		if !okx && !oky {
			return "", false
		}
		if !okx {
			x = "\x00"
		}
		if !oky {
			y = "\x00"
		}
		return x + y, true
	}
	return "", false
}

// TestEveryVerdictMessageHasKorean: every fixed line of the messages that
// the spec helpers and the runner write under a verdict has Korean, and a
// line that goes on with a value known only at run time starts with one of
// Feedback's prefixes.
func TestEveryVerdictMessageHasKorean(t *testing.T) {
	found := 0
	for _, pattern := range []string{"../../../lessons/internal/spec/*.go", "../runner/*.go"} {
		files, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, files, pattern)
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, nil, 0)
			require.NoError(t, err)
			ast.Inspect(f, func(n ast.Node) bool {
				e, ok := n.(ast.Expr)
				if !ok {
					return true
				}
				text, ok := template(e)
				if !ok {
					return true
				}
				if verdictMessage.MatchString(text) {
					found++
					where := fset.Position(e.Pos())
					for _, line := range strings.Split(text, "\n") {
						fixed, _, dynamic := strings.Cut(line, "\x00")
						switch {
						case fixed == "":
						case !dynamic:
							assert.True(t, Has(line), "%s: no Korean for the line %q", where, line)
						default:
							assert.Contains(t, prefixes, fixed, "%s: %q goes on with a value known at run time: make its start one of msg's prefixes", where, line)
						}
					}
				}
				return false // a sum is read whole, not again by its parts
			})
		}
	}
	assert.GreaterOrEqual(t, found, 10, "the scan must find the verdicts' messages")
	for _, p := range prefixes {
		assert.True(t, Has(p), "no Korean for the prefix %q", p)
	}
}

// TestTimelineHeadingHasKorean: the heading of the spec helpers' timeline
// (spec.TimelineHeading, which this package cannot import) has Korean.
func TestTimelineHeadingHasKorean(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../../../lessons/internal/spec/gauge.go", nil, 0)
	require.NoError(t, err)
	heading := ""
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "TimelineHeading" {
			heading, _ = template(vs.Values[0])
		}
		return heading == ""
	})
	require.NotEmpty(t, heading, "spec.TimelineHeading not found")
	assert.True(t, Has(heading), "no Korean for the timeline's heading %q", heading)
	timeline := "the calls ran one after another\n" + heading + "\ncall 1  ##..\ncall 2  ..##\n        0s  1s  2s"
	assert.Equal(t, "the calls ran one after another\n"+T(Korean, heading)+"\ncall 1  ##..\ncall 2  ..##\n        0s  1s  2s", Feedback(Korean, timeline),
		"Feedback translates the heading and leaves the picture as it is")
}

func TestFeedback(t *testing.T) {
	en := "TIMEOUT: the spec ran out of time: something is blocked or looping. The goroutines of your code and where each one waits are listed below.\ngoroutine 7 [chan receive]: orders.go:12"
	assert.Equal(t, en, Feedback(English, en))
	assert.Equal(t, "시간 초과: 스펙이 제한 시간 안에 끝나지 않았습니다. 무언가 막혀 있거나 끝없이 돌고 있습니다. 아래에 여러분 코드의 고루틴과 각 고루틴이 기다리는 위치가 나옵니다.\ngoroutine 7 [chan receive]: orders.go:12", Feedback(Korean, en))
	assert.Equal(t, "패닉: TODO: Start", Feedback(Korean, "PANIC: TODO: Start"))
	assert.Equal(t, "실행 안 됨: 모든 스펙을 실행하기 전에 실행 시간 상한에 걸렸습니다", Feedback(Korean, "not run: the run hit its hard time limit before every spec had run"))
	assert.Equal(t, "Join returned early", Feedback(Korean, "Join returned early"), "what a lesson's spec says stays as it is")
}

// TestLearnerCommandsPrintNoBareEnglish: what the learner's commands print
// goes through the catalogue. A string literal with English words passed
// straight to a print or format call (fmt.Sprintf, Printf, Fprintln, …)
// in their files would reach a Korean learner in English.
func TestLearnerCommandsPrintNoBareEnglish(t *testing.T) {
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	// The program's name and its commands, as the prefix of an error.
	allowed := map[string]bool{"checker": true, "run": true, "watch": true, "hint": true, "reset": true, "solution": true, "list": true, "status": true}
	fset := token.NewFileSet()
	for _, name := range []string{"run.go", "watchcmd.go", "hint.go", "reset.go", "list.go", "status.go", "keyboard.go"} {
		f, err := parser.ParseFile(fset, filepath.Join("../cli", name), nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !regexp.MustCompile(`^(S|F)?[Pp]rint(f|ln)?$`).MatchString(sel.Sel.Name) {
				return true
			}
			for _, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				for _, w := range word.FindAllString(regexp.MustCompile(`%[-+# 0-9.\[\]]*[a-zA-Z]`).ReplaceAllString(s, " "), -1) {
					if !allowed[w] {
						t.Errorf("%s: %q is printed in English only: pass it through msg.T or the printer's Tf", fset.Position(lit.Pos()), s)
						break
					}
				}
			}
			return true
		})
	}
}

// The spec helpers' lines about goroutines keep what Go prints (state,
// functions, places) and say the rest in Korean.
func TestFeedbackOfGoroutineLines(t *testing.T) {
	for en, ko := range map[string]string{
		"[sync.Mutex.Lock] 04-lock.(*Account).Balance at account.go:27, called from 04-lock.(*Account).Update at account.go:42": "[sync.Mutex.Lock] 04-lock.(*Account).Balance (account.go:27), 호출한 곳: 04-lock.(*Account).Update (account.go:42)",
		"[chan receive (durable)] 03-daemon.Monitor.func1 at monitor.go:28 (started at monitor.go:27) ×2":                       "[chan receive (durable)] 03-daemon.Monitor.func1 (monitor.go:28) (시작한 곳: monitor.go:27) ×2",
		"[chan send] pool.Map.func2 started at pool.go:40":                                                                      "[chan send] pool.Map.func2 (시작한 곳: pool.go:40)",
	} {
		assert.Equal(t, en, Feedback(English, en))
		assert.Equal(t, ko, Feedback(Korean, en))
		assert.Equal(t, "DEADLOCK 없음\n"+ko, Feedback(Korean, "DEADLOCK 없음\n"+en), "a line of its own, wherever it is")
	}
	assert.Equal(t, "[1 2 3] at index 2 is wrong", Feedback(Korean, "[1 2 3] at index 2 is wrong"), "not a goroutine's line")
}
