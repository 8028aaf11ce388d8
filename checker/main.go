// Command checker runs threadlings lessons: a learner's specs (checker run),
// the soundness of the whole course (checker verify) and progress (checker
// status). Run "checker help" for the commands and exit codes.
package main

import (
	"os"

	"github.com/threadlings/threadlings/checker/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv()))
}
