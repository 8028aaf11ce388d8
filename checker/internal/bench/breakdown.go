package bench

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/threadlings/threadlings/checker/internal/course"
)

// Breakdown is where the time of one raw go test -race goes after an edit,
// from the go command's own record of its actions (-debug-actiongraph).
type Breakdown struct {
	Lesson  string
	Total   time.Duration // wall time of the go test command
	Compile time.Duration // compiling the edited package and its test package
	Vet     time.Duration
	Link    time.Duration
	Test    time.Duration // running the test binary
	// Packages is how many packages the test binary links.
	Packages int
}

// Other is the time in none of the other steps: the go command loading
// packages and hashing files to find what its cache holds.
func (b *Breakdown) Other() time.Duration {
	return max(0, b.Total-b.Compile-b.Vet-b.Link-b.Test)
}

type action struct {
	Mode      string
	TimeStart time.Time
	TimeDone  time.Time
}

func (b *bench) breakdown(ctx context.Context, l course.Lesson) (*Breakdown, error) {
	graph := filepath.Join(b.tmp, "actiongraph.json")
	total, err := b.run(ctx, b.kit, nil, "go", "test", "-race", "-debug-actiongraph="+graph, "./"+l.LessonPath()+"/")
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(graph)
	if err != nil {
		return nil, err
	}
	var actions []action
	if err := json.Unmarshal(data, &actions); err != nil {
		return nil, err
	}
	bd := &Breakdown{Lesson: l.Dir, Total: total}
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-test", "./"+l.LessonPath()+"/")
	cmd.Dir = b.kit
	if out, err := cmd.Output(); err == nil {
		bd.Packages = strings.Count(string(out), "\n")
	}
	for _, a := range actions {
		if a.TimeStart.IsZero() || a.TimeDone.IsZero() {
			continue
		}
		d := a.TimeDone.Sub(a.TimeStart)
		switch {
		case a.Mode == "link":
			bd.Link += d
		case a.Mode == "test run":
			bd.Test += d
		case a.Mode == "vet":
			bd.Vet += d
		case a.Mode == "build":
			bd.Compile += d
		}
	}
	return bd, nil
}
