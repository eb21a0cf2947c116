package langhost

import (
	"context"
	"fmt"
	"io"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// PackagesFunc is a host's GetRequiredPackages.
type PackagesFunc func(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error)

// RequiredPlugins answers GetRequiredPlugins, the older form of GetRequiredPackages that engines may still ask,
// from the host's GetRequiredPackages.
func RequiredPlugins(ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest, packages PackagesFunc) (*pulumirpc.GetRequiredPluginsResponse, error) {
	info := req.GetInfo()
	if info == nil {
		info = &pulumirpc.ProgramInfo{ProgramDirectory: req.GetPwd()} //nolint:staticcheck // older engines send only pwd
	}
	found, err := packages(ctx, &pulumirpc.GetRequiredPackagesRequest{Info: info})
	if err != nil {
		return nil, err
	}
	plugins := make([]*pulumirpc.PluginDependency, 0, len(found.GetPackages()))
	for _, p := range found.GetPackages() {
		plugins = append(plugins, &pulumirpc.PluginDependency{Name: p.Name, Kind: p.Kind, Version: p.Version, Server: p.Server})
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

// InstallFunc installs the dependencies of the program in dir, writing its progress to stdout and stderr.
type InstallFunc func(ctx context.Context, dir string, stdout, stderr io.Writer) error

// InstallDependencies answers InstallDependencies: install's output streams back to the engine as it comes.
func InstallDependencies(req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer, install InstallFunc) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()
	dir := req.GetInfo().GetProgramDirectory()
	fmt.Fprintf(stdout, "Installing dependencies in %s...\n", dir)
	if err := install(server.Context(), dir, stdout, stderr); err != nil {
		return fmt.Errorf("installing the dependencies of %s: %w", dir, err)
	}
	return closer.Close()
}
