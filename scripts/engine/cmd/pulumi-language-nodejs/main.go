// pulumi-language-nodejs is the engine's Node.js language host, built by scripts/engine/build.sh next to `pulumi`.
package main

import (
	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/langhost"
	"github.com/alicloud-domain-tasks/pulumi-alicloud-domain-tasks/scripts/engine/nodejs"
)

func main() { langhost.Main("pulumi-language-nodejs", nodejs.New) }
