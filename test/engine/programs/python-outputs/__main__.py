"""Stack outputs from config: a plain value, one derived from the project and stack, its base64 form, a secret."""
import base64

import pulumi

config = pulumi.Config()
greeting = config.require("greeting")
token = config.require_secret("token")

pulumi.export("greeting", greeting)
banner = "/".join([greeting, pulumi.get_project(), pulumi.get_stack()])
pulumi.export("banner", banner)
pulumi.export("token", token)
pulumi.export("encoded", base64.b64encode(banner.encode()).decode())
