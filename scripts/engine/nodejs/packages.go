package nodejs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// GetRequiredPackages lists the resource plugins the program's installed packages declare: every package under
// the program directory's node_modules (nested ones and symlinked ones too) whose package.json has
// `"pulumi": {"resource": true}`, named by `pulumi.name` or, for @pulumi/<name>, by <name>. The engine installs
// these before it runs the program. Policy packs inside the program directory are not the program's dependencies.
func (h *Host) GetRequiredPackages(_ context.Context, req *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	found, err := findPluginPackages(req.GetInfo().GetProgramDirectory())
	if err != nil {
		// As the engine's own hosts do: a package we could not read is logged, the rest still count.
		logging.V(3).Infof("finding the program's plugin packages: %v", err)
	}
	packages := make([]*pulumirpc.PackageDependency, 0, len(found))
	for _, p := range found {
		dep := &pulumirpc.PackageDependency{Name: p.name, Kind: "resource", Version: p.version, Server: p.server}
		if param := p.parameterization; param != nil {
			dep.Parameterization = &pulumirpc.PackageParameterization{Name: param.Name, Version: param.Version, Value: param.Value}
		}
		packages = append(packages, dep)
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// GetRequiredPlugins is the older form of GetRequiredPackages, for engines that still ask it.
func (h *Host) GetRequiredPlugins(ctx context.Context, req *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	info := req.GetInfo()
	if info == nil {
		info = &pulumirpc.ProgramInfo{ProgramDirectory: req.GetPwd()} //nolint:staticcheck // older engines send only pwd
	}
	packages, err := h.GetRequiredPackages(ctx, &pulumirpc.GetRequiredPackagesRequest{Info: info})
	if err != nil {
		return nil, err
	}
	plugins := make([]*pulumirpc.PluginDependency, 0, len(packages.GetPackages()))
	for _, p := range packages.GetPackages() {
		plugins = append(plugins, &pulumirpc.PluginDependency{Name: p.Name, Kind: p.Kind, Version: p.Version, Server: p.Server})
	}
	return &pulumirpc.GetRequiredPluginsResponse{Plugins: plugins}, nil
}

// pluginPackage is one installed package that brings a resource plugin.
type pluginPackage struct {
	name, version, server string
	parameterization      *plugin.PulumiParameterizationJSON
}

// packageManifest is the part of a package.json that says whether the package has a plugin.
type packageManifest struct {
	Name    string                  `json:"name"`
	Version string                  `json:"version"`
	Pulumi  plugin.PulumiPluginJSON `json:"pulumi"`
}

// findPluginPackages walks dir: outside node_modules every directory but policy packs and hidden ones; inside a
// node_modules, each package (and each @scope's packages), then that package's own node_modules. Symlinks are
// followed (npm links `file:` dependencies); each real directory is visited once.
func findPluginPackages(dir string) ([]pluginPackage, error) {
	w := &pluginWalk{visited: map[string]bool{}, found: map[string]pluginPackage{}}
	w.directory(dir, true)
	list := make([]pluginPackage, 0, len(w.found))
	for _, p := range w.found {
		list = append(list, p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].name+list[i].version < list[j].name+list[j].version })
	return list, errors.Join(w.errs...)
}

type pluginWalk struct {
	visited map[string]bool
	found   map[string]pluginPackage
	errs    []error
}

// enter resolves path and reports whether it is a directory not yet visited.
func (w *pluginWalk) enter(path string) (string, bool) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		w.errs = append(w.errs, err)
		return "", false
	}
	info, err := os.Stat(real)
	if err != nil || !info.IsDir() || w.visited[real] {
		return "", false
	}
	w.visited[real] = true
	return real, true
}

func (w *pluginWalk) directory(path string, root bool) {
	dir, ok := w.enter(path)
	if !ok {
		return
	}
	if pack, err := workspace.DetectPolicyPackPathAt(dir); err == nil && pack != "" && !root {
		return
	}
	for _, name := range w.entries(dir) {
		switch {
		case name == "node_modules":
			w.nodeModules(filepath.Join(dir, name))
		case !strings.HasPrefix(name, "."):
			w.directory(filepath.Join(dir, name), false)
		}
	}
}

func (w *pluginWalk) nodeModules(path string) {
	dir, ok := w.enter(path)
	if !ok {
		return
	}
	for _, name := range w.entries(dir) {
		switch {
		case strings.HasPrefix(name, "."): // .bin, .cache; pnpm's .pnpm store is reached through its symlinks
		case strings.HasPrefix(name, "@"):
			if scope, ok := w.enter(filepath.Join(dir, name)); ok {
				for _, pkg := range w.entries(scope) {
					w.pkg(filepath.Join(scope, pkg))
				}
			}
		default:
			w.pkg(filepath.Join(dir, name))
		}
	}
}

func (w *pluginWalk) pkg(path string) {
	dir, ok := w.enter(path)
	if !ok {
		return
	}
	if data, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil {
		var manifest packageManifest
		if err := json.Unmarshal(data, &manifest); err != nil {
			w.errs = append(w.errs, fmt.Errorf("reading %s: %w", filepath.Join(dir, "package.json"), err))
		} else if p, ok, err := pluginOf(manifest); err != nil {
			w.errs = append(w.errs, fmt.Errorf("%s: %w", filepath.Join(dir, "package.json"), err))
		} else if ok {
			w.found[p.name+"@"+p.version] = p
		}
	}
	w.nodeModules(filepath.Join(dir, "node_modules"))
}

func (w *pluginWalk) entries(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.errs = append(w.errs, err)
		return nil
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.IsDir() || e.Type()&os.ModeSymlink != 0 {
			names = append(names, e.Name())
		}
	}
	return names
}

// pluginOf reads a package.json's plugin declaration: the plugin's name (pulumi.name, or <name> of @pulumi/<name>;
// any other package must name its plugin) and version (pulumi.version, else the package's, with a leading v).
func pluginOf(m packageManifest) (pluginPackage, bool, error) {
	if !m.Pulumi.Resource {
		return pluginPackage{}, false, nil
	}
	name := m.Pulumi.Name
	if name == "" {
		rest, scoped := strings.CutPrefix(m.Name, "@pulumi/")
		if !scoped {
			return pluginPackage{}, false, fmt.Errorf("package %q declares a resource plugin but not its name: "+
				"add \"name\" to its \"pulumi\" section", m.Name)
		}
		name = rest
	}
	version := m.Pulumi.Version
	if version == "" {
		version = m.Version
	}
	if version == "" {
		return pluginPackage{}, false, fmt.Errorf("package %q declares plugin %q without a version", m.Name, name)
	}
	if !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	return pluginPackage{name: name, version: version, server: m.Pulumi.Server, parameterization: m.Pulumi.Parameterization}, true, nil
}
