package langhost

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/pkg/v3/resource/plugin"
	codegenrpc "github.com/pulumi/pulumi/sdk/v3/proto/go/codegen"
)

// What the engine asks a language host to generate (`pulumi convert`, `pulumi import`, `pulumi package gen-sdk` /
// `add`) is done by pkg/v3's code generators; a host only binds the request to them. These helpers do the
// language-free part: reach the engine's schema loader, bind PCL, bind a package schema, write files.

// Loader connects to the schema loader the engine serves at target (closed by the returned function).
func Loader(target string) (schema.ReferenceLoader, func(), error) {
	client, err := schema.NewLoaderClient(target)
	if err != nil {
		return nil, nil, fmt.Errorf("connecting to the engine's schema loader at %s: %w", target, err)
	}
	return schema.NewCachedLoader(client), func() { _ = client.Close() }, nil
}

// BindSource binds PCL files (name -> text), as `pulumi import` sends them; strict=false tolerates references to
// parents and providers the generated program does not declare.
func BindSource(source map[string]string, loader schema.ReferenceLoader, strict bool, opts ...pcl.BindOption) (*pcl.Program, hcl.Diagnostics, error) {
	parser := syntax.NewParser()
	for name, text := range source {
		if err := parser.ParseFile(strings.NewReader(text), name); err != nil {
			return nil, nil, fmt.Errorf("parsing %s: %w", name, err)
		}
	}
	if parser.Diagnostics.HasErrors() {
		return nil, parser.Diagnostics, nil
	}
	if !strict {
		opts = append(opts, pcl.NonStrictBindOptions()...)
	}
	return pcl.BindProgram(parser.Files, loader, opts...)
}

// BindDirectory binds the PCL program in dir, as `pulumi convert` leaves it.
func BindDirectory(dir string, loader schema.ReferenceLoader, strict bool, opts ...pcl.BindOption) (*pcl.Program, hcl.Diagnostics, error) {
	if !strict {
		opts = append(opts, pcl.NonStrictBindOptions()...)
	}
	return pcl.BindDirectory(dir, loader, opts...)
}

// BindSchema binds a package schema (JSON), as `pulumi package gen-sdk` sends it.
func BindSchema(text string, loader schema.ReferenceLoader) (*schema.Package, hcl.Diagnostics, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(text), &spec); err != nil {
		return nil, nil, fmt.Errorf("reading the package schema: %w", err)
	}
	return schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
}

// Diagnostics converts binder diagnostics for a response.
func Diagnostics(diags hcl.Diagnostics) []*codegenrpc.Diagnostic {
	return plugin.HclDiagnosticsToRPCDiagnostics(diags)
}

// WriteFiles writes generated files (path relative to dir -> contents).
func WriteFiles(dir string, files map[string][]byte) error {
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
	}
	return nil
}
