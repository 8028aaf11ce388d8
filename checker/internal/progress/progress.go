// Package progress keeps a learner's progress in one small file in the kit:
// for each lesson, how many specs passed at the last run. Grading never reads
// it.
package progress

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// File is where progress is kept, relative to the kit's root.
const File = ".threadlings/progress.json"

// Lesson is the last result of one lesson.
type Lesson struct {
	Passed int       `json:"passed"`
	Total  int       `json:"total"`
	At     time.Time `json:"at,omitzero"`
	Hints  int       `json:"hints,omitempty"` // hint tiers shown so far
}

// Done reports whether every spec passed.
func (l Lesson) Done() bool { return l.Total > 0 && l.Passed == l.Total }

// State is the whole file: lesson directory → last result.
type State struct {
	Lessons map[string]Lesson `json:"lessons"`
}

// Load reads the state of the kit at root. A missing file is an empty state.
func Load(root string) (*State, error) {
	s := &State{Lessons: map[string]Lesson{}}
	b, err := os.ReadFile(filepath.Join(root, File))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, errors.New("progress file " + File + " is damaged (delete it to start over): " + err.Error())
	}
	if s.Lessons == nil {
		s.Lessons = map[string]Lesson{}
	}
	return s, nil
}

// Save writes the state of the kit at root, atomically.
func (s *State) Save(root string) error {
	path := filepath.Join(root, File)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
