// Command bench measures the kit on this machine and writes the figures to
// docs/PERFORMANCE.md: edit-to-verdict for every lesson through make and
// beside raw go test, checker verify of the whole course, and grading the
// fixture class with one job, with every core and beside a naive loop.
//
// Usage:
//
//	go run ./checker/bench [-runs 5] [-slow-runs N] [-out docs/PERFORMANCE.md] [-sections edit,verify,grade]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/threadlings/threadlings/checker/internal/bench"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	runs := fs.Int("runs", 5, "timed runs of each measurement (the figure is their median)")
	slowRuns := fs.Int("slow-runs", 0, "timed runs of the measurements that take minutes: verify without its result cache, warm and cold, and the naive grading loop (default: -runs)")
	out := fs.String("out", "docs/PERFORMANCE.md", `where to write the report ("-" for standard output)`)
	sections := fs.String("sections", strings.Join(bench.Sections, ","), "what to measure, comma-separated")
	lessons := fs.String("lessons", "", "lessons for the edit section, comma-separated directory names (default: all)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 3
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		fmt.Fprintln(os.Stderr, "bench: run me from the kit's root directory (where go.mod is)")
		return 2
	}
	o := bench.Options{Root: root, Runs: *runs, SlowRuns: *slowRuns, Sections: strings.Split(*sections, ","), Log: os.Stderr}
	if *lessons != "" {
		o.Lessons = strings.Split(*lessons, ",")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := bench.Run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 1
	}
	w := os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 3
		}
		defer f.Close()
		w = f
	}
	rep.Markdown(w)
	fmt.Fprint(os.Stderr, rep.Summary())
	if *out != "-" {
		fmt.Fprintln(os.Stderr, "bench: wrote", *out)
	}
	return 0
}
