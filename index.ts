/**
 * The package root: the SDK, its Pulumi functions and the DomainTask resource, one block per module. The
 * CLI imports sdk modules by path instead, so it never loads @pulumi/pulumi. Policies, the emulator and the
 * provider host's entry have their own subpaths (`/policies`, `/emulator`, `/provider`).
 */

// The SDK (its own list: sdk/index.ts).
export * from "./sdk";

// Pulumi functions: read a task's details and outcome from a program.
export {
  getTaskDetails,
  getTaskDetailsOutput,
  type GetTaskDetailsArgs,
  type GetTaskDetailsOutputArgs,
  type GetTaskDetailsResult,
} from "./provider/functions";

// The DomainTask dynamic resource.
export { DomainTask, type DomainTaskArgs, type DomainTaskState, type WaitMode } from "./provider";

// The DomainNameServers dynamic resource: change domains' name servers at the registrar and wait for it.
export { DomainNameServers, type DomainNameServersArgs, type NameServersState } from "./provider";
