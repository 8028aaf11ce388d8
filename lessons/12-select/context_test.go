package selects_test

import (
	"context"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	selects "github.com/threadlings/threadlings/lessons/12-select"
	"github.com/threadlings/threadlings/lessons/internal/spec"
)

// requestID is a key for a value that the caller's ctx carries, as a real
// request's ctx carries its id or its credentials.
type requestID struct{}

// readID is a task that returns the request id its context carries.
func readID(ctx context.Context) (string, error) {
	id, _ := ctx.Value(requestID{}).(string)
	return id, nil
}

var _ = Describe("The tasks' context", func() {
	It("is derived from the caller's ctx, values and all", spec.Bubble, func() {
		ctx := context.WithValue(context.Background(), requestID{}, "r-42")
		why := "the task's context did not carry the value that the caller's ctx carries: derive the tasks' context from ctx (context.WithCancel(ctx), errgroup.WithContext(ctx)), never from context.Background()"

		v, err := selects.First(ctx, readID)
		Expect(err).NotTo(HaveOccurred())
		Expect(v).To(Equal("r-42"), "First: "+why)

		got, err := selects.Gather(ctx, readID, readID)
		Expect(err).NotTo(HaveOccurred())
		Expect(got).To(Equal([]string{"r-42", "r-42"}), "Gather: "+why)

		v, err = selects.WithTimeout(ctx, time.Second, readID)
		Expect(err).NotTo(HaveOccurred())
		Expect(v).To(Equal("r-42"), "WithTimeout: "+why)
	})
})
