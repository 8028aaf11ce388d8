package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/render"
)

// The checker's copy of the timeline's heading is the spec helpers' own.
func TestTimelineHeadingIsTheGaugesOwn(t *testing.T) {
	b, err := os.ReadFile("../../../lessons/internal/spec/gauge.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "const TimelineHeading = \""+timelineHeading+"\"") {
		t.Errorf("spec.TimelineHeading is no longer %q", timelineHeading)
	}
}

// A failure shows the whole picture of who ran when, and still trims the
// expectation's own lines after it.
func TestFeedbackKeepsTheTimelineWhole(t *testing.T) {
	var rows []string
	for i := range 8 {
		rows = append(rows, "download "+string(rune('1'+i))+"   "+strings.Repeat(".", i)+"###"+strings.Repeat(".", 8-i))
	}
	var gomega []string
	for range 14 {
		gomega = append(gomega, "    <time.Duration>: 55000000000")
	}
	text := "the downloads ran one after another\n" + timelineHeading + "\n" + strings.Join(rows, "\n") +
		"\n             0s   10s   20s\nExpected\n" + strings.Join(gomega, "\n")
	for _, lang := range []string{msg.English, msg.Korean} {
		p := &render.Printer{Lang: lang}
		if got := timelineLines(p, msg.Feedback(lang, text)); got != 10 {
			t.Errorf("%s: the picture has %d lines, want 10 (heading, 8 rows, axis)", lang, got)
		}
		out := trimLines(p, msg.Feedback(lang, text), 12+timelineLines(p, msg.Feedback(lang, text)))
		if !strings.Contains(out, "download 8") || !strings.Contains(out, "0s   10s   20s") {
			t.Errorf("%s: the picture was cut:\n%s", lang, out)
		}
		if !strings.Contains(out, "Expected") || strings.Count(out, "55000000000") != 10 {
			t.Errorf("%s: want the expectation's first 10 lines after the picture:\n%s", lang, out)
		}
	}
}
