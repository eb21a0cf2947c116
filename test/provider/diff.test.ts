import { diffInputs } from "../../provider/diff";
import { UNKNOWN_VALUE } from "../../provider/inputs";

/** A prior state echoes the inputs with absent ones as null, plus outcome fields diff must ignore. */
const state = {
  taskNo: "T-1", domainName: null, instanceId: null, waitFor: "success", timeoutSeconds: 1800,
  minDelaySeconds: 2, maxDelaySeconds: 30, lang: null, triggers: null, endpoint: null, product: null, region: null,
  status: "EXECUTE_SUCCESS", counts: { EXECUTE_SUCCESS: 1 },
};
const inputs = { taskNo: "T-1", waitFor: "success", timeoutSeconds: 1800, minDelaySeconds: 2, maxDelaySeconds: 30 };

describe("diffInputs", () => {
  it("sees no change when the inputs equal the state (absent == null, outcome fields ignored)", () => {
    expect(diffInputs(state, inputs)).toEqual({ changes: false, replaces: [], changed: [], deleteBeforeReplace: false });
  });

  it("replaces on taskNo, filters, location and triggers", () => {
    for (const [key, value] of [["taskNo", "T-2"], ["domainName", "a.example.com"], ["instanceId", "S-1"], ["endpoint", "http://127.0.0.1:1"], ["product", "domain-intl"], ["region", "ap-southeast-1"], ["triggers", ["v2"]]] as const) {
      expect(diffInputs(state, { ...inputs, [key]: value })).toMatchObject({ changes: true, replaces: [key] });
    }
  });

  it("updates in place on wait settings", () => {
    const d = diffInputs(state, { ...inputs, waitFor: "completion", timeoutSeconds: 60, lang: "zh" });
    expect(d).toMatchObject({ changes: true, replaces: [], changed: ["waitFor", "timeoutSeconds", "lang"] });
    expect(diffInputs(state, { ...inputs, failFast: true })).toMatchObject({ changes: true, replaces: [], changed: ["failFast"] });
    expect(diffInputs(state, { ...inputs, maxDetails: 5 })).toMatchObject({ changes: true, replaces: [], changed: ["maxDetails"] });
  });

  it("reads an input missing from an older state as its default, so upgrading shows no change", () => {
    // `state` was written before failFast and maxDetails existed; the new inputs carry their defaults.
    expect(diffInputs(state, { ...inputs, failFast: false, maxDetails: 100 }).changes).toBe(false);
  });

  it("compares triggers by value, not identity or key order", () => {
    const withTriggers = { ...state, triggers: [{ a: 1, b: [2] }] };
    expect(diffInputs(withTriggers, { ...inputs, triggers: [{ b: [2], a: 1 }] }).changes).toBe(false);
    expect(diffInputs(withTriggers, { ...inputs, triggers: [{ a: 1, b: [3] }] }).replaces).toEqual(["triggers"]);
  });

  it("treats a value unknown during preview as a change", () => {
    expect(diffInputs(state, { ...inputs, taskNo: UNKNOWN_VALUE }).replaces).toEqual(["taskNo"]);
  });
});
