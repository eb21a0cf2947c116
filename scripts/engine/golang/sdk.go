package golang

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"golang.org/x/mod/modfile"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// GeneratePackage writes a Go SDK for a package schema with Pulumi's own Go code generator (`pulumi package gen-sdk
// --language go`, and the first step of `pulumi package add` in a Go project, which asks for a go.mod beside it).
func (h *Host) GeneratePackage(ctx context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	return langhost.GeneratePackage(ctx, req, func(pkg *schema.Package, _ schema.ReferenceLoader, req *pulumirpc.GeneratePackageRequest) (map[string][]byte, error) {
		return gogen.GeneratePackage("pulumi-language-go", pkg, req.GetLocalDependencies())
	})
}

// unreleased is the version a go.mod requires a module at when a replace points it at a local directory.
const unreleased = "v0.0.0-00010101000000-000000000000"

// Link makes SDKs generated into the project (by `pulumi package add`) part of its module: for each, a require of
// the SDK's module and a replace pointing it at the SDK's directory, so `import "<module>/<package>"` builds. The
// engine then calls InstallDependencies (`go mod tidy`).
func (h *Host) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	root := req.GetInfo().GetRootDirectory()
	args := []string{"mod", "edit"}
	var imports []string
	for _, dep := range req.GetPackages() {
		sdk := filepath.Join(root, dep.GetPath())
		module, err := modulePath(sdk)
		if err != nil {
			return nil, err
		}
		pkg, err := langhost.PluginPackageDir(sdk)
		if err != nil {
			return nil, err
		}
		local := "./" + filepath.ToSlash(filepath.Clean(dep.GetPath()))
		args = append(args, "-require="+module+"@"+unreleased, "-replace="+module+"="+local)
		imports = append(imports, fmt.Sprintf("import %q", path.Join(module, pkg)))
	}
	var stderr bytes.Buffer
	if err := h.goCommand(ctx, root, os.Stderr, &stderr, args...); err != nil {
		return nil, fmt.Errorf("adding the SDKs to %s/go.mod: %w\n%s", root, err, stderr.String())
	}
	return &pulumirpc.LinkResponse{ImportInstructions: "You can then use the SDK in your Go code with:\n\n  " +
		strings.Join(imports, "\n  ") + "\n"}, nil
}

// modulePath is the module an SDK's go.mod declares.
func modulePath(sdk string) (string, error) {
	file := filepath.Join(sdk, "go.mod")
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("the SDK at %s has no readable go.mod (%w): generate it with `pulumi package add`, which writes one", sdk, err)
	}
	module := modfile.ModulePath(data)
	if module == "" {
		return "", fmt.Errorf("%s declares no module", file)
	}
	return module, nil
}
