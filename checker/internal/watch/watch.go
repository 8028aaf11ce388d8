// Package watch tells when a lesson's files change: from file-system events
// where the system sends them, and by polling where it does not (network
// and some container file systems), both together so that neither is
// trusted alone. A change is reported once per new content: saving a file
// without changing it, or an editor writing it twice, is not a change.
package watch

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher.
type Options struct {
	Poll     time.Duration // how often to look without events; 500ms if zero
	Debounce time.Duration // quiet time after a change before it counts; 100ms if zero
}

// Change is a settled change of the watched files.
type Change struct {
	Saved time.Time // the newest modification time among the files
}

// Files watches the .go files of one directory and sends a Change on the
// returned channel each time their content settles into something new. The
// channel is closed when ctx is done.
func Files(ctx context.Context, dir string, o Options) <-chan Change {
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if o.Debounce <= 0 {
		o.Debounce = 100 * time.Millisecond
	}
	out := make(chan Change)
	// The first look is taken now, not in the goroutine: a save made as
	// soon as Files returns must count as a change.
	last, _ := snapshot(dir)
	go run(ctx, dir, o, last, out)
	return out
}

func run(ctx context.Context, dir string, o Options, last [32]byte, out chan<- Change) {
	defer close(out)
	var events <-chan fsnotify.Event
	if w, err := fsnotify.NewWatcher(); err == nil {
		defer w.Close()
		if w.Add(dir) == nil {
			events = w.Events
		}
	}
	poll := time.NewTicker(o.Poll)
	defer poll.Stop()
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if filepath.Ext(ev.Name) == ".go" {
				settle = time.After(o.Debounce)
			}
			continue
		case <-poll.C:
		case <-settle:
			settle = nil
		}
		sum, saved := snapshot(dir)
		if sum == last {
			continue
		}
		last = sum
		select {
		case out <- Change{Saved: saved}:
		case <-ctx.Done():
			return
		}
	}
}

// snapshot hashes the names and contents of dir's .go files and returns the
// newest modification time among them.
func snapshot(dir string) (sum [32]byte, newest time.Time) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		h.Write([]byte(filepath.Base(f) + "\x00"))
		h.Write(b)
		if info, err := os.Stat(f); err == nil && info.ModTime().After(newest) {
			newest = info.ModTime()
		}
	}
	copy(sum[:], h.Sum(nil))
	return sum, newest
}
