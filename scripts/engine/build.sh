#!/usr/bin/env bash
# npm run engine:build - the real Pulumi engine, built from Go modules into .engine/bin (git-ignored):
#   pulumi                          the CLI, github.com/pulumi/pulumi/pkg/v3/cmd/pulumi at the version go.mod pins,
#                                   with that version stamped in (`pulumi version` prints it);
#   pulumi-language-nodejs          our Node.js language host (./cmd/pulumi-language-nodejs): Pulumi's own host module
#                                   is not served by the Go module proxy;
#   pulumi-language-python          our Python and Go language hosts (./cmd/...), for the same reason, with the
#   pulumi-language-go              script the Python host runs programs through (pulumi-language-python-exec) and
#                                   the Python dynamic-provider launcher, both from the pinned sdk/v3 module (python/);
#   pulumi-resource-pulumi-nodejs   the dynamic-provider launcher a released CLI ships, taken from the pinned
#                                   sdk/v3 module (nodejs/dist), which the engine runs for dynamic resources;
#   pulumi-language-yaml            Pulumi's YAML language host, github.com/pulumi/pulumi-yaml, built unmodified in its
#                                   own module (./yaml) at the pkg/sdk version its release pins: its newest served
#                                   release does not compile against the engine's pin (docs/engine-languages.md).
# The pin lives in go.mod alone (pkg/v3 and sdk/v3 at one version). A second run with nothing changed is a no-op:
# .engine/stamp holds a hash of every input (go.mod, go.sum, the Go sources, this script, the Go version).
# Needs Go (go.mod's `go` line or newer) and the Go module proxy; `npm test` needs neither.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/.engine/bin"
stamp="$repo/.engine/stamp"

if ! command -v go >/dev/null 2>&1; then
  echo "engine:build: go is not on PATH. Install Go $(sed -n 's/^go //p' "$here/go.mod") or later to build the engine;" \
    "npm test does not need it." >&2
  exit 1
fi
# Never download another toolchain, never rewrite go.mod/go.sum: the pin is what is committed.
export GOTOOLCHAIN=local GOFLAGS="-mod=readonly"
cd "$here"

inputs_hash() {
  {
    go version
    find . -type f \( -name '*.go' -o -name go.mod -o -name go.sum -o -name build.sh \) -print0 | sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}
binaries=(pulumi pulumi-language-nodejs pulumi-resource-pulumi-nodejs pulumi-language-yaml
  pulumi-language-python pulumi-language-python-exec pulumi-resource-pulumi-python pulumi-language-go)
hash="$(inputs_hash)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  missing=0
  for b in "${binaries[@]}"; do [ -x "$out/$b" ] || missing=1; done
  if [ "$missing" -eq 0 ]; then
    echo "engine:build: up to date ($("$out/pulumi" version) in .engine/bin)"
    exit 0
  fi
fi

version="$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)"
sdk_version="$(go list -m -f '{{.Version}}' github.com/pulumi/pulumi/sdk/v3)"
if [ "$version" != "$sdk_version" ]; then
  echo "engine:build: go.mod pins pkg/v3 $version but sdk/v3 $sdk_version; pin both at one version." >&2
  exit 1
fi
started=$SECONDS
echo "engine:build: building Pulumi $version into .engine/bin (go $(go env GOVERSION), GOMODCACHE $(go env GOMODCACHE))"
mkdir -p "$out"
rm -f "$stamp"
ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
go build -ldflags "$ldflags" -o "$out/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
go build -ldflags "$ldflags" -o "$out/" ./cmd/...
sdk_dir="$(go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)"
install -m 0755 "$sdk_dir/nodejs/dist/pulumi-resource-pulumi-nodejs" "$out/pulumi-resource-pulumi-nodejs"
install -m 0755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$out/pulumi-language-python-exec"
install -m 0755 "$sdk_dir/python/dist/pulumi-resource-pulumi-python" "$out/pulumi-resource-pulumi-python"
yaml_version="$(go list -C yaml -m -f '{{.Version}}' github.com/pulumi/pulumi-yaml)"
go build -C yaml -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" -o "$out/" \
  github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml

printed="$("$out/pulumi" version)"
if [ "$printed" != "$version" ]; then
  echo "engine:build: .engine/bin/pulumi version printed '$printed', expected $version" >&2
  exit 1
fi
echo "$hash" > "$stamp"
echo "engine:build: built Pulumi $printed in $((SECONDS - started)) s: $(cd "$out" && echo *)"
