package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/watch"
)

func TestAChangeIsReportedOncePerNewContent(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	require.NoError(t, os.WriteFile(file, []byte("package a\n"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := watch.Files(ctx, []string{dir}, watch.Options{Poll: 50 * time.Millisecond, Debounce: 10 * time.Millisecond})

	require.NoError(t, os.WriteFile(file, []byte("package a // edited\n"), 0o644))
	select {
	case c := <-changes:
		assert.Equal(t, dir, c.Dir)
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported within 5s of a save")
	}
	// os.WriteFile empties the file before it writes: on a busy machine the
	// watcher may read it empty, and then report the edit a second time.
	// Let those reports pass first.
	for quiet := false; !quiet; {
		select {
		case <-changes:
		case <-time.After(300 * time.Millisecond):
			quiet = true
		}
	}
	// The same content again is not a change. It is written over itself,
	// never emptied, so that no read can see anything else: only the
	// file's time changes.
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteAt([]byte("package a // edited\n"), 0)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	select {
	case c := <-changes:
		t.Fatalf("a save without new content was reported: %v", c)
	case <-time.After(300 * time.Millisecond):
	}
	cancel()
	for range changes {
	}
}

// Every directory given is watched, and a change names the directory it
// happened in: watch mode runs an earlier lesson again when one of its
// files is saved.
func TestEachDirectoryIsWatchedAndNamed(t *testing.T) {
	first, second := t.TempDir(), t.TempDir()
	for _, d := range []string{first, second} {
		require.NoError(t, os.WriteFile(filepath.Join(d, "a.go"), []byte("package a\n"), 0o644))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// A long poll: the change must come from the file system's events.
	changes := watch.Files(ctx, []string{first, second}, watch.Options{Poll: time.Hour})
	for _, d := range []string{first, second, first} {
		require.NoError(t, os.WriteFile(filepath.Join(d, "a.go"), []byte("package a // "+time.Now().String()+"\n"), 0o644))
		select {
		case c := <-changes:
			assert.Equal(t, d, c.Dir)
			assert.False(t, c.Saved.IsZero())
		case <-time.After(10 * time.Second):
			t.Fatalf("no change of %s reported within 10s of a save", d)
		}
	}
}

// Where there are no events (the directory cannot be watched, or the file
// system sends none), polling still finds the change.
func TestPollingFindsWhatEventsMiss(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	require.NoError(t, os.WriteFile(file, []byte("package a\n"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The directory is created after the watch started: no event can
	// come from it, only the poll sees it.
	late := filepath.Join(dir, "late")
	changes := watch.Files(ctx, []string{late}, watch.Options{Poll: 20 * time.Millisecond})
	require.NoError(t, os.Mkdir(late, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(late, "b.go"), []byte("package b\n"), 0o644))
	select {
	case c := <-changes:
		assert.Equal(t, late, c.Dir)
	case <-time.After(10 * time.Second):
		t.Fatal("polling did not find the change")
	}
}
