//go:build linux

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// A deadline for what needs a build: a first build of a lesson with the
// race detector, on a busy two-core machine, takes minutes. Nothing waits
// for it to pass: every wait ends on what the terminal shows.
const buildDeadline = 15 * time.Minute

// screen is what the checker wrote to its terminal, with when each piece
// arrived.
type screen struct {
	mu      sync.Mutex
	text    bytes.Buffer
	arrived []time.Time // arrived[i]: when byte i came
	grew    chan struct{}
	ended   bool
}

func (s *screen) read(ptmx *os.File) {
	buf := make([]byte, 4096)
	for {
		n, err := ptmx.Read(buf)
		now := time.Now()
		s.mu.Lock()
		s.text.Write(buf[:n])
		for range n {
			s.arrived = append(s.arrived, now)
		}
		if err != nil {
			s.ended = true
		}
		close(s.grew)
		s.grew = make(chan struct{})
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitFor waits until text matching re shows after offset from, and
// returns where the match ends and when its first byte arrived.
func (s *screen) waitFor(t *testing.T, from int, re string, within time.Duration) (end int, at time.Time) {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.After(within)
	for {
		s.mu.Lock()
		text := s.text.Bytes()[from:]
		if loc := rx.FindIndex(text); loc != nil {
			end, at = from+loc[1], s.arrived[from+loc[0]]
			s.mu.Unlock()
			return end, at
		}
		grew, ended := s.grew, s.ended
		s.mu.Unlock()
		if ended {
			t.Fatalf("the checker ended before %q showed; it wrote:\n%s", re, s.since(from))
		}
		select {
		case <-grew:
		case <-deadline:
			t.Fatalf("%q did not show within %s; the terminal shows:\n%s", re, within, s.since(from))
		}
	}
}

// since returns what was written from offset from on.
func (s *screen) since(from int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text.String()[from:]
}

func (s *screen) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.text.Len()
}

// terminalChecker starts the checker with args on a terminal of its own,
// in a copy of the kit, and returns the terminal's two ends, its modes
// before the checker started, and what it shows.
func terminalChecker(t *testing.T, kit, cache string, args ...string) (*exec.Cmd, *os.File, *os.File, unix.Termios, *screen) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	require.NoError(t, pty.Setsize(ptmx, &pty.Winsize{Rows: 50, Cols: 120}))
	before := *termios(t, tty)
	cmd := exec.Command(os.Args[0], append(args, "--root", kit)...)
	cmd.Env = append(os.Environ(), asChecker+"=1", "THREADLINGS_CACHE="+cache, "NO_COLOR=1", "GORACE=atexit_sleep_ms=0")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	require.NoError(t, cmd.Start())
	s := &screen{grew: make(chan struct{})}
	go s.read(ptmx)
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		tty.Close()
		ptmx.Close()
	})
	return cmd, ptmx, tty, before, s
}

// waitExit waits for the checker to end, with a deadline.
func waitExit(t *testing.T, cmd *exec.Cmd) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("the checker did not end within a minute")
		return nil
	}
}

// termios returns the terminal's modes.
func termios(t *testing.T, tty *os.File) *unix.Termios {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	require.NoError(t, err)
	return tio
}

func writeFiles(t *testing.T, from, to string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(from, "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(to, filepath.Base(f)), b, 0o644))
	}
}

// Watch mode driven the way a learner drives it, on a real terminal:
// single keys without Enter, "running…" as soon as a file is saved, a pause
// on a pass, an earlier lesson run again when one of its files is saved,
// and the terminal left as it was found on q and on Ctrl-C.
func TestWatchInATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs lessons: not in -short")
	}
	repo, err := filepath.Abs("..")
	require.NoError(t, err)
	kit, cache := t.TempDir(), t.TempDir()
	require.NoError(t, copyTree(repo, kit, []string{"go.mod", "go.sum", "internal", "lessons", "solutions"}))
	lesson01 := filepath.Join(kit, "lessons", "01-goroutines")

	t.Run("keys, saves and q", func(t *testing.T) {
		cmd, ptmx, tty, before, scr := terminalChecker(t, kit, cache, "watch", "01")
		key := func(k string) {
			t.Helper()
			_, err := ptmx.Write([]byte(k))
			require.NoError(t, err)
		}

		// The first run: the screen is cleared, "running…" comes before
		// the result, and the stubs fail.
		at, _ := scr.waitFor(t, 0, `\x1b\[H\x1b\[2JLesson 01 \(.*\): running…`, time.Minute)
		at, _ = scr.waitFor(t, at, `Save a file to run again · h hint · n next lesson`, buildDeadline)
		assert.NotContains(t, scr.since(0), "make lesson-01 again", "inside watch the footer speaks of watch")
		assert.NotContains(t, scr.since(0), "then Enter", "keys need no Enter on a terminal")

		// h, without Enter: a hint, and how to get the next one in watch.
		key("h")
		at, _ = scr.waitFor(t, at, `Hint 1 of \d+`, time.Minute)
		at, _ = scr.waitFor(t, at, `Press h again for the next hint\.`, time.Minute)
		assert.NotContains(t, scr.since(0), "make hint-01")

		// A save: "running…" shows at once, then the pass, and watch
		// waits there instead of starting lesson 02.
		from := scr.len()
		saved := time.Now()
		writeFiles(t, filepath.Join(kit, "solutions", "01-goroutines"), lesson01)
		at, shown := scr.waitFor(t, from, `Lesson 01 \(.*\): running…`, time.Minute)
		t.Logf("save to \"running…\" on the terminal: %s", shown.Sub(saved).Round(time.Millisecond))
		at, _ = scr.waitFor(t, at, `Lesson 01 passes! n for next, q to quit`, buildDeadline)
		// l shows the list; had watch gone on to lesson 02 by itself,
		// its run would have come before the list.
		key("l")
		end, _ := scr.waitFor(t, at, `02 +A Python-like Thread`, time.Minute)
		assert.NotContains(t, scr.since(at)[:end-at], "Lesson 02 (", "a pass must wait for n")

		// n: lesson 02.
		key("n")
		at, _ = scr.waitFor(t, end, `Lesson 02 \(.*\): running…`, time.Minute)
		at, _ = scr.waitFor(t, at, `Save a file to run again`, buildDeadline)

		// A save in lesson 01 while on 02 runs 01 again and shows it.
		from = scr.len()
		saved = time.Now()
		orders := filepath.Join(lesson01, "orders.go")
		b, err := os.ReadFile(orders)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(orders, append(b, "\n// saved again while on lesson 02\n"...), 0o644))
		at, shown = scr.waitFor(t, from, `Lesson 01 \(.*\): running…`, time.Minute)
		t.Logf("save (of an earlier lesson) to \"running…\": %s", shown.Sub(saved).Round(time.Millisecond))
		at, _ = scr.waitFor(t, at, `01-goroutines: all \d+ specs pass`, buildDeadline)
		scr.waitFor(t, at, `Lesson 01 passes!`, time.Minute)

		// q: watch ends at once, with the terminal as it found it.
		key("q")
		require.NoError(t, waitExit(t, cmd))
		assert.Equal(t, before, *termios(t, tty), "q must leave the terminal as watch found it")
	})

	t.Run("Ctrl-C", func(t *testing.T) {
		cmd, ptmx, tty, before, scr := terminalChecker(t, kit, cache, "watch", "02")
		at, _ := scr.waitFor(t, 0, `Lesson 02 \(.*\): running…`, time.Minute)
		scr.waitFor(t, at, `Save a file to run again`, buildDeadline)
		assert.Zero(t, termios(t, tty).Lflag&unix.ICANON, "watch reads single keys: the terminal is in raw mode while it runs")
		_, err := ptmx.Write([]byte{3}) // Ctrl-C
		require.NoError(t, err)
		err = waitExit(t, cmd)
		var exit *exec.ExitError
		require.True(t, errors.As(err, &exit), "Ctrl-C ends watch as it ends any program: %v", err)
		ws := exit.Sys().(syscall.WaitStatus)
		assert.True(t, ws.Signaled() && ws.Signal() == syscall.SIGINT, "ended by SIGINT, not %v", ws)
		assert.Equal(t, before, *termios(t, tty), "Ctrl-C must leave the terminal as watch found it")
		assert.NotRegexp(t, `(?m)^(panic: |goroutine \d+ \[)`, scr.since(0), "the checker must not crash on the way out")
	})
}
