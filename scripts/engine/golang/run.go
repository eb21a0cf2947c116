package golang

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// Run builds the program (`go build` of its entry point, "." by default, in the program directory; the go build
// cache makes the second build of an `up` quick) unless the project names a built binary, and runs it with the
// stack's settings in the environment variables go/pulumi reads: PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_PROJECT,
// PULUMI_STACK, PULUMI_ORGANIZATION, PULUMI_ROOT_DIRECTORY, PULUMI_DRY_RUN, PULUMI_PARALLEL, PULUMI_CONFIG and
// PULUMI_CONFIG_SECRET_KEYS.
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
	config, err := langhost.ConfigEnv(req.GetConfig(), req.GetConfigSecretKeys())
	if err != nil {
		return nil, err
	}
	program, cleanup, err := h.program(ctx, info, opts)
	defer cleanup()
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	env := append(os.Environ(), config...)
	set := func(key, value string) { env = append(env, key+"="+value) }
	set("PULUMI_MONITOR", req.GetMonitorAddress())
	set("PULUMI_ENGINE", engine)
	set("PULUMI_PROJECT", req.GetProject())
	set("PULUMI_STACK", req.GetStack())
	set("PULUMI_ORGANIZATION", req.GetOrganization())
	set("PULUMI_ROOT_DIRECTORY", info.GetRootDirectory())
	set("PULUMI_DRY_RUN", strconv.FormatBool(req.GetDryRun()))
	set("PULUMI_PARALLEL", strconv.Itoa(int(req.GetParallel())))

	child := langhost.NewChild(ctx, h.Cancelled, program, req.GetArgs()...)
	child.Dir, child.Env = info.GetProgramDirectory(), env
	child.Stdout, child.Stderr = os.Stdout, os.Stderr
	return langhost.RunResult(child.Run()), nil
}

// program is the executable to run: the project's `binary`, or the entry point built to `buildTarget` or to a
// temporary file that cleanup removes. A build that fails says so with the compiler's output already on stderr.
func (h *Host) program(ctx context.Context, info *pulumirpc.ProgramInfo, opts options) (string, func(), error) {
	dir := info.GetProgramDirectory()
	if opts.binary != "" {
		return absolute(dir, opts.binary), func() {}, nil
	}
	target, cleanup := absolute(dir, opts.buildTarget), func() {}
	if opts.buildTarget == "" {
		tmp, err := os.MkdirTemp("", "pulumi-go-program-")
		if err != nil {
			return "", cleanup, fmt.Errorf("creating a directory to build the program in: %w", err)
		}
		target, cleanup = filepath.Join(tmp, "program"), func() { _ = os.RemoveAll(tmp) }
	}
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	} else if !filepath.IsAbs(entry) && !strings.HasPrefix(entry, ".") {
		entry = "./" + entry // a directory of the program, not an import path
	}
	if err := h.goCommand(ctx, dir, os.Stderr, os.Stderr, "build", "-o", target, entry); err != nil {
		return "", cleanup, fmt.Errorf("building the Go program in %s: %w", dir, err)
	}
	return target, cleanup, nil
}

func absolute(dir, path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}
