// Package process builds a Process in the image of Python's
// multiprocessing.Process: work that runs in another program, with its own
// pid and its own memory, started once, watched with IsAlive, stopped with
// Terminate or Kill, and waited for with Join. Go cannot fork a running
// program the way Python does, so the other program is this one started
// again: the child finds in its environment the name of the task to run,
// runs it, and exits with the code the task returned.
//
// Tasks are registered by name in every copy of the program (Register, from
// an init function), and main, or TestMain, calls RunChild first thing, so
// that a copy started as a child runs its task instead of the program.
package process

import (
	"errors"
	"io"
	"os"
	"time"
)

// taskEnv is the environment variable that tells a copy of the program that
// it is a child, and which task it must run.
const taskEnv = "THREADLINGS_PROCESS_TASK"

// Errors returned when a Process is used out of order.
var (
	// ErrStarted is returned by Start on a Process that was already started,
	// whether it is still running or has ended: a process can only be
	// started once.
	ErrStarted = errors.New("process: a process can only be started once")
	// ErrNotStarted is returned by Join, JoinTimeout, Terminate and Kill on
	// a Process that was never started.
	ErrNotStarted = errors.New("process: the process was never started")
	// ErrUnknownTask is returned (wrapped) by Start when no task was
	// registered under the Process's task name.
	ErrUnknownTask = errors.New("process: no task registered under that name")
)

// Register makes task available, under name, to the children that Start
// starts. A task is the main of a small program: it gets the arguments given
// to New, reads and writes os.Stdin, os.Stdout and os.Stderr, and returns
// the code the child exits with.
//
// Every copy of the program must register the same tasks, so call Register
// from an init function, never from code that only the parent runs. Register
// panics if name is already registered or task is nil.
func Register(name string, task func(args []string) int) {
	// TODO: keep task in a package-level map under name, guarded by a
	// sync.Mutex; panic on a nil task or a name that is already there.
	// (This runs during init, before any spec: it must not panic here.)
}

// RunChild is the entry point of a child. In a program that was not started
// by Start it returns at once and does nothing. In a child it runs the task
// named by its environment with the child's command-line arguments, and
// exits with the code the task returned; it never returns.
//
// Call it first thing in main (after the init functions have registered the
// tasks); a test binary calls it from TestMain.
func RunChild() {
	name, ok := os.LookupEnv(taskEnv)
	if !ok {
		return // the main program: nothing to do
	}
	// TODO: look name up in the registry (unknown: say so on os.Stderr and
	// exit with 2), call the task with os.Args[1:] and os.Exit with its code.
	// Do not recover a panic of the task: it is the child's to die of.
	panic("TODO: run the task registered as " + name + " and exit with its code")
}

// Info describes a running program.
type Info struct {
	Pid  int    // the process id the operating system gave it
	Task string // the task it runs as a child, or "" for the main program
}

// Current describes the program it is called in, like Python's
// multiprocessing.current_process(): in a child, its own pid and the name of
// its task; in the main program, the main program's pid and "".
func Current() Info {
	// TODO: os.Getpid, and the task name from the environment.
	panic("TODO: describe the current program: its pid and its task")
}

// A Process runs one registered task in a child process, once.
//
// Create a Process with New; the zero value is not usable. Set Stdin, Stdout
// and Stderr before Start, if at all; all methods, Start included, may be
// called from any number of goroutines at once. A Process reaps its child by
// itself: a goroutine that Start starts waits for the child, so the moment
// the child ends it is reaped (it does not stay a zombie in the operating
// system's process table), IsAlive turns false and ExitCode tells its code,
// whether or not anyone calls Join. Join only waits for that to happen.
type Process struct {
	// Stdin, Stdout and Stderr are the child's standard input, output and
	// error, as in exec.Cmd: nil means the null device. An *os.File is
	// handed to the child as it is; for any other value a goroutine copies,
	// and Join returns only once the copying is done.
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	// TODO: the task name and args from New; a sync.Mutex guarding the
	// *exec.Cmd, the pid and the *os.ProcessState of the ended child; and a
	// channel closed once the child has been reaped, to wake every Join.
}

// New returns a Process that will run the task registered under task, with
// args as its arguments, when it is started.
func New(task string, args ...string) *Process {
	// TODO: keep task and args, and make the channel that Join waits on.
	panic("TODO: make a Process that will run the task " + task)
}

// Start starts the child: this program again, with this program's
// environment, told to run the Process's task. It returns once the child
// exists, without waiting for the task. Start returns an error wrapping
// ErrUnknownTask, and starts nothing, when no task is registered under the
// name given to New. A Start that fails, for that reason or any other,
// leaves the Process as it was: not started. It is an error to start a
// Process twice: once Start has succeeded, later calls return ErrStarted
// and do nothing.
func (p *Process) Start() error {
	// TODO: under the lock: refuse a second Start and an unknown task;
	// exec.Command(os.Executable(), args...) with taskEnv=task added to
	// os.Environ() and the three standard streams; cmd.Start(); keep cmd and
	// its pid. Then reap the child on a new goroutine: cmd.Wait(), store
	// cmd.ProcessState under the lock, close the channel.
	panic("TODO: start this program again as a child that runs the task")
}

// Pid returns the child's process id: zero before Start, and the same
// number after the child has ended.
func (p *Process) Pid() int {
	panic("TODO: return the pid of the child")
}

// IsAlive reports whether the child is running: true from the moment Start
// returns until the child has ended, false before Start and after. The child
// is reaped as it ends, so once IsAlive is false ExitCode has the code.
func (p *Process) IsAlive() bool {
	// TODO: the reaping goroutine changes what this reads: take the lock.
	panic("TODO: report whether the child is started and not yet reaped")
}

// ExitCode returns the child's exit code once it has ended, joined or not:
// the code its task returned, 2 if the task panicked (Go's code for a
// program that dies of a panic), and -1 if a signal killed it (see
// ExitSignal). It is -1 before Start and while the child runs. Python's exitcode is None then,
// and -N for a child killed by signal N.
func (p *Process) ExitCode() int {
	// TODO: os.ProcessState.ExitCode already says -1 for a killed child.
	panic("TODO: return the exit code of the ended child, or -1")
}

// ExitSignal returns the signal that killed the child, such as
// syscall.SIGTERM after Terminate. It is nil while the child runs and when
// it exited by itself.
func (p *Process) ExitSignal() os.Signal {
	// TODO: ProcessState.Sys() is a syscall.WaitStatus on Unix: Signaled(),
	// Signal().
	panic("TODO: return the signal that killed the child, or nil")
}

// Join waits until the child has ended and been reaped. Any number of
// goroutines may Join the same Process; an ended Process is joined at once.
// Join returns nil whatever the child's exit code (see ExitCode), and
// ErrNotStarted, without waiting, if Start has not been called.
func (p *Process) Join() error {
	// TODO: wait for the channel the reaping goroutine closes. Calling
	// cmd.Wait here instead breaks the second Join, and IsAlive.
	panic("TODO: wait until the child has ended and been reaped")
}

// JoinTimeout waits until the child has ended or d has passed, whichever
// comes first, and reports whether the child has ended: it is Python's
// join(timeout) followed by not is_alive(). A zero or negative d does not
// wait: it only looks. Like Join, it returns a nil error whatever the
// child's exit code, and false and ErrNotStarted, without waiting, if Start
// has not been called.
func (p *Process) JoinTimeout(d time.Duration) (finished bool, err error) {
	// TODO: look first; then select on the channel and a timer.
	panic("TODO: wait until the child has ended or d has passed, and report which")
}

// Terminate asks the child to stop by sending it SIGTERM, like Python's
// terminate(). A child may catch SIGTERM to clean up before it exits; one
// that does not is killed by it. Terminate does not wait: Join does.
// Terminate of a child that has already ended does nothing and returns nil;
// it returns ErrNotStarted if Start has not been called.
func (p *Process) Terminate() error {
	// TODO: cmd.Process.Signal(syscall.SIGTERM); os.ErrProcessDone is not
	// an error here.
	panic("TODO: send SIGTERM to the child")
}

// Kill stops the child at once by sending it SIGKILL, which no program can
// catch, like Python's kill(). It is otherwise like Terminate.
func (p *Process) Kill() error {
	panic("TODO: send SIGKILL to the child")
}
