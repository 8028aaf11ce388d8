package cli_test

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/threadlings/threadlings/checker/internal/cli"
)

func TestRunFlags(t *testing.T) {
	fs, opts, err := cli.NewFlags("run", io.Discard)
	require.NoError(t, err)
	assert.True(t, opts.Race, "the race detector is on by default")
	require.NoError(t, fs.Parse([]string{"-v", "--race=false", "--limit", "30s", "--root", "/kit", "03"}))
	assert.True(t, opts.Verbose)
	assert.False(t, opts.Race)
	assert.Equal(t, 30*time.Second, opts.Limit)
	assert.Equal(t, "/kit", opts.Root)
	assert.Equal(t, []string{"03"}, fs.Args())
}

func TestVerifyFlags(t *testing.T) {
	fs, opts, err := cli.NewFlags("verify", io.Discard)
	require.NoError(t, err)
	assert.Positive(t, opts.Jobs, "jobs default to the number of CPUs")
	require.NoError(t, fs.Parse([]string{"--jobs", "1", "01", "02"}))
	assert.Equal(t, 1, opts.Jobs)
	assert.Equal(t, []string{"01", "02"}, fs.Args())
}

// People type flags anywhere on the line, the way the README's command
// table shows them: after the lesson as often as before it.
func TestFlagsAnywhereOnTheLine(t *testing.T) {
	for _, tc := range []struct {
		cmd   string
		args  []string
		check func(t *testing.T, o *cli.Options)
		rest  []string
	}{
		{"run", []string{"01", "--lang", "ko", "-v"}, func(t *testing.T, o *cli.Options) {
			assert.Equal(t, "ko", o.Lang)
			assert.True(t, o.Verbose)
		}, []string{"01"}},
		{"run", []string{"01", "--race=false"}, func(t *testing.T, o *cli.Options) { assert.False(t, o.Race) }, []string{"01"}},
		{"hint", []string{"01", "--all", "--lang=ko"}, func(t *testing.T, o *cli.Options) {
			assert.True(t, o.All)
			assert.Equal(t, "ko", o.Lang)
		}, []string{"01"}},
		{"reset", []string{"01", "--yes"}, func(t *testing.T, o *cli.Options) { assert.True(t, o.Yes) }, []string{"01"}},
		{"solution", []string{"01", "--force"}, func(t *testing.T, o *cli.Options) { assert.True(t, o.Force) }, []string{"01"}},
		{"grade", []string{"subs/ann", "subs/bob", "--lessons", "01,04", "--out", "g"}, func(t *testing.T, o *cli.Options) {
			assert.Equal(t, "01,04", o.Lessons)
			assert.Equal(t, "g", o.Out)
		}, []string{"subs/ann", "subs/bob"}},
		{"stress", []string{"01", "-n", "3", "02"}, func(t *testing.T, o *cli.Options) { assert.Equal(t, 3, o.Runs) }, []string{"01", "02"}},
		{"watch", []string{"02", "--poll", "1s"}, func(t *testing.T, o *cli.Options) { assert.Equal(t, time.Second, o.Poll) }, []string{"02"}},
		// "--" ends the flags: what follows is an argument even if it
		// looks like a flag.
		{"grade", []string{"--lessons", "01", "--", "--odd-name"}, func(t *testing.T, o *cli.Options) { assert.Equal(t, "01", o.Lessons) }, []string{"--odd-name"}},
	} {
		t.Run(tc.cmd, func(t *testing.T) {
			fs, opts, err := cli.NewFlags(tc.cmd, io.Discard)
			require.NoError(t, err)
			require.NoError(t, fs.Parse(tc.args), "checker %s %v", tc.cmd, tc.args)
			tc.check(t, opts)
			assert.Equal(t, tc.rest, fs.Args())
		})
	}
}

func TestUnknownCommand(t *testing.T) {
	_, _, err := cli.NewFlags("frobnicate", io.Discard)
	assert.Error(t, err)
}

func TestHelpAndBadFlagsThroughMain(t *testing.T) {
	main := func(args ...string) (code int, stdout, stderr string) {
		var out, errOut bytes.Buffer
		code = cli.Main(args, cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Dir: t.TempDir()})
		return code, out.String(), errOut.String()
	}
	for _, args := range [][]string{{"run", "--help"}, {"run", "-h"}, {"run", "01", "-h"}, {"help", "run"}} {
		code, out, _ := main(args...)
		assert.Equal(t, cli.ExitOK, code, "%v", args)
		assert.Contains(t, out, "Usage: checker run [flags] NN", "%v prints the command's help on stdout", args)
		assert.Contains(t, out, "--lang", "%v", args)
	}
	code, out, errOut := main("run", "01", "--bogus")
	assert.Equal(t, cli.ExitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "unknown flag: --bogus")
	assert.Contains(t, errOut, `checker run --help`)
}
