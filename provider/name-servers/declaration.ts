/**
 * The DomainNameServers on the provider core (../core): "these domains use these name servers".
 *
 * - `create` submits SaveBatchTaskForModifyingDomainDns and waits until every domain's detail succeeded - unless a
 *   change for exactly these domains was already submitted (a run interrupted after its submit): then it waits on
 *   that task instead, and submits only if that task did not leave the name servers asked for. Never twice
 *   (./change).
 * - `update` does the same when `nameServers` or `aliyunDns` changed; other inputs change in place.
 * - `read` (refresh) asks the registry for each domain's name servers: drift shows as a change to `nameServers`.
 * - `delete` leaves the name servers as they are: a registrar cannot "delete" them.
 * - `check` and `diff` send nothing, so `pulumi preview` never submits.
 */
import type { OperationContext, ResourceDeclaration } from "../core/declaration";
import { NAME_SERVERS_CHANGES, resubmits } from "./diff";
import { NAME_SERVERS_INPUT_RULES, type NameServersInputs } from "./inputs";
import { applyChange, currentNameServers, matches } from "./change";
import { echoInputs, idOf, NAME_SERVERS_OUTPUT_NAMES, type NameServersState } from "./state";
import { NAME_SERVERS_TYPE } from "./token";

export const domainNameServers: ResourceDeclaration<NameServersInputs, NameServersState> = {
  type: NAME_SERVERS_TYPE,
  inputs: NAME_SERVERS_INPUT_RULES,
  changes: NAME_SERVERS_CHANGES,
  outputNames: NAME_SERVERS_OUTPUT_NAMES,
  id: (inputs) => idOf(inputs.domainNames),
  label: (id) => `DomainNameServers ${id}`,
  create: (ctx, inputs) => apply(ctx, inputs),
  update: async (ctx, _id, olds, inputs, diff) =>
    resubmits(diff) ? apply(ctx, inputs) : { ...(olds as NameServersState), ...echoInputs(inputs) },
  read: (ctx, id, previous) => refresh(ctx, id, previous),
  delete: async (ctx, id) => ctx.log(`DomainNameServers ${id}: removed from the stack; the domains keep their name servers`),
};

/** Makes the change (or finds the one already made), waits for it, and records the outcome. */
async function apply(ctx: OperationContext, inputs: NameServersInputs): Promise<NameServersState> {
  const applied = await applyChange(ctx, ctx.api(inputs), inputs);
  return { ...echoInputs(inputs), taskNo: applied.taskNo, ...applied.outcome, currentNameServers: applied.current };
}

/** Refresh: what the registry lists now. A domain whose name servers differ from the inputs shows as drift. */
async function refresh(ctx: OperationContext, id: string, previous: Partial<NameServersState>): Promise<Partial<NameServersState>> {
  const domainNames = previous.domainNames ?? id.split(",");
  const current = await currentNameServers(ctx.api(previous), domainNames);
  const state: Partial<NameServersState> = { ...previous, domainNames, currentNameServers: current };
  const drifted = domainNames.find((d) => !matches(previous, current[d]));
  if (drifted !== undefined) {
    ctx.log(`DomainNameServers ${id}: ${drifted} has name servers ${current[drifted].join(", ")}, not the ones in the state; \`pulumi up\` changes them back`);
    // Recorded as the inputs now in effect, so the next preview shows a change to `nameServers` and `up` submits it.
    state.nameServers = current[drifted];
    state.aliyunDns = null;
  }
  return state;
}
