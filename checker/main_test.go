package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/threadlings/threadlings/checker/internal/cli"
)

// TestMain makes the test binary double as the checker binary, so that the
// scripts run the real command: "exec checker ...".
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"checker": func() { os.Exit(cli.Main(os.Args[1:], cli.OSEnv())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. Set
// UPDATE_GOLDEN=1 to rewrite the expected output in the scripts.
func TestScripts(t *testing.T) {
	kit, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	goEnv := map[string]string{}
	for _, key := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOFLAGS", "GOTOOLCHAIN"} {
		out, err := exec.Command("go", "env", key).Output()
		if err != nil {
			t.Fatal(err)
		}
		goEnv[key] = strings.TrimSpace(string(out))
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_GOLDEN") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("KIT", kit)
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"copykit":   copyKit,
			"normalize": normalize,
		},
	})
}

// copyKit copies the kit under test (go.mod, go.sum and the course) to
// $WORK/kit, so that a script can edit a lesson without touching the real
// one.
func copyKit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: copykit")
	}
	src, dst := ts.Getenv("KIT"), ts.MkAbs("kit")
	ts.Check(os.MkdirAll(dst, 0o755))
	for _, name := range []string{"go.mod", "go.sum", "internal", "lessons", "solutions"} {
		err := filepath.WalkDir(filepath.Join(src, name), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, path)
			target := filepath.Join(dst, rel)
			if d.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, b, 0o644)
		})
		ts.Check(err)
	}
}

var (
	durations = regexp.MustCompile(`\b\d+(\.\d+)?(ms|s|m\d+(\.\d+)?s)\b`)
	cached    = regexp.MustCompile(`, cached\)`)
)

// normalize rewrites a file with what changes from run to run taken out:
// durations become TIME and a cached run reads like a fresh one.
func normalize(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: normalize file")
	}
	text := ts.ReadFile(args[0])
	text = durations.ReplaceAllString(text, "TIME")
	text = cached.ReplaceAllString(text, ")")
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
}
