package course

import (
	"path"
	"regexp"
	"strings"
)

// Task is one of the tasks a lesson's README sets, as the checker reads
// it to show the specs in the order the learner meets them.
type Task struct {
	Names []string // the names its heading introduces in backticks: "Group", "Start", "Join"
	Files []string // the Go files its heading names: "goroutines.go"
	Specs []string // the spec names it lists in bold, spaces normalised
}

var (
	tasksHeading = regexp.MustCompile(`(?i)^## .*\btasks?\b`)
	taskHeading  = regexp.MustCompile(`^### \d+\.\s`)
	taskItem     = regexp.MustCompile(`^\d+\.\s`)
	backticked   = regexp.MustCompile("`([^`]+)`")
	goFile       = regexp.MustCompile(`[A-Za-z0-9_]+\.go\b`)
	boldText     = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	identifier   = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// ReadTasks returns the tasks of a lesson's README text in their order:
// under the first level-two heading that speaks of tasks ("## Your
// tasks", "## Tasks"), each "### N." heading or top-level "N." item starts
// one. A task's heading is that line, or for an item that opens with bold
// text, the bold text (which may run over several lines).
func ReadTasks(readme string) []Task {
	var tasks []Task
	var heading, body []string
	inTasks, inBold := false, false
	flush := func() {
		if heading != nil {
			tasks = append(tasks, newTask(strings.Join(heading, " "), strings.Join(body, "\n")))
		}
		heading, body = nil, nil
	}
	for _, line := range strings.Split(readme, "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			if inTasks {
				flush()
				return tasks
			}
			inTasks = tasksHeading.MatchString(line)
			continue
		case !inTasks:
			continue
		case taskHeading.MatchString(line):
			flush()
			heading, inBold = []string{line}, false
		case taskItem.MatchString(line):
			flush()
			heading = []string{line}
			rest := strings.TrimSpace(taskItem.ReplaceAllString(line, ""))
			inBold = strings.HasPrefix(rest, "**") && strings.Count(rest, "**") == 1
		case inBold:
			heading = append(heading, strings.TrimSpace(line))
			inBold = !strings.Contains(line, "**")
		}
		if heading != nil {
			body = append(body, line)
		}
	}
	flush()
	return tasks
}

// newTask reads a task's heading and its whole text.
func newTask(heading, text string) Task {
	var t Task
	names := heading
	if item := strings.TrimSpace(taskItem.ReplaceAllString(heading, "")); strings.HasPrefix(item, "**") {
		if m := boldText.FindStringSubmatch(item); m != nil {
			names = m[1]
		}
	}
	for _, m := range backticked.FindAllStringSubmatch(names, -1) {
		if strings.HasSuffix(m[1], ".go") {
			continue
		}
		// `Group.Start` introduces Group and Start; `Lazy[T]` Lazy.
		t.Names = append(t.Names, identifier.FindAllString(m[1], -1)...)
	}
	t.Files = goFile.FindAllString(heading, -1)
	for _, m := range boldText.FindAllStringSubmatch(strings.ReplaceAll(text, "\n", " "), -1) {
		if spec := strings.Join(strings.Fields(m[1]), " "); strings.Count(spec, " ") >= 2 {
			t.Specs = append(t.Specs, spec)
		}
	}
	return t
}

// TaskOf returns the index in tasks of the task that the spec named name,
// written in specFile (a base name, "goroutines_test.go"), belongs to, or
// -1. The most specific evidence wins: a task that lists the spec in bold;
// then the first task whose heading introduces the spec's subject, the
// first word of its name ("Group" in "Group Join waits…"); then the first
// task whose heading names the file the spec file tests.
func TaskOf(tasks []Task, name, specFile string) int {
	name = strings.Join(strings.Fields(name), " ")
	for i, t := range tasks {
		for _, s := range t.Specs {
			if strings.HasPrefix(name, strings.TrimRight(s, ".:,")) {
				return i
			}
		}
	}
	subject, _, _ := strings.Cut(name, " ")
	for i, t := range tasks {
		for _, n := range t.Names {
			if n == subject {
				return i
			}
		}
	}
	stub := strings.TrimSuffix(path.Base(specFile), "_test.go") + ".go"
	for i, t := range tasks {
		for _, f := range t.Files {
			if f == stub {
				return i
			}
		}
	}
	return -1
}
