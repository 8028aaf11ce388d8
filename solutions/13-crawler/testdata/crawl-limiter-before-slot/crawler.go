// threadlings:want fail

// The crawl takes its turn from the Limiter before it has a worker's
// place: a request that then waits for a place starts late, right next to
// the one after it.
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
	limiter := NewLimiter(opts.RatePerSecond)
	slots := make(chan struct{}, max(opts.Workers, 1))
	var mu sync.Mutex
	seen := map[string]bool{start: true}
	level := []string{start}
	for depth := 0; depth <= opts.MaxDepth && len(level) > 0; depth++ {
		var next []string
		var wg sync.WaitGroup
	pages:
		for _, page := range level {
			if limiter.Wait(ctx) != nil {
				break pages
			}
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
