package cli_test

import (
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

func TestUnknownCommand(t *testing.T) {
	_, _, err := cli.NewFlags("frobnicate", io.Discard)
	assert.Error(t, err)
}
