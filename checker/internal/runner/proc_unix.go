//go:build unix

package runner

import (
	"os"
	"os/exec"
	"syscall"
	"time"
)

// recordChannel makes the two ends of a record channel: a Unix socket
// pair, so that the end given to a test binary cannot be opened again by
// path (/proc/self/fd/N of a socket does not open).
func recordChannel() (ours, theirs *os.File, err error) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	// Our end is non-blocking, so that the runtime's poller serves it and a
	// read deadline can end the wait for a writer that outlived the run.
	if err := syscall.SetNonblock(fds[0], true); err != nil {
		syscall.Close(fds[0])
		syscall.Close(fds[1])
		return nil, nil, err
	}
	return os.NewFile(uintptr(fds[0]), "records"), os.NewFile(uintptr(fds[1]), "records-theirs"), nil
}

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
