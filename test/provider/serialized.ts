/**
 * The `__provider` text a DomainTask sends: a real `new DomainTask(...)` under `pulumi.runtime.setMocks`,
 * with the mock capturing the resource's inputs as the engine would receive them.
 */
import * as pulumi from "@pulumi/pulumi";
import { DomainTask } from "../../provider";

export interface RegisteredDomainTask {
  type: string;
  inputs: Record<string, unknown>;
}

/** Registers one DomainTask under mocks and returns what reached the (mock) engine. */
export async function registerDomainTask(config: Record<string, string> = {}): Promise<RegisteredDomainTask> {
  let registered: RegisteredDomainTask | undefined;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered = { type: args.type, inputs: args.inputs as Record<string, unknown> };
        return { id: "T-1", state: {} };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
  for (const [key, value] of Object.entries(config)) pulumi.runtime.setConfig(key, value);
  const task = new DomainTask("gate", { taskNo: "T-1" });
  await new Promise<void>((resolve) => task.urn.apply(() => resolve()));
  if (!registered) throw new Error("the DomainTask was not registered");
  return registered;
}

/** The serialized provider every DomainTask carries in `__provider`. */
export async function serializedProvider(): Promise<string> {
  return String((await registerDomainTask()).inputs.__provider);
}
