/**
 * Who the plugin is: its package name (the first part of every token, the `pulumi-resource-<name>` the engine
 * looks for, the config namespace), its tokens, and its version (this package's, read from its package.json).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CONFIG_NAMESPACE } from "../../sdk/config";

/** The Pulumi package name; stack config keys are `alicloud-domain-tasks:<key>`. */
export const PLUGIN_PACKAGE = CONFIG_NAMESPACE;
/** The module of every token. */
export const PLUGIN_MODULE = "index";

/** `alicloud-domain-tasks:index:<member>`: a resource's or function's token. */
export const tokenOf = (member: string): string => `${PLUGIN_PACKAGE}:${PLUGIN_MODULE}:${member}`;

/** The member a token names, or undefined when the token is not one of this package's. */
export const memberOf = (token: string): string | undefined => {
  const prefix = `${PLUGIN_PACKAGE}:${PLUGIN_MODULE}:`;
  return token.startsWith(prefix) ? token.slice(prefix.length) : undefined;
};

/** This package's version, from the nearest package.json named pulumi-alicloud-domain-tasks (source, dist or an archive). */
export const pluginVersion = (): string => {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "pulumi-alicloud-domain-tasks" && manifest.version) return manifest.version;
    } catch {
      // no package.json here: look further up
    }
    if (dirname(dir) === dir) throw new Error(`the plugin found no package.json of pulumi-alicloud-domain-tasks above ${__dirname}`);
  }
};
