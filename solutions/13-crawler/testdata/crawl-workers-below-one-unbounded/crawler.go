// threadlings:want fail

// Workers below 1 is taken to mean no bound at all, where the doc says it
// counts as 1.

// Package crawler is lesson 13 of threadlings, the capstone: a web crawler
// that puts the whole course to work.
//
// This file builds Crawl. Given one page of a site, it fetches that page,
// then the pages it links to, then the pages those link to, and so on:
// several fetches at once, never more than it was told, each page only once,
// no deeper than it was told, politely spaced out in time, and ready to stop
// the moment its context is cancelled. A page that fails is written down and
// the crawl goes on without it.
package crawler

import (
	"context"
	"net/http"
	"sync"
)

// Options tell Crawl how to crawl.
type Options struct {
	// Workers is the most fetches in flight at once. Below 1 it counts as 1.
	Workers int

	// MaxDepth is how far Crawl goes from the start page. The depth of a page
	// is the number of links on the shortest path from the start page to it:
	// the start page has depth 0, the pages it links to depth 1, and so on.
	// Crawl fetches every page it can reach whose depth is at most MaxDepth,
	// and no page deeper than that. MaxDepth 0 fetches the start page alone.
	MaxDepth int

	// RatePerSecond, if above 0, is the most requests per second Crawl sends
	// to the site: two requests never start less than
	// time.Second/RatePerSecond apart (see Limiter). 0 means no limit.
	RatePerSecond int
}

// A Result is what a crawl found. Every page Crawl asked the site for is in
// exactly one of its two maps, including the pages of a crawl that was cut
// short (see Crawl).
type Result struct {
	// Pages maps the URL of every page fetched successfully to its depth.
	Pages map[string]int

	// Errors maps the URL of every page that could not be fetched (the
	// request failed, or the site answered with a status other than 200 OK)
	// to the error. The links of such a page are unknown, so Crawl does not
	// follow them.
	Errors map[string]error
}

// Crawl crawls the site that start belongs to, beginning at start and
// following the links that fetch finds, with client for every request, as
// opts say. A page is fetched at most once however many pages link to it and
// however many paths lead to it, and links always go round in circles on a
// real site. URLs are compared as the strings fetch returns, so start should
// be in that form too, path included ("http://host/", not "http://host").
//
// A page that fails goes into Result.Errors, and the crawl goes on with the
// rest: Crawl returns a nil error once every page within reach has been
// fetched, whether or not some of them failed.
//
// If ctx is cancelled, Crawl starts no more fetches, cuts short the ones in
// flight (fetch makes its request with the ctx it is given) and returns at
// once with what it has found so far and ctx.Err(). A page that Crawl had
// started on when ctx ended (it held a worker's place, and was waiting for
// its turn at the Limiter or being fetched) is in Result.Errors, with an
// error that wraps ctx's error; a page still waiting for a worker's place is
// in neither map. In every case, no goroutine that Crawl started is left
// running when it returns.
func Crawl(ctx context.Context, client *http.Client, start string, opts Options) (Result, error) {
	res := Result{Pages: map[string]int{}, Errors: map[string]error{}}
	limiter := NewLimiter(opts.RatePerSecond)
	slots := make(chan struct{}, max(opts.Workers, 1))
	var mu sync.Mutex // guards res, seen and next
	seen := map[string]bool{start: true}
	level := []string{start}
	// Level by level, so that every page of depth d has been found before
	// any of depth d+1 is fetched: fetches finish in any order, and a page
	// first reached by a long path may also be reachable by a short one.
	for depth := 0; depth <= opts.MaxDepth && len(level) > 0; depth++ {
		var next []string
		var wg sync.WaitGroup
	pages:
		for _, page := range level {
			if opts.Workers >= 1 {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					break pages
				}
			} else if ctx.Err() != nil {
				break pages
			}
			wg.Go(func() {
				if opts.Workers >= 1 {
					defer func() { <-slots }()
				}
				var found []string
				err := limiter.Wait(ctx)
				if err == nil {
					found, err = fetch(ctx, client, page)
				}
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
