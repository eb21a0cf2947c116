// Package nodejs is our Node.js language host: what `pulumi-language-nodejs` does for the engine, written for this
// project because Pulumi's own host module (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is
// not served by the Go module proxy. The Node.js side is the program's own @pulumi/pulumi: the host finds its entry
// points (cmd/run, cmd/run-plugin, cmd/run-policy-pack) from the program's directory and runs them with node.
package nodejs

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/google/shlex"
	"github.com/pulumi/pulumi/sdk/v3/nodejs/npm"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// Host serves the LanguageRuntime service for Node.js programs, policy packs and plugins.
type Host struct {
	*langhost.Base
}

// New returns a host for an engine at engineAddress.
func New(engineAddress string) pulumirpc.LanguageRuntimeServer {
	return &Host{Base: langhost.NewBase(engineAddress)}
}

// options are a Node.js project's runtime options (Pulumi.yaml `runtime.options`, PulumiPolicy.yaml, PulumiPlugin.yaml).
type options struct {
	typescript     bool // run .ts sources through ts-node (default true)
	tsconfig       string
	nodeArgs       []string
	packageManager npm.PackageManagerType
}

func parseOptions(info *pulumirpc.ProgramInfo) (options, error) {
	opts := options{typescript: true, packageManager: npm.AutoPackageManager}
	raw := map[string]any{}
	if info.GetOptions() != nil {
		raw = info.GetOptions().AsMap()
	}
	wrong := func(name string, value any, want string) error {
		return fmt.Errorf("runtime option %q is %v (%T); it must be %s - fix runtime.options in %s/Pulumi.yaml",
			name, value, value, want, info.GetRootDirectory())
	}
	if v, ok := raw["typescript"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return opts, wrong("typescript", v, "true or false")
		}
		opts.typescript = b
	}
	if v, ok := raw["tsconfig"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, wrong("tsconfig", v, "a path to a tsconfig file")
		}
		opts.tsconfig = s
	}
	if v, ok := raw["nodeargs"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, wrong("nodeargs", v, `a string of node flags, e.g. "--max-old-space-size=4096"`)
		}
		args, err := shlex.Split(s)
		if err != nil {
			return opts, wrong("nodeargs", v, "a string of node flags with balanced quotes")
		}
		opts.nodeArgs = args
	}
	if v, ok := raw["packagemanager"]; ok {
		s, _ := v.(string)
		switch npm.PackageManagerType(s) {
		case npm.AutoPackageManager, npm.NpmPackageManager, npm.YarnPackageManager, npm.PnpmPackageManager, npm.BunPackageManager:
			opts.packageManager = npm.PackageManagerType(s)
		default:
			return opts, wrong("packagemanager", v, "one of auto, npm, yarn, pnpm, bun")
		}
	}
	return opts, nil
}

// env is what the project's options add to a node process's environment: @pulumi/pulumi's cmd/run reads these.
func (o options) env() []string {
	var env []string
	if o.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if o.tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+o.tsconfig)
	}
	return env
}

// nodeBinary is the `node` on PATH.
func nodeBinary() (string, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return "", fmt.Errorf("could not find node on PATH (%w): install Node.js 20 or later", err)
	}
	return node, nil
}

// resolveModule finds module (e.g. "@pulumi/pulumi/cmd/run") as the program in dir would: with node's own
// require.resolve, so nested node_modules, workspaces and symlinked packages resolve exactly as they will at run time.
func resolveModule(ctx context.Context, node, dir, module string) (string, error) {
	cmd := exec.CommandContext(ctx, node, "-p", "require.resolve(process.argv[1])", module)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		detail := err.Error()
		if exit, ok := err.(*exec.ExitError); ok && strings.Contains(string(exit.Stderr), "Cannot find module") {
			detail = "not installed"
		}
		return "", fmt.Errorf("could not find %s from %s (%s): install the project's dependencies "+
			"(`pulumi install`, or `npm install` in that directory) - @pulumi/pulumi must be among them", module, dir, detail)
	}
	return strings.TrimSpace(string(out)), nil
}
