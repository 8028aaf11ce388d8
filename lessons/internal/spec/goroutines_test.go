package spec

import (
	"fmt"
	"path/filepath"
	"testing"
)

// Backtraces as gleak hands them over: a frame's function, then its file
// and line; a goroutine that has not run yet has no "+0x" offset.
func TestWhichGoroutinesAWatcherCounts(t *testing.T) {
	// A lesson elsewhere: in this package's own test binary, the lesson's
	// directory would be this package's, and this file's frames the lesson's.
	oldDir, oldImportDir := lessonDir, lessonImportDir
	lessonDir, lessonImportDir = "/kit/lessons/05-rlock", module+"/lessons/05-rlock"
	t.Cleanup(func() { lessonDir, lessonImportDir = oldDir, oldImportDir })
	learner := filepath.Join(lessonDir, "stock.go")
	specFile := filepath.Join(lessonDir, "stock_test.go")
	tests := []struct {
		name      string
		backtrace string
		started   bool   // startedByGo
		where     string // innermostLessonCall, as file:line
	}{{
		name: "a call that has not run yet",
		backtrace: "github.com/threadlings/threadlings/lessons/internal/spec.Go.gowrap1()\n\t" + thisFile + ":29\n" +
			"runtime.goexit({})\n\t/usr/local/go/src/runtime/asm_amd64.s:1771 +0x1\n" +
			"created by github.com/threadlings/threadlings/lessons/internal/spec.Go in goroutine 7\n\t" + thisFile + ":29 +0x125\n",
		started: true,
	}, {
		name: "a call parked in the learner's code",
		backtrace: "sync.runtime_SemacquireMutex(0xc000012345?, 0x0?, 0x1?)\n\t/usr/local/go/src/runtime/sema.go:95 +0x25\n" +
			"example.com/stock.(*Stock).Sell(0xc000012340)\n\t" + learner + ":45 +0x4d\n" +
			"example.com/stock_test.init.func1.1()\n\t" + specFile + ":29 +0x1d\n" +
			"github.com/threadlings/threadlings/lessons/internal/spec.(*Call).run(0xc000100000, 0xc000110000)\n\t" + thisFile + ":37 +0x9e\n" +
			"created by github.com/threadlings/threadlings/lessons/internal/spec.Go in goroutine 7\n\t" + thisFile + ":29 +0x125\n",
		started: true,
		where:   learner + ":45",
	}, {
		name: "a goroutine the learner's code started, now in the standard library",
		backtrace: "time.Sleep(0x3b9aca00)\n\t/usr/local/go/src/runtime/time.go:300 +0x105\n" +
			"created by example.com/stock.(*Stock).Start in goroutine 9\n\t" + learner + ":12 +0x3a\n",
	}, {
		name: "a goroutine of a spec, not started by Go",
		backtrace: "example.com/stock_test.init.func2.1()\n\t" + specFile + ":61 +0x2c\n" +
			"created by example.com/stock_test.init.func2 in goroutine 7\n\t" + specFile + ":60 +0x8f\n",
		where: specFile + ":61",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := startedByGo(tt.backtrace); got != tt.started {
				t.Errorf("startedByGo = %v, want %v", got, tt.started)
			}
			file, line, ok := innermostLessonCall(tt.backtrace)
			where := ""
			if ok {
				where = fmt.Sprintf("%s:%d", file, line)
			}
			if where != tt.where {
				t.Errorf("innermostLessonCall = %q, want %q", where, tt.where)
			}
		})
	}
}
