// Command bench measures the kit on this machine and writes the figures to
// docs/PERFORMANCE.md: edit-to-verdict for every lesson through make and
// beside raw go test, checker verify of the whole course, and grading the
// fixture class with one job, with every core and beside a naive loop.
//
// Usage:
//
//	go run ./checker/bench [-runs 5] [-slow-runs N] [-out docs/PERFORMANCE.md] [-data docs/performance.json] [-sections edit,verify,grade]
//
// A bench of some sections keeps the figures of the others from the JSON
// file of an earlier bench (-data), and says in the report which bench
// measured each section. -lessons measures the edit section on a few
// lessons only, and its figures then replace the whole section.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
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
	data := fs.String("data", "docs/performance.json", `the figures as JSON: sections this run does not measure are kept from it, and it is written again ("" for none)`)
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
	if *data != "" {
		if err := carry(rep, *data); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			return 3
		}
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

// carry keeps in rep the sections of the report in file that rep did not
// measure, then writes rep to file.
func carry(rep *bench.Report, file string) error {
	if b, err := os.ReadFile(file); err == nil {
		var prev bench.Report
		if err := json.Unmarshal(b, &prev); err != nil {
			return fmt.Errorf("%s: %v", file, err)
		}
		rep.Carry(&prev)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}
