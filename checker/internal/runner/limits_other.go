//go:build !linux

package runner

// watchTree does nothing where there is no /proc to look at.
func watchTree(pid int, maxMemory int64, maxProcs int, done <-chan struct{}, over func(why string)) {}
