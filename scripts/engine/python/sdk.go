package python

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// GeneratePackage writes a Python SDK for a package schema with Pulumi's own Python code generator
// (`pulumi package gen-sdk --language python`, and the first step of `pulumi package add` in a Python project).
func (h *Host) GeneratePackage(ctx context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	return langhost.GeneratePackage(ctx, req, func(pkg *schema.Package, loader schema.ReferenceLoader, req *pulumirpc.GeneratePackageRequest) (map[string][]byte, error) {
		return python.GeneratePackage("pulumi-language-python", pkg, req.GetExtraFiles(), loader)
	})
}

// Link adds SDKs generated into the project (by `pulumi package add`) to its requirements - a path line in
// requirements.txt for pip, `uv add` / `poetry add` for those - and says how to import each. The engine then calls
// InstallDependencies.
func (h *Host) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	tc, err := toolchainOf(req.GetInfo())
	if err != nil {
		return nil, err
	}
	root := req.GetInfo().GetRootDirectory()
	paths := map[string]string{}
	var instructions []string
	for _, dep := range req.GetPackages() {
		module, err := langhost.PluginPackageDir(filepath.Join(root, dep.GetPath()))
		if err != nil {
			return nil, err
		}
		paths[module] = dep.GetPath()
		alias := strings.ReplaceAll(dep.GetPackage().GetName(), "-", "_")
		instructions = append(instructions, fmt.Sprintf("import %s as %s", module, alias))
	}
	if err := tc.LinkPackages(ctx, paths); err != nil {
		return nil, fmt.Errorf("adding %v to the requirements of %s: %w", paths, root, err)
	}
	return &pulumirpc.LinkResponse{ImportInstructions: "You can then import the SDK in your Python code with:\n\n  " +
		strings.Join(instructions, "\n  ") + "\n"}, nil
}
