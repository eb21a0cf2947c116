// Package python is our Python language host: what `pulumi-language-python` does for the engine, written for this
// project because Pulumi's own host module (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) is
// not served by the Go module proxy. The Python side is the program's own `pulumi` package (PyPI), started through
// Pulumi's pulumi-language-python-exec script, which scripts/engine/build.sh installs next to this host from the
// pinned sdk/v3 module. Virtual environments and the pip, uv and poetry toolchains are sdk/v3's python/toolchain.
package python

import (
	"fmt"
	"os"
	"path/filepath"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"

	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

// execScript is the Python entry point a released CLI ships next to pulumi-language-python: it reads the stack's
// settings from its flags and the config from the environment, configures the `pulumi` package and runs the program.
const execScript = "pulumi-language-python-exec"

// Host serves the LanguageRuntime service for Python programs.
type Host struct {
	*langhost.Base
}

// New returns a host for an engine at engineAddress.
func New(engineAddress string) pulumirpc.LanguageRuntimeServer {
	return &Host{Base: langhost.NewBase(engineAddress)}
}

// options are a Python project's runtime options.
type options struct {
	toolchain   toolchain.PythonOptions
	typechecker string // "", "mypy" or "pyright": run over the program before it runs
}

// parseOptions reads `toolchain` (pip, uv, poetry; default: uv or poetry when their lock file is there, else pip),
// `virtualenv` (a directory relative to the project root, or absolute; pip only) and `typechecker` (mypy, pyright).
func parseOptions(info *pulumirpc.ProgramInfo) (options, error) {
	raw := langhost.OptionsOf(info)
	opts := options{toolchain: toolchain.PythonOptions{Root: info.GetRootDirectory(), ProgramDir: info.GetProgramDirectory()}}
	venv, _, err := raw.String("virtualenv", "a directory for the virtual environment, e.g. venv")
	if err != nil {
		return opts, err
	}
	opts.toolchain.Virtualenv = venv
	tc, err := raw.OneOf("toolchain", "", "pip", "uv", "poetry")
	if err != nil {
		return opts, err
	}
	switch tc { // unset: toolchain.Auto, the zero value
	case "pip":
		opts.toolchain.Toolchain = toolchain.Pip
	case "uv":
		opts.toolchain.Toolchain = toolchain.Uv
	case "poetry":
		opts.toolchain.Toolchain = toolchain.Poetry
	}
	if opts.typechecker, err = raw.OneOf("typechecker", "", "mypy", "pyright"); err != nil {
		return opts, err
	}
	return opts, nil
}

// resolve is the toolchain the options name, for the program's directory.
func (o options) resolve() (toolchain.Toolchain, error) {
	tc, err := toolchain.ResolveToolchain(o.toolchain)
	if err != nil {
		return nil, fmt.Errorf("choosing the Python toolchain for %s: %w", o.toolchain.ProgramDir, err)
	}
	return tc, nil
}

// toolchainOf is the toolchain of the program or plugin info describes.
func toolchainOf(info *pulumirpc.ProgramInfo) (toolchain.Toolchain, error) {
	opts, err := parseOptions(info)
	if err != nil {
		return nil, err
	}
	return opts.resolve()
}

// execScriptPath is pulumi-language-python-exec beside this host's own executable.
func execScriptPath() (string, error) {
	self, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("finding the language host's own executable: %w", err)
	}
	path := filepath.Join(filepath.Dir(self), execScript)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("%s is missing beside %s (%w): run `npm run engine:build`, which installs it", execScript, self, err)
	}
	return path, nil
}
