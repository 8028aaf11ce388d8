// Package sandbox confines a run of a lesson's compiled test binary with the
// operating system, through bubblewrap (bwrap), the sandbox Flatpak uses.
//
// A sandboxed run has its own PID namespace (it cannot see or signal any
// process outside, and everything it starts dies with it), its own network
// namespace with only loopback, its own IPC and UTS namespaces, a read-only
// view of the file system with a private, empty /tmp, and the paths it must
// not read (reference solutions, the instructor's output, caches, other
// submissions) hidden under empty directories. Limits on file size and open
// files are set with prlimit inside it; memory and the number of processes
// are watched from outside by the runner (see runner.Runner.MaxMemory),
// because neither an address-space limit (the race detector reserves
// terabytes of it) nor a per-user process limit (root is exempt) works here.
package sandbox

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Options say what a sandbox hides and shows.
type Options struct {
	// Keep lists paths that stay visible, read-only, even where they lie
	// under the sandbox's private /tmp: the kit, say, when it was cloned
	// into /tmp.
	Keep []string
	// Hide lists paths the binary must not see: each is covered by an empty
	// directory (missing paths are skipped).
	Hide []string
	// Show lists paths under a hidden one that the binary needs, bound back
	// read-only: its own directory, say.
	Show []string
	// FileSize and OpenFiles are resource limits; zero leaves them as they
	// are.
	FileSize  int64
	OpenFiles int
}

// Defaults for the limits.
const (
	DefaultFileSize  = 64 << 20
	DefaultOpenFiles = 256
)

// Available reports whether a sandbox can be made here, by making one that
// runs true. why says what is missing when it cannot.
func Available() (ok bool, why string) {
	bwrap, err := exec.LookPath("bwrap")
	if err != nil {
		return false, "bubblewrap (bwrap) is not installed: apt-get install bubblewrap"
	}
	if _, err := exec.LookPath("prlimit"); err != nil {
		return false, "prlimit (util-linux) is not installed"
	}
	words := append([]string{bwrap}, Options{}.args()...)
	words = append(words, "true")
	if out, err := exec.Command(words[0], words[1:]...).CombinedOutput(); err != nil {
		return false, fmt.Sprintf("bwrap cannot make a sandbox here (%v): %s", err, strings.TrimSpace(string(out)))
	}
	return true, ""
}

// Command returns the words that run a program inside a sandbox made with
// o: the program's own words go after them.
func Command(o Options) []string {
	words := append([]string{"bwrap"}, o.args()...)
	limits := []string{"prlimit"}
	if o.FileSize > 0 {
		limits = append(limits, "--fsize="+strconv.FormatInt(o.FileSize, 10))
	}
	if o.OpenFiles > 0 {
		limits = append(limits, "--nofile="+strconv.Itoa(o.OpenFiles))
	}
	if len(limits) > 1 {
		words = append(append(words, limits...), "--")
	}
	return words
}

func (o Options) args() []string {
	args := []string{
		"--ro-bind", "/", "/",
		"--dev", "/dev",
		"--proc", "/proc",
		"--tmpfs", "/tmp",
		"--unshare-all",
		"--die-with-parent",
		"--new-session",
		"--setenv", "TMPDIR", "/tmp",
	}
	for _, p := range o.Keep {
		if filepath.IsAbs(p) {
			args = append(args, "--ro-bind", p, p)
		}
	}
	// Hidden paths become empty directories, read-only once the paths to
	// show under them have their mount points.
	var hidden []string
	for _, p := range o.Hide {
		if _, err := os.Lstat(p); err == nil && filepath.IsAbs(p) {
			args = append(args, "--tmpfs", p)
			hidden = append(hidden, p)
		}
	}
	for _, p := range o.Show {
		if filepath.IsAbs(p) {
			args = append(args, "--ro-bind", p, p)
		}
	}
	for _, p := range hidden {
		args = append(args, "--remount-ro", p)
	}
	return args
}
