package render_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/threadlings/threadlings/checker/internal/render"
)

func TestCellsCountsHangulTwiceAndEscapesNever(t *testing.T) {
	assert.Equal(t, 6, render.Cells("고루틴"))
	assert.Equal(t, 5, render.Cells("✗ abc"), "marks of ambiguous width take one cell")
	assert.Equal(t, 2, render.Cells("\x1b[31mok\x1b[0m"))
	assert.Equal(t, 0, render.Cells("\x1b[H\x1b[2J"), "a screen clear is not text")
	assert.Equal(t, 4, render.Cells("ＡＢ"), "full-width forms")
}

func TestFitLeavesNarrowTextAndNoWidthAlone(t *testing.T) {
	s := "  ✗ fail        a spec\n    whose text is long enough to wrap at twenty"
	assert.Equal(t, s, render.Fit(s, 0), "width 0: piped output is not wrapped")
	assert.Equal(t, "short\n  lines\n", render.Fit("short\n  lines\n", 20))
}

func TestFitKeepsTheIndent(t *testing.T) {
	got := render.Fit("    Join returned before every goroutine had finished", 24)
	assert.Equal(t, strings.Join([]string{
		"    Join returned before",
		"    every goroutine had",
		"    finished",
	}, "\n"), got)
}

func TestFitHangsAfterTheVerdictColumn(t *testing.T) {
	got := render.Fit("  ✗ panic       Group Start returns at once and Join waits for the target", 40)
	assert.Equal(t, strings.Join([]string{
		"  ✗ panic       Group Start returns at",
		"                once and Join waits for",
		"                the target",
	}, "\n"), got)
}

func TestFitNeverBreaksAWord(t *testing.T) {
	long := "lessons/01-goroutines/goroutines_internal_file.go:28"
	got := render.Fit("  at "+long+" in the stub", 20)
	assert.Equal(t, "  at\n"+long+"\n  in the stub", got, "a word wider than the line gets a line of its own, whole")
	assert.Equal(t, long, render.Fit(long, 10), "a line with no space stays as it is")
}

func TestFitMovesAWordLeftRatherThanPastTheEdge(t *testing.T) {
	got := render.Fit("          TODO at lessons/01/goroutines.go:37: Join", 30)
	assert.Equal(t, strings.Join([]string{
		"          TODO at",
		"  lessons/01/goroutines.go:37:",
		"          Join",
	}, "\n"), got, "the path fits in 30 cells only if it starts left of the indent")
}

func TestFitKoreanStaysWithinTheWidth(t *testing.T) {
	text := "01-goroutines: 스펙 27개 중 0개 통과. 패닉 27개 (1.72s). 위에 나온 첫 번째 실패부터 고치고 make lesson-01 명령을 다시 실행하세요. 레슨 설명: lessons/01-goroutines/README.ko.md"
	for _, width := range []int{20, 40, 80} {
		got := render.Fit("      "+text, width)
		for _, line := range strings.Split(got, "\n") {
			if len(strings.Fields(line)) > 1 {
				assert.LessOrEqual(t, render.Cells(line), width, "%q is wider than %d cells", line, width)
				assert.True(t, strings.HasPrefix(line, "      "), "%q lost its indent", line)
			}
		}
		assert.Equal(t, strings.Fields(text), strings.Fields(got), "no word is lost or split")
	}
}

func TestFitKeepsColourCodesOutOfTheCount(t *testing.T) {
	red := "\x1b[31m"
	got := render.Fit(red+"one two three\x1b[0m", 8)
	assert.Equal(t, red+"one two\nthree\x1b[0m", got)
}

func TestPrinterWrapsAtItsWidth(t *testing.T) {
	var b strings.Builder
	p := &render.Printer{W: &b, Width: 12}
	p.Printf("%s\n", "  a sentence too long")
	assert.Equal(t, "  a sentence\n  too long\n", b.String())
}
