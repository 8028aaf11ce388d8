package cli

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
)

// TestStatusLineFitsInKorean: the status line is cut to the terminal's
// width in cells, so that a Korean line, two cells a character, does not
// wrap (a carriage return would then redraw only its last row).
func TestStatusLineFitsInKorean(t *testing.T) {
	l01, err := course.Find("01")
	assert.NoError(t, err)
	for _, lang := range []string{"en", "ko"} {
		var b strings.Builder
		line := newStatusLine(&b, true, 40, lang)
		line.Step(runner.Step{Kind: runner.StepBuild, Lesson: l01, Race: true})
		line.Clear()
		drawn, _, _ := strings.Cut(strings.TrimPrefix(b.String(), "\r"), "\x1b[K")
		assert.LessOrEqual(t, render.Cells(drawn), 39, "%s: %q", lang, drawn)
		assert.True(t, strings.HasSuffix(drawn, "… (0s)"), "%s: %q is cut with an ellipsis", lang, drawn)
	}
	assert.Equal(t, "레슨 01 빌드 중 (레이스 디텍터 사용) — 첫 빌드는 1~2분, 그다음부터는 1~2초 걸립니다",
		stepText(runner.Step{Kind: runner.StepBuild, Lesson: l01, Race: true}, "ko"))
}
