// This file puts a Stream over two real OS pipes between this process and
// a child process: one pipe carries the parent's messages to the child, the
// other the child's messages back. A pipe end is a file, and a child
// inherits copies of the files it is given, so each end is open in two
// processes until the parent closes its copy.
package pipe

import "os/exec"

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
	// TODO: make two pipes with os.Pipe, hand the child's ends over as
	// cmd.ExtraFiles (fd 3 = the child reads, fd 4 = the child writes),
	// start cmd, then close the parent's copies of the child's ends.
	panic("TODO: StartChild: start cmd with two OS pipes to talk to it")
}

// Parent returns a child process's connection to the parent that started it
// with StartChild. It must be called only in such a child, and at most once.
func Parent() *Stream {
	// TODO: a Stream over the files with descriptors 3 and 4 (os.NewFile).
	panic("TODO: Parent: the child's end of the pipes, fd 3 and fd 4")
}
