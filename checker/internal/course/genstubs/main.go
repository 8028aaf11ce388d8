// Command genstubs writes stubs.tar.gz: the original text of every lesson's
// stub files (the .go files of lessons/NN-topic that are not tests), which
// the checker embeds so that "checker reset" can restore them without git.
//
// Run it from the kit's root after changing a stub: go generate ./checker/internal/course
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	root, out := os.Args[1], os.Args[2]
	files, err := filepath.Glob(filepath.Join(root, "lessons", "[0-9][0-9]-*", "*.go"))
	if err != nil {
		log.Fatal(err)
	}
	sort.Strings(files)
	var buf bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		// A fixed header: the archive depends on the stubs' text alone.
		h := &tar.Header{Name: filepath.ToSlash(rel), Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			log.Fatal(err)
		}
		tw.Write(b)
	}
	if err := tw.Close(); err != nil {
		log.Fatal(err)
	}
	gz.Close()
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
