package crawler_test

// Benchmarks, not specs: they run on the real clock, and only when asked:
//
//	go test -run '^$' -bench . -cpu 1,2 ./lessons/13-crawler/
//
// BenchmarkCrawlIO is I/O-bound work: every page takes the server 2 ms of
// waiting, and the server answers at most serverCapacity requests at a time,
// like a real server with a fixed number of workers of its own. More workers
// help until they keep the server full; beyond that they only queue up at
// its door. BenchmarkCrawlCPU is CPU-bound work: pages arrive at once but are
// long, full of links to other sites that the crawler must parse and throw
// away. More workers help until every core is busy, and not at all when
// GOMAXPROCS is 1.

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	crawler "github.com/threadlings/threadlings/lessons/13-crawler"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

const (
	benchPages     = 64 // pages besides the start page
	serverCapacity = 8  // requests the I/O benchmark's server serves at once
)

// benchSite is a start page linking to benchPages pages, each of which links
// to two of the others and back to the start page.
func benchSite(delay time.Duration) map[string]page {
	pages := star(benchPages, delay)
	for i := 1; i <= benchPages; i++ {
		p := pages[fmt.Sprintf("/p%d", i)]
		p.links = append(p.links, fmt.Sprintf("/p%d", i%benchPages+1), fmt.Sprintf("/p%d", (i+6)%benchPages+1))
		pages[fmt.Sprintf("/p%d", i)] = p
	}
	return pages
}

var workerCounts = []int{1, 2, 4, 8, 16, 64}

func benchCrawl(b *testing.B, srv *spec.Server, workers int) {
	for b.Loop() {
		res, err := crawler.Crawl(context.Background(), srv.Client(), srv.URL+"/", crawler.Options{Workers: workers, MaxDepth: 10})
		if err != nil || len(res.Pages) != benchPages+1 {
			b.Fatalf("crawl found %d pages (want %d), error %v", len(res.Pages), benchPages+1, err)
		}
	}
	b.ReportMetric(float64((benchPages+1)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

func BenchmarkCrawlIO(b *testing.B) {
	pages := benchSite(2 * time.Millisecond)
	for _, workers := range workerCounts {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			s := newSite(pages)
			door := make(chan struct{}, serverCapacity)
			srv := spec.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				door <- struct{}{}
				defer func() { <-door }()
				s.serve(w, r)
			}))
			defer srv.Close()
			benchCrawl(b, srv, workers)
		})
	}
}

func BenchmarkCrawlCPU(b *testing.B) {
	pages := benchSite(0)
	// 500 links to another site on every page, written once.
	var filler strings.Builder
	for i := range 500 {
		fmt.Fprintf(&filler, "<li><a href=\"https://elsewhere.test/item/%d?ref=threadlings&amp;n=%d\">item %d</a></li>\n", i, i, i)
	}
	bodies := map[string]string{}
	for path, p := range pages {
		bodies[path] = body("threadlings.test", p.links) + filler.String()
	}
	for _, workers := range workerCounts[:4] {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			srv := spec.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if text, ok := bodies[r.URL.Path]; ok {
					fmt.Fprint(w, text)
					return
				}
				http.NotFound(w, r)
			}))
			defer srv.Close()
			benchCrawl(b, srv, workers)
		})
	}
}
