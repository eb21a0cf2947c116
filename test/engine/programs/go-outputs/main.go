// Stack outputs from config: a plain value, one derived from the project and stack, its base64 form, a secret.
package main

import (
	"encoding/base64"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		greeting := cfg.Require("greeting")
		token := cfg.RequireSecret("token")
		ctx.Export("greeting", pulumi.String(greeting))
		banner := strings.Join([]string{greeting, ctx.Project(), ctx.Stack()}, "/")
		ctx.Export("banner", pulumi.String(banner))
		ctx.Export("token", token)
		ctx.Export("encoded", pulumi.String(base64.StdEncoding.EncodeToString([]byte(banner))))
		return nil
	})
}
