/**
 * The steps every example goes through after its first `up`, as a user runs them: `refresh` reads the service
 * again and finds nothing changed, a second `preview --expect-no-changes` plans nothing and sends nothing, and
 * `destroy` empties the state without a request (Domain API tasks cannot be deleted).
 */
import type { Emulator } from "../../../emulator";
import type { EngineStack } from "./stack";

export interface LifecycleContext {
  stack(): EngineStack;
  emulator(): Emulator;
  /** The stack outputs the first `up` produced, which refresh must leave as they are. */
  outputs(): Record<string, unknown>;
  /** Whether refresh reads the service: it asks each resource's provider, so a stack without resources reads nothing. */
  refreshReads?: boolean;
}

export function itRefreshesPreviewsAndDestroys(ctx: LifecycleContext): void {
  it("refresh changes nothing", async () => {
    const before = ctx.emulator().stats().total;
    const refresh = await ctx.stack().refresh("--expect-no-changes");
    expect(refresh.code).toBe(0);
    if (ctx.refreshReads ?? true) expect(ctx.emulator().stats().total).toBeGreaterThan(before);
    else expect(ctx.emulator().stats().total).toBe(before);
    expect(await ctx.stack().outputs()).toEqual(ctx.outputs());
  });

  it("a second preview --expect-no-changes plans nothing", async () => {
    const preview = await ctx.stack().preview("--expect-no-changes");
    expect(preview.code).toBe(0);
  });

  it("destroy empties the state and sends no request", async () => {
    const before = ctx.emulator().stats().total;
    const destroy = await ctx.stack().destroy();
    expect(destroy.code).toBe(0);
    expect((await ctx.stack().state()).resources ?? []).toEqual([]);
    expect(ctx.emulator().stats().total).toBe(before);
  });
}
