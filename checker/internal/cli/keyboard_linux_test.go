package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

func nextKey(t *testing.T, keys <-chan string) string {
	t.Helper()
	select {
	case k := <-keys:
		return k
	case <-time.After(10 * time.Second):
		t.Fatal("no key within 10s")
		return ""
	}
}

// On a terminal each key arrives on its own, without Enter, and restore
// gives the terminal back exactly as it was.
func TestKeyboardOnATerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	defer ptmx.Close()
	defer tty.Close()
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	require.NoError(t, err)

	kb := openKeyboard(tty)
	require.True(t, kb.raw, "a terminal is read key by key")
	during, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	require.NoError(t, err)
	assert.Zero(t, during.Lflag&(unix.ICANON|unix.ECHO), "no line editing, no echo")
	assert.NotZero(t, during.Oflag&unix.OPOST, "output still processed: a newline goes back to the left")
	assert.NotZero(t, during.Lflag&unix.ISIG, "Ctrl-C still a signal")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	keys := kb.keys(ctx)
	_, err = ptmx.Write([]byte("hN\rq"))
	require.NoError(t, err)
	assert.Equal(t, "h", nextKey(t, keys))
	assert.Equal(t, "n", nextKey(t, keys), "upper case is the same key; Enter is no key")
	assert.Equal(t, "q", nextKey(t, keys))

	kb.restore()
	kb.restore() // twice is harmless
	after, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	require.NoError(t, err)
	assert.Equal(t, *before, *after)
}

// Elsewhere (a pipe, a file) a command is a line.
func TestKeyboardReadsLinesFromAPipe(t *testing.T) {
	kb := openKeyboard(strings.NewReader("h\n N \nq\n"))
	assert.False(t, kb.raw)
	keys := kb.keys(context.Background())
	var got []string
	for k := range keys {
		got = append(got, k)
	}
	assert.Equal(t, []string{"h", "n", "q"}, got)
}

// A panic in watch mode's goroutines restores the terminal on its way.
func TestRestoreOnPanic(t *testing.T) {
	restored := false
	kb := &keyboard{restore: func() { restored = true }}
	assert.PanicsWithValue(t, "boom", func() {
		defer kb.restoreOnPanic()
		panic("boom")
	})
	assert.True(t, restored)
}
