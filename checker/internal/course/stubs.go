package course

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"path"
)

//go:generate go run ./genstubs ../../.. stubs.tar.gz

// stubsArchive holds the original text of every lesson's stub files, as the
// kit ships them. A learner's copy of the kit changes the files on disk;
// this copy, inside the checker, does not.
//
//go:embed stubs.tar.gz
var stubsArchive []byte

// Originals returns the original text of lesson l's stub files, by file
// name.
func Originals(l Lesson) (map[string][]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(stubsArchive))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	files := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if path.Dir(h.Name) != l.LessonPath() {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files[path.Base(h.Name)] = b
	}
	for _, stub := range l.Stubs {
		if _, ok := files[stub]; !ok {
			return nil, fmt.Errorf("the checker has no original of %s/%s: rebuild it (make build)", l.LessonPath(), stub)
		}
	}
	return files, nil
}
