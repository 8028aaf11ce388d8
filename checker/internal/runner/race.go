package runner

import (
	"os/exec"
	"strings"
)

// RaceAvailable reports whether go test -race can work here: the race
// detector needs cgo and a C compiler. When it cannot, why says what is
// missing.
func RaceAvailable(goCmd string) (ok bool, why string) {
	if goCmd == "" {
		goCmd = "go"
	}
	out, err := exec.Command(goCmd, "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		return false, "cannot ask the go command about cgo: " + err.Error()
	}
	fields := strings.Fields(string(out))
	if len(fields) < 2 || fields[0] != "1" {
		return false, "cgo is disabled (CGO_ENABLED=0)"
	}
	if _, err := exec.LookPath(fields[1]); err != nil {
		return false, "no C compiler (" + fields[1] + ") on PATH"
	}
	return true, ""
}
