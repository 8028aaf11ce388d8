package runner

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// watchTree looks at the processes under pid every 50ms until done is
// closed, and calls over once, with what was passed, when their resident
// memory together passes maxMemory bytes or their number passes maxProcs
// (zero: no limit).
func watchTree(pid int, maxMemory int64, maxProcs int, done <-chan struct{}, over func(why string)) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	page := int64(os.Getpagesize())
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		procs, rss := treeUsage(pid)
		switch {
		case maxMemory > 0 && rss*page > maxMemory:
			over(fmt.Sprintf("it used more than %d MiB of memory", maxMemory>>20))
			return
		case maxProcs > 0 && procs > maxProcs:
			over(fmt.Sprintf("it ran more than %d processes at once", maxProcs))
			return
		}
	}
}

// treeUsage counts the processes under pid, pid included, and their
// resident pages, from /proc.
func treeUsage(pid int) (procs int, rss int64) {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	children := map[int][]int{}
	pages := map[int]int64{}
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... rss is field 24; comm may hold spaces.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		if len(fields) < 22 {
			continue
		}
		p, _ := strconv.Atoi(strings.Fields(s[:i])[0])
		ppid, _ := strconv.Atoi(fields[1])
		n, _ := strconv.ParseInt(fields[21], 10, 64)
		children[ppid] = append(children[ppid], p)
		pages[p] = n
	}
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		procs++
		rss += pages[p]
		queue = append(queue, children[p]...)
	}
	return procs, rss
}
