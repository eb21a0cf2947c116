package langhost

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"
)

// interruptGrace is how long a child has, after SIGINT, to finish what it is doing (an SDK flushing its last
// registrations) before it is killed.
const interruptGrace = 5 * time.Second

// Child is a program or plugin process run on the engine's behalf. It is interrupted (SIGINT, then SIGKILL after
// interruptGrace) when the request that started it ends or the engine calls Cancel.
type Child struct {
	*exec.Cmd
	stop context.CancelFunc
}

// NewChild prepares name with args; set Dir, Env and the output streams, then call Run (or Start and Wait).
func NewChild(request, cancelled context.Context, name string, args ...string) *Child {
	ctx, stop := context.WithCancel(request)
	go func() {
		select {
		case <-cancelled.Done():
			stop()
		case <-ctx.Done():
		}
	}()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = interruptGrace
	return &Child{Cmd: cmd, stop: stop}
}

// Run runs the child to its end and returns its exit code; an error means it could not be started.
func (c *Child) Run() (int, error) {
	if err := c.Start(); err != nil {
		c.stop()
		return 0, fmt.Errorf("could not start %s: %w", c.Path, err)
	}
	return c.Wait()
}

// Wait waits for a started child and returns its exit code.
func (c *Child) Wait() (int, error) {
	return c.Exited(c.Cmd.Wait())
}

// Exited turns what the child's Cmd.Wait returned - here or in whoever waited for it - into its exit code.
func (c *Child) Exited(err error) (int, error) {
	defer c.stop()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &exit):
		return exit.ExitCode(), nil
	case c.ProcessState != nil:
		// It exited, but its output was still being copied when WaitDelay ran out: its exit code stands.
		return c.ProcessState.ExitCode(), nil
	default:
		return 0, fmt.Errorf("waiting for %s: %w", c.Path, err)
	}
}

// Unblocked wraps w so that exec copies a child's output through a goroutine instead of handing the child our own
// file descriptor: Node.js switches its stdout and stderr to non-blocking mode, which would then make our own
// writes to them fail with EAGAIN.
func Unblocked(w io.Writer) io.Writer { return struct{ io.Writer }{w} }
