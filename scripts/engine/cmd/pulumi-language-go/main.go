// pulumi-language-go is the engine's Go language host, built by scripts/engine/build.sh next to `pulumi`.
package main

import (
	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/golang"
	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
)

func main() { langhost.Main("pulumi-language-go", golang.New) }
