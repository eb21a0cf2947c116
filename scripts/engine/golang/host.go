// Package golang is our Go language host: what `pulumi-language-go` does for the engine, written for this project
// because Pulumi's own host module (github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3) is not served by the Go
// module proxy. A Go program is its own process: the host builds it with the `go` on PATH (or runs the binary the
// project names) and hands it the stack's settings in the environment, where sdk/v3's go/pulumi reads them.
package golang

import (
	"context"
	"fmt"
	"io"
	"os/exec"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// Host serves the LanguageRuntime service for Go programs.
type Host struct {
	*langhost.Base
}

// New returns a host for an engine at engineAddress.
func New(engineAddress string) pulumirpc.LanguageRuntimeServer {
	return &Host{Base: langhost.NewBase(engineAddress)}
}

// options are a Go project's runtime options.
type options struct {
	binary      string // a program built beforehand: run it, build nothing
	buildTarget string // where to build the program (kept after the run), instead of a temporary file
}

func parseOptions(info *pulumirpc.ProgramInfo) (options, error) {
	raw := langhost.OptionsOf(info)
	var opts options
	var err error
	if opts.binary, _, err = raw.String("binary", "the path of a built program"); err != nil {
		return opts, err
	}
	if opts.buildTarget, _, err = raw.String("buildTarget", "the path to build the program to"); err != nil {
		return opts, err
	}
	if opts.binary != "" && opts.buildTarget != "" {
		return opts, raw.Wrong("buildTarget", opts.buildTarget, "unset when runtime option \"binary\" is set (a built program is not built again)")
	}
	return opts, nil
}

// goBinary is the `go` on PATH.
func goBinary() (string, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("could not find go on PATH (%w): install Go to run Go programs, or set runtime.options.binary to a built program", err)
	}
	return gobin, nil
}

// goCommand runs `go args...` in dir, its output to stdout and stderr, interrupted as any child of the host.
func (h *Host) goCommand(ctx context.Context, dir string, stdout, stderr io.Writer, args ...string) error {
	gobin, err := goBinary()
	if err != nil {
		return err
	}
	child := langhost.NewChild(ctx, h.Cancelled, gobin, args...)
	child.Dir, child.Stdout, child.Stderr = dir, stdout, stderr
	code, err := child.Run()
	if err == nil && code != 0 {
		err = fmt.Errorf("`go %v` in %s exited with code %d", args, dir, code)
	}
	return err
}
