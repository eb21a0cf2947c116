package python

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// Run runs a program: the toolchain's python (the virtual environment's, when there is one) with
// pulumi-language-python-exec, the stack's settings as its flags (--monitor, --engine, --project, --stack,
// --organization, --root_directory, --pwd, --dry_run, --parallel), the config in PULUMI_CONFIG and
// PULUMI_CONFIG_SECRET_KEYS, then the entry point (a directory with __main__.py, or a .py file) and its arguments.
func (h *Host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	engine, err := h.EngineAddress()
	if err != nil {
		return nil, err
	}
	info := req.GetInfo()
	opts, err := parseOptions(info)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	tc, err := opts.resolve()
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	if err := tc.ValidateVenv(ctx); err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	script, err := execScriptPath()
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	config, err := langhost.ConfigEnv(req.GetConfig(), req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}
	if opts.typechecker != "" {
		if failed := h.typecheck(ctx, tc, opts.typechecker, info.GetProgramDirectory()); failed != nil {
			return failed, nil
		}
	}

	args := []string{"-u", script}
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", engine)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("root_directory", info.GetRootDirectory())
	flag("stack", req.GetStack())
	flag("pwd", info.GetProgramDirectory())
	// The exec script reads both as values, and parallel as an integer: always send them.
	args = append(args, "--dry_run", strconv.FormatBool(req.GetDryRun()), "--parallel", strconv.Itoa(int(req.GetParallel())))
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	args = append(append(args, entry), req.GetArgs()...)

	python, err := tc.Command(ctx, args...)
	if err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("finding python for %s: %v", info.GetProgramDirectory(), err)}, nil
	}
	child := langhost.NewChild(ctx, h.Cancelled, python.Path, python.Args[1:]...)
	child.Dir = info.GetProgramDirectory()
	child.Env = append(environ(python.Env), config...)
	child.Stdout, child.Stderr = os.Stdout, os.Stderr
	return langhost.RunResult(child.Run()), nil
}

// typecheck runs the typechecker the project names over the program; a failure is the run's answer.
func (h *Host) typecheck(ctx context.Context, tc toolchain.Toolchain, typechecker, dir string) *pulumirpc.RunResponse {
	args := []string{"-m", typechecker}
	if typechecker == "mypy" {
		// The virtual environment's own packages are not the program's to check.
		if venv, err := tc.VirtualEnvPath(ctx); err == nil && venv != "" {
			if rel, err := filepath.Rel(dir, venv); err == nil {
				args = append(args, "--exclude", rel)
			}
		}
	}
	cmd, err := tc.Command(ctx, append(args, dir)...)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}
	}
	child := langhost.NewChild(ctx, h.Cancelled, cmd.Path, cmd.Args[1:]...)
	child.Dir, child.Env = dir, environ(cmd.Env)
	child.Stdout, child.Stderr = os.Stdout, os.Stderr
	code, err := child.Run()
	switch {
	case err != nil:
		return &pulumirpc.RunResponse{Error: err.Error()}
	case code != 0:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("the typechecker %s found errors in %s (exit code %d): fix them, "+
			"or remove runtime.options.typechecker (is %s installed in the project's environment?)", typechecker, dir, code, typechecker)}
	}
	return nil
}

// environ is a toolchain command's environment: the one it activated (a virtual environment's PATH and
// VIRTUAL_ENV), else ours.
func environ(env []string) []string {
	if env == nil {
		return os.Environ()
	}
	return append([]string{}, env...)
}
