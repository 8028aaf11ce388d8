package verdicts_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec"
	"github.com/threadlings/threadlings/lessons/internal/spec/testdata/verdicts"
)

var _ = spec.Child("pid", func() { os.Stdout.WriteString(strconv.Itoa(os.Getpid())) })

var _ = Describe("verdicts", func() {
	It("pass", func() {
		Expect(verdicts.Add(2, 2)).To(Equal(4))
	})
	It("pass worth three", spec.Points(3), func() {
		Expect(verdicts.Add(1, 2)).To(Equal(3))
	})
	It("fail", func() {
		Expect(verdicts.Add(2, 2)).To(Equal(5), "two and two make four")
	})
	It("panic", func() {
		verdicts.Explode()
	})
	It("race", func() {
		verdicts.CountRacy(4)
	})
	It("timeout", func() {
		verdicts.LockTwice()
	})
	It("leak", func() {
		verdicts.StartAndForget()
	})
	It("bubble deadlock", spec.Bubble, func() {
		verdicts.WaitForever()
	})
	It("bubble leak", spec.Bubble, func() {
		verdicts.StartAndForget()
	})
	It("bubble fake time", spec.Bubble, func() {
		start := time.Now()
		verdicts.Nap(time.Hour)
		Expect(time.Since(start)).To(Equal(time.Hour))
	})
	It("bubble fail", spec.Bubble, func() {
		Expect(verdicts.Add(1, 1)).To(Equal(3))
	})
	It("bubble fail leaving goroutines blocked", spec.Bubble, func() {
		verdicts.StartAndForget()
		Expect(verdicts.Add(1, 1)).To(Equal(3))
	})
	It("bubble panic", spec.Bubble, func() {
		verdicts.Explode()
	})
	It("bubble race", spec.Bubble, func() {
		verdicts.AppendRacy(4)
	})
	It("child process", func(ctx SpecContext) {
		out, err := spec.Command(context.WithoutCancel(ctx), "pid").Output()
		Expect(err).NotTo(HaveOccurred())
		Expect(strings.TrimSpace(string(out))).NotTo(Equal(strconv.Itoa(os.Getpid())))
	}, SpecTimeout(5*time.Second))
})

var _ = Describe("helpers", func() {
	It("serves HTTP in a bubble, on fake time", spec.Bubble, func() {
		srv := spec.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(time.Second)
			io.WriteString(w, "hello")
		}))
		defer srv.Close()
		start := time.Now()
		var wg sync.WaitGroup
		var gauge spec.Gauge
		for range 3 {
			wg.Go(func() {
				gauge.Enter()
				defer gauge.Leave()
				resp, err := srv.Client().Get(srv.URL + "/x")
				Expect(err).NotTo(HaveOccurred())
				defer resp.Body.Close()
				body, _ := io.ReadAll(resp.Body)
				Expect(string(body)).To(Equal("hello"))
			})
		}
		wg.Wait()
		Expect(time.Since(start)).To(Equal(time.Second))
		Expect(gauge.Max()).To(Equal(3))
	})
})
