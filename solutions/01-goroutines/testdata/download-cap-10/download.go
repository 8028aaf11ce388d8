// threadlings:want fail

// This file builds DownloadAll, the notes' ten image downloads: a function
// that fetches many URLs at once, so that the whole batch takes about as long
// as the slowest download instead of the sum of them all.

package goroutines

import (
	"fmt"
	"io"
	"net/http"
	"sync"
)

// A Result is the outcome of downloading one URL: its body, or the error
// that stopped it.
type Result struct {
	URL  string
	Body []byte // the whole body when Err is nil
	Err  error  // nil when the download succeeded
}

// DownloadAll downloads every URL with client, all of them at the same time,
// and returns one Result per URL, in the order of urls (not in the order the
// downloads finished). It returns once every download has finished.
//
// A URL that fails (the request fails, or the server answers with a status
// other than 200 OK) gets a Result with a non-nil Err; the other URLs are
// downloaded as usual.
func DownloadAll(client *http.Client, urls []string) []Result {
	results := make([]Result, len(urls))
	var wg sync.WaitGroup
	limit := make(chan struct{}, 10) // be polite: ten connections at most
	for i, url := range urls {
		wg.Go(func() {
			limit <- struct{}{}
			defer func() { <-limit }()
			results[i] = download(client, url)
		})
	}
	wg.Wait()
	return results
}

// download fetches one URL: the executeThread of the notes. It is done for
// you; the lesson is in calling it concurrently.
func download(client *http.Client, url string) Result {
	resp, err := client.Get(url)
	if err != nil {
		return Result{URL: url, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Result{URL: url, Err: fmt.Errorf("GET %s: %s", url, resp.Status)}
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return Result{URL: url, Err: err}
	}
	return Result{URL: url, Body: body}
}
