// threadlings:want fail

// A page is marked seen once it has been fetched, not when its link is
// found: the check and the mark are two steps with a fetch in between, so
// two goroutines holding the same link both fetch it.
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
	seen := map[string]bool{}
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
				mu.Lock()
				done := seen[page]
				mu.Unlock()
				if done {
					return
				}
				var found []string
				err := limiter.Wait(ctx)
				if err == nil {
					found, err = fetch(ctx, client, page)
				}
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					seen[page] = true
					res.Errors[page] = err
					return
				}
				seen[page] = true
				res.Pages[page] = depth
				for _, link := range found {
					if !seen[link] {
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
