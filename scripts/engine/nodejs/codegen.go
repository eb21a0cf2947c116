package nodejs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/cgstrings"
	codegen "github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/nodejs/npm"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

const generator = "pulumi-language-nodejs"

// GenerateProgram writes a PCL program as TypeScript (`pulumi import` generates the code of what it imported).
func (h *Host) GenerateProgram(_ context.Context, req *pulumirpc.GenerateProgramRequest) (*pulumirpc.GenerateProgramResponse, error) {
	loader, done, err := langhost.Loader(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer done()
	program, diags, err := langhost.BindSource(req.GetSource(), loader, req.GetStrict(), pcl.PreferOutputVersionedInvokes)
	if err != nil || diags.HasErrors() {
		return &pulumirpc.GenerateProgramResponse{Diagnostics: langhost.Diagnostics(diags)}, err
	}
	files, genDiags, err := codegen.GenerateProgramWithOptions(program, codegen.ProgramOptions{Runtime: "nodejs"})
	if err != nil {
		return nil, err
	}
	return &pulumirpc.GenerateProgramResponse{Source: files, Diagnostics: langhost.Diagnostics(append(diags, genDiags...))}, nil
}

// GenerateProject writes a PCL program as a TypeScript project: index.ts, package.json, tsconfig.json, Pulumi.yaml
// (`pulumi convert --language typescript`).
func (h *Host) GenerateProject(_ context.Context, req *pulumirpc.GenerateProjectRequest) (*pulumirpc.GenerateProjectResponse, error) {
	loader, done, err := langhost.Loader(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer done()
	program, diags, err := langhost.BindDirectory(req.GetSourceDirectory(), loader, req.GetStrict(), pcl.PreferOutputVersionedInvokes)
	if err != nil || diags.HasErrors() {
		return &pulumirpc.GenerateProjectResponse{Diagnostics: langhost.Diagnostics(diags)}, err
	}
	var project workspace.Project
	if err := json.Unmarshal([]byte(req.GetProject()), &project); err != nil {
		return nil, fmt.Errorf("reading the project to generate: %w", err)
	}
	if err := codegen.GenerateProject(req.GetTargetDirectory(), project, program, req.GetLocalDependencies(), false, "nodejs"); err != nil {
		return nil, err
	}
	return &pulumirpc.GenerateProjectResponse{Diagnostics: langhost.Diagnostics(diags)}, nil
}

// GeneratePackage writes a Node.js SDK for a package schema (`pulumi package gen-sdk --language nodejs`,
// `pulumi package add`).
func (h *Host) GeneratePackage(_ context.Context, req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	loader, done, err := langhost.Loader(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer done()
	pkg, diags, err := langhost.BindSchema(req.GetSchema(), loader)
	if err != nil || diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: langhost.Diagnostics(diags)}, err
	}
	files, err := codegen.GeneratePackage(generator, pkg, req.GetExtraFiles(), req.GetLocalDependencies(), req.GetLocal(), loader)
	if err != nil {
		return nil, err
	}
	if err := langhost.WriteFiles(req.GetDirectory(), files); err != nil {
		return nil, err
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: langhost.Diagnostics(diags)}, nil
}

// Link adds generated SDKs (local directories) to the project's package.json (`pulumi package add`) and tells the
// user how to import them.
func (h *Host) Link(ctx context.Context, req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	info := req.GetInfo()
	opts, err := parseOptions(info)
	if err != nil {
		return nil, err
	}
	loader, done, err := langhost.Loader(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer done()
	pm, err := npm.ResolvePackageManager(opts.packageManager, info.GetProgramDirectory())
	if err != nil {
		return nil, err
	}
	typescript := opts.typescript || fileExists(filepath.Join(info.GetProgramDirectory(), "tsconfig.json"))
	instructions := "You can import the SDK in your JavaScript code with:\n\n"
	if typescript {
		instructions = "You can import the SDK in your TypeScript code with:\n\n"
	}
	for _, dep := range req.GetPackages() {
		name, err := linkedPackageName(ctx, loader, dep.GetPackage())
		if err != nil {
			return nil, err
		}
		if err := pm.Link(ctx, info.GetProgramDirectory(), name, dep.GetPath()); err != nil {
			return nil, fmt.Errorf("adding %s (%s) to %s: %w", name, dep.GetPath(), info.GetProgramDirectory(), err)
		}
		binding := cgstrings.Camel(dep.GetPackage().GetName())
		if typescript {
			instructions += fmt.Sprintf("  import * as %s from %q;\n", binding, name)
		} else {
			instructions += fmt.Sprintf("  const %s = require(%q);\n", binding, name)
		}
	}
	return &pulumirpc.LinkResponse{ImportInstructions: instructions}, nil
}

// linkedPackageName is the npm name of a package's generated SDK: its schema's nodejs packageName, else
// @<namespace>/<name>, else @pulumi/<name>.
func linkedPackageName(ctx context.Context, loader schema.ReferenceLoader, dep *pulumirpc.PackageDependency) (string, error) {
	descriptor := &schema.PackageDescriptor{Name: dep.GetName(), DownloadURL: dep.GetServer()}
	if v, err := semver.ParseTolerant(dep.GetVersion()); err == nil {
		descriptor.Version = &v
	}
	if p := dep.GetParameterization(); p != nil {
		descriptor.Parameterization = &schema.ParameterizationDescriptor{Name: p.GetName(), Value: p.GetValue()}
		if v, err := semver.ParseTolerant(p.GetVersion()); err == nil {
			descriptor.Parameterization.Version = v
		}
	}
	ref, err := schema.LoadPackageReferenceV2(ctx, loader, descriptor)
	if err != nil {
		return "", fmt.Errorf("loading the schema of %s: %w", dep.GetName(), err)
	}
	pkg, err := ref.Definition()
	if err != nil {
		return "", err
	}
	if err := pkg.ImportLanguages(map[string]schema.Language{"nodejs": codegen.Importer}); err != nil {
		return "", err
	}
	if info, ok := pkg.Language["nodejs"].(codegen.NodePackageInfo); ok && info.PackageName != "" {
		return info.PackageName, nil
	}
	if pkg.Namespace != "" {
		return "@" + pkg.Namespace + "/" + pkg.Name, nil
	}
	return "@pulumi/" + pkg.Name, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}
