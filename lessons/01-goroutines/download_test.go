package goroutines_test

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	goroutines "github.com/threadlings/threadlings/lessons/01-goroutines"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// The ten images of the notes. Image n takes delays[n] to serve; the slowest
// takes 10 s, all of them one after another 55 s.
var delays = []time.Duration{3, 7, 1, 9, 4, 10, 2, 6, 8, 5}

const slowest, sum = 10 * time.Second, 55 * time.Second

// image returns the body of image n: one to four kilobytes, different for
// each n.
func image(n int) []byte {
	return bytes.Repeat(fmt.Appendf(nil, "<image %d>", n), 100+n*31)
}

// imageServer serves /image-N.jpg after delays[N] of fake time, and answers
// anything else with 404 Not Found. inFlight counts the requests being served;
// its timeline calls each one a download.
func imageServer(inFlight *spec.Gauge) *spec.Server {
	inFlight.Name = "download"
	return spec.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		delay := time.Duration(0)
		if r.URL.Path == slowPath {
			n, delay = 0, slowDelay
		} else if _, err := fmt.Sscanf(r.URL.Path, "/image-%d.jpg", &n); err != nil || n < 0 || n >= len(delays) {
			http.NotFound(w, r)
			return
		} else {
			delay = delays[n] * time.Second
		}
		inFlight.Enter()
		defer inFlight.Leave()
		time.Sleep(delay)
		w.Write(image(n))
	}))
}

// slowPath is an image that takes slowDelay to serve: far longer than any
// of the ten.
const (
	slowPath  = "/slow.jpg"
	slowDelay = 2*time.Hour + 17*time.Second
)

// heavy is the real-time bound of the DownloadAll specs: a few dozen HTTP
// exchanges under the race detector need more than the default second on a
// busy machine, though none of them waits for real.
var heavy = SpecTimeout(5 * time.Second)

// The images are asked for in this order, which is neither the order of
// their numbers nor the order in which they finish.
var order = []int{4, 9, 0, 7, 2, 5, 8, 1, 6, 3}

func imageURLs(srv *spec.Server) []string {
	urls := make([]string, len(order))
	for i, n := range order {
		urls[i] = fmt.Sprintf("%s/image-%d.jpg", srv.URL, n)
	}
	return urls
}

var _ = Describe("DownloadAll", func() {
	It("downloads the ten images at the same time", spec.Bubble, heavy, func() {
		var inFlight spec.Gauge
		srv := imageServer(&inFlight)
		defer srv.Close()
		start := time.Now()
		goroutines.DownloadAll(srv.Client(), imageURLs(srv))
		elapsed := time.Since(start)
		Expect(inFlight.Total()).To(Equal(len(order)), "DownloadAll must request each of the %d images once", len(order))
		Expect(elapsed).NotTo(Equal(sum), inFlight.Explain(
			"the downloads ran one after another (55 s, the sum of all ten): start each one in its own goroutine"))
		Expect(elapsed).To(Equal(slowest), inFlight.Explain(
			"ten downloads at the same time should take as long as the slowest one (10 s), took %v", elapsed))
		Expect(inFlight.Max()).To(Equal(len(order)), inFlight.Explain(
			"only %d downloads were in flight at once, want all %d", inFlight.Max(), len(order)))
	})

	It("downloads many more URLs at the same time too", spec.Bubble, heavy, func() {
		var inFlight spec.Gauge
		srv := imageServer(&inFlight)
		defer srv.Close()
		// The ten images, some of them more than once: more downloads than
		// any cap a learner might think polite (10, 32, 64, one per CPU).
		const n = 101
		var urls []string
		for len(urls) < n {
			urls = append(urls, imageURLs(srv)...)
		}
		urls = urls[:n]
		start := time.Now()
		results := goroutines.DownloadAll(srv.Client(), urls)
		elapsed := time.Since(start)
		Expect(results).To(HaveLen(n), "DownloadAll must return one Result per URL")
		Expect(inFlight.Total()).To(Equal(n), "DownloadAll must request each of the %d URLs once", n)
		Expect(inFlight.Max()).To(Equal(n), inFlight.Explain(
			"only %d of %d downloads were in flight at once: start every download at the same time, without a cap on how many run at once", inFlight.Max(), n))
		Expect(elapsed).To(Equal(slowest), inFlight.Explain(
			"%d downloads at the same time should take as long as the slowest one (10 s), took %v", n, elapsed))
	})

	It("waits for a download however long it takes", spec.Bubble, heavy, func() {
		var inFlight spec.Gauge
		srv := imageServer(&inFlight)
		defer srv.Close()
		urls := append(imageURLs(srv)[:3], srv.URL+slowPath)
		start := time.Now()
		results := goroutines.DownloadAll(srv.Client(), urls)
		elapsed := time.Since(start)
		Expect(results).To(HaveLen(len(urls)), "DownloadAll must return one Result per URL")
		Expect(results[3].Err).NotTo(HaveOccurred(),
			"the download of %s takes %v and must not be given up: DownloadAll returns once every download has finished, with no time limit of its own", urls[3], slowDelay)
		Expect(bytes.Equal(results[3].Body, image(0))).To(BeTrue(), "the body of %s is not the image the server sent", urls[3])
		Expect(elapsed).To(Equal(slowDelay), "the slowest download takes %v, so DownloadAll should take exactly that, took %v", slowDelay, elapsed)
	})

	It("returns no results for no URLs", spec.Bubble, heavy, func() {
		var inFlight spec.Gauge
		srv := imageServer(&inFlight)
		defer srv.Close()
		start := time.Now()
		Expect(goroutines.DownloadAll(srv.Client(), nil)).To(BeEmpty(), "DownloadAll of no URLs has no results")
		Expect(goroutines.DownloadAll(srv.Client(), []string{})).To(BeEmpty(), "DownloadAll of no URLs has no results")
		Expect(time.Since(start)).To(BeZero(), "with nothing to download, DownloadAll should return at once")
	})

	It("returns every body intact, in the order of the URLs", spec.Bubble, heavy, func() {
		var inFlight spec.Gauge
		srv := imageServer(&inFlight)
		defer srv.Close()
		urls := imageURLs(srv)
		results := goroutines.DownloadAll(srv.Client(), urls)
		Expect(results).To(HaveLen(len(urls)), "DownloadAll must return one Result per URL")
		for i, r := range results {
			Expect(r.URL).To(Equal(urls[i]),
				"results[%d] is for %s, want %s: put each Result at its URL's index, not in the order downloads finish", i, r.URL, urls[i])
			Expect(r.Err).NotTo(HaveOccurred(), "downloading %s", urls[i])
			Expect(bytes.Equal(r.Body, image(order[i]))).To(BeTrue(),
				"the body of %s is not the image the server sent (%d bytes, want %d)", urls[i], len(r.Body), len(image(order[i])))
		}
	})

	It("reports a failed download without losing the others", spec.Bubble, heavy, func() {
		var inFlight spec.Gauge
		srv := imageServer(&inFlight)
		defer srv.Close()
		urls := imageURLs(srv)[:4]
		missing := srv.URL + "/missing.jpg"
		unreachable := "nowhere://threadlings.test/image.jpg" // the request itself fails
		urls = append(urls[:2], append([]string{missing}, urls[2:]...)...)
		urls = append(urls, unreachable)
		results := goroutines.DownloadAll(srv.Client(), urls)
		Expect(results).To(HaveLen(len(urls)), "DownloadAll must return one Result per URL, failed ones included")
		Expect(results[2].URL).To(Equal(missing), "results[2] must be the Result for %s", missing)
		Expect(results[2].Err).To(HaveOccurred(), "%s answers 404 Not Found: its Result must carry an error", missing)
		last := len(urls) - 1
		Expect(results[last].URL).To(Equal(unreachable), "results[%d] must be the Result for %s", last, unreachable)
		Expect(results[last].Err).To(HaveOccurred(), "the request for %s fails: its Result must carry an error", unreachable)
		for i, r := range results {
			if i == 2 || i == last {
				continue
			}
			Expect(r.Err).NotTo(HaveOccurred(), "one missing image must not spoil the download of %s", urls[i])
			Expect(r.Body).NotTo(BeEmpty(), "the body of %s is missing", urls[i])
		}
	})
})
