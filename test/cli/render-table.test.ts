import { formatCounts } from "../../cli/render/counts";
import { createStyle, stripAnsi } from "../../cli/render/style";
import { failureReason, renderSummary, renderTable, tableWidth } from "../../cli/render/table";
import { displayWidth } from "../../cli/render/width";
import { summarizeTask } from "../../sdk/outcome";
import { batchOutcome, detail } from "./fixtures";

describe("renderTable", () => {
  it("prints one row per detail, failures with their ErrorMsg and reason, and a summary line", () => {
    expect(renderTable(batchOutcome())).toBe([
      "DOMAIN          STATUS           TRIES  UPDATED              ERROR                   REASON",
      "a.example.com   EXECUTE_SUCCESS  1      2026-01-01 10:00:09",
      "bb.example.com  EXECUTE_FAILURE  3      2026-01-01 10:00:09  DomainStatusProhibited  Domain is locked.",
      "c.example.com   EXECUTE_SUCCESS  1      2026-01-01 10:00:09",
      "",
      "T-1  CHG_DNS  EXECUTE_FAILURE  3 details: 2 succeeded, 1 failed",
      "",
    ].join("\n"));
  });

  it("renders a 200,000-detail task (a big batch's `get -o table`)", () => {
    const details = Array.from({ length: 200_000 }, (_, i) =>
      detail({ domainName: `shop-${i + 1}.example.com`, taskStatus: i === 199_999 ? "EXECUTE_FAILURE" : "EXECUTE_SUCCESS", failReason: "Locked" }));
    const lines = renderTable(summarizeTask("T-BIG", details)).split("\n");
    expect(lines).toHaveLength(200_004);
    expect(lines[0]).toBe("DOMAIN                   STATUS           TRIES  UPDATED              REASON");
    expect(lines[200_000]).toBe("shop-200000.example.com  EXECUTE_FAILURE  1      2026-01-01 10:00:09  Locked");
    expect(lines[200_002]).toBe("T-BIG  CHG_DNS  EXECUTE_FAILURE  200000 details: 199999 succeeded, 1 failed");
  });

  it("shows only the failures in `failed` mode, and the INSTANCE column only when one is set", () => {
    const outcome = summarizeTask("T-2", [
      detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS", instanceId: "S1" }),
      detail({ domainName: "b.example.com", taskStatus: "EXECUTE_FAILURE", instanceId: "S2", errorMsg: "Busy" }),
    ]);
    const text = renderTable(outcome, { rows: "failed" });
    expect(text).toContain("DOMAIN         INSTANCE  STATUS");
    expect(text).toContain("DOMAIN         INSTANCE  STATUS           TRIES  UPDATED              ERROR\n");
    expect(text).toContain("b.example.com  S2        EXECUTE_FAILURE  1      2026-01-01 10:00:09  Busy");
    expect(text).not.toContain("a.example.com");
  });

  it("says so when a failure carries neither ErrorMsg nor FailReason", () => {
    const outcome = summarizeTask("T-4", [detail({ domainName: "a.example.com", taskStatus: "EXECUTE_FAILURE" })]);
    expect(renderTable(outcome).split("\n")[1]).toBe("a.example.com  EXECUTE_FAILURE  1      2026-01-01 10:00:09  (no reason given)");
  });

  it("aligns columns by display width for CJK, Hangul, emoji and combining-mark domain names", () => {
    const names = ["例え.テスト", "한국.kr", "💩.la", "👨‍👩‍👧.ws", "🇯🇵.jp", "cafe\u0301.fr", "plain.example.com"];
    const outcome = summarizeTask("T-5", names.map((domainName) => detail({ domainName, taskStatus: "EXECUTE_SUCCESS" })));
    const lines = renderTable(outcome).split("\n").slice(0, names.length + 1);
    // The STATUS column starts at the same terminal column on every line.
    const statusColumn = (line: string): number => displayWidth(line.slice(0, line.search(/STATUS|EXECUTE_SUCCESS/)));
    expect(lines.map(statusColumn)).toEqual(lines.map(() => "plain.example.com".length + 2));
    expect(lines[1]).toBe("例え.テスト        EXECUTE_SUCCESS  1      2026-01-01 10:00:09");
    expect(lines[3]).toBe("💩.la              EXECUTE_SUCCESS  1      2026-01-01 10:00:09");
  });

  it("cuts ERROR and REASON (the last first) to the terminal width, and nothing when no width is given", () => {
    const reason = "The registry refused the change because the domain is under a transfer lock set by its owner.";
    const outcome = summarizeTask("T-6", [
      detail({ domainName: "a.example.com", taskStatus: "EXECUTE_FAILURE", errorMsg: "域名状态不允许修改", failReason: reason }),
    ]);
    const [header, row] = renderTable(outcome, { width: 100 }).split("\n");
    expect(row).toBe("a.example.com  EXECUTE_FAILURE  1      2026-01-01 10:00:09  域名状态不允许修改  The registry refuse…");
    expect(displayWidth(row)).toBe(100);
    expect(header).toBe("DOMAIN         STATUS           TRIES  UPDATED              ERROR               REASON");
    // Narrower: REASON stops at 12 columns, then ERROR gives way too (a wide character is never split).
    expect(renderTable(outcome, { width: 82 }).split("\n")[1])
      .toBe("a.example.com  EXECUTE_FAILURE  1      2026-01-01 10:00:09  域名状态不…   The registr…");
    expect(renderTable(outcome).split("\n")[1]).toContain(reason);
    // Cut text keeps its colour.
    expect(renderTable(outcome, { width: 100, style: createStyle(true) })).toContain("\u001b[31mThe registry refuse…\u001b[39m");
  });

  it("fits to a terminal's width only: tableWidth", () => {
    expect(tableWidth({ write: () => true, isTTY: true, columns: 120 })).toBe(120);
    expect(tableWidth({ write: () => true, isTTY: false, columns: 120 })).toBeUndefined();
    expect(tableWidth({ write: () => true })).toBeUndefined();
  });

  it("prints control characters from the API as U+FFFD, never as terminal escapes", () => {
    const outcome = summarizeTask("T-7", [
      detail({ domainName: "evil\u001b]0;owned\u0007.com", taskStatus: "EXECUTE_FAILURE", errorMsg: "bad\u001b[2J" }),
    ]);
    const text = renderTable(outcome);
    expect(text).toContain("evil\uFFFD]0;owned\uFFFD.com");
    expect(text).toContain("bad\uFFFD[2J");
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it("prints just the summary for a task without details", () => {
    expect(renderTable(summarizeTask("T-0", []))).toBe("T-0  WAITING_EXECUTE  0 details: no details\n");
  });

  it("uses colour only when the style has it, and the same text either way", () => {
    const plain = renderTable(batchOutcome());
    const coloured = renderTable(batchOutcome(), { style: createStyle(true) });
    // eslint-disable-next-line no-control-regex
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(coloured).toContain("\u001b[31mEXECUTE_FAILURE\u001b[39m");
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it("names unknown statuses in the summary", () => {
    const outcome = summarizeTask("T-3", [detail({ domainName: "a.example.com", taskStatus: "PAUSED" as never })]);
    expect(renderSummary(outcome, createStyle(false))).toBe("T-3  CHG_DNS  EXECUTING  1 detail: 1 in an unknown status (unknown statuses: PAUSED)");
  });
});

describe("failureReason and formatCounts", () => {
  it("collapses a reason to one line and falls back to ErrorMsg", () => {
    expect(failureReason({ failReason: "line one\nline two\n", errorMsg: "X" })).toBe("line one line two");
    expect(failureReason({ failReason: "", errorMsg: "Busy" })).toBe("Busy");
  });

  it("leaves out zero counts", () => {
    expect(formatCounts({ EXECUTE_SUCCESS: 5, EXECUTE_FAILURE: 0, EXECUTING: 2, WAITING_EXECUTE: 1, UNKNOWN: 0 }))
      .toBe("5 succeeded, 2 executing, 1 waiting");
    expect(formatCounts({})).toBe("no details");
  });
});
