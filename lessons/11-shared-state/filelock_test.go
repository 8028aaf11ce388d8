package sharedstate_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	sharedstate "github.com/threadlings/threadlings/lessons/11-shared-state"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// writer appends os.Args[4] lines to the file os.Args[2], each under the
// FileLock at os.Args[1] and in several small writes. Halfway through each
// line it tells the parent "open" and waits for "go": the parent decides
// how long a line stays half written.
var _ = spec.Child("writer", func() {
	lockPath, logPath, name, lines := os.Args[1], os.Args[2], os.Args[3], count(os.Args[4])
	log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		childFail("%v", err)
	}
	write := func(s string) {
		if _, err := log.WriteString(s); err != nil {
			childFail("%v", err)
		}
	}
	l := sharedstate.NewFileLock(lockPath)
	parent := bufio.NewScanner(os.Stdin)
	for i := range lines {
		if err := l.Lock(); err != nil {
			childFail("%s: Lock failed: %v", name, err)
		}
		write(fmt.Sprintf("[%s line %02d:", name, i))
		fmt.Println("open")
		if !parent.Scan() {
			childFail("%s: the parent went away", name)
		}
		for _, piece := range []string{" one", " two", " three", " four", "]\n"} {
			write(piece)
		}
		if err := l.Unlock(); err != nil {
			childFail("%s: Unlock failed: %v", name, err)
		}
	}
})

// holder takes the FileLock at os.Args[1], says "locked", and when the
// parent sends a line, exits with status 3 without unlocking: a process
// that dies holding the lock.
var _ = spec.Child("holder", func() {
	l := sharedstate.NewFileLock(os.Args[1])
	if err := l.Lock(); err != nil {
		childFail("Lock failed: %v", err)
	}
	fmt.Println("locked")
	bufio.NewScanner(os.Stdin).Scan()
	os.Exit(3)
})

// lockedByOther reports whether some open file holds an flock on path,
// asking the kernel directly rather than through the lesson's code.
func lockedByOther(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}

// wholeLine is a line that a writer wrote alone.
var wholeLine = regexp.MustCompile(`^\[(w\d) line (\d\d): one two three four\]$`)

type childEvent struct {
	c    *child
	line string // "" when its output ended
}

// readLines sends every line c prints to events, then an empty event.
func readLines(ctx context.Context, c *child, events chan<- childEvent) {
	lines := bufio.NewScanner(c.stdout)
	for {
		ev := childEvent{c: c}
		if lines.Scan() {
			ev.line = lines.Text()
		}
		select {
		case events <- ev:
		case <-ctx.Done():
			return
		}
		if ev.line == "" {
			return
		}
	}
}

var _ = Describe("FileLock", func() {
	It("lets one FileLock at a time hold a file", func() {
		path := filepath.Join(tempDir(), "app.lock")
		a, b := sharedstate.NewFileLock(path), sharedstate.NewFileLock(path)

		Expect(a.Unlock()).To(MatchError(sharedstate.ErrNotLocked), "Unlock of a FileLock that was never locked must return ErrNotLocked")
		Expect(a.Lock()).To(Succeed(), "Lock of a free FileLock must succeed (create the file if it does not exist)")
		ok, err := a.TryLock()
		Expect(err).To(MatchError(sharedstate.ErrLocked), "TryLock on a FileLock that already holds the lock must return ErrLocked")
		Expect(ok).To(BeFalse())

		ok, err = b.TryLock()
		Expect(err).NotTo(HaveOccurred(), "TryLock must not fail just because the lock is taken")
		Expect(ok).To(BeFalse(), "b.TryLock() took the lock while a held it. Does Lock call syscall.Flock with LOCK_EX, and keep the file open until Unlock? Closing the file drops the lock.")

		Expect(a.Unlock()).To(Succeed(), "Unlock of a held FileLock must succeed")
		ok, err = b.TryLock()
		Expect(err).NotTo(HaveOccurred())
		Expect(ok).To(BeTrue(), "a released the lock, so b.TryLock() must take it")
		Expect(b.Unlock()).To(Succeed())
		Expect(b.Unlock()).To(MatchError(sharedstate.ErrNotLocked), "a second Unlock must return ErrNotLocked")
	})

	It("refuses at once to lock again what it holds", func() {
		path := filepath.Join(tempDir(), "app.lock")
		a, b := sharedstate.NewFileLock(path), sharedstate.NewFileLock(path)
		Expect(a.Lock()).To(Succeed(), "Lock of a free FileLock must succeed")
		var err error
		again := spec.Go(func() { err = a.Lock() })
		select {
		case <-again.Done():
		case <-time.After(3 * time.Second): // a correct Lock returns in microseconds
			// Lock opened the file again and waits for its own lock, in the
			// kernel, for ever: nothing the spec does can wake it safely.
			Fail("Lock on a FileLock that already holds the lock never returned: it waited for itself, a deadlock. " +
				"A FileLock is not re-entrant: Lock must return ErrLocked at once when l already holds the lock, as TryLock does")
		}
		again.Wait()
		Expect(err).To(MatchError(sharedstate.ErrLocked), "Lock on a FileLock that already holds the lock must return ErrLocked")
		ok, err := b.TryLock()
		Expect(err).NotTo(HaveOccurred())
		Expect(ok).To(BeFalse(), "a refused Lock must leave the lock held")
		Expect(a.Unlock()).To(Succeed(), "Unlock of a held FileLock must succeed")
		Expect(a.Unlock()).To(MatchError(sharedstate.ErrNotLocked), "one Unlock releases the lock: a second one must return ErrNotLocked")
	}, SpecTimeout(6*time.Second))

	It("reports a file it cannot open, and holds nothing then", func() {
		path := filepath.Join(tempDir(), "no-such-dir", "app.lock")
		l := sharedstate.NewFileLock(path)
		err := l.Lock()
		Expect(err).To(HaveOccurred(), "Lock returned nil for a file in a directory that does not exist: it holds no lock, so it must return the error of opening the file, or its caller goes on as if it were alone")
		Expect(err).NotTo(MatchError(sharedstate.ErrLocked), "Lock returned ErrLocked, but l holds nothing: return the error of opening the file")
		ok, err := l.TryLock()
		Expect(err).To(HaveOccurred(), "TryLock returned no error for a file in a directory that does not exist: false with a nil error means someone else holds the lock, so a file that cannot be opened must be reported as an error")
		Expect(ok).To(BeFalse(), "TryLock reported that it took a lock on a file it could not open")
		Expect(l.Unlock()).To(MatchError(sharedstate.ErrNotLocked), "a Lock that failed holds nothing: Unlock must return ErrNotLocked")
	}, SpecTimeout(5*time.Second))

	It("never writes the file, and does not touch it before Lock", func() {
		dir := tempDir()
		fresh := filepath.Join(dir, "fresh.lock")
		l := sharedstate.NewFileLock(fresh)
		_, err := os.Stat(fresh)
		Expect(errors.Is(err, os.ErrNotExist)).To(BeTrue(), "NewFileLock created the file: it must not touch the file, Lock does")
		Expect(l.Lock()).To(Succeed(), "Lock must create the file when it does not exist")
		Expect(l.Unlock()).To(Succeed())

		path := filepath.Join(dir, "data.lock")
		const content = "this file belongs to someone else\n"
		Expect(os.WriteFile(path, []byte(content), 0o644)).To(Succeed())
		l = sharedstate.NewFileLock(path)
		Expect(l.Lock()).To(Succeed())
		held, _ := os.ReadFile(path)
		Expect(l.Unlock()).To(Succeed())
		ok, err := l.TryLock()
		Expect(err).NotTo(HaveOccurred())
		Expect(ok).To(BeTrue())
		Expect(l.Unlock()).To(Succeed())
		after, _ := os.ReadFile(path)
		Expect(string(held)).To(Equal(content), "the lock file was changed while the lock was held: a FileLock never writes its file (open it without O_TRUNC, write nothing)")
		Expect(string(after)).To(Equal(content), "the lock file was changed by Lock, TryLock or Unlock: a FileLock never writes its file")
	})

	It("keeps lines whole when processes append under it", spec.Points(2), func(ctx SpecContext) {
		dir := tempDir()
		lockPath, logPath := filepath.Join(dir, "log.lock"), filepath.Join(dir, "log.txt")
		const writers, lines = 3, 8
		events := make(chan childEvent)
		var ws []*child
		for i := range writers {
			c := launch(ctx, "writer", lockPath, logPath, fmt.Sprintf("w%d", i+1), strconv.Itoa(lines))
			go readLines(ctx, c, events)
			ws = append(ws, c)
		}

		// Each writer stops halfway through each line until we say "go".
		// While one is halfway, it must hold the lock: then we let it go
		// at once. If the lock is free, we hold the writer until every other
		// writer is halfway through a line too (they are not held back by
		// the lock, after all), so the lines are sure to interleave.
		running := writers
		var waiting []*child
		var unlocked []string
		for running > 0 {
			var ev childEvent
			select {
			case ev = <-events:
			case <-ctx.Done():
				return
			}
			switch ev.line {
			case "":
				running--
			case "open":
				if lockedByOther(lockPath) {
					fmt.Fprintln(ev.c.stdin, "go")
				} else {
					unlocked = append(unlocked, ev.c.cmd.Args[3])
					waiting = append(waiting, ev.c)
				}
			default:
				Fail(fmt.Sprintf("a writer printed %q; it only ever prints \"open\"", ev.line))
			}
			if len(waiting) > 0 && len(waiting) >= running {
				for _, c := range waiting {
					fmt.Fprintln(c.stdin, "go")
				}
				waiting = nil
			}
		}

		data, err := os.ReadFile(logPath)
		Expect(err).NotTo(HaveOccurred(), "no writer wrote anything")
		var broken []string
		for line := range strings.Lines(string(data)) {
			if !wholeLine.MatchString(strings.TrimSuffix(line, "\n")) {
				broken = append(broken, strings.TrimSuffix(line, "\n"))
			}
		}
		if len(broken) > 0 {
			Fail(fmt.Sprintf("lines from different processes are mixed up, e.g.:\n\t%s\n"+
				"Every writer holds the FileLock from the first piece of a line to the last, so no other writer may get it meanwhile. "+
				"Lock must flock the file with LOCK_EX and keep it open until Unlock.",
				strings.Join(broken[:min(len(broken), 4)], "\n\t")))
		}
		Expect(unlocked).To(BeEmpty(), "writer %s was halfway through a line, holding the lock it had from Lock, but the lock file was not locked: "+
			"Lock must flock the file with LOCK_EX and keep it open until Unlock", strings.Join(unlocked, ", "))
		for _, c := range ws {
			c.expectSuccess("it writes lines under the FileLock")
		}
		perWriter := map[string]int{}
		for line := range strings.Lines(string(data)) {
			m := wholeLine.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
			Expect(m[2]).To(Equal(fmt.Sprintf("%02d", perWriter[m[1]])), "the lines of %s are out of order", m[1])
			perWriter[m[1]]++
		}
		for _, c := range ws {
			name := c.cmd.Args[3]
			Expect(perWriter[name]).To(Equal(lines), "%s wrote %d whole lines, not %d", name, perWriter[name], lines)
		}
	}, processTimeout)

	It("is freed when the process holding it dies", func(ctx SpecContext) {
		path := filepath.Join(tempDir(), "app.lock")
		c := launch(ctx, "holder", path)
		said, _ := bufio.NewReader(c.stdout).ReadString('\n')
		if said != "locked\n" {
			c.wait()
			Fail(fmt.Sprintf("the holder process never said it had the lock. It said:\n%s", strings.TrimSpace(c.stderr.String())))
		}

		l := sharedstate.NewFileLock(path)
		ok, err := l.TryLock()
		Expect(err).NotTo(HaveOccurred(), "TryLock must not fail just because another process holds the lock")
		Expect(ok).To(BeFalse(), "TryLock took the lock while another process held it: Lock must flock the file with LOCK_EX and keep it open, and TryLock must use LOCK_EX|LOCK_NB")

		fmt.Fprintln(c.stdin, "die")
		err = c.wait()
		var exit *exec.ExitError
		Expect(errors.As(err, &exit) && exit.ExitCode() == 3).To(BeTrue(), "the holder process should have exited with status 3, holding the lock; it ended with %v and said:\n%s", err, c.stderr.String())

		ok, err = l.TryLock()
		Expect(err).NotTo(HaveOccurred())
		Expect(ok).To(BeTrue(), "the process that held the lock has died, so TryLock must take it: an flock lock dies with the last open file that holds it")
		Expect(l.Unlock()).To(Succeed())
	}, processTimeout)
})
