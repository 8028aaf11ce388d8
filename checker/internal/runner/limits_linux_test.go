package runner

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// A process tree that takes more memory than allowed is reported, through
// the sandbox's extra processes too.
func TestWatchTreeSeesMemoryOfDescendants(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("needs python3 to take memory")
	}
	cmd := exec.Command("sh", "-c", `python3 -c 'b = bytearray(400 << 20); import time; time.sleep(30)'`)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	done := make(chan struct{})
	defer close(done)
	over := make(chan string, 1)
	go watchTree(cmd.Process.Pid, 200<<20, 0, done, func(why string) { over <- why })
	select {
	case why := <-over:
		if !strings.Contains(why, "more than 200 MiB") {
			t.Errorf("why = %q", why)
		}
	case <-time.After(20 * time.Second):
		procs, rss := treeUsage(cmd.Process.Pid)
		t.Fatalf("400 MiB under a 200 MiB limit went unseen (%d processes, %d pages)", procs, rss)
	}
}
