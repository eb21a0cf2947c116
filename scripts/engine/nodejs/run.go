package nodejs

import (
	"context"
	"fmt"
	"os"
	"strconv"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// exitAfterReportedError is the exit code @pulumi/pulumi's cmd/run uses when it has already shown the user why the
// program failed: the engine is told to bail without a second, vaguer message.
const exitAfterReportedError = 32

// Run runs a program: node <@pulumi/pulumi/cmd/run> with the engine's addresses and the stack's settings as flags,
// the config in the environment, and the program's entry point. The program talks to the engine's resource
// monitor itself (no proxy: the SDK's synchronous-invoke pipes are no longer used by @pulumi/pulumi).
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
	node, err := nodeBinary()
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	runModule := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if runModule == "" {
		runModule = "@pulumi/pulumi/cmd/run"
	}
	runPath, err := resolveModule(ctx, node, info.GetProgramDirectory(), runModule)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	config, err := langhost.ConfigEnv(req.GetConfig(), req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}

	args := append(append([]string{}, opts.nodeArgs...), runPath)
	flag := func(name, value string) {
		if value != "" {
			args = append(args, "--"+name, value)
		}
	}
	flag("monitor", req.GetMonitorAddress())
	flag("engine", engine)
	flag("organization", req.GetOrganization())
	flag("project", req.GetProject())
	flag("root-directory", info.GetRootDirectory())
	flag("stack", req.GetStack())
	flag("pwd", info.GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	flag("parallel", strconv.Itoa(int(req.GetParallel())))
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	args = append(append(args, entry), req.GetArgs()...)

	child := langhost.NewChild(ctx, h.Cancelled, node, args...)
	child.Env = append(append(os.Environ(), config...), opts.env()...)
	child.Stdout, child.Stderr = langhost.Unblocked(os.Stdout), langhost.Unblocked(os.Stderr)
	code, err := child.Run()
	switch {
	case err != nil:
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	case code == 0:
		return &pulumirpc.RunResponse{}, nil
	case code == exitAfterReportedError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", code)}, nil
	}
}
