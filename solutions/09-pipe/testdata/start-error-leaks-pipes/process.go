// threadlings:want fail

// Known-bad: when cmd.Start fails, StartChild returns the error and leaves all four pipe ends open.

// This file puts a Stream over two real OS pipes between this process and
// a child process: one pipe carries the parent's messages to the child, the
// other the child's messages back. A pipe end is a file, and a child
// inherits copies of the files it is given, so each end is open in two
// processes until the parent closes its copy.
package pipe

import (
	"errors"
	"os"
	"os/exec"
)

// StartChild starts cmd with a connection to it and returns the parent's
// end. The child reaches its end with Parent. The two pipes are the child's
// file descriptors 3 (messages from the parent) and 4 (messages to the
// parent), given as cmd.ExtraFiles, which must be empty (StartChild returns
// an error otherwise); standard input and output stay free for their usual
// use. If cmd cannot be started, StartChild returns the error of cmd.Start
// and leaves none of the pipes open.
//
// The parent's copies of the child's ends are closed once the child has
// started: if they stayed open, the parent's Recv would never see io.EOF
// when the child exits. The caller closes the returned Stream when the
// conversation is over (the child's Recv then returns io.EOF) and waits for
// cmd as usual.
func StartChild(cmd *exec.Cmd) (*Stream, error) {
	if len(cmd.ExtraFiles) != 0 {
		return nil, errors.New("pipe: StartChild needs cmd.ExtraFiles to be empty")
	}
	childIn, toChild, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	fromChild, childOut, err := os.Pipe()
	if err != nil {
		childIn.Close()
		toChild.Close()
		return nil, err
	}
	cmd.ExtraFiles = []*os.File{childIn, childOut}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	// The child has its own copies now: ours must go.
	childIn.Close()
	childOut.Close()
	return NewStream(fromChild, toChild), nil
}

// Parent returns a child process's connection to the parent that started it
// with StartChild. It must be called only in such a child, and at most once.
func Parent() *Stream {
	return NewStream(os.NewFile(3, "pipe from parent"), os.NewFile(4, "pipe to parent"))
}
