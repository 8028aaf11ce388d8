package sandbox_test

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/threadlings/threadlings/checker/internal/sandbox"
)

// A hostile program, here a shell script, tries what the threat model says
// a sandboxed run cannot do; each line it prints says what it got.
func TestTheSandboxHolds(t *testing.T) {
	if ok, why := sandbox.Available(); !ok {
		t.Skip("no sandbox here: " + why)
	}
	// The kit is where the tests run, which may be under /tmp: the
	// sandbox keeps it visible although its /tmp is a private one.
	kit, err := os.MkdirTemp(".", ".kit-")
	if err != nil {
		t.Fatal(err)
	}
	kit, _ = filepath.Abs(kit)
	t.Cleanup(func() { os.RemoveAll(kit) })
	secret := filepath.Join(kit, "solutions")
	if err := os.MkdirAll(secret, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(secret, "answer.go"), []byte("package answer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(kit, "grades")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	reached := make(chan struct{}, 1)
	go func() {
		if c, err := l.Accept(); err == nil {
			reached <- struct{}{}
			c.Close()
		}
	}()
	marker := "threadlings-escape-" + strconv.Itoa(os.Getpid())
	script := strings.Join([]string{
		`echo pid=$$`,
		`cat ` + secret + `/answer.go >/dev/null 2>&1 && echo read-solutions || echo no-solutions`,
		`echo x > ` + kit + `/planted.go 2>/dev/null && echo wrote-kit || echo kit-read-only`,
		`echo x > ` + out + `/grades.csv 2>/dev/null && echo wrote-out || echo out-hidden`,
		`kill -0 ` + strconv.Itoa(os.Getpid()) + ` 2>/dev/null && echo sees-checker || echo checker-hidden`,
		`echo $(ls /proc | grep -c '^[0-9]') processes`,
		`(exec 3<>/dev/tcp/` + l.Addr().String() + `) 2>/dev/null && echo network || echo no-network`,
		`head -c 2000000 /dev/zero > /tmp/big 2>/dev/null && echo big-file || echo file-size-limited`,
		`setsid sh -c 'exec -a ` + marker + ` sleep 300' </dev/null >/dev/null 2>&1 &`,
		`echo done`,
	}, "\n")
	words := sandbox.Command(sandbox.Options{Keep: []string{kit}, Hide: []string{secret, out}, FileSize: 1 << 20, OpenFiles: 64})
	words = append(words, "bash", "-c", script)
	got, err := exec.Command(words[0], words[1:]...).CombinedOutput()
	if err != nil {
		t.Fatalf("the sandboxed script failed: %v\n%s", err, got)
	}
	text := string(got)
	for _, want := range []string{"pid=2", "no-solutions", "kit-read-only", "out-hidden", "checker-hidden", "no-network", "file-size-limited", "done"} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("the sandboxed script did not say %q:\n%s", want, text)
		}
	}
	if _, err := os.Stat(filepath.Join(kit, "planted.go")); err == nil {
		t.Error("the script planted a file in the kit")
	}
	select {
	case <-reached:
		t.Error("the script reached a server outside its network namespace")
	case <-time.After(100 * time.Millisecond):
	}
	// Nothing it started outlives it, setsid or not.
	if out, _ := exec.Command("pgrep", "-f", marker).Output(); len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("a process the script started with setsid outlived the sandbox: pids %s", out)
		exec.Command("pkill", "-f", marker).Run()
	}
}
