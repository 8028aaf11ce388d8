package crawler_test

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// A page of a test site: the paths it links to, how long the server takes
// to answer it, and the status it answers with (0 is 200 OK).
type page struct {
	links  []string
	delay  time.Duration
	status int
}

// A site serves pages from a map of path to page, and watches how it is
// crawled: how many requests it gets for each path, when each one arrives,
// and how many it is serving at once. A path that is not in the map is a
// broken link: 404 Not Found. Delays are fake time in a bubble.
type site struct {
	pages map[string]page
	// arrival, if set, is the delay of the n-th request (from 0) to arrive,
	// whatever page it asks for, in place of the page's own delay.
	arrival []time.Duration

	inFlight spec.Gauge

	mu      sync.Mutex
	fetches map[string]int
	starts  []time.Time
}

func newSite(pages map[string]page) *site {
	s := &site{pages: pages, fetches: map[string]int{}}
	s.inFlight.Name = "fetch"
	return s
}

// start serves the site; the caller closes the server.
func (s *site) start() *spec.Server {
	return spec.NewServer(http.HandlerFunc(s.serve))
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.inFlight.Enter()
	defer s.inFlight.Leave()
	s.mu.Lock()
	n := len(s.starts)
	s.fetches[r.URL.Path]++
	s.starts = append(s.starts, time.Now())
	s.mu.Unlock()

	p, ok := s.pages[r.URL.Path]
	delay := p.delay
	if n < len(s.arrival) {
		delay = s.arrival[n]
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case !ok:
		http.NotFound(w, r)
	case p.status != 0 && p.status != http.StatusOK:
		http.Error(w, http.StatusText(p.status), p.status)
	default:
		fmt.Fprint(w, body(r.Host, p.links))
	}
}

// body is an HTML page with the given links, written in the different ways
// real pages write them, and a few links the crawler must not follow.
func body(host string, links []string) string {
	var b strings.Builder
	b.WriteString("<html><body><h1>A page</h1>\n<a href=\"#top\">top</a>\n")
	for i, l := range links {
		switch {
		case i%3 == 0 || l == "/":
			fmt.Fprintf(&b, "<p><a href=\"%s\">root-relative</a></p>\n", l)
		case i%3 == 1:
			fmt.Fprintf(&b, "<p><a href=\"http://%s%s\">absolute</a></p>\n", host, l)
		default:
			fmt.Fprintf(&b, "<p><a class=\"x\" href=\"%s#part\">relative</a></p>\n", strings.TrimPrefix(l, "/"))
		}
	}
	b.WriteString("<a href=\"http://elsewhere.test/\">another site</a> <a href=\"mailto:web@threadlings.test\">mail</a>\n</body></html>\n")
	return b.String()
}

// fetched returns how many requests the site got for each path.
func (s *site) fetched() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.fetches)
}

// total returns how many requests the site got.
func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.starts)
}

// startTimes returns when each request arrived, in order.
func (s *site) startTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.starts)
}

// depths returns the depth of every page a correct crawl of pages from "/"
// reaches within maxDepth links (breadth first, through good pages only:
// the links of a failing or missing page are unknown).
func depths(pages map[string]page, maxDepth int) map[string]int {
	depth := map[string]int{"/": 0}
	level := []string{"/"}
	for d := 1; d <= maxDepth && len(level) > 0; d++ {
		var next []string
		for _, path := range level {
			p, ok := pages[path]
			if !ok || (p.status != 0 && p.status != http.StatusOK) {
				continue
			}
			for _, l := range p.links {
				if _, seen := depth[l]; !seen {
					depth[l] = d
					next = append(next, l)
				}
			}
		}
		level = next
	}
	return depth
}

// failing reports whether the crawl of path fails.
func failing(pages map[string]page, path string) bool {
	p, ok := pages[path]
	return !ok || (p.status != 0 && p.status != http.StatusOK)
}

// generated is a site of n pages ("/" and /p1 .. /p<n-1>) whose links form a
// tangle of cycles: every page links to three others picked by a fixed rule,
// some also back to "/" or to themselves; every seventh page fails with 500
// Internal Server Error, and some links are broken (404). Pages take 1 to 3
// seconds to serve.
func generated(n int) map[string]page {
	name := func(i int) string {
		if i == 0 {
			return "/"
		}
		return fmt.Sprintf("/p%d", i)
	}
	pages := map[string]page{}
	for i := range n {
		p := page{delay: time.Duration(1+i%3) * time.Second}
		for _, j := range []int{(3*i + 1) % n, (5*i + 2) % n, (i*i + 7) % n} {
			p.links = append(p.links, name(j))
		}
		switch {
		case i%5 == 4:
			p.links = append(p.links, name(0), name(i))
		case i%4 == 3:
			p.links = append(p.links, fmt.Sprintf("/missing-%d", i))
		}
		if i%7 == 6 {
			p.status = http.StatusInternalServerError
		}
		pages[name(i)] = p
	}
	return pages
}
