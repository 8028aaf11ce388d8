// threadlings:want fail

// A pool of workers fed from one queue, the way most first crawlers look:
// each page gets the depth of the path it was first found by. Fetches finish
// in any order, so that may be a longer path than the shortest one.
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
	type job struct {
		page  string
		depth int
	}
	type outcome struct {
		job
		links []string
		err   error
	}
	res := Result{Pages: map[string]int{}, Errors: map[string]error{}}
	limiter := NewLimiter(opts.RatePerSecond)
	jobs := make(chan job)
	results := make(chan outcome)
	var wg sync.WaitGroup
	for range max(opts.Workers, 1) {
		wg.Go(func() {
			for j := range jobs {
				var found []string
				err := limiter.Wait(ctx)
				if err == nil {
					found, err = fetch(ctx, client, j.page)
				}
				results <- outcome{j, found, err}
			}
		})
	}
	defer wg.Wait()
	defer close(jobs)

	seen := map[string]bool{start: true}
	queue := []job{{start, 0}}
	busy := 0
	for len(queue) > 0 || busy > 0 {
		var send chan job
		var first job
		if len(queue) > 0 {
			send, first = jobs, queue[0]
		}
		select {
		case <-ctx.Done():
			for ; busy > 0; busy-- {
				<-results
			}
			return res, ctx.Err()
		case send <- first:
			queue = queue[1:]
			busy++
		case o := <-results:
			busy--
			if o.err != nil {
				res.Errors[o.page] = o.err
				continue
			}
			res.Pages[o.page] = o.depth
			if o.depth == opts.MaxDepth {
				continue
			}
			for _, link := range o.links {
				if !seen[link] {
					seen[link] = true
					queue = append(queue, job{link, o.depth + 1})
				}
			}
		}
	}
	return res, nil
}
