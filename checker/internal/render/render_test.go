package render_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/internal/verdict"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestColourOnlyOnATerminalWithoutNoColor(t *testing.T) {
	assert.True(t, render.UseColor(true, env(nil)))
	assert.False(t, render.UseColor(false, env(nil)), "piped output is plain")
	assert.False(t, render.UseColor(true, env(map[string]string{"NO_COLOR": "1"})))
	assert.False(t, render.UseColor(true, env(map[string]string{"TERM": "dumb"})))
}

func TestPlainPrinterWritesNoEscapes(t *testing.T) {
	var b strings.Builder
	p := &render.Printer{W: &b}
	p.Printf("%s %s\n", p.Verdict(verdict.Race), p.Red("x"))
	assert.Equal(t, "✗ race        x\n", b.String())

	b.Reset()
	p.Color = true
	p.Printf("%s", p.Verdict(verdict.Pass))
	assert.Contains(t, b.String(), "\x1b[32m")
}

func TestTableAlignsColouredCells(t *testing.T) {
	var b strings.Builder
	p := &render.Printer{Color: true}
	render.Table(&b, [][]string{{"a", p.Green("ok"), "z"}, {"long", "x", "z"}})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	assert.Equal(t, "long  x   z", lines[1])
	assert.Equal(t, "a     "+p.Green("ok")+"  z", lines[0])
}

func TestTableCountsWideCharactersTwice(t *testing.T) {
	var b strings.Builder
	render.Table(&b, [][]string{{"고루틴", "x"}, {"abcdef", "y"}})
	assert.Equal(t, "고루틴  x\nabcdef  y\n", b.String())
}

func TestWrapCountsHangulTwice(t *testing.T) {
	text := "모든 과제는 모양이 같습니다. go 문으로 일마다 고루틴을 하나씩 시작하고, 반환하기 전에 모두 기다립니다."
	for _, line := range strings.Split(render.Wrap(text, 30), "\n") {
		assert.LessOrEqual(t, render.Cells(line), 30, "%q is wider than 30 cells", line)
	}
	assert.Equal(t, "a bb\nccc", render.Wrap("a bb ccc", 4))
}

func TestKoreanVerdictsKeepTheColumn(t *testing.T) {
	en := &render.Printer{}
	ko := &render.Printer{Lang: "ko"}
	assert.Equal(t, "✗ 데이터 경쟁", strings.TrimSpace(ko.Verdict(verdict.Race)))
	for _, v := range verdict.All {
		assert.Equal(t, render.Cells(en.Verdict(v)), render.Cells(ko.Verdict(v)), "%s in Korean must take as many cells as in English", v)
	}
}
