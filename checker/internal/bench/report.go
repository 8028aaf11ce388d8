package bench

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Targets are the figures the kit aims for on a 2-core machine.
const (
	editTarget    = 1500 * time.Millisecond // median edit-to-verdict through the checker
	ratioTarget   = 0.90                    // median over lessons of checker ÷ raw go test -race
	gsTarget      = 1.5                     // Gradescope, warm, against checker run of the same lessons
	verifyTarget  = 20 * time.Second        // whole-course verify, warm
	coresTarget   = 1.8                     // grading: every core against one job
	naiveTarget   = 2.0                     // grading: every core against the naive loop
	sandboxTarget = 1.10                    // grading: in the sandbox against without it
	markdownTitle = "# Performance"
)

// Markdown writes the report as docs/PERFORMANCE.md.
func (r *Report) Markdown(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	m := r.Machine
	p("%s\n\n", markdownTitle)
	p("Written by `make bench` (`go run ./checker/bench`); run it again to measure your own machine. ")
	p("Every figure is the median of %d timed runs (the rows that take minutes, verify without its result cache and the naive loop: %d), made in a copy of the kit with a warm build cache unless a row says otherwise. ", r.Runs, r.SlowRuns)
	p("The bench took %s.\n\n", r.Elapsed.Round(time.Second))
	p("| machine | |\n|---|---|\n")
	p("| CPU | %s, %d cores |\n| memory | %s |\n| system | %s |\n| Go | %s |\n| kit | commit %s |\n| date | %s |\n| load average at start | %s |\n\n",
		m.CPU, m.Cores, m.Memory, m.OS, m.Go, m.Commit, m.Date.Format("2006-01-02 15:04 MST"), m.Load)

	var earlier []string
	for _, s := range Sections {
		if r.carried(s) {
			earlier = append(earlier, s)
		}
	}
	if len(earlier) > 0 {
		p("Not every section was measured by this bench: %s come from earlier ones (`-sections` measures a few and keeps the rest from `docs/performance.json`); each says which bench measured it.\n\n", strings.Join(earlier, ", "))
	}

	r.targets(p)
	if r.carried("first") {
		p("The first run: %s\n\n", r.provenance("first"))
	}
	if len(r.Edit) > 0 {
		r.editSection(p)
	}
	if len(r.Verify) > 0 {
		r.verifySection(p)
	}
	if len(r.Grade) > 0 {
		r.gradeSection(p)
	}
	if len(r.Gradescope) == 2 {
		r.gradescopeSection(p)
	}
}

// carried reports whether section s's figures come from an earlier bench.
func (r *Report) carried(s string) bool {
	m, ok := r.Measured[s]
	return ok && (m.Machine.Date != r.Machine.Date || m.Machine.Commit != r.Machine.Commit)
}

// provenance is a sentence that says which earlier bench measured section
// s, or nothing if this one did.
func (r *Report) provenance(s string) string {
	if !r.carried(s) {
		return ""
	}
	m := r.Measured[s]
	return fmt.Sprintf("*Measured by an earlier bench: commit %s, %s, load average at start %s, medians of %d runs (%d for the slow rows).*",
		m.Machine.Commit, m.Machine.Date.Format("2006-01-02 15:04 MST"), m.Machine.Load, m.Runs, m.SlowRuns)
}

// section starts section s of the report under title, with its provenance
// when an earlier bench measured it.
func (r *Report) section(p printer, s, title string) {
	p("%s\n\n", title)
	if line := r.provenance(s); line != "" {
		p("%s\n\n", line)
	}
}

// gsRatio is the warm Gradescope grade of one submission over checker run
// of the same lessons.
func (r *Report) gsRatio() float64 {
	return r.Gradescope[0].Median().Seconds() / r.Gradescope[1].Median().Seconds()
}

func (r *Report) gradescopeSection(p printer) {
	r.section(p, "gradescope", "## 4. Gradescope, warm")
	p("The Gradescope bundle in a simulated `/autograder` (the paths come from `AUTOGRADER`): `setup.sh` builds the checker and grades the reference solutions once, untimed, as Gradescope does when it builds the image. ")
	p("Then `run_autograder` grades one submission on lessons 01 and 04 (01 solved, 04 as shipped), against `checker run 01` and `checker run 04` one after the other on the same files. ")
	p("Each timed run first adds a function to both lessons' files, so no cache answers it; the reference runs come from the grade cache that `setup.sh` filled.\n\n")
	rowsTable(p, "command", r.Gradescope)
	p("Warm grading against `checker run` of the same lessons: **%.2f×**.\n\n", r.gsRatio())
}

// editRatio is the median over lessons of the checker's edit-to-verdict
// over raw go test's.
func (r *Report) editRatio() float64 {
	var rs []float64
	for _, e := range r.Edit {
		rs = append(rs, e.Ratio())
	}
	slices.Sort(rs)
	if len(rs) == 0 {
		return 0
	}
	if len(rs)%2 == 1 {
		return rs[len(rs)/2]
	}
	return (rs[len(rs)/2-1] + rs[len(rs)/2]) / 2
}

type printer func(format string, args ...any)

// editMedian is the median over lessons of the checker's median
// edit-to-verdict, and how many lessons the checker ran no slower than raw
// go test.
func (r *Report) editMedian() (med time.Duration, noSlower int) {
	var ts []time.Duration
	for _, e := range r.Edit {
		ts = append(ts, e.Checker.Median())
		if e.Ratio() <= 1 {
			noSlower++
		}
	}
	return median(ts), noSlower
}

func (r *Report) gradeRatios() (cores, naive float64, ok bool) {
	if len(r.Grade) < 3 {
		return 0, 0, false
	}
	one, all, loop := r.Grade[0].Median().Seconds(), r.Grade[1].Median().Seconds(), r.Grade[2].Median().Seconds()
	return one / all, loop / all, true
}

func (r *Report) sandboxRatio() float64 {
	return r.Sandbox[0].Median().Seconds() / r.Sandbox[1].Median().Seconds()
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**missed**"
}

func (r *Report) targets(p printer) {
	p("## Targets\n\n| target | figure | |\n|---|---|---|\n")
	if len(r.Edit) > 0 {
		med, noSlower := r.editMedian()
		p("| edit-to-verdict through the checker under %.1f s (median over lessons) | %.2f s | %s |\n", editTarget.Seconds(), med.Seconds(), met(med < editTarget))
		p("| checker no slower than raw `go test -race` | %d of %d lessons | %s |\n", noSlower, len(r.Edit), met(noSlower == len(r.Edit)))
		p("| checker at most %.2f× raw `go test -race` (median ratio over lessons) | %.2f× | %s |\n", ratioTarget, r.editRatio(), met(r.editRatio() <= ratioTarget))
	}
	if r.FirstRun != nil {
		p("| first `make lesson-01` on an empty build cache (no target; for the record) | %.0f s | |\n", r.FirstRun.Median().Seconds())
	}
	if len(r.Verify) > 0 {
		warm := r.Verify[0].Median()
		p("| whole-course verify under %.0f s, warm | %.1f s | %s |\n", verifyTarget.Seconds(), warm.Seconds(), met(warm < verifyTarget))
	}
	if cores, naive, ok := r.gradeRatios(); ok {
		p("| grading with every core at least %.1f× faster than one job | %.2f× | %s |\n", coresTarget, cores, met(cores >= coresTarget))
		p("| grading with every core at least %.1f× faster than the naive loop | %.2f× | %s |\n", naiveTarget, naive, met(naive >= naiveTarget))
	}
	if len(r.Sandbox) == 2 {
		p("| grading in the sandbox at most %.2f× without it | %.2f× | %s |\n", sandboxTarget, r.sandboxRatio(), met(r.sandboxRatio() <= sandboxTarget))
	}
	if len(r.Gradescope) == 2 {
		p("| Gradescope: one submission graded warm in at most %.1f× `checker run` of its lessons | %.2f× | %s |\n", gsTarget, r.gsRatio(), met(r.gsRatio() <= gsTarget))
	}
	p("\n")
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func spread(row Row) string {
	if len(row.Times) == 0 {
		return ""
	}
	lo, hi := slices.Min(row.Times), slices.Max(row.Times)
	return fmt.Sprintf("%.2f–%.2f", lo.Seconds(), hi.Seconds())
}

func (r *Report) editSection(p printer) {
	r.section(p, "edit", "## 1. Edit-to-verdict")
	p("A learner saves an edit to a lesson's stub and runs the lesson. Each timed run first appends a new function to the lesson's first stub file, ")
	p("a real change of code, so the package is compiled, the test binary linked and every spec run again, as after a save. ")
	p("The stub's specs all fail, as they do while a learner works. ")
	p("`make lesson-NN` (which also checks that `bin/checker` is up to date) and `go test -race ./lessons/NN-topic/` take turns going first. ")
	p("The checker builds the test binary with `go test -c -vet=off`, then runs it; its check of what the code may use type-checks the learner's files beside the build, and go vet's concurrency analyzers run after the verdict, their notes printed under it. ")
	p("Its time is to the verdict, the summary line; the time to its exit, after go vet's notes, is the column after. ")
	p("Raw `go test -race` runs its own vet before the specs, and its verdict is its exit.\n\n")
	p("| lesson | `make lesson-NN`, to the verdict | range | to the exit | `go test -race` | range | ratio |\n|---|---|---|---|---|---|---|\n")
	for _, e := range r.Edit {
		p("| %s | %s | %s | %s | %s | %s | %.2f |\n", e.Lesson, secs(e.Checker.Median()), spread(e.Checker), secs(e.Exit.Median()), secs(e.Raw.Median()), spread(e.Raw), e.Ratio())
	}
	med, _ := r.editMedian()
	p("\nMedian over lessons through the checker: **%s**; median ratio **%.2f×**.\n\n", secs(med), r.editRatio())
	if f := r.FirstRun; f != nil {
		p("The first `make lesson-01` on a fresh machine, with an empty build cache, compiles the standard library, Ginkgo, Gomega and their dependencies with the race detector's instrumentation before the lesson: %s (range %s, %.2f cores busy). ", secs(f.Median()), spread(*f), f.Cores())
		p("The checker says so while it builds; the build has its own limit (`--build-limit`, 20 minutes), apart from the limit on running the specs.\n\n")
	}
	if bd := r.Breakdown; bd != nil {
		pct := func(d time.Duration) string { return fmt.Sprintf("%.0f%%", 100*d.Seconds()/bd.Total.Seconds()) }
		p("### Where the time goes\n\n")
		p("One raw `go test -race` of %s after an edit, from the go command's own record of its steps (`-debug-actiongraph`):\n\n", bd.Lesson)
		p("| step | time | share |\n|---|---|---|\n")
		p("| link the test binary | %s | %s |\n", secs(bd.Link), pct(bd.Link))
		p("| run the specs | %s | %s |\n", secs(bd.Test), pct(bd.Test))
		p("| compile the lesson and its specs | %s | %s |\n", secs(bd.Compile), pct(bd.Compile))
		p("| vet | %s | %s |\n", secs(bd.Vet), pct(bd.Vet))
		p("| the go command: load packages, hash files, consult its cache | %s | %s |\n", secs(bd.Other()), pct(bd.Other()))
		p("| total | %s | |\n\n", secs(bd.Total))
		p("The link is the largest step, and a save always costs one: go test links a fresh binary for every run that is not a cached pass. ")
		p("The linker reads every package the test binary holds, %d of them for this lesson: Ginkgo, Gomega and their dependencies, the standard library and the race runtime; the lesson itself is a small part. ", bd.Packages)
		p("go test links the binaries it runs without symbol and DWARF tables, and so does the checker: there is nothing left to take off the link. ")
		p("What the checker takes off is vet: it is not on the way to the verdict. ")
		p("What would close more of the gap is a test binary with fewer packages to link (Ginkgo's reporters bring in go/types and golang.org/x/tools/go/packages, which no spec uses) or a faster core.\n\n")
	}
}

// rowsTable writes rows as a table of their medians, ranges and cores busy.
func rowsTable(p printer, what string, rows []Row) {
	p("| %s | median | range | cores busy |\n|---|---|---|---|\n", what)
	for _, row := range rows {
		p("| %s | %s | %s | %.2f |\n", row.Name, secs(row.Median()), spread(row), row.Cores())
	}
	p("\n*Cores busy* is processor time (user and system, of every process the command started) over wall time.\n\n")
}

func (r *Report) verifySection(p printer) {
	r.section(p, "verify", "## 2. Verify the whole course")
	p("`checker verify` runs every lesson's stub (every spec must fail), reference solution (every spec must pass) and known-bad variants (each must be rejected with the verdict it names), one `go test` run at a time per core. ")
	p("A run that came out as it should is kept in the result cache under a key of everything it was computed from: the checker, the go version and environment, go.mod and go.sum, the shared spec helpers, the lesson's directory and the files laid over it. ")
	p("Verifying an unchanged course again takes no run; an edited lesson, helper or variant runs again, and a run that came out wrong is never kept. ")
	p("`--no-cache` makes every run.\n\n")
	rowsTable(p, "verify", r.Verify)
	if len(r.Verify) >= 2 {
		p("Without the result cache, verify is a sum of go test runs, one per stub, solution and variant, each with a link of its own: ")
		p("the link of the edit-to-verdict table, times some two hundred runs, over two cores. ")
		p("The empty build cache adds compiling the standard library, Ginkgo and Gomega with the race detector's instrumentation once. ")
		p("What would shorten a full run: fewer, smaller links (see above), or verifying only the lessons a change touches, which the result cache already does.\n\n")
	}
}

func (r *Report) gradeSection(p printer) {
	r.section(p, "grade", "## 3. Grading a class")
	p("The class is the end-to-end test's fixture (`checker/testdata/script/grade.txtar`): ")
	p("15 submissions graded on lessons 01 and 04, among them a compile error, a deadlock, an infinite loop, a panic on a goroutine, `os.Exit` in `init`, a data race, edited and added specs, a megabyte of output, network access and a directory that is not a kit. ")
	p("The two archives of the test (a .zip and a .tar.gz) are graded here as directories. ")
	p("Each timed run grades into an empty output directory, so no grade comes from an earlier run; the reference solutions are run first each time.\n\n")
	p("The naive loop is what a grading script would do: copy the instructor's `go.mod`, `go.sum`, shared packages and spec files over each submission, then `go test -race` of the two lessons, one student after another ")
	p("(only the `go test` runs are timed, not the copying).\n\n")
	rowsTable(p, "grading", r.Grade)
	if r.GradeLessons > 0 {
		p("The naive loop runs all %d student-lessons. The checker runs fewer: students who hand in the same files for a lesson share one run, and a student whose files are the reference solution's gets the reference's run. ", r.GradeLessons)
		p("It also runs the reference solutions, which the naive loop does not.\n\n")
	}
	if len(r.Sandbox) == 2 {
		r.section(p, "sandbox", "### The sandbox's cost")
		p("The same grading with every core, in grading's sandbox (bubblewrap: namespaces for processes and network, a read-only view of the file system, limits on memory, processes, file size and open files) and with `--sandbox=false`, taking turns going first. ")
		p("Only running a test binary is sandboxed; builds are not.\n\n")
		rowsTable(p, "grading", r.Sandbox)
		p("In the sandbox against without it: **%.2f×**.\n\n", r.sandboxRatio())
	}
	cores, naive, ok := r.gradeRatios()
	if !ok {
		return
	}
	p("Every core against one job: **%.2f×**. Every core against the naive loop: **%.2f×**.\n\n", cores, naive)
	if cores < coresTarget {
		p("### Why every core is not %.1f× one job\n\n", coresTarget)
		p("One job is not one core: it kept %.2f cores busy on average, so %d cores can make it at most %.2f× faster. ", r.Grade[0].Cores(), r.Machine.Cores, float64(r.Machine.Cores)/max(r.Grade[0].Cores(), 1))
		p("Within a single go test run the go command compiles packages in parallel, the compiler spreads a package's functions over the cores, and vet runs beside the link; ")
		p("a second job can only fill what is left, while the other job links, which is mostly serial, or runs specs that wait on one goroutine. ")
		p("Some of the class's time is not CPU at all: the infinite loop and the deadlock cost a spec timeout each, and after a timeout the rest of the lesson runs again in a fresh process. ")
		p("And with runs shared among students, fewer and longer runs are left to spread over the cores, so the last one sets the end. ")
		p("What would close it: more submissions per core (a real class of thirty or more keeps both workers busy until the end), ")
		p("and shorter links, which are the serial part of each run.\n\n")
	}
}

// Summary is a one-paragraph text of the report's figures for a terminal.
func (r *Report) Summary() string {
	var b strings.Builder
	if len(r.Edit) > 0 {
		med, noSlower := r.editMedian()
		fmt.Fprintf(&b, "edit-to-verdict: median %.2fs through the checker; median ratio %.2f; no slower than raw go test in %d of %d lessons\n", med.Seconds(), r.editRatio(), noSlower, len(r.Edit))
	}
	for _, row := range r.Verify {
		fmt.Fprintf(&b, "%s: %.1fs\n", row.Name, row.Median().Seconds())
	}
	for _, row := range r.Grade {
		fmt.Fprintf(&b, "%s: %.1fs\n", row.Name, row.Median().Seconds())
	}
	if r.FirstRun != nil {
		fmt.Fprintf(&b, "%s: %.1fs\n", r.FirstRun.Name, r.FirstRun.Median().Seconds())
	}
	if len(r.Gradescope) == 2 {
		fmt.Fprintf(&b, "gradescope warm: %.2fs, checker run of the same lessons %.2fs (%.2fx)\n", r.Gradescope[0].Median().Seconds(), r.Gradescope[1].Median().Seconds(), r.gsRatio())
	}
	if cores, naive, ok := r.gradeRatios(); ok {
		fmt.Fprintf(&b, "grading: every core %.2fx one job, %.2fx the naive loop\n", cores, naive)
	}
	return b.String()
}
