// Package cli is the checker's command line: flags, commands and exit codes.
// main only calls Main.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/msg"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/runner"
)

// Exit codes. They are part of the checker's interface: scripts rely on
// them.
const (
	ExitOK          = 0 // everything asked for passed
	ExitFailed      = 1 // a spec failed, or a verification found a problem
	ExitUsage       = 2 // the command line is wrong
	ExitEnvironment = 3 // the checker could not do its work: no go command, no kit, a broken reference
)

// Env is everything the checker takes from its process, so that tests can
// supply their own.
type Env struct {
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Getenv   func(string) string
	Terminal bool // Stdout is a terminal
	// StatusTerminal says that Stderr is a terminal, Width columns wide (0
	// if not known): progress is then one line redrawn in place.
	StatusTerminal bool
	Width          int
	// OutWidth is the number of columns of the terminal Stdout is (0 if
	// it is not one).
	OutWidth int
	Dir      string // working directory
}

// OSEnv returns the process's real environment.
func OSEnv() Env {
	dir, _ := os.Getwd()
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		Terminal: isTerminal(os.Stdout), StatusTerminal: isTerminal(os.Stderr), Width: termWidth(os.Stderr),
		OutWidth: termWidth(os.Stdout), Dir: dir,
	}
}

// Options are the flags every command understands; each command uses the
// ones that apply to it.
type Options struct {
	Root       string
	Race       bool
	Verbose    bool
	Jobs       int
	Limit      time.Duration
	BuildLimit time.Duration
	Solution   bool
	All        bool
	Lang       string
	Runs       int
	Procs      string
	Seed       int
	Out        string
	Formats    string
	Lessons    string
	Only       string
	Cache      string
	Sandbox    bool
	MaxMemory  int
	Yes        bool
	Force      bool
	Full       bool // solution: the whole files, not a diff against the learner's
	MaxRuns    int
	Poll       time.Duration
	NoCache    bool
	Ops        string // mutate: operators
	Max        int    // mutate: mutants per lesson
	Check      bool   // mutate: only the listed equivalents
	List       bool   // mutate: show the mutants, run none
	Quality    string // mutate: write the quality table here
	Format     string // mutate: text or markdown
}

// command is one subcommand.
type command struct {
	name    string
	args    string // the positional arguments, for usage
	summary string
	flags   func(*pflag.FlagSet, *Options)
	run     func(ctx context.Context, s *session, args []string) int
}

// session is what a running command has to hand.
type session struct {
	env    Env
	opts   *Options
	out    *render.Printer
	status *statusLine // progress on Stderr, for commands that show it
	runner *runner.Runner
}

var commands []*command

func init() {
	commands = []*command{
		{name: "run", args: "NN", summary: "run lesson NN's specs against your code", flags: runFlags, run: runCmd},
		{name: "verify", args: "[NN...]", summary: "prove every stub fails, every solution passes and every known-bad variant is rejected", flags: verifyFlags, run: verifyCmd},
		{name: "grade", args: "SUBMISSION...", summary: "grade a class: each submission is a student's copy of the kit (directory, .zip or .tar.gz)", flags: gradeFlags, run: gradeCmd},
		{name: "watch", args: "[NN]", summary: "run the first unfinished lesson (or NN) again each time you save; n moves on once it passes", flags: watchFlags, run: watchCmd},
		{name: "hint", args: "NN", summary: "show the next hint for lesson NN (one tier more each time)", flags: hintFlags, run: hintCmd},
		{name: "stress", args: "[NN...]", summary: "run every solution many times, shuffled, at several GOMAXPROCS: any failure is a flaky spec", flags: stressFlags, run: stressCmd},
		{name: "mutate", args: "[NN...]", summary: "make small concurrency bugs in each solution and report the ones every spec accepts", flags: mutateFlags, run: mutateCmd},
		{name: "reset", args: "NN", summary: "put lesson NN's stub files back as the kit shipped them (asks first)", flags: resetFlags, run: resetCmd},
		{name: "solution", args: "NN", summary: "show how lesson NN's reference solution differs from your files, once the lesson passes (paged on a terminal)", flags: solutionFlags, run: solutionCmd},
		{name: "list", summary: "list the lessons and your progress in each", flags: langFlag, run: listCmd},
		{name: "status", summary: "show your progress and the next lesson to do", flags: langFlag, run: statusCmd},
	}
}

// learnerCommands are the commands a learner types: they speak the
// language that --lang, THREADLINGS_LANG or the locale chooses (package
// msg). The others (grade, verify, stress) always speak English.
var learnerCommands = map[string]bool{
	"run": true, "watch": true, "hint": true, "reset": true, "solution": true, "list": true, "status": true,
}

func findCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// NewFlags builds the flag set of a command, with its options' defaults.
// Tests call it to check flag parsing without running anything. Flags are
// GNU style and may come anywhere on the line, before or after the
// lesson: "checker run 01 --lang ko" is "checker run --lang ko 01". "--"
// ends the flags.
func NewFlags(name string, stderr io.Writer) (*pflag.FlagSet, *Options, error) {
	c := findCommand(name)
	if c == nil {
		return nil, nil, fmt.Errorf("unknown command %q", name)
	}
	opts := &Options{Race: true, Jobs: runtime.NumCPU(), Limit: runner.DefaultLimit, BuildLimit: runner.DefaultBuildLimit}
	fs := pflag.NewFlagSet("checker "+name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SetInterspersed(true)
	fs.SortFlags = false
	fs.StringVar(&opts.Root, "root", "", "the kit's root directory (default: found from the working directory)")
	c.flags(fs, opts)
	fs.BoolP("help", "h", false, "show this help")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: checker %s [flags] %s\n\n%s.\n\nFlags:\n", c.name, c.args, upperFirst(c.summary))
		fs.PrintDefaults()
	}
	return fs, opts, nil
}

func raceFlag(fs *pflag.FlagSet, o *Options) {
	fs.BoolVar(&o.Race, "race", true, "run under the race detector (needs cgo and a C compiler)")
	fs.DurationVar(&o.Limit, "limit", runner.DefaultLimit, "hard time limit for one run of a lesson's specs, build not included; the whole process group is killed at it")
	fs.DurationVar(&o.BuildLimit, "build-limit", runner.DefaultBuildLimit, "bound on building one lesson's test binary (a first build on a busy machine is slow)")
}

func runFlags(fs *pflag.FlagSet, o *Options) {
	raceFlag(fs, o)
	langFlag(fs, o)
	fs.BoolVarP(&o.Verbose, "verbose", "v", false, "show everything the specs printed: full stacks, race reports, raw go test output")
	fs.BoolVar(&o.Solution, "solution", false, "run the reference solution instead of your code (for kit authors)")
}

func hintFlags(fs *pflag.FlagSet, o *Options) {
	fs.BoolVar(&o.All, "all", false, "show every hint tier at once")
	langFlag(fs, o)
}

func langFlag(fs *pflag.FlagSet, o *Options) {
	fs.StringVar(&o.Lang, "lang", "", "language of everything a learner reads: en or ko (default: $THREADLINGS_LANG, else ko under a Korean locale, else en)")
}

func watchFlags(fs *pflag.FlagSet, o *Options) {
	raceFlag(fs, o)
	langFlag(fs, o)
	fs.BoolVarP(&o.Verbose, "verbose", "v", false, "show everything the specs printed")
	fs.DurationVar(&o.Poll, "poll", 500*time.Millisecond, "how often to look for changes where the file system sends no events")
	fs.IntVar(&o.MaxRuns, "max-runs", 0, "stop after this many runs have started (0: until q)")
}

func resetFlags(fs *pflag.FlagSet, o *Options) {
	fs.BoolVar(&o.Yes, "yes", false, "do not ask")
	langFlag(fs, o)
}

func solutionFlags(fs *pflag.FlagSet, o *Options) {
	fs.BoolVar(&o.Force, "force", false, "show it even though the lesson does not pass yet")
	fs.BoolVar(&o.Full, "full", false, "show the whole solution instead of its differences from your files")
	langFlag(fs, o)
}

func gradeFlags(fs *pflag.FlagSet, o *Options) {
	raceFlag(fs, o)
	fs.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), "lessons graded at once")
	fs.StringVar(&o.Out, "out", "grades", "directory for the gradebook and reports")
	fs.StringVar(&o.Formats, "format", "csv,json,junit,gradescope,exercism,classroom,report", "what to write, comma-separated: csv, json, junit, gradescope, exercism, classroom, report")
	fs.StringVar(&o.Lessons, "lessons", "", "lessons to grade, comma-separated (default: all)")
	fs.StringVar(&o.Only, "only", "", "grade this student afresh; take the others from the last run")
	fs.IntVar(&o.MaxMemory, "max-memory", 1024, "MiB of memory one run of a student's tests may use, everything it started included")
	fs.StringVar(&o.Cache, "cache", "", "directory that keeps grades and passing reference runs between gradings (default: OUT/.cache)")
	fs.BoolVar(&o.Sandbox, "sandbox", true, "run student code in an OS sandbox (bubblewrap, see docs/SECURITY.md); --sandbox=false grades without one, with a warning in every result")
}

func stressFlags(fs *pflag.FlagSet, o *Options) {
	raceFlag(fs, o)
	fs.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), "test binaries running at once")
	fs.IntVarP(&o.Runs, "runs", "n", 20, "runs per GOMAXPROCS value")
	fs.StringVar(&o.Procs, "procs", "1,2,4", "GOMAXPROCS values, comma-separated")
	fs.IntVar(&o.Seed, "seed", 1, "the first run's shuffle seed; run i uses seed+i")
	fs.BoolVar(&o.Sandbox, "sandbox", false, "run every binary in grading's sandbox, with its clean environment and limits")
}

func verifyFlags(fs *pflag.FlagSet, o *Options) {
	raceFlag(fs, o)
	fs.BoolVarP(&o.Verbose, "verbose", "v", false, "show every spec of every run")
	fs.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), "go test runs at once")
	fs.BoolVar(&o.NoCache, "no-cache", false, "run everything, even runs whose inputs are unchanged since they last came out right (the cache is $"+cache.Env+", or threadlings in the user cache directory)")
}

const usage = `checker runs and grades threadlings lessons.

Usage:
  checker <command> [flags] [arguments]

Commands for learners (make lesson-NN, make watch, make hint-NN and the rest call these):
%s
Commands for instructors and kit authors:
%s
Run "checker <command> -h" for a command's flags.

Exit codes:
  0  everything asked for passed
  1  a spec failed, verify found a problem, or a mutant survived
  2  the command line is wrong
  3  the checker could not do its work (no go command, no kit, a broken reference)

Colour is used only on a terminal, and never when NO_COLOR is set.
`

// printUsage writes the checker's help: the learners' commands first, then
// the instructors' and kit authors'.
func printUsage(w io.Writer) {
	var learner, author strings.Builder
	for _, c := range commands {
		b := &author
		if learnerCommands[c.name] {
			b = &learner
		}
		fmt.Fprintf(b, "  %-8s %-13s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, usage, learner.String(), author.String())
}

// Main runs the checker with args (without the program name) and returns
// the exit code.
func Main(args []string, env Env) int {
	if len(args) == 0 {
		printUsage(env.Stderr)
		return ExitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			if fs, _, err := NewFlags(args[1], env.Stdout); err == nil {
				fs.Usage()
				return ExitOK
			}
		}
		printUsage(env.Stdout)
		return ExitOK
	}
	c := findCommand(args[0])
	if c == nil {
		fmt.Fprintf(env.Stderr, "checker: unknown command %q\n\n", args[0])
		printUsage(env.Stderr)
		return ExitUsage
	}
	fs, opts, _ := NewFlags(c.name, env.Stderr)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fs.SetOutput(env.Stdout)
			fs.Usage()
			return ExitOK
		}
		fmt.Fprintf(env.Stderr, "checker %s: %v\nRun \"checker %s --help\" for its flags.\n", c.name, err, c.name)
		return ExitUsage
	}
	if help, _ := fs.GetBool("help"); help {
		fs.SetOutput(env.Stdout)
		fs.Usage()
		return ExitOK
	}
	lang := msg.English // the instructor's and the kit author's commands
	if learnerCommands[c.name] {
		var err error
		lang, err = msg.Choose(opts.Lang, env.Getenv)
		if bad := (*msg.BadLangError)(nil); errors.As(err, &bad) {
			fmt.Fprint(env.Stderr, msg.F(lang, "checker %s: %s must be en or ko, not %q\n", c.name, bad.Source, bad.Value))
			return ExitUsage
		}
	}
	opts.Lang = lang
	root, err := findRoot(opts.Root, env.Dir)
	if err != nil {
		fmt.Fprintln(env.Stderr, "checker:", err)
		return ExitEnvironment
	}
	opts.Root = root
	cc := &session{
		env:    env,
		opts:   opts,
		out:    &render.Printer{W: env.Stdout, Color: render.UseColor(env.Terminal, env.Getenv), Lang: lang, Width: outputWidth(env)},
		status: newStatusLine(env.Stderr, env.StatusTerminal, env.Width, lang),
		runner: &runner.Runner{
			Root:       root,
			Go:         env.Getenv("THREADLINGS_GO"),
			Race:       opts.Race,
			Limit:      opts.Limit,
			BuildLimit: opts.BuildLimit,
			Seed:       1,
		},
	}
	if cc.runner.Race {
		if ok, why := runner.RaceAvailable(cc.runner.Go); !ok {
			fmt.Fprint(env.Stderr, msg.F(lang, "checker: running without the race detector: %s. Install a C compiler (gcc) to catch data races.\n", why))
			cc.runner.Race = false
		}
	}
	return c.run(context.Background(), cc, fs.Args())
}

// outputWidth returns the number of cells to wrap Stdout at:
// $THREADLINGS_COLUMNS, else $COLUMNS, else the terminal's width; 0 (no
// wrapping) for piped output with neither variable set.
func outputWidth(env Env) int {
	for _, name := range []string{"THREADLINGS_COLUMNS", "COLUMNS"} {
		if n, err := strconv.Atoi(env.Getenv(name)); err == nil && n > 0 {
			return n
		}
	}
	if env.Terminal {
		return env.OutWidth
	}
	return 0
}

// findRoot returns the kit's root: dir if given, else the nearest directory
// at or above wd with a go.mod of the threadlings module.
func findRoot(dir, wd string) (string, error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		if !isKit(abs) {
			return "", fmt.Errorf("%s is not a threadlings kit (no go.mod of module github.com/threadlings/threadlings)", dir)
		}
		return abs, nil
	}
	for d := wd; ; d = filepath.Dir(d) {
		if isKit(d) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("not inside a threadlings kit: no go.mod of module github.com/threadlings/threadlings at or above %s (use --root)", wd)
		}
	}
}

func isKit(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "module github.com/threadlings/threadlings" {
			return true
		}
	}
	return false
}

// lessonsFrom returns the lessons named by args, or all of them.
func lessonsFrom(args []string) ([]course.Lesson, error) {
	if len(args) == 0 {
		return course.Lessons(), nil
	}
	var out []course.Lesson
	for _, a := range args {
		l, err := course.Find(a)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
