/**
 * What the plugin serves: every declared resource (adding one to the plugin is adding its declaration here) and
 * the functions, by token. The schema (./schema.generated.ts, from scripts/docs/plugin-schema.ts) lists the same.
 */
import type { ResourceDeclaration } from "../core/declaration";
import { domainTask } from "../declaration";
import { domainNameServers } from "../name-servers/declaration";
import { readTaskDetails, type GetTaskDetailsArgs } from "../task-details";
import { tokenOf } from "./package-info";

/** The resources, each a declaration on the provider core. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each declaration has its own inputs and state
export const PLUGIN_RESOURCES: readonly ResourceDeclaration<any, any>[] = [domainTask, domainNameServers];

/** A provider function: its args (plain JSON) and the provider's config (stack config keys) in, its result out. */
export type PluginFunction = (args: Record<string, unknown>, config: (key: string) => string | undefined) => Promise<object>;

/** The functions, by member name (the token's last part). */
export const PLUGIN_FUNCTIONS: Readonly<Record<string, PluginFunction>> = {
  getTaskDetails: (args, config) => readTaskDetails(args as unknown as GetTaskDetailsArgs, config),
};

/** Tokens of everything served, for messages. */
export const servedTokens = (): string[] => [...PLUGIN_RESOURCES.map((r) => tokenOf(r.type)), ...Object.keys(PLUGIN_FUNCTIONS).map(tokenOf)];
