package cli

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"
	"sync"

	"golang.org/x/term"
)

// keyboard is the learner's keyboard in watch mode. On a terminal it reads
// single keys, without Enter, with the terminal in raw mode until restore;
// elsewhere (a pipe, a file, a test) one command per line.
type keyboard struct {
	in      io.Reader
	fd      int
	raw     bool
	old     *term.State
	restore func() // puts the terminal back as it was; safe to call many times
}

// interrupt is what the keyboard sends for Ctrl-C when the terminal does
// not turn it into a signal.
const interrupt = "\x03"

// openKeyboard puts a terminal on in into raw mode: every key reaches the
// checker at once. What the checker writes and Ctrl-C keep working as
// usual (see keysMode). Call restore on every way out.
func openKeyboard(in io.Reader) *keyboard {
	k := &keyboard{in: in, restore: func() {}}
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return k
	}
	k.fd = int(f.Fd())
	old, err := term.MakeRaw(k.fd)
	if err != nil {
		return k
	}
	if !keysMode(k.fd) {
		term.Restore(k.fd, old)
		return k
	}
	k.old, k.raw = old, true
	var once sync.Once
	k.restore = func() { once.Do(func() { term.Restore(k.fd, k.old) }) }
	return k
}

// restoreOnPanic is deferred by every goroutine of watch mode: a panic
// anywhere leaves the terminal as it found it, then goes on.
func (k *keyboard) restoreOnPanic() {
	if r := recover(); r != nil {
		k.restore()
		panic(r)
	}
}

// keys delivers the learner's commands until input ends or ctx is done:
// one lower-case key each ("h", "n", ...; interrupt for Ctrl-C).
func (k *keyboard) keys(ctx context.Context) <-chan string {
	out := make(chan string)
	go func() {
		defer k.restoreOnPanic()
		defer close(out)
		if k.in == nil {
			return
		}
		send := func(key string) bool {
			select {
			case out <- key:
				return true
			case <-ctx.Done():
				return false
			}
		}
		if k.raw {
			buf := make([]byte, 64)
			for {
				n, err := k.in.Read(buf)
				for _, b := range buf[:n] {
					var key string
					switch {
					case b == 3: // Ctrl-C
						key = interrupt
					case b == 4: // Ctrl-D
						key = "q"
					case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z':
						key = strings.ToLower(string(rune(b)))
					default: // Enter, arrows' escape sequences, ...
						continue
					}
					if !send(key) {
						return
					}
				}
				if err != nil {
					return
				}
			}
		}
		sc := bufio.NewScanner(k.in)
		for sc.Scan() {
			if !send(strings.ToLower(strings.TrimSpace(sc.Text()))) {
				return
			}
		}
	}()
	return out
}
