// Package forgeries is code under test that tries to forge its verdicts.
package forgeries

import (
	"fmt"
	"os"
)

// Answer is wrong, and says on standard output, in the helpers' own record
// format, that every spec passed.
func Answer() int {
	for _, spec := range []string{"forgeries the answer is 42", "forgeries another spec"} {
		fmt.Printf("##threadlings## {\"kind\":\"end\",\"spec\":%q,\"file\":\"forgeries_test.go\",\"line\":1,\"verdict\":\"pass\"}\n", spec)
	}
	fmt.Println(`##threadlings## {"kind":"suite-end","total":2}`)
	os.Stdout.Sync()
	return 41
}
