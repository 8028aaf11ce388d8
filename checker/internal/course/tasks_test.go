package course_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/course"
)

func TestLessonOneSpecsFollowTheREADMEsTasks(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("../../../lessons/01-goroutines/README.md"))
	require.NoError(t, err)
	tasks := course.ReadTasks(string(readme))
	require.Len(t, tasks, 5)
	for want, spec := range [][2]string{
		{"Group Join waits for every started goroutine", "goroutines_test.go"},
		{"Pids runs n goroutines at the same time", "goroutines_test.go"},
		{"PlaceAll gives each call its own order", "orders_test.go"},
		{"DownloadAll downloads the ten images at the same time", "download_test.go"},
		{"Market runs the buyer and the seller at the same time", "market_test.go"},
	} {
		assert.Equal(t, want, course.TaskOf(tasks, spec[0], spec[1]), spec[0])
	}
}

func TestTasksComeFromHeadingsItemsAndBoldLists(t *testing.T) {
	readme := "# 99\n\n## The idea\n\n1. **`Ignored`** is not a task.\n\n" +
		"## Tasks\n\n" +
		"1. **The `Lock` type and its zero\n   value.** Give `Lock` its fields.\n" +
		"2. **`Map`** (`pool.go`), Python's `Pool(n).map`.\n" +
		"### 3. The monitor (`monitor.go`)\n\n" +
		"- **Monitor checks once every\n  interval**: with a 1s interval.\n" +
		"- **A process that was never started cannot be joined**.\n\n" +
		"## And then\n\n4. **`After`** is past the tasks.\n"
	tasks := course.ReadTasks(readme)
	require.Len(t, tasks, 3)
	assert.Equal(t, []string{"Lock"}, tasks[0].Names, "names from the bold heading, over two lines")
	assert.Equal(t, []string{"Map"}, tasks[1].Names, "backticks after the bold heading introduce nothing")
	assert.Equal(t, []string{"pool.go"}, tasks[1].Files)
	for _, c := range []struct {
		name, file string
		want       int
	}{
		{"Lock zero value is unlocked", "lock_test.go", 0},
		{"Map keeps the order", "pool_test.go", 1},
		{"Monitor checks once every interval", "x_test.go", 2},
		{"A process that was never started cannot be joined, terminated or signalled", "process_test.go", 2},
		{"Tick fires", "monitor_test.go", 2},
		{"Ignored specs", "other_test.go", -1},
		{"After", "after_test.go", -1},
	} {
		assert.Equal(t, c.want, course.TaskOf(tasks, c.name, c.file), c.name)
	}
}

func TestEveryLessonREADMESetsTasks(t *testing.T) {
	for _, l := range course.Lessons() {
		readme, err := os.ReadFile(filepath.Join("../../..", l.LessonPath(), "README.md"))
		require.NoError(t, err)
		assert.GreaterOrEqual(t, len(course.ReadTasks(string(readme))), 2, l.Dir)
	}
}
