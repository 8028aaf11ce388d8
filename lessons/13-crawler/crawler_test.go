package crawler_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing/synctest"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	crawler "github.com/threadlings/threadlings/lessons/13-crawler"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// crawlTimeout is the real time of a crawl on the fake clock: a few
// milliseconds on a quiet machine, seconds on a busy one with the race
// detector on. A crawl that deadlocks fails at once anyway.
var crawlTimeout = SpecTimeout(10 * time.Second)

// cancelRounds is how many times a spec crawls when a wrong answer shows
// only by chance, one time in two: a wrong answer passes all of them less
// than once in a trillion runs.
const cancelRounds = 40

// crawl crawls s's server from "/" and returns the result with every URL
// turned back into a path, the error, and how long the crawl took.
func crawl(ctx context.Context, srv *spec.Server, client *http.Client, opts crawler.Options) (pages map[string]int, errs map[string]error, err error, took time.Duration) {
	start := time.Now()
	res, err := crawler.Crawl(ctx, client, srv.URL+"/", opts)
	took = time.Since(start)
	pages, errs = map[string]int{}, map[string]error{}
	for u, d := range res.Pages {
		pages[strings.TrimPrefix(u, srv.URL)] = d
	}
	for u, e := range res.Errors {
		errs[strings.TrimPrefix(u, srv.URL)] = e
	}
	return pages, errs, err, took
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// A countingTransport counts the requests in flight on the client's side.
type countingTransport struct {
	base     http.RoundTripper
	inFlight *spec.Gauge
}

func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.inFlight.Enter()
	defer t.inFlight.Leave()
	return t.base.RoundTrip(r)
}

// star is a site whose start page links to n pages that take delay each and
// link back to the start page.
func star(n int, delay time.Duration) map[string]page {
	pages := map[string]page{"/": {}}
	home := pages["/"]
	for i := 1; i <= n; i++ {
		path := fmt.Sprintf("/p%d", i)
		home.links = append(home.links, path)
		pages[path] = page{links: []string{"/"}, delay: delay}
	}
	pages["/"] = home
	return pages
}

var _ = Describe("Crawl", func() {
	It("fetches every reachable page exactly once", spec.Bubble, crawlTimeout, func() {
		pages := generated(40)
		s := newSite(pages)
		srv := s.start()
		defer srv.Close()
		got, errs, err, _ := crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 4, MaxDepth: 100})
		Expect(err).NotTo(HaveOccurred(), "Crawl returns an error only when its context ends; failing pages go into Result.Errors")
		fetched := s.fetched()
		var twice []string
		for _, path := range sortedKeys(fetched) {
			if fetched[path] > 1 {
				twice = append(twice, fmt.Sprintf("%s %d times", path, fetched[path]))
			}
		}
		Expect(twice).To(BeEmpty(),
			"pages were fetched more than once (%s): the links go round in circles, so keep a set of the URLs seen and never fetch one twice", strings.Join(twice, ", "))
		want := sortedKeys(depths(pages, 100))
		Expect(sortedKeys(fetched)).To(Equal(want), "Crawl must fetch every page it can reach from the start page, and no other")
		found := sortedKeys(got)
		found = append(found, sortedKeys(errs)...)
		slices.Sort(found)
		Expect(found).To(Equal(want), "every page fetched must be in the Result: in Pages if it was fetched successfully, in Errors if not")
	})

	It("fetches a page that two pages link to only once", spec.Bubble, crawlTimeout, func() {
		pages := map[string]page{
			"/":  {links: []string{"/a", "/b"}},
			"/a": {links: []string{"/x"}, delay: time.Second},
			"/b": {links: []string{"/x"}, delay: time.Second},
			"/x": {links: []string{"/", "/a"}, delay: time.Second},
		}
		s := newSite(pages)
		srv := s.start()
		defer srv.Close()
		crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 4, MaxDepth: 5})
		Expect(s.fetched()["/x"]).To(Equal(1),
			"/a and /b both link to /x and finish at the same moment; /x was fetched %d times: checking whether a URL was seen and marking it seen must be one step under one lock, done when the link is found (not after the page is fetched)", s.fetched()["/x"])
	})

	It("keeps at most Workers fetches in flight, and that many at once", spec.Bubble, crawlTimeout, func() {
		s := newSite(star(12, time.Second))
		srv := s.start()
		defer srv.Close()
		crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 3, MaxDepth: 1})
		Expect(s.inFlight.Total()).To(Equal(13), "the start page and its 12 links must each be fetched once")
		Expect(s.inFlight.Max()).To(BeNumerically("<=", 3), s.inFlight.Explain(
			"%d fetches were in flight at once with Workers: 3: take a place in a semaphore (a buffered channel of size Workers) before each fetch and give it back after", s.inFlight.Max()))
		Expect(s.inFlight.Max()).To(Equal(3), s.inFlight.Explain(
			"only %d fetches ran at a time with Workers: 3: the 12 pages of depth 1 must be fetched by 3 goroutines at once", s.inFlight.Max()))
	})

	It("fetches no page deeper than MaxDepth", spec.Bubble, crawlTimeout, func() {
		pages := generated(40)
		for _, maxDepth := range []int{0, 1, 2, 3} {
			s := newSite(pages)
			srv := s.start()
			got, _, err, _ := crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 4, MaxDepth: maxDepth})
			srv.Close()
			Expect(err).NotTo(HaveOccurred())
			all := depths(pages, 100)
			want := depths(pages, maxDepth)
			var deeper, missing []string
			for _, path := range sortedKeys(s.fetched()) {
				if _, ok := want[path]; !ok {
					deeper = append(deeper, fmt.Sprintf("%s (depth %d)", path, all[path]))
				}
			}
			for _, path := range sortedKeys(want) {
				if s.fetched()[path] == 0 {
					missing = append(missing, fmt.Sprintf("%s (depth %d)", path, want[path]))
				}
			}
			Expect(deeper).To(BeEmpty(), "with MaxDepth: %d, Crawl fetched pages deeper than that: %s", maxDepth, strings.Join(deeper, ", "))
			Expect(missing).To(BeEmpty(), "with MaxDepth: %d, Crawl must fetch every page up to that depth, start page 0, but missed %s", maxDepth, strings.Join(missing, ", "))
			for path, d := range got {
				Expect(d).To(Equal(want[path]), "with MaxDepth: %d, Result.Pages gives %s depth %d, want %d (the number of links from the start page)", maxDepth, path, d, want[path])
			}
		}
	})

	It("returns once no page is left, however large MaxDepth is", spec.Bubble, crawlTimeout, func() {
		s := newSite(star(3, 0))
		srv := s.start()
		defer srv.Close()
		got, _, err, _ := crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 2, MaxDepth: math.MaxInt})
		Expect(err).NotTo(HaveOccurred())
		Expect(sortedKeys(got)).To(Equal([]string{"/", "/p1", "/p2", "/p3"}),
			"with MaxDepth: math.MaxInt (no limit, in effect), Crawl must fetch the whole site and return once no page is left to fetch, not go on through empty levels")
	})

	It("measures depth along the shortest path, even when that path is slow", spec.Bubble, crawlTimeout, func() {
		// /c is two links away through the slow page /a, three through the
		// quick pages /b and /d, which find it long before /a is done.
		pages := map[string]page{
			"/":  {links: []string{"/a", "/b"}},
			"/a": {links: []string{"/c"}, delay: 5 * time.Second},
			"/b": {links: []string{"/d"}, delay: time.Second},
			"/d": {links: []string{"/c"}, delay: time.Second},
			"/c": {links: []string{"/e"}, delay: time.Second},
			"/e": {links: []string{"/f"}, delay: time.Second},
			"/f": {delay: time.Second},
		}
		s := newSite(pages)
		srv := s.start()
		defer srv.Close()
		got, _, err, _ := crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 4, MaxDepth: 3})
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(HaveKeyWithValue("/c", 2),
			"/c is 2 links from the start (through /a, which is slow) and 3 through /b and /d (quick): Result.Pages says %v. Fetches finish in any order: finish all pages of one depth before you fetch the next depth", got)
		Expect(s.fetched()).To(HaveKey("/e"),
			"/e is 3 links from the start (through /a and /c) and MaxDepth is 3, but it was never fetched: /c was taken for a page of depth 3. Finish all pages of one depth before you fetch the next depth")
		Expect(s.fetched()).NotTo(HaveKey("/f"), "/f is 4 links from the start, deeper than MaxDepth 3")
	})

	It("records failing pages and crawls on", spec.Bubble, crawlTimeout, func() {
		pages := map[string]page{
			"/":        {links: []string{"/gone", "/broken", "/slow"}},
			"/broken":  {links: []string{"/never"}, status: http.StatusInternalServerError},
			"/slow":    {links: []string{"/deeper"}, delay: 2 * time.Second},
			"/deeper":  {links: []string{"/deepest", "/gone"}, delay: time.Second},
			"/deepest": {links: []string{"/broken", "/"}, delay: time.Second},
			"/never":   {},
		}
		s := newSite(pages)
		srv := s.start()
		defer srv.Close()
		got, errs, err, _ := crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 2, MaxDepth: 10})
		Expect(err).NotTo(HaveOccurred(),
			"pages failed, but that is no reason to fail the crawl: put them in Result.Errors, go on with the others and return a nil error")
		Expect(sortedKeys(errs)).To(Equal([]string{"/broken", "/gone"}),
			"/gone answers 404 and /broken 500: Result.Errors must hold exactly those two pages")
		for path, e := range errs {
			Expect(e).To(HaveOccurred(), "Result.Errors[%s] must be the error that fetch returned, not nil", path)
		}
		Expect(got).To(Equal(map[string]int{"/": 0, "/slow": 1, "/deeper": 2, "/deepest": 3}),
			"the quick failures of /gone and /broken must not stop the crawl: /slow, /deeper and /deepest are still to be fetched, got %v", got)
		Expect(s.fetched()).NotTo(HaveKey("/never"), "/never is linked only from /broken, which failed: its links are unknown")
		Expect(s.fetched()["/broken"]).To(Equal(1), "/broken failed once: it must not be fetched again when /deepest links to it")
	})

	It("stops at once when the context is cancelled", spec.Bubble, crawlTimeout, func() {
		s := newSite(star(6, 10*time.Second))
		srv := s.start()
		defer srv.Close()
		var requests spec.Gauge
		client := &http.Client{Transport: countingTransport{base: srv.Client().Transport, inFlight: &requests}}
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
		defer cancel()
		got, _, err, took := crawl(ctx, srv, client, crawler.Options{Workers: 3, MaxDepth: 1})
		Expect(took).To(Equal(4*time.Second),
			"the context ended 4 s into the crawl, while three 10 s pages were in flight; Crawl returned after %v: pass ctx to fetch, and stop waiting for a worker's place when ctx is done", took)
		Expect(err).To(MatchError(context.DeadlineExceeded), "a crawl cut short by its context must return ctx.Err()")
		synctest.Wait() // let everything that is not stuck come to rest
		n := requests.Now()
		Expect(n).To(BeZero(),
			"Crawl returned, but %d of its requests are still going on: make every request with ctx, and wait for every goroutine you started before returning", n)
		Expect(got).To(HaveKeyWithValue("/", 0), "the start page was fetched before the context ended: it belongs in Result.Pages")
		time.Sleep(time.Minute)
		Expect(s.total()).To(Equal(4),
			"after the context ended, Crawl must not start any more fetches: the site got %d requests, want 4 (the start page and the three in flight)", s.total())
	})

	It("puts every page it asked for in one map when it is cut short", spec.Bubble, crawlTimeout, func() {
		s := newSite(star(6, 10*time.Second))
		srv := s.start()
		defer srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
		defer cancel()
		got, errs, err, _ := crawl(ctx, srv, srv.Client(), crawler.Options{Workers: 3, MaxDepth: 1})
		Expect(err).To(MatchError(context.DeadlineExceeded), "a crawl cut short by its context must return ctx.Err()")
		Expect(got).To(Equal(map[string]int{"/": 0}), "only the start page was fetched before the context ended")
		expectAccounted(s, got, errs, context.DeadlineExceeded)
		Expect(errs).To(HaveLen(3), "the three pages in flight were cut short: they belong in Result.Errors, and the three still waiting for a worker's place in neither map; got %v", sortedKeys(errs))
	})

	It("starts no page of the next level after the context is cancelled", spec.Bubble, crawlTimeout, func() {
		// When the context ends, /slow is in flight and /a has found /x and
		// /y, the next level. A crawl that goes on to that level anyway
		// reaches a select between a free worker's place and ctx.Done(),
		// both ready, and Go picks one of them at random: each round catches
		// it with a chance of one half, so the spec crawls many times.
		pages := map[string]page{
			"/":     {links: []string{"/a", "/slow"}},
			"/a":    {links: []string{"/x", "/y", "/"}, delay: time.Second},
			"/slow": {delay: 10 * time.Second},
			"/x":    {delay: time.Second},
			"/y":    {delay: time.Second},
		}
		for range cancelRounds {
			s := newSite(pages)
			srv := s.start()
			ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
			got, errs, err, _ := crawl(ctx, srv, srv.Client(), crawler.Options{Workers: 2, MaxDepth: 2})
			cancel()
			srv.Close()
			Expect(err).To(MatchError(context.DeadlineExceeded), "a crawl cut short by its context must return ctx.Err()")
			expectAccounted(s, got, errs, context.DeadlineExceeded)
			var late []string
			for _, path := range sortedKeys(errs) {
				if !failing(s.pages, path) && s.fetched()[path] == 0 {
					late = append(late, path)
				}
			}
			Expect(late).To(BeEmpty(),
				"the context ended 4 s into the crawl, while /slow was in flight and /a (done at 1 s) had found /x and /y; Result.Errors holds pages the site was never asked for (%s): Crawl started on them after the context had ended, and their fetch failed at once. Once ctx is done, start no more fetches, and leave the pages that were still waiting for a worker's place out of both maps: check ctx.Err() once a level's fetches are done, and return. (A select on a free worker's place and ctx.Done() alone does not stop the next level: when both are ready, Go picks one at random.)",
				strings.Join(late, ", "))
		}
	})

	It("stops at once when the context ends while it waits for the Limiter", spec.Bubble, crawlTimeout, func() {
		s := newSite(star(8, 0))
		srv := s.start()
		defer srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
		defer cancel()
		got, errs, err, took := crawl(ctx, srv, srv.Client(), crawler.Options{Workers: 4, MaxDepth: 1, RatePerSecond: 1})
		Expect(err).To(MatchError(context.DeadlineExceeded), "a crawl cut short by its context must return ctx.Err()")
		Expect(took).To(Equal(2500*time.Millisecond),
			"the context ended 2.5 s into the crawl while workers waited for their turn at the Limiter (one request a second); Crawl returned after %v: wait for the Limiter with the crawl's ctx, not context.Background()", took)
		time.Sleep(time.Minute)
		Expect(s.total()).To(Equal(3), "one request a second from 0 s, and the context ended at 2.5 s: the site must get 3 requests, not %d", s.total())
		expectAccounted(s, got, errs, context.DeadlineExceeded)
		Expect(got).To(HaveLen(3), "the start page and the two pages fetched at 1 s and 2 s belong in Result.Pages, got %v", got)
		Expect(errs).To(HaveLen(4),
			"four workers held a place and waited for their turn at the Limiter when the context ended: their pages belong in Result.Errors, with ctx's error, and the two pages still waiting for a place in neither map; got %v", sortedKeys(errs))
	})

	It("counts Workers below 1 as 1", spec.Bubble, crawlTimeout, func() {
		for _, workers := range []int{0, -3} {
			s := newSite(star(4, time.Second))
			srv := s.start()
			_, _, err, took := crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: workers, MaxDepth: 1})
			srv.Close()
			Expect(err).NotTo(HaveOccurred())
			Expect(s.inFlight.Total()).To(Equal(5), "the start page and its 4 links must each be fetched once")
			Expect(s.inFlight.Max()).To(Equal(1), s.inFlight.Explain(
				"%d fetches were in flight at once with Workers: %d, which counts as 1: a bound below 1 is no reason to have no bound (max(opts.Workers, 1))", s.inFlight.Max(), workers))
			Expect(took).To(Equal(4*time.Second), s.inFlight.Explain("four 1 s pages one at a time take 4 s"))
		}
	})

	It("spaces its requests by 1/RatePerSecond", spec.Bubble, crawlTimeout, func() {
		s := newSite(star(10, 0))
		// The n-th request takes arrival[n]: the 2nd, 3rd and 4th requests
		// end at the same moment, freeing three workers at once.
		s.arrival = []time.Duration{0, 1500 * time.Millisecond, 1250 * time.Millisecond, time.Second, time.Second}
		srv := s.start()
		defer srv.Close()
		const interval = 250 * time.Millisecond
		crawl(context.Background(), srv, srv.Client(), crawler.Options{Workers: 4, MaxDepth: 1, RatePerSecond: 4})
		starts := s.startTimes()
		Expect(starts).To(HaveLen(11), "the start page and its 10 links must each be fetched once")
		var tooClose []string
		for i := 1; i < len(starts); i++ {
			if gap := starts[i].Sub(starts[i-1]); gap < interval {
				tooClose = append(tooClose, fmt.Sprintf("requests %d and %d %v apart", i, i+1, gap))
			}
		}
		Expect(tooClose).To(BeEmpty(), s.inFlight.Explain(
			"with RatePerSecond: 4, requests must start at least 250 ms apart, but %s: wait for the Limiter right before each fetch, after taking a worker's place", strings.Join(tooClose, ", ")))
		Expect(s.inFlight.Max()).To(BeNumerically(">=", 2), s.inFlight.Explain(
			"the pages take longer than 250 ms, so several fetches should be in flight at once; only one was: the Limiter spaces out the starts of the requests, it must not make them wait for one another"))
	})
})

// expectAccounted checks a crawl that ctx cut short with ctxErr: every page
// the site was asked for is in exactly one of the Result's maps, and every
// page in Errors that does not fail by itself was cut short by ctx.
func expectAccounted(s *site, pages map[string]int, errs map[string]error, ctxErr error) {
	GinkgoHelper()
	var lost, both []string
	for _, path := range sortedKeys(s.fetched()) {
		_, ok := pages[path]
		_, bad := errs[path]
		switch {
		case ok && bad:
			both = append(both, path)
		case !ok && !bad:
			lost = append(lost, path)
		}
	}
	Expect(both).To(BeEmpty(), "pages in both Result.Pages and Result.Errors: %s", strings.Join(both, ", "))
	Expect(lost).To(BeEmpty(),
		"the site was asked for %s, but the Result has them in neither map: a page whose fetch the context cut short belongs in Result.Errors, with the error that fetch returned", strings.Join(lost, ", "))
	for path, err := range errs {
		if !failing(s.pages, path) {
			Expect(errors.Is(err, ctxErr)).To(BeTrue(), "Result.Errors[%s] is %v; the page does not fail by itself, so it must have been cut short, with an error that wraps ctx's error (%v)", path, err, ctxErr)
		}
	}
}
