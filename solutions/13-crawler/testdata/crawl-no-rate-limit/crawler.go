// threadlings:want fail

// RatePerSecond is ignored: every request goes as soon as a worker is
// free.
package crawler

import (
	"context"
	"net/http"
	"sync"
)

type Options struct {
	Workers       int
	MaxDepth      int
	RatePerSecond int
}

type Result struct {
	Pages  map[string]int
	Errors map[string]error
}

func Crawl(ctx context.Context, client *http.Client, start string, opts Options) (Result, error) {
	res := Result{Pages: map[string]int{}, Errors: map[string]error{}}
	slots := make(chan struct{}, max(opts.Workers, 1))
	var mu sync.Mutex
	seen := map[string]bool{start: true}
	level := []string{start}
	for depth := 0; depth <= opts.MaxDepth && len(level) > 0; depth++ {
		var next []string
		var wg sync.WaitGroup
	pages:
		for _, page := range level {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				break pages
			}
			wg.Go(func() {
				defer func() { <-slots }()
				found, err := fetch(ctx, client, page)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					res.Errors[page] = err
					return
				}
				res.Pages[page] = depth
				for _, link := range found {
					if !seen[link] {
						seen[link] = true
						next = append(next, link)
					}
				}
			})
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return res, err
		}
		level = next
	}
	return res, nil
}
