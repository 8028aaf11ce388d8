package spec

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// stayFor returns work that stays in g for d of fake time.
func stayFor(g *Gauge, d time.Duration) func() {
	return func() {
		g.Enter()
		defer g.Leave()
		time.Sleep(d)
	}
}

// The timelines a failed spec shows, drawn on synctest's fake clock, where
// they are exact.
func TestTimeline(t *testing.T) {
	tests := []struct {
		name string
		run  func(g *Gauge)
		want string
	}{{
		name: "one after another: a staircase",
		run: func(g *Gauge) {
			g.Name = "download"
			for _, d := range []time.Duration{3, 7, 1} {
				stayFor(g, d*time.Second)()
			}
		},
		want: `
When each one ran, on the fake clock (# running):
download 1  ###########...............................
download 2  ...........########################.......
download 3  ...................................####...
            0s     2s     4s     6s     8s     10s    12s
`,
	}, {
		name: "all at once: a block, the shortest first",
		run: func(g *Gauge) {
			var wg sync.WaitGroup
			for _, d := range []time.Duration{3, 7, 1} {
				wg.Go(stayFor(g, d*time.Second))
			}
			wg.Wait()
		},
		want: `
When each one ran, on the fake clock (# running):
entry 1  ######..........................................
entry 2  ##################..............................
entry 3  ##########################################......
         0s          2s          4s          6s          8s
`,
	}, {
		name: "two workers: each leave ends its own goroutine's stay",
		run: func(g *Gauge) {
			g.Name = "call"
			var wg sync.WaitGroup
			wg.Go(stayFor(g, 3*time.Second))
			wg.Go(func() {
				for range 3 {
					stayFor(g, time.Second)()
				}
			})
			wg.Wait()
		},
		want: `
When each one ran, on the fake clock (# running):
call 1  ################................................
call 2  ################################################
call 3  ................################................
call 4  ................................################
        0s              1s              2s              3s
`,
	}, {
		name: "more stays than rows: eight of them, from the first to the last",
		run: func(g *Gauge) {
			g.Name = "job"
			for range 10 {
				stayFor(g, time.Minute)()
			}
		},
		want: `
When each one ran, on the fake clock (# running):
job 1   #####........................................
job 2   .....####....................................
job 3   .........#####...............................
job 4   ..............####...........................
job 6   .......................####..................
job 7   ...........................#####.............
job 8   ................................####.........
job 10  .........................................####
        0s       2m       4m       6m       8m       10m
`,
	}, {
		name: "a stay still inside ends in >",
		run: func(g *Gauge) {
			stayFor(g, 90*time.Minute)()
			g.Enter()
			time.Sleep(30 * time.Minute)
		},
		want: `
When each one ran, on the fake clock (# running):
entry 1  ####################################............
entry 2  ....................................############>
         0s          30m         1h          1h30m       2h
`,
	}, {
		name: "hours, and a short stay still seen",
		run: func(g *Gauge) {
			var wg sync.WaitGroup
			wg.Go(stayFor(g, 2*time.Hour+17*time.Second))
			wg.Go(stayFor(g, 10*time.Second))
			wg.Wait()
		},
		want: `
When each one ran, on the fake clock (# running):
entry 1  #............................................
entry 2  ####################################.........
         0s       30m      1h       1h30m    2h       2h30m
`,
	}, {
		name: "a stay that took no time is a |",
		run: func(g *Gauge) {
			stayFor(g, 2*time.Second)()
			g.Enter()
			g.Leave()
			stayFor(g, time.Second)()
		},
		want: `
When each one ran, on the fake clock (# running):
entry 1  ################################................
entry 2  ................................|...............
entry 3  ................................################
         0s              1s              2s              3s
`,
	}, {
		name: "no time passed: nothing to draw",
		run: func(g *Gauge) {
			g.Enter()
			g.Leave()
		},
	}, {
		name: "never entered: nothing to draw",
		run:  func(g *Gauge) {},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var g Gauge
				tt.run(&g)
				got, want := g.Timeline(), strings.TrimPrefix(tt.want, "\n")
				if got != want {
					t.Errorf("Timeline() =\n%s\nwant\n%s", got, want)
				}
				for line := range strings.Lines(got) {
					// The checker indents a failure by 16 columns.
					if n := len(strings.TrimSuffix(line, "\n")); n > 64 {
						t.Errorf("a line of %d columns, wider than 64: %q", n, line)
					}
				}
			})
		})
	}
}

// On the real clock a timeline would show the scheduler's noise: there is
// none.
func TestTimelineNeedsTheFakeClock(t *testing.T) {
	var g Gauge
	g.Enter()
	time.Sleep(2 * time.Millisecond)
	g.Leave()
	if got := g.Timeline(); got != "" {
		t.Errorf("outside a bubble, Timeline() =\n%s\nwant nothing", got)
	}
	if got, want := g.Explain("no picture")(), "no picture"; got != want {
		t.Errorf("outside a bubble, Explain gives %q, want %q", got, want)
	}
}

func TestExplain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Gauge
		g.Name = "call"
		explain := g.Explain("only %d of %d calls ran at once", 1, 2)
		if got, want := explain(), "only 1 of 2 calls ran at once"; got != want {
			t.Errorf("with nothing to draw, Explain gives %q, want %q", got, want)
		}
		stayFor(&g, time.Second)()
		stayFor(&g, time.Second)()
		want := "only 1 of 2 calls ran at once\n" + strings.TrimSuffix(g.Timeline(), "\n")
		if got := explain(); got != want {
			t.Errorf("Explain gives\n%s\nwant the sentence, then the timeline drawn when it is called:\n%s", got, want)
		}
	})
}
