package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Machine describes where a bench ran.
type Machine struct {
	CPU    string
	Cores  int
	Memory string
	OS     string
	Go     string
	Commit string
	Date   time.Time
	Load   string // load averages over 1, 5 and 15 minutes when the bench began
}

func machine(ctx context.Context, root string) (Machine, error) {
	m := Machine{Cores: runtime.NumCPU(), Date: time.Now().UTC(), CPU: "unknown", Memory: "unknown", OS: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if s := regexp.MustCompile(`(?m)^model name\s*:\s*(.+)$`).FindSubmatch(b); s != nil {
			m.CPU = strings.TrimSpace(string(s[1]))
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if s := regexp.MustCompile(`(?m)^MemTotal:\s*(\d+) kB`).FindSubmatch(b); s != nil {
			kb, _ := strconv.Atoi(string(s[1]))
			m.Memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	if out, err := exec.CommandContext(ctx, "uname", "-sr").Output(); err == nil {
		m.OS = strings.TrimSpace(string(out)) + " " + runtime.GOARCH
	}
	out, err := exec.CommandContext(ctx, "go", "env", "GOVERSION").Output()
	if err != nil {
		return m, err
	}
	m.Go = strings.TrimSpace(string(out))
	m.Commit = commit(ctx, root)
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			m.Load = strings.Join(f[:3], " ")
		}
	}
	return m, nil
}

// commit names the kit's commit, marked when the tree has changes.
func commit(ctx context.Context, root string) string {
	cmd := exec.CommandContext(ctx, "git", "rev-parse", "--short", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	cmd = exec.CommandContext(ctx, "git", "status", "--porcelain")
	cmd.Dir = root
	if st, err := cmd.Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += " with uncommitted changes"
	}
	return c
}
