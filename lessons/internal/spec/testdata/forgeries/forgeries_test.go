package forgeries_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadlings/threadlings/lessons/internal/spec/testdata/forgeries"
)

var _ = Describe("forgeries", func() {
	It("the answer is 42", func() {
		Expect(forgeries.Answer()).To(Equal(42))
	})
	It("another spec", func() {
		Expect(forgeries.Answer()).To(Equal(42))
	})
})
