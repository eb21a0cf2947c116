// pulumi-language-python is the engine's Python language host, built by scripts/engine/build.sh next to `pulumi`.
package main

import (
	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/python"
)

func main() { langhost.Main("pulumi-language-python", python.New) }
