// Package cache keeps results on disk under a key that hashes everything
// they were computed from, the way go test keeps test results: the same
// inputs give the stored result back, and any change to an input gives a new
// key.
//
// A cache is a directory. The zero Dir is a cache that keeps nothing, so a
// caller that wants no cache passes "". Entries are written atomically; a
// missing, unreadable or foreign entry is a miss, never an error.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Env names the environment variable that sets the cache directory of
// commands that cache by default; "off" turns their cache off.
const Env = "THREADLINGS_CACHE"

// Dir is a cache directory. The zero Dir keeps nothing.
type Dir string

// Default returns the cache directory named by $THREADLINGS_CACHE, or
// threadlings in the user's cache directory; the zero Dir if the variable
// is "off" or there is no user cache directory.
func Default() Dir {
	switch v := os.Getenv(Env); v {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return Dir(filepath.Join(base, "threadlings"))
	default:
		return Dir(v)
	}
}

// Load reads the entry stored under key into v and reports whether there
// was one.
func (d Dir) Load(key string, v any) bool {
	if d == "" || key == "" {
		return false
	}
	b, err := os.ReadFile(d.path(key))
	if err != nil {
		return false
	}
	return json.Unmarshal(b, v) == nil
}

// Store keeps v under key. A failure to write is not reported: the cache
// only saves time.
func (d Dir) Store(key string, v any) {
	if d == "" || key == "" {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	path := d.path(key)
	if os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "tmp-")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return
	}
	if os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

func (d Dir) path(key string) string {
	return filepath.Join(string(d), key[:min(2, len(key))], key+".json")
}

// Key builds a key from named inputs. The zero Key is not usable; call
// NewKey. The order of calls matters.
type Key struct {
	h   hash.Hash
	err error
}

// NewKey starts a key for results of one kind ("run", "grade", ...), so
// that different kinds never share a key. Every key includes the checker
// itself (see Checker).
func NewKey(kind string) *Key {
	k := &Key{h: sha256.New()}
	k.Add("kind", kind)
	if c := Checker(); c == "" {
		k.err = fmt.Errorf("cannot read the checker's own executable")
	} else {
		k.Add("checker", c)
	}
	return k
}

// Add adds a named value.
func (k *Key) Add(name, value string) *Key {
	fmt.Fprintf(k.h, "%s %d\n%s\n", name, len(value), value)
	return k
}

// File adds the contents of the file at path under name; a missing file is
// an input too.
func (k *Key) File(name, path string) *Key {
	b, err := os.ReadFile(path)
	switch {
	case os.IsNotExist(err):
		return k.Add(name, "\x00missing")
	case err != nil:
		k.err = err
		return k
	}
	return k.Add(name, string(b))
}

// Tree adds every regular file under dir (symbolic links to files
// followed), by its path relative to dir.
func (k *Key) Tree(dir string) *Key {
	var files []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		k.err = err
		return k
	}
	sort.Strings(files)
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		k.File(filepath.ToSlash(rel), f)
	}
	return k
}

// Sum returns the key, or an error if an input could not be read.
func (k *Key) Sum() (string, error) {
	if k.err != nil {
		return "", k.err
	}
	return hex.EncodeToString(k.h.Sum(nil))[:40], nil
}

// Checker returns a hash of the running executable, or "" if it cannot be
// read: a new checker may compute a result differently, so it does not take
// an old one's results.
var Checker = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
