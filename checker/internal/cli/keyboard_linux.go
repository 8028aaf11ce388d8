package cli

import "golang.org/x/sys/unix"

// keysMode takes back two things raw mode turned off: output processing,
// so that a newline still starts a new line at the left, and signals, so
// that Ctrl-C still interrupts the checker (and the tests it runs) when it
// is busy and reads no keys. Input stays raw: each key arrives at once and
// is not echoed. It reports whether it could.
func keysMode(fd int) bool {
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return false
	}
	t.Oflag |= unix.OPOST | unix.ONLCR
	t.Lflag |= unix.ISIG
	return unix.IoctlSetTermios(fd, unix.TCSETS, t) == nil
}
