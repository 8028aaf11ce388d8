//go:build unix

package runner

import (
	"os/exec"
	"syscall"
	"time"
)

// killGroup puts cmd in a process group of its own and makes cancelling it
// kill the whole group: go test, the test binary and any process the
// learner's code started.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
}

// reapGroup kills whatever is left of cmd's process group after it exited.
func reapGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
