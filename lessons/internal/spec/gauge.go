package spec

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Gauge counts the goroutines inside a section at once and remembers the
// most it has seen. Specs use it to prove a bound ("never more than N
// workers") and real concurrency ("N at once"). It also remembers when each
// goroutine entered and left, so that a failed spec can show the learner who
// ran when (see Explain). The zero value is ready to use; a Gauge must not be
// copied after first use.
type Gauge struct {
	// Name is what one stay in the section is, in the learner's terms: the
	// label of the timeline's rows ("download" gives "download 1",
	// "download 2", ...). Empty means "entry".
	Name string

	mu       sync.Mutex
	now, max int
	total    int
	stays    []stay
}

// A stay is one goroutine's time inside the section.
type stay struct {
	goroutine    uint64
	enter, leave time.Time
	open         bool
}

func (s stay) leaveOr(now time.Time) time.Time {
	if s.open {
		return now
	}
	return s.leave
}

// Enter records one more goroutine inside the section.
func (g *Gauge) Enter() {
	// Who ran when is drawn only on the fake clock; on the real one, a
	// spec that hammers a section thousands of times should not pay for
	// finding the goroutine's id.
	now, fake := time.Now(), onFakeClock()
	var id uint64
	if fake {
		id = GoroutineID()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.now++
	g.total++
	g.max = max(g.max, g.now)
	if fake {
		g.stays = append(g.stays, stay{goroutine: id, enter: now, open: true})
	}
}

// Leave records that a goroutine left the section. It panics if none is
// inside, which is a bug in the spec.
func (g *Gauge) Leave() {
	var id uint64
	if onFakeClock() {
		id = GoroutineID()
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.now == 0 {
		panic("spec: Gauge.Leave without Enter")
	}
	g.now--
	if id == 0 {
		return
	}
	// The calling goroutine's latest stay; if it never entered (the spec
	// entered in one goroutine and leaves in another), the oldest one open.
	i := slices.IndexFunc(g.stays, func(s stay) bool { return s.open })
	if i < 0 {
		return // entered on the real clock, before a bubble: nothing to draw
	}
	for j := len(g.stays) - 1; j >= 0; j-- {
		if g.stays[j].open && g.stays[j].goroutine == id {
			i = j
			break
		}
	}
	g.stays[i].leave, g.stays[i].open = time.Now(), false
}

// Now returns how many goroutines are inside the section.
func (g *Gauge) Now() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.now
}

// Max returns the most goroutines that were inside the section at once.
func (g *Gauge) Max() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.max
}

// Total returns how many times the section was entered.
func (g *Gauge) Total() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.total
}

// Explain returns a description for an Expect about the gauge: the
// sentence format makes with args and, under it, the gauge's Timeline. It
// is a function, as Gomega allows, so the picture is drawn only if the
// expectation fails, with every stay up to that moment:
//
//	Expect(inside.Max()).To(Equal(n), inside.Explain("only %d calls ran at once", inside.Max()))
//
// Gomega puts its own "Expected ..." lines after the description, so the
// learner reads the sentence, then the picture.
func (g *Gauge) Explain(format string, args ...any) func() string {
	sentence := fmt.Sprintf(format, args...)
	return func() string {
		if picture := g.Timeline(); picture != "" {
			return sentence + "\n" + strings.TrimSuffix(picture, "\n")
		}
		return sentence
	}
}

// TimelineHeading is the first line of every timeline. The checker's
// message catalogue translates it, so it must stay one fixed sentence.
const TimelineHeading = "When each one ran, on the fake clock (# running):"

// fakeClockEnds is a time that no synctest bubble reaches in a spec, and
// that the real clock passed long ago: a bubble's clock starts at midnight
// UTC on 1 January 2000, as testing/synctest documents.
var fakeClockEnds = time.Date(2010, time.January, 1, 0, 0, 0, 0, time.UTC)

// onFakeClock reports whether the calling goroutine runs in a synctest
// bubble, whose clock starts at midnight UTC, 1 January 2000.
func onFakeClock() bool { return time.Now().Before(fakeClockEnds) }

// Timeline layout: rows and width are chosen so that the picture, under
// the checker's indent of 16 columns, fits an 80-column terminal and the
// first lines of a failure that it shows without -v.
const (
	timelineRows  = 8  // rows at most
	timelineWidth = 64 // columns at most, labels included
	timelineCells = 48 // width of the bars at most
	timelineTicks = 6  // axis labels after 0, at most
)

// timelineSteps are the steps a timeline's axis may take: round numbers,
// so that its labels are short ("30s", "1h30m", "500ms").
var timelineSteps = func() []time.Duration {
	var steps []time.Duration
	for _, n := range []time.Duration{1, 2, 5, 10, 20, 50, 100, 200, 500} {
		steps = append(steps, n*time.Millisecond)
	}
	for _, unit := range []time.Duration{time.Second, time.Minute} {
		for _, n := range []time.Duration{1, 2, 5, 10, 15, 30} {
			steps = append(steps, n*unit)
		}
	}
	for _, n := range []time.Duration{1, 2, 3, 6, 12, 24} {
		steps = append(steps, n*time.Hour)
	}
	return steps
}()

// timelineAxis returns the step and the number of steps of an axis for a
// span: three to timelineTicks steps, the fewest cells left over after the
// span, and of two such axes the coarser.
func timelineAxis(span time.Duration) (step time.Duration, ticks int) {
	for _, s := range timelineSteps {
		n := int((span + s - 1) / s)
		if n < 3 || n > timelineTicks {
			continue
		}
		if step == 0 || s*time.Duration(n)-span <= step*time.Duration(ticks)-span {
			step, ticks = s, n
		}
	}
	if step == 0 { // longer than the longest axis: whole days
		step = (span/timelineTicks + 24*time.Hour) / (24 * time.Hour) * (24 * time.Hour)
		ticks = int((span + step - 1) / step)
	}
	return step, ticks
}

// Timeline draws who was inside the section when: one row for each stay,
// numbered in the order they entered (at the same moment: the shorter
// first), # while inside, on a time axis that starts at the first Enter. A
// stay that took no time is a "|"; one still inside is drawn up to now and
// ends in ">". Of more than eight stays, eight spread evenly from the first
// to the last are drawn, so that the rows' numbers skip.
//
// It returns "" when there is nothing to draw: no stay, no time passed, or
// the clock was real. Only a synctest bubble's fake clock says who ran when
// exactly; on the real clock a picture would show the scheduler's noise, so
// specs outside a Bubble get none.
//
// A sequential answer draws a staircase, a concurrent one a block:
//
//	download 1  ###.......
//	download 2  ...#######
//	            0s   5s   10s
func (g *Gauge) Timeline() string {
	g.mu.Lock()
	stays := slices.Clone(g.stays)
	name := g.Name
	g.mu.Unlock()
	if len(stays) == 0 {
		return ""
	}
	if name == "" {
		name = "entry"
	}
	now := time.Now()
	// Stays that entered at the same moment may have done so in any order:
	// the one that left first goes first, so the picture does not depend on
	// how the goroutines were scheduled.
	slices.SortStableFunc(stays, func(a, b stay) int {
		if c := a.enter.Compare(b.enter); c != 0 {
			return c
		}
		return a.leaveOr(now).Compare(b.leaveOr(now))
	})
	origin, end := stays[0].enter, stays[0].enter
	for i := range stays {
		if stays[i].open {
			stays[i].leave = now
		}
		if stays[i].leave.After(end) {
			end = stays[i].leave
		}
	}
	span := end.Sub(origin)
	if span <= 0 || !origin.Before(fakeClockEnds) {
		return ""
	}
	// The rows to draw, and their labels.
	rows := make([]int, min(len(stays), timelineRows))
	for i := range rows {
		rows[i] = i
		if len(stays) > len(rows) {
			rows[i] = i * (len(stays) - 1) / (len(rows) - 1)
		}
	}
	labels := make([]string, len(rows))
	width := 0
	for i, r := range rows {
		labels[i] = fmt.Sprintf("%s %d", name, r+1)
		width = max(width, utf8.RuneCountInString(labels[i]))
	}

	step, ticks := timelineAxis(span)
	// Room for the labels, two spaces, the bars, and a ">" or the axis's
	// last label after them.
	perTick := max(len("1h30m")+1, min(timelineCells, timelineWidth-width-2-len("1h30m"))/ticks)
	cells := ticks * perTick
	whole := step * time.Duration(ticks)
	at := func(t time.Time) int {
		return int((t.Sub(origin)*time.Duration(cells) + whole/2) / whole)
	}

	var b strings.Builder
	b.WriteString(TimelineHeading + "\n")
	for i, r := range rows {
		s := stays[r]
		from, to := at(s.enter), at(s.leave)
		bar := []byte(strings.Repeat(".", cells))
		switch {
		case !s.leave.After(s.enter):
			bar[min(from, cells-1)] = '|' // a stay that took no time
		case to == from:
			bar[min(from, cells-1)] = '#' // a short stay is still seen
		}
		for c := from; c < to; c++ {
			bar[c] = '#'
		}
		if s.open {
			bar = append(bar, '>')
		}
		fmt.Fprintf(&b, "%-*s  %s\n", width, labels[i], bar)
	}
	axis := []byte(strings.Repeat(" ", cells+perTick))
	for t := 0; t <= ticks; t++ {
		copy(axis[t*perTick:], tickLabel(step*time.Duration(t)))
	}
	fmt.Fprintf(&b, "%-*s  %s\n", width, "", strings.TrimRight(string(axis), " "))
	return b.String()
}

// tickLabel writes d as time.Duration does, without its zero parts:
// "0s", "30s", "1h30m", "2h", "1.5s", "500ms".
func tickLabel(d time.Duration) string {
	label := d.String()
	if strings.HasSuffix(label, "m0s") {
		label = strings.TrimSuffix(label, "0s")
	}
	if strings.HasSuffix(label, "h0m") {
		label = strings.TrimSuffix(label, "0m")
	}
	return label
}
