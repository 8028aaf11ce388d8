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
	Poll time.Duration // how often to look without events; 500ms if zero
	// Debounce is the quiet time after an event before the files are read,
	// and again before new content counts (it must read the same twice):
	// long enough for an editor to finish writing, short enough that the
	// learner sees the run start at once. 30ms if zero.
	Debounce time.Duration
}

// Change is a settled change of one watched directory's files.
type Change struct {
	Dir   string    // the directory whose files changed, as given to Files
	Saved time.Time // the newest modification time among its files
}

// Files watches the .go files of each of dirs and sends a Change on the
// returned channel each time one directory's content settles into
// something new. The channel is closed when ctx is done.
func Files(ctx context.Context, dirs []string, o Options) <-chan Change {
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if o.Debounce <= 0 {
		o.Debounce = 30 * time.Millisecond
	}
	out := make(chan Change)
	// The first look is taken now, not in the goroutine: a save made as
	// soon as Files returns must count as a change.
	// So is the file system's watch: an event is then sure for such a save.
	var w *fsnotify.Watcher
	if fw, err := fsnotify.NewWatcher(); err == nil {
		w = fw
		added := 0
		for _, d := range dirs {
			if w.Add(d) == nil {
				added++
			}
		}
		if added == 0 {
			w.Close()
			w = nil
		}
	}
	last := make(map[string][32]byte, len(dirs))
	for _, d := range dirs {
		last[d], _ = snapshot(d)
	}
	go run(ctx, dirs, o, w, last, out)
	return out
}

func run(ctx context.Context, dirs []string, o Options, w *fsnotify.Watcher, last map[string][32]byte, out chan<- Change) {
	defer close(out)
	var events <-chan fsnotify.Event
	if w != nil {
		defer w.Close()
		events = w.Events
	}
	poll := time.NewTicker(o.Poll)
	defer poll.Stop()
	var settle <-chan time.Time
	dirty := map[string]bool{}    // directories with events since the last look
	seen := map[string][32]byte{} // new content seen once, to be seen again before it counts
	for {
		var look []string
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if filepath.Ext(ev.Name) == ".go" {
				dirty[filepath.Dir(ev.Name)] = true
				if settle == nil {
					settle = time.After(o.Debounce)
				}
			}
			continue
		case <-poll.C:
			look = dirs
		case <-settle:
			settle = nil
			for _, d := range dirs {
				if dirty[filepath.Clean(d)] {
					look = append(look, d)
				}
			}
			clear(dirty)
		}
		for _, d := range look {
			sum, saved := snapshot(d)
			if sum == last[d] {
				delete(seen, d)
				continue
			}
			// New content counts once it holds still for a debounce: a
			// file caught between its truncation and its write (an editor
			// saving in place, on a busy machine) is not a change.
			if prev, ok := seen[d]; !ok || prev != sum {
				seen[d] = sum
				dirty[filepath.Clean(d)] = true
				if settle == nil {
					settle = time.After(o.Debounce)
				}
				continue
			}
			delete(seen, d)
			last[d] = sum
			select {
			case out <- Change{Dir: d, Saved: saved}:
			case <-ctx.Done():
				return
			}
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
