//go:build !linux

package cli

// keysMode cannot take output processing and signals back from raw mode
// here: watch reads whole lines instead.
func keysMode(int) bool { return false }
