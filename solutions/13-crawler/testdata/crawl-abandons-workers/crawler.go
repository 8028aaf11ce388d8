// threadlings:want leak

// Results come back on an unbuffered channel, and a cancelled crawl
// stops reading it and returns: the workers still to report block on their
// send forever.
package crawler

import (
	"context"
	"net/http"
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
	type outcome struct {
		page  string
		links []string
		err   error
	}
	res := Result{Pages: map[string]int{}, Errors: map[string]error{}}
	limiter := NewLimiter(opts.RatePerSecond)
	slots := make(chan struct{}, max(opts.Workers, 1))
	seen := map[string]bool{start: true}
	level := []string{start}
	for depth := 0; depth <= opts.MaxDepth && len(level) > 0; depth++ {
		results := make(chan outcome)
		go func() {
			for _, page := range level {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				go func() {
					defer func() { <-slots }()
					var found []string
					err := limiter.Wait(ctx)
					if err == nil {
						found, err = fetch(ctx, client, page)
					}
					results <- outcome{page, found, err}
				}()
			}
		}()
		var next []string
		for range level {
			select {
			case <-ctx.Done():
				return res, ctx.Err()
			case o := <-results:
				if o.err != nil {
					res.Errors[o.page] = o.err
					continue
				}
				res.Pages[o.page] = depth
				for _, link := range o.links {
					if !seen[link] {
						seen[link] = true
						next = append(next, link)
					}
				}
			}
		}
		level = next
	}
	return res, nil
}
