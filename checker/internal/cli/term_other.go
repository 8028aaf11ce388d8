//go:build !unix

package cli

import "os"

// isTerminal reports whether f is a character device, the nearest this
// system can tell to a terminal.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// termWidth returns 0: the width is not known here.
func termWidth(*os.File) int { return 0 }
