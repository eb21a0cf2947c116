package golang

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"golang.org/x/mod/modfile"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// InstallDependencies makes the program's go.mod and go.sum complete and downloads its modules (`go mod tidy`), for
// `pulumi install`, `pulumi new` and `pulumi package add`.
func (h *Host) InstallDependencies(req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer) error {
	return langhost.InstallDependencies(req, server, func(ctx context.Context, dir string, stdout, stderr io.Writer) error {
		return h.goCommand(ctx, dir, stdout, stderr, "mod", "tidy")
	})
}

// About names the go that builds the programs (`pulumi about`, and each update's metadata).
func (h *Host) About(ctx context.Context, _ *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	gobin, err := goBinary()
	if err != nil {
		return nil, err
	}
	out, err := exec.CommandContext(ctx, gobin, "env", "GOVERSION").Output()
	if err != nil {
		return nil, fmt.Errorf("asking %s for its version: %w", gobin, err)
	}
	return &pulumirpc.AboutResponse{Executable: gobin, Version: strings.TrimPrefix(strings.TrimSpace(string(out)), "go")}, nil
}

// GetProgramDependencies lists the modules the program requires (`pulumi about`): what its go.mod requires directly
// (read from the file, so it needs no download), or with transitive set every module in its build list.
func (h *Host) GetProgramDependencies(ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	dir := req.GetInfo().GetProgramDirectory()
	if !req.GetTransitiveDependencies() {
		return directRequirements(dir)
	}
	var out, stderr bytes.Buffer
	if err := h.goCommand(ctx, dir, &out, &stderr, "list", "-m", "-json", "all"); err != nil {
		return nil, fmt.Errorf("listing the modules of the Go program in %s: %w: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	var deps []*pulumirpc.DependencyInfo
	decoder := json.NewDecoder(&out)
	for {
		var m goModule
		if err := decoder.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading `go list -m -json all` of %s: %w", dir, err)
		}
		if !m.Main {
			deps = append(deps, &pulumirpc.DependencyInfo{Name: m.Path, Version: versionOf(m.Version, m.Replace)})
		}
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

// directRequirements are the requirements of dir/go.mod not marked indirect.
func directRequirements(dir string) (*pulumirpc.GetProgramDependenciesResponse, error) {
	file := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading the Go program's go.mod: %w", err)
	}
	mod, err := modfile.Parse(file, data, nil)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	replaced := map[string]*goModule{}
	for _, r := range mod.Replace {
		replaced[r.Old.Path] = &goModule{Path: r.New.Path, Version: r.New.Version}
	}
	var deps []*pulumirpc.DependencyInfo
	for _, r := range mod.Require {
		if !r.Indirect {
			deps = append(deps, &pulumirpc.DependencyInfo{Name: r.Mod.Path, Version: versionOf(r.Mod.Version, replaced[r.Mod.Path])})
		}
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

// versionOf is a required module's version, or what replaces it: another version, or a local directory.
func versionOf(version string, replace *goModule) string {
	switch {
	case replace == nil:
		return version
	case replace.Version != "":
		return replace.Version
	default:
		return replace.Path // a directory: its path says more than the placeholder version required
	}
}
