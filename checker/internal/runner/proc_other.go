//go:build !unix

package runner

import (
	"errors"
	"os"
	"os/exec"
	"time"
)

// recordChannel needs Unix sockets.
func recordChannel() (ours, theirs *os.File, err error) {
	return nil, nil, errors.New("running specs needs a Unix-like system (Linux or macOS)")
}

func killGroup(cmd *exec.Cmd) { cmd.WaitDelay = 5 * time.Second }

func reapGroup(*exec.Cmd) {}
