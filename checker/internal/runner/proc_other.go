//go:build !unix

package runner

import (
	"os/exec"
	"time"
)

func killGroup(cmd *exec.Cmd) { cmd.WaitDelay = 5 * time.Second }

func reapGroup(*exec.Cmd) {}
