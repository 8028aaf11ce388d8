package crawler

// This file is done for you: it fetches one page and finds the links on it.
// It knows nothing about concurrency; the lesson is in calling it from many
// goroutines at once, politely, and stopping when told to.

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
)

// maxPage is the most of a page's body that fetch reads.
const maxPage = 4 << 20

// fetch gets page with client and returns the links it contains (see
// links). The request is made with ctx: when ctx is cancelled, fetch gives up
// at once with ctx's error, even in the middle of a slow response.
//
// A response with a status other than 200 OK is an error, and its body is not
// searched for links.
func fetch(ctx context.Context, client *http.Client, page string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, page, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", page, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxPage))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", page, err)
	}
	return links(resp.Request.URL, body), nil
}

// href matches the target of a link: href="..." (a regular expression is
// enough for the pages of this lesson; a real crawler parses the HTML).
var href = regexp.MustCompile(`href="([^"]*)"`)

// links returns the targets of the links in body, a page found at base, as
// absolute URLs without a #fragment, in the order they appear (repeats
// included). Only links to base's own host over http or https are returned:
// the crawler stays on the site it started on.
func links(base *url.URL, body []byte) []string {
	var found []string
	for _, m := range href.FindAllSubmatch(body, -1) {
		u, err := base.Parse(html.UnescapeString(string(m[1])))
		if err != nil || u.Host != base.Host || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		u.Fragment, u.RawFragment = "", ""
		found = append(found, u.String())
	}
	return found
}
