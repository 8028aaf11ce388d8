// Package grade grades a class: every student's copy of the kit, against
// the instructor's own specs and reference solutions.
//
// Only the stub files come from a submission. Spec files, spec helpers,
// go.mod and go.sum are the instructor's (go test -overlay lays the
// student's stub files over the instructor's kit), so an edited or added
// test counts for nothing, and is reported. The list of specs and their
// points comes from the reference run, so a deleted or skipped spec cannot
// raise a score. Student code runs in an OS sandbox where the system allows
// it (see package sandbox), with a clean environment, a temporary directory
// of its own, limits on memory and processes, and a hard time limit.
package grade

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/threadlings/threadlings/checker/internal/cache"
	"github.com/threadlings/threadlings/checker/internal/course"
	"github.com/threadlings/threadlings/checker/internal/runner"
	"github.com/threadlings/threadlings/checker/internal/sandbox"
	"github.com/threadlings/threadlings/internal/verdict"
)

// Spec is the grade of one spec.
type Spec struct {
	Name    string          `json:"name"`
	Verdict verdict.Verdict `json:"verdict"`
	Points  int             `json:"points"`
	Max     int             `json:"max"`
	Message string          `json:"message,omitempty"`
	Where   string          `json:"where,omitempty"`
	Output  string          `json:"output,omitempty"`
	File    string          `json:"file,omitempty"`    // the spec's file, from the kit's root
	Line    int             `json:"line,omitempty"`    // the line of its It
	Code    string          `json:"code,omitempty"`    // the body of its It
	Seconds float64         `json:"seconds,omitempty"` // real time it took
}

// Lesson is the grade of one lesson.
type Lesson struct {
	Dir        string   `json:"lesson"`
	Number     int      `json:"number"` // the lesson's number: 1 for 01-goroutines
	Path       string   `json:"path"`   // its folder from the kit's root: lessons/01-goroutines
	Points     int      `json:"points"`
	Max        int      `json:"max"`
	Specs      []Spec   `json:"specs"`
	BuildError string   `json:"buildError,omitempty"`
	Forbidden  []string `json:"forbidden,omitempty"` // what the code uses that the lesson does not allow
	Note       string   `json:"note,omitempty"`
	Tampered   []string `json:"tampered,omitempty"`
}

// Student is the grade of one submission.
type Student struct {
	Student     string      `json:"student"`
	Source      string      `json:"source"`
	Points      int         `json:"points"`
	Max         int         `json:"max"`
	Lessons     []Lesson    `json:"lessons"`
	Error       string      `json:"error,omitempty"` // the submission could not be read
	Seconds     float64     `json:"seconds"`
	Environment Environment `json:"environment"`
	Key         string      `json:"key"` // what the grade was computed from; equal keys, equal grades
}

// Flags returns what an instructor should look at: tampered, build-error,
// race, timeout, crash, leak, panic.
func (s *Student) Flags() []string {
	set := map[string]bool{}
	for _, l := range s.Lessons {
		if len(l.Tampered) > 0 {
			set["tampered"] = true
		}
		if l.BuildError != "" {
			set["build-error"] = true
		}
		if len(l.Forbidden) > 0 {
			set["forbidden"] = true
		}
		if l.Note != "" && s.Error == "" {
			set["crash"] = true
		}
		for _, sp := range l.Specs {
			switch sp.Verdict {
			case verdict.Race, verdict.Timeout, verdict.Crash, verdict.Leak, verdict.Panic:
				set[string(sp.Verdict)] = true
			}
		}
	}
	if s.Error != "" {
		set["unreadable"] = true
	}
	var out []string
	for _, f := range []string{"unreadable", "tampered", "forbidden", "build-error", "race", "timeout", "crash", "leak", "panic"} {
		if set[f] {
			out = append(out, f)
		}
	}
	return out
}

// Environment is what a grade depends on besides the student's code.
type Environment struct {
	GoVersion  string `json:"goVersion"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	Race       bool   `json:"race"`
	Sandboxed  bool   `json:"sandboxed"` // student code ran in an OS sandbox (see package sandbox)
	SpecsHash  string `json:"specsHash"` // sha256 of the instructor's specs, helpers, go.mod and go.sum
}

// Options configure a grading run.
type Options struct {
	Lessons []course.Lesson
	Jobs    int
	// Cache, if set, keeps grades by key, so that an unchanged submission
	// is not graded again, and the reference runs that passed.
	Cache cache.Dir
	// Only, if set, grades that student alone, afresh; the others are taken
	// from the cache, or left out when it lacks them.
	Only string
	// Progress, if set, is called after each lesson of each student.
	Progress func(done, total int, student string)
	// Warn receives notes about the environment (no sandbox, say).
	Warn io.Writer
	// Hide lists more paths that student code must not see: the output
	// directory and the caches, say.
	Hide []string
	// NoSandbox runs student code without an OS sandbox even where one
	// can be made; the grades say so, as when none can be made.
	NoSandbox bool
}

// Limits on one run of a student's test binary, unless the runner sets its
// own.
const (
	DefaultMaxMemory = 1 << 30
	DefaultMaxProcs  = 64
)

// ErrReference means the reference solutions fail in this environment:
// grading would blame students for the machine.
var ErrReference = errors.New("the reference solutions do not pass here")

// Class grades every submission. r is the runner of the instructor's kit.
func Class(ctx context.Context, r *runner.Runner, paths []string, o Options) ([]*Student, error) {
	tmp, err := os.MkdirTemp("", "threadlings-grade-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	env, err := environment(r, o.Lessons)
	if err != nil {
		return nil, err
	}
	base := *r
	base.Dir = tmp
	// One fixed spec order for everyone: the same submission always runs
	// the same way.
	if base.Seed == 0 {
		base.Seed = 1
	}
	// Student code runs with a clean environment, within limits, and in a
	// sandbox where the system can make one.
	base.CleanEnv = true
	if base.MaxMemory == 0 {
		base.MaxMemory = DefaultMaxMemory
	}
	if base.MaxProcs == 0 {
		base.MaxProcs = DefaultMaxProcs
	}
	ok, why := sandbox.Available()
	if o.NoSandbox {
		ok, why = false, "turned off with --sandbox=false"
	}
	if ok {
		hide := append([]string{filepath.Join(r.Root, "solutions"), tmp}, o.Hide...)
		for _, p := range paths {
			if abs, err := filepath.Abs(p); err == nil {
				hide = append(hide, abs)
			}
		}
		base.Sandbox = func(binary string) []string {
			return sandbox.Command(sandbox.Options{
				Keep: []string{r.Root}, Hide: hide, Show: []string{filepath.Dir(binary)},
				FileSize: sandbox.DefaultFileSize, OpenFiles: sandbox.DefaultOpenFiles,
			})
		}
		env.Sandboxed = true
	} else if o.Warn != nil {
		fmt.Fprintf(o.Warn, "checker grade: WARNING: no sandbox: %s. Student code runs with this machine's network, file system and processes in reach; see docs/SECURITY.md\n", why)
	}
	if err := downloadModules(ctx, r); err != nil {
		return nil, err
	}

	// The reference first, in the same environment and through the same
	// pool of workers as the students. A reference run that passed is kept
	// in the cache: its inputs are the instructor's alone.
	refs := make([]*task, len(o.Lessons))
	var refRuns []*task
	for i, l := range o.Lessons {
		t := &task{lesson: l, overlay: base.Solution(l)}
		t.key, _ = base.Key(l, t.overlay) // "" if an input is unreadable: run, keep nothing
		refs[i] = t
		var cached runner.Result
		if o.Cache.Load(t.key, &cached) {
			cached.Cached = true
			t.res = &cached
			continue
		}
		refRuns = append(refRuns, t)
	}
	if o.Warn != nil {
		fmt.Fprintf(o.Warn, "checker grade: reference runs: %d of %d taken from the cache, %d to build and run\n", len(refs)-len(refRuns), len(refs), len(refRuns))
	}
	if err := runAll(ctx, base, refRuns, o.Jobs, nil); err != nil {
		return nil, err
	}
	reference := map[string]*runner.Result{}
	// A student whose files are the reference's gets the reference's run.
	byKey := map[string]*task{}
	var refErrs []string
	for _, t := range refs {
		reference[t.lesson.Dir] = t.res
		if t.key != "" {
			byKey[t.key] = t
		}
		if !t.res.OK() {
			refErrs = append(refErrs, referenceProblem(t.res))
		} else if !t.res.Cached {
			o.Cache.Store(t.key, t.res)
		}
	}
	if len(refErrs) > 0 {
		return nil, fmt.Errorf("%w:\n%s", ErrReference, strings.Join(refErrs, "\n"))
	}

	// Then every lesson of every student, one task per distinct set of
	// files: students who hand in the same files for a lesson share its
	// run.
	codes := newSpecCodes(base.Root)
	students := make([]*Student, len(paths))
	var tasks []*task
	names := uniqueNames(paths, func(path, name string) {
		if o.Warn != nil {
			fmt.Fprintf(o.Warn, "checker grade: WARNING: %s has the name of an earlier submission; graded as %s\n", path, name)
		}
	})
	for i, p := range paths {
		st := &Student{Student: names[i], Source: p, Environment: env}
		students[i] = st
		sub, err := Open(p, tmp)
		if err != nil && o.Only != "" && st.Student != o.Only {
			students[i] = nil
			continue
		}
		if err != nil {
			st.Error = openProblem(err, p, tmp)
			st.Lessons = emptyLessons(o.Lessons, reference, st.Error, codes)
			st.Points, st.Max = total(st.Lessons)
			continue
		}
		st.Key = key(env, sub, o.Lessons)
		var cached Student
		if o.Cache.Load(st.Key, &cached) && st.Student != o.Only {
			// Two students may hand in the same files: the key is theirs,
			// the name is not.
			cached.Student, cached.Source = st.Student, p
			students[i] = &cached
			continue
		}
		if o.Only != "" && st.Student != o.Only {
			students[i] = nil // not cached: left out
			continue
		}
		st.Lessons = make([]Lesson, len(o.Lessons))
		for k, l := range o.Lessons {
			ov, links := studentOverlay(base.Root, sub, l)
			st.Lessons[k] = Lesson{Dir: l.Dir, Number: number(l), Path: l.LessonPath(), Tampered: append(Tampered(base.Root, sub, l), links...)}
			key, _ := base.Key(l, ov) // "" if an input is unreadable: a run of its own
			t := byKey[key]
			if t == nil {
				t = &task{lesson: l, overlay: ov, key: key}
				if key != "" {
					byKey[key] = t
				}
			}
			if len(t.users) == 0 {
				tasks = append(tasks, t)
			}
			t.users = append(t.users, user{st, k})
		}
	}

	users := 0
	for _, t := range tasks {
		users += len(t.users)
	}
	var mu sync.Mutex
	done := 0
	err = runAll(ctx, base, tasks, o.Jobs, func(t *task) {
		mu.Lock()
		defer mu.Unlock()
		for _, u := range t.users {
			lg := &u.student.Lessons[u.index]
			score(lg, t.res, reference[t.lesson.Dir], codes)
			u.student.Seconds += t.res.Elapsed.Seconds() / float64(len(t.users))
			done++
			if o.Progress != nil {
				o.Progress(done, users, u.student.Student)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	var out []*Student
	for _, st := range students {
		if st == nil {
			continue
		}
		if st.Error == "" && st.Key != "" {
			st.Points, st.Max = total(st.Lessons)
			o.Cache.Store(st.Key, st)
		}
		out = append(out, st)
	}
	return out, nil
}

// task is one lesson run: of a reference solution, or of the files that
// one or more students handed in for a lesson.
type task struct {
	lesson  course.Lesson
	overlay runner.Overlay
	key     string // runner.Runner.Key of the run; "" if an input was unreadable
	users   []user
	res     *runner.Result
}

// user is a student's lesson that a task grades.
type user struct {
	student *Student
	index   int // in student.Lessons
}

// runAll runs tasks, jobs at a time, each with a temporary directory of its
// own, and calls done (if not nil) after each; a task that has its result
// already is not run again. It returns the first error that kept a task
// from running at all.
func runAll(ctx context.Context, base runner.Runner, tasks []*task, jobs int, done func(*task)) error {
	queue := make(chan *task)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range max(jobs, 1) {
		wg.Go(func() {
			for t := range queue {
				if t.res != nil {
					if done != nil {
						done(t)
					}
					continue
				}
				res, err := runTask(ctx, base, t)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					continue
				}
				t.res = res
				if done != nil {
					done(t)
				}
			}
		})
	}
	for _, t := range tasks {
		queue <- t
	}
	close(queue)
	wg.Wait()
	return firstErr
}

func runTask(ctx context.Context, base runner.Runner, t *task) (*runner.Result, error) {
	tmp, err := os.MkdirTemp(base.Dir, "run-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	r := base
	r.Env = append(append([]string{}, base.Env...), "TMPDIR="+tmp)
	res, err := r.Run(ctx, t.lesson, t.overlay)
	if err == nil {
		newScrubber(base.Root, t.overlay).result(res)
	}
	return res, err
}

// studentOverlay lays the stub files a submission has over the
// instructor's kit at root; a stub file it lacks stays the instructor's. A
// stub file that is not a regular file, or that lies under a symbolic
// link, is never followed: it counts as missing, and is listed in links.
func studentOverlay(root string, sub *Submission, l course.Lesson) (overlay runner.Overlay, links []string) {
	overlay = runner.Overlay{}
	for _, stub := range l.Stubs {
		rel := filepath.Join(l.LessonPath(), stub)
		switch regular(sub.Root, rel) {
		case fileRegular:
			overlay[filepath.Join(root, rel)] = filepath.Join(sub.Root, rel)
		case fileLink:
			links = append(links, rel+" (a symbolic link or not a regular file: not graded)")
		}
	}
	return overlay, links
}

type fileKind int

const (
	fileMissing fileKind = iota
	fileRegular
	fileLink // a link, or a device, or under a link
)

// regular tells whether rel, under root, is a regular file reached without
// following any symbolic link.
func regular(root, rel string) fileKind {
	p := root
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, part := range parts {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		switch {
		case err != nil:
			return fileMissing
		case info.Mode()&os.ModeSymlink != 0:
			return fileLink
		case i < len(parts)-1 && !info.IsDir():
			return fileMissing
		case i == len(parts)-1 && !info.Mode().IsRegular():
			return fileLink
		}
	}
	return fileRegular
}

func referenceProblem(res *runner.Result) string {
	if res.BuildError != "" {
		return fmt.Sprintf("%s: the solution does not build: %s", res.Lesson.Dir, res.BuildError)
	}
	var bad []string
	for _, s := range res.Specs {
		if !s.Verdict.Passed() {
			bad = append(bad, fmt.Sprintf("  %s: %s: %s", s.Verdict, s.Name, firstLine(s.Message)))
		}
	}
	if res.Note != "" {
		bad = append(bad, "  "+res.Note)
	}
	return res.Lesson.Dir + ":\n" + strings.Join(bad, "\n")
}

// score fills lg from the run res of a student's lesson, against the
// reference's list of specs and their points.
func score(lg *Lesson, res, ref *runner.Result, codes *specCodes) {
	lg.BuildError, lg.Note, lg.Forbidden = res.BuildError, res.Note, res.Forbidden
	if res.Tampered != "" {
		lg.Tampered = append(lg.Tampered, "the run's records: "+res.Tampered)
	}
	got := map[string]runner.Spec{}
	for _, s := range res.Specs {
		got[s.Name] = s
	}
	for _, want := range ref.Specs {
		s := Spec{Name: want.Name, Max: want.Points}
		if want.File != "" {
			s.File, s.Line = path.Join(lg.Path, want.File), want.Line
			s.Code = codes.code(s.File, s.Line)
		}
		g, ok := got[want.Name]
		switch {
		case len(res.Forbidden) > 0:
			s.Verdict, s.Message = verdict.Forbidden, "the lesson's code uses what it may not: "+strings.Join(res.Forbidden, "; ")
		case res.Tampered != "":
			s.Verdict, s.Message = verdict.Tampered, "the run's records cannot be trusted: "+res.Tampered
		case res.BuildError != "":
			s.Verdict, s.Message = verdict.BuildError, "the lesson does not compile"
		case !ok:
			s.Verdict, s.Message = verdict.NotRun, "no result for this spec"
		default:
			s.Verdict, s.Message, s.Where, s.Output, s.Seconds = g.Verdict, g.Message, g.Where, g.Output, g.Seconds
		}
		if s.Verdict.Passed() {
			s.Points = s.Max
		}
		lg.Specs = append(lg.Specs, s)
		lg.Max += s.Max
		lg.Points += s.Points
	}
}

func emptyLessons(lessons []course.Lesson, ref map[string]*runner.Result, why string, codes *specCodes) []Lesson {
	var out []Lesson
	for _, l := range lessons {
		lg := Lesson{Dir: l.Dir, Number: number(l), Path: l.LessonPath(), Note: why}
		for _, s := range ref[l.Dir].Specs {
			sp := Spec{Name: s.Name, Verdict: verdict.NotRun, Max: s.Points, Message: why}
			if s.File != "" {
				sp.File, sp.Line = path.Join(lg.Path, s.File), s.Line
				sp.Code = codes.code(sp.File, sp.Line)
			}
			lg.Specs = append(lg.Specs, sp)
			lg.Max += s.Points
		}
		out = append(out, lg)
	}
	return out
}

func total(lessons []Lesson) (points, maxPoints int) {
	for _, l := range lessons {
		points += l.Points
		maxPoints += l.Max
	}
	return points, maxPoints
}

// downloadModules fetches the kit's modules before any sandboxed run, which
// has no network to fetch them.
func downloadModules(ctx context.Context, r *runner.Runner) error {
	cmd := exec.CommandContext(ctx, goCmd(r), "mod", "download")
	cmd.Dir = r.Root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w: go mod download: %v\n%s", runner.ErrEnvironment, err, out)
	}
	return nil
}

func goCmd(r *runner.Runner) string {
	if r.Go == "" {
		return "go"
	}
	return r.Go
}

// environment records the machine and the instructor's specs.
func environment(r *runner.Runner, lessons []course.Lesson) (Environment, error) {
	version, err := r.GoVersion()
	if err != nil {
		return Environment{}, err
	}
	h := sha256.New()
	files := []string{"go.mod", "go.sum"}
	helpers, _ := filepath.Glob(filepath.Join(r.Root, "lessons/internal/spec/*.go"))
	for _, f := range helpers {
		rel, _ := filepath.Rel(r.Root, f)
		files = append(files, rel)
	}
	for _, l := range lessons {
		specs, _ := filepath.Glob(filepath.Join(r.Root, l.LessonPath(), "*_test.go"))
		for _, f := range specs {
			rel, _ := filepath.Rel(r.Root, f)
			files = append(files, rel)
		}
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(r.Root, f))
		if err != nil {
			return Environment{}, fmt.Errorf("%w: %v", runner.ErrEnvironment, err)
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(f), len(b))
		h.Write(b)
	}
	return Environment{
		GoVersion:  version,
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		Race:       r.Race,
		SpecsHash:  hex.EncodeToString(h.Sum(nil)),
	}, nil
}

// key identifies what a student's grade is computed from: the checker
// itself, the environment, the lessons graded, and the student's stub and
// spec files.
func key(env Environment, s *Submission, lessons []course.Lesson) string {
	e, _ := json.Marshal(env)
	k := cache.NewKey("grade").Add("environment", string(e))
	for _, l := range lessons {
		k.Add("lesson", l.Dir)
		names := append([]string{}, l.Stubs...)
		specs, _ := filepath.Glob(filepath.Join(s.Root, l.LessonPath(), "*_test.go"))
		for _, f := range specs {
			names = append(names, filepath.Base(f))
		}
		sort.Strings(names)
		for _, n := range names {
			if regular(s.Root, filepath.Join(l.LessonPath(), n)) != fileRegular {
				k.Add(n, "\x00not a regular file")
				continue
			}
			k.File(n, filepath.Join(s.Root, l.LessonPath(), n))
		}
	}
	sum, _ := k.Sum() // "" when a file is unreadable: then nothing is cached
	return sum
}

// number is a lesson's number: 1 for "01".
func number(l course.Lesson) int {
	n, _ := strconv.Atoi(l.Number)
	return n
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
