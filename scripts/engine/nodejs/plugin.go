package nodejs

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// RunPlugin runs a plugin written in Node.js: a policy pack (`--policy-pack`, kind "analyzer") or a provider, tool
// or converter plugin with a PulumiPlugin.yaml. The engine reads the plugin's port from its stdout, which streams
// back with stderr until the plugin exits.
//
// Policy packs start through @pulumi/pulumi's cmd/run-policy-pack and read their stack (project, stack, config,
// dry-run) from the environment, which the engine sends only over gRPC (ConfigureStack): the Pulumi SDK's
// PolicyProxy answers the engine first, and the pack starts once it knows that configuration.
func (h *Host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	info := req.GetInfo()
	opts, err := parseOptions(info)
	if err != nil {
		return err
	}
	node, err := nodeBinary()
	if err != nil {
		return err
	}
	policyPack := req.GetKind() == string(apitype.AnalyzerPlugin)
	module := "@pulumi/pulumi/cmd/run-policy-pack"
	if !policyPack {
		module = os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
		if module == "" {
			module = "@pulumi/pulumi/cmd/run-plugin"
		}
	}
	entry, err := resolveModule(ctx, node, info.GetProgramDirectory(), module)
	if err != nil {
		return err
	}

	args := append(append([]string{}, opts.nodeArgs...), entry)
	env := append(append([]string{}, req.GetEnv()...), opts.env()...)
	dir := req.GetPwd()
	var proxy *sdk.PolicyProxy
	if policyPack {
		// run-policy-pack takes the engine's address first and the pack's directory last, and runs in the pack.
		args = append(append(args, req.GetArgs()...), info.GetProgramDirectory())
		dir = info.GetProgramDirectory()
		if proxy, stdout, err = sdk.NewPolicyProxy(ctx, stdout); err != nil {
			return fmt.Errorf("starting the policy pack's proxy: %w", err)
		}
		stack, err := proxy.AwaitConfiguration(ctx)
		if err != nil {
			return fmt.Errorf("waiting for the stack's configuration for the policy pack: %w", err)
		}
		stackEnv, err := policyPackEnv(stack)
		if err != nil {
			return err
		}
		env = append(env, stackEnv...)
	} else {
		args = append(append(args, info.GetProgramDirectory()), req.GetArgs()...)
	}

	child := langhost.NewChild(ctx, h.Cancelled, node, args...)
	child.Dir, child.Env = dir, env
	child.Stdout, child.Stderr = stdout, stderr
	if err := child.Start(); err != nil {
		if proxy != nil {
			proxy.Abort(err)
		}
		return fmt.Errorf("could not start %s: %w", entry, err)
	}
	var code int
	if proxy != nil {
		// Attach relays the engine's calls to the pack and waits for the pack to exit.
		code, err = child.Exited(proxy.Attach(ctx, child.Cmd))
	} else {
		code, err = child.Wait()
	}
	if err == nil && code != 0 {
		err = fmt.Errorf("plugin %s exited with non-zero exit code: %d", info.GetProgramDirectory(), code)
	}
	if err != nil {
		return err
	}
	return closer.Close()
}

// policyPackEnv is the stack a policy pack runs against, as @pulumi/pulumi reads it from the environment.
func policyPackEnv(stack *pulumirpc.AnalyzerStackConfigureRequest) ([]string, error) {
	if stack == nil {
		return nil, nil
	}
	var env []string
	set := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	set("PULUMI_NODEJS_ORGANIZATION", stack.GetOrganization())
	set("PULUMI_NODEJS_PROJECT", stack.GetProject())
	set("PULUMI_NODEJS_STACK", stack.GetStack())
	set("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(stack.GetDryRun()))
	if stack.GetConfig() != nil {
		config, err := json.Marshal(stack.GetConfig())
		if err != nil {
			return nil, fmt.Errorf("encoding the stack config for the policy pack: %w", err)
		}
		set("PULUMI_CONFIG", string(config))
	}
	return env, nil
}
