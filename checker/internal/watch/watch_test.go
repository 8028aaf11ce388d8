package watch_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/watch"
)

func TestAChangeIsReportedOncePerNewContent(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	require.NoError(t, os.WriteFile(file, []byte("package a\n"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := watch.Files(ctx, dir, watch.Options{Poll: 50 * time.Millisecond, Debounce: 10 * time.Millisecond})

	require.NoError(t, os.WriteFile(file, []byte("package a // edited\n"), 0o644))
	select {
	case <-changes:
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported within 5s of a save")
	}
	// The same content again is not a change.
	require.NoError(t, os.WriteFile(file, []byte("package a // edited\n"), 0o644))
	select {
	case c := <-changes:
		t.Fatalf("a save without new content was reported: %v", c)
	case <-time.After(300 * time.Millisecond):
	}
	cancel()
	for range changes {
	}
}
