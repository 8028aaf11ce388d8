package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/threadlings/threadlings/checker/internal/cli"
	"github.com/threadlings/threadlings/checker/internal/render"
	"github.com/threadlings/threadlings/checker/internal/sandbox"
	"github.com/threadlings/threadlings/checker/internal/verify"
)

// TestMain makes the test binary double as the checker binary, so that the
// scripts run the real command: "exec checker ...". With $asChecker set
// it is the checker outright (for tests that start it themselves).
func TestMain(m *testing.M) {
	if os.Getenv(asChecker) == "1" {
		os.Exit(cli.Main(os.Args[1:], cli.OSEnv()))
	}
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
	cmds := map[string]func(*testscript.TestScript, bool, []string){
		"copykit":   copyKit,
		"normalize": normalize,
		"archive":   archive,
		"probe":     probe,
		"variant":   variant,
		"maxcells":  maxCells,
	}
	for name, cmd := range formatCmds {
		cmds[name] = cmd
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_GOLDEN") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("KIT", kit)
			// Each script has a result cache of its own, so that one
			// script's results never answer another's runs.
			env.Setenv("THREADLINGS_CACHE", filepath.Join(env.WorkDir, "cache"))
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: cmds,
		Condition: func(cond string) (bool, error) {
			if cond == "sandbox" {
				ok, _ := sandbox.Available()
				return ok, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// copyKit copies the kit under test (go.mod, go.sum and the course) to
// $WORK/kit, so that a script can edit a lesson without touching the real
// one. "copykit -all" copies the checker's source, the Makefile and the
// autograder bundles too, as a clone of the repository has them.
func copyKit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 || len(args) == 1 && args[0] != "-all" {
		ts.Fatalf("usage: copykit [-all]")
	}
	names := []string{"go.mod", "go.sum", "internal", "lessons", "solutions"}
	if len(args) == 1 {
		names = append(names, "Makefile", "checker", "autograder")
	}
	ts.Check(copyTree(ts.Getenv("KIT"), ts.MkAbs("kit"), names))
}

// asChecker names the environment variable that makes the test binary run
// as the checker.
const asChecker = "THREADLINGS_TEST_AS_CHECKER"

// copyTree copies the named files and directories of src to dst.
func copyTree(src, dst string, names []string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, name := range names {
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
			info, err := d.Info()
			if err != nil {
				return err
			}
			return os.WriteFile(target, b, info.Mode().Perm())
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// variant writes the files of a known-bad variant, its patch applied to
// the lesson's solution, into a directory:
//
//	variant $KIT/solutions/04-lock/testdata/bool-flag.patch kit/lessons/04-lock
func variant(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: variant solutions/NN-topic/testdata/NAME.patch dir")
	}
	ts.Check(verify.WriteVariant(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
}

var (
	durations  = regexp.MustCompile(`\b\d+(\.\d+)?(µs|ms|s|m\d+(\.\d+)?s)\b`)
	cached     = regexp.MustCompile(`, cached\)`)
	goroutines = regexp.MustCompile(`goroutine \d+`)
)

// maxCells fails unless every line of a file fits in a width of N terminal
// cells, wide characters (Hangul) counted as two: "maxcells 80 out.txt".
// "! maxcells 80 out.txt" fails unless some line is wider.
func maxCells(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: maxcells N file")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	var wide []string
	for i, line := range strings.Split(ts.ReadFile(args[1]), "\n") {
		if c := render.Cells(line); c > n {
			wide = append(wide, fmt.Sprintf("line %d is %d cells wide: %q", i+1, c, line))
		}
	}
	switch {
	case !neg && len(wide) > 0:
		ts.Fatalf("%s has lines wider than %d cells:\n%s", args[1], n, strings.Join(wide, "\n"))
	case neg && len(wide) == 0:
		ts.Fatalf("every line of %s fits in %d cells", args[1], n)
	}
}

// normalize rewrites a file with what changes from run to run taken out:
// durations become TIME, goroutine numbers N, and a cached run reads like a
// fresh one.
func normalize(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: normalize file")
	}
	text := ts.ReadFile(args[0])
	text = durations.ReplaceAllString(text, "TIME")
	text = cached.ReplaceAllString(text, ")")
	text = goroutines.ReplaceAllString(text, "goroutine N")
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
}

// archive packs a directory into a .zip or a .tar.gz, with the directory's
// name as the archive's top folder, the way learning platforms export.
func archive(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: archive dir file.zip|file.tar.gz")
	}
	src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	f, err := os.Create(dst)
	ts.Check(err)
	defer f.Close()
	var add func(name string, r io.Reader) error
	var closeAll func() error
	if strings.HasSuffix(dst, ".zip") {
		zw := zip.NewWriter(f)
		add = func(name string, r io.Reader) error {
			w, err := zw.Create(name)
			if err != nil {
				return err
			}
			_, err = io.Copy(w, r)
			return err
		}
		closeAll = zw.Close
	} else {
		gz := gzip.NewWriter(f)
		tw := tar.NewWriter(gz)
		add = func(name string, r io.Reader) error {
			b, err := io.ReadAll(r)
			if err != nil {
				return err
			}
			if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg}); err != nil {
				return err
			}
			_, err = tw.Write(b)
			return err
		}
		closeAll = func() error {
			if err := tw.Close(); err != nil {
				return err
			}
			return gz.Close()
		}
	}
	top := filepath.Base(src)
	ts.Check(filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		r, err := os.Open(path)
		if err != nil {
			return err
		}
		defer r.Close()
		return add(filepath.ToSlash(filepath.Join(top, rel)), r)
	}))
	ts.Check(closeAll())
}

// probe listens on loopback in the test's own network namespace and sets
// $PROBE to its address. "probe N" fails unless exactly N connections
// reached it: code that is cut off from the network cannot reach it.
func probe(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: probe [count]")
	}
	if len(args) == 1 {
		want := args[0]
		got := fmt.Sprint(probes.Load())
		if got != want {
			ts.Fatalf("%s connections reached the probe, want %s", got, want)
		}
		return
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	ts.Defer(func() { l.Close() })
	ts.Setenv("PROBE", l.Addr().String())
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			probes.Add(1)
			c.Close()
		}
	}()
}

var probes atomic.Int64
