package spec

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"testing"
)

// ChildEnv names the child function a re-executed test binary runs instead
// of the specs.
const ChildEnv = "THREADLINGS_CHILD"

var children = map[string]func(){}

// Child registers f as a child process named name, for Command to start. It
// returns true so that it can be called from a package-level declaration:
//
//	var _ = spec.Child("counter", func() { ... })
//
// It panics if name is registered twice.
func Child(name string, f func()) bool {
	if _, dup := children[name]; dup {
		panic("spec: child " + name + " registered twice")
	}
	children[name] = f
	return true
}

// Main is the TestMain of every lesson suite. In a binary started by Command
// it runs the named child and exits with status 0 when the child returns;
// otherwise it runs the specs.
//
// Main first takes the checker's record channel, if there is one, before
// any code of the lesson can run (see runConfig). Each hook is called next,
// in order. A lesson whose own code re-executes the binary (a Process type
// over os/exec, say) passes its entry point as a hook: the hook returns at
// once in the parent, and in a child it does the child's work and exits.
func Main(m *testing.M, hooks ...func()) {
	mainConfig, mainConfigErr = runConfig()
	mainRan = true
	for _, hook := range hooks {
		hook()
	}
	if name, ok := os.LookupEnv(ChildEnv); ok {
		f, found := children[name]
		if !found {
			fmt.Fprintf(os.Stderr, "spec: no child named %q (have %v)\n", name, childNames())
			os.Exit(2)
		}
		f()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func childNames() []string {
	names := make([]string, 0, len(children))
	for n := range children {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Command returns a command that re-executes the running test binary as the
// child registered under name, with args as its os.Args[1:]. The child does
// not sleep at exit under the race detector. The caller starts and waits for
// it, and must close its own copies of any pipe ends it hands to the child,
// or the child's reads never see EOF.
func Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), ChildEnv+"="+name, "GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
	return cmd
}
