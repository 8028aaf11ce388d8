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
