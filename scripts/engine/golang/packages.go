package golang

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// goPackage is the part of `go list -json` output the host reads.
type goPackage struct {
	ImportPath string
	Dir        string
	Standard   bool
	Module     *goModule
}

type goModule struct {
	Path     string
	Version  string
	Dir      string
	Main     bool
	Indirect bool
	Replace  *goModule
}

// GetRequiredPackages lists the plugins of the Pulumi SDKs the program imports (the engine installs them before the
// run): every package among the program's dependencies (`go list -deps ./...`) whose directory holds a
// pulumi-plugin.json with `"resource": true`, named by it, at its version or else its module's.
func (h *Host) GetRequiredPackages(ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	dir := req.GetInfo().GetProgramDirectory()
	var out, stderr bytes.Buffer
	if err := h.goCommand(ctx, dir, &out, &stderr, "list", "-deps", "-json", "./..."); err != nil {
		return nil, fmt.Errorf("listing the packages the Go program in %s imports: %w\n%s"+
			"(install its dependencies with `pulumi install` or `go mod tidy`)", dir, err, stderr.String())
	}
	found := map[string]*pulumirpc.PackageDependency{}
	decoder := json.NewDecoder(&out)
	for {
		var p goPackage
		if err := decoder.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading `go list -deps -json` of %s: %w", dir, err)
		}
		if p.Standard || p.Dir == "" {
			continue
		}
		dep, err := pluginOf(p)
		if err != nil {
			// As the engine's own hosts do: a package we cannot read is logged, the rest still count.
			logging.V(3).Infof("GetRequiredPackages: %v", err)
		} else if dep != nil {
			found[dep.Name+"@"+dep.Version] = dep
		}
	}
	packages := make([]*pulumirpc.PackageDependency, 0, len(found))
	for _, dep := range found {
		packages = append(packages, dep)
	}
	sort.Slice(packages, func(i, j int) bool {
		return packages[i].Name+packages[i].Version < packages[j].Name+packages[j].Version
	})
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// GetRequiredPlugins is the older form of GetRequiredPackages, for engines that still ask it.
func (h *Host) GetRequiredPlugins(ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return langhost.RequiredPlugins(ctx, req, h.GetRequiredPackages)
}

// pluginOf reads the pulumi-plugin.json in a package's directory: nil when there is none or it declares no
// resource plugin.
func pluginOf(p goPackage) (*pulumirpc.PackageDependency, error) {
	file := filepath.Join(p.Dir, "pulumi-plugin.json")
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var declared plugin.PulumiPluginJSON
	if err := json.Unmarshal(data, &declared); err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	if !declared.Resource {
		return nil, nil
	}
	if declared.Name == "" {
		return nil, fmt.Errorf("%s (package %s) declares a resource plugin but not its name", file, p.ImportPath)
	}
	version := declared.Version
	if version == "" && p.Module != nil {
		version = p.Module.Version // a replaced module's is the pseudo-version v0.0.0-...: no plugin has it
		if r := p.Module.Replace; r != nil {
			version = r.Version
		}
	}
	if version == "" || strings.HasPrefix(version, "v0.0.0-") {
		return nil, fmt.Errorf("%s (package %s) names no plugin version and its module has none", file, p.ImportPath)
	}
	if !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	dep := &pulumirpc.PackageDependency{Name: declared.Name, Kind: "resource", Version: version, Server: declared.Server}
	if param := declared.Parameterization; param != nil {
		dep.Parameterization = &pulumirpc.PackageParameterization{Name: param.Name, Version: param.Version, Value: param.Value}
	}
	return dep, nil
}
