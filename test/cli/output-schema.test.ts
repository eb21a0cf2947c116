import { TaskOutcomeOutputSchema } from "../support/output-schema";
import { renderJson } from "../../cli/render/json";
import { renderJsonLines } from "../../cli/render/jsonl";
import { batchOutcome } from "./fixtures";

describe("the -o json schema", () => {
  it("accepts the SDK's outcome as rendered", () => {
    const parsed = TaskOutcomeOutputSchema.parse(JSON.parse(renderJson(batchOutcome())));
    expect(parsed.failed).toEqual([expect.objectContaining({ domainName: "bb.example.com", errorMsg: "DomainStatusProhibited" })]);
  });

  it("rejects a renamed or missing field (the shape is a stable contract)", () => {
    const json = JSON.parse(renderJson(batchOutcome()));
    expect(TaskOutcomeOutputSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
    const { counts: _counts, ...withoutCounts } = json;
    expect(TaskOutcomeOutputSchema.safeParse(withoutCounts).success).toBe(false);
  });
});

describe("-o jsonl", () => {
  it("writes one detail per line", () => {
    const lines = renderJsonLines(batchOutcome().details).trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l).domainName)).toEqual(["a.example.com", "bb.example.com", "c.example.com"]);
  });
});
