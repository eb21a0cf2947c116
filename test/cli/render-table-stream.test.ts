import type { TaskDetail } from "../../sdk/api/schemas";
import { summarizeTask } from "../../sdk/outcome";
import { tableStream } from "../../cli/render/table-stream";
import { renderTable } from "../../cli/render/table";
import { displayWidth } from "../../cli/render/width";
import { batchOutcome, detail } from "./fixtures";

/** Feeds details page by page, as `get` does, and returns everything written. */
const streamed = (details: TaskDetail[], pageSize: number, options: Parameters<typeof tableStream>[0], keep = Infinity): string => {
  const table = tableStream(options);
  let out = "";
  for (let i = 0; i < details.length; i += pageSize) out += table.rows(details.slice(i, i + pageSize));
  const outcome = summarizeTask("T-S", details, { verified: true });
  const kept = outcome.details.slice(0, keep);
  return out + table.end({ ...outcome, details: kept, detailsOmitted: outcome.total - kept.length });
};

const shops = (n: number, failAt: number[] = []): TaskDetail[] =>
  Array.from({ length: n }, (_, i) => detail({
    domainName: `shop-${i + 1}.example.com`,
    taskStatus: failAt.includes(i + 1) ? "EXECUTE_FAILURE" : "EXECUTE_SUCCESS",
    ...(failAt.includes(i + 1) ? { errorMsg: "DomainStatusProhibited", failReason: "The domain is locked." } : {}),
  }));

describe("tableStream (get -o table of any size)", () => {
  it("prints a task it could hold exactly as renderTable does", () => {
    const outcome = batchOutcome();
    expect(streamed(outcome.details, 2, { hold: 10 })).toBe(renderTable({ ...outcome, taskNo: "T-S" }));
  });

  it("streams beyond what it holds: every column, widths from the first rows, the failure on a later page with its reason", () => {
    const table = tableStream({ hold: 3 });
    const details = shops(12, [11]);
    expect(table.rows(details.slice(0, 3))).toBe(""); // held: the widths are not known yet
    const first = table.rows(details.slice(3, 6));
    expect(first.split("\n")[0]).toBe("DOMAIN              INSTANCE  STATUS           TRIES  UPDATED              ERROR                     REASON");
    expect(first.split("\n")).toHaveLength(1 + 6 + 1);
    const rest = table.rows(details.slice(6, 12));
    // A wider domain than the first rows had is printed whole, never cut; the padding after it absorbs the overflow.
    expect(rest.split("\n")[0]).toBe("shop-7.example.com            EXECUTE_SUCCESS  1      2026-01-01 10:00:09");
    expect(rest.split("\n")[3]).toBe("shop-10.example.com           EXECUTE_SUCCESS  1      2026-01-01 10:00:09");
    expect(rest.split("\n")[4]).toBe(
      "shop-11.example.com           EXECUTE_FAILURE  1      2026-01-01 10:00:09  DomainStatusProhibited    The domain is locked.");
    const long = tableStream({ hold: 0 });
    expect(long.rows([detail({ domainName: "a.example.com", taskStatus: "EXECUTE_SUCCESS", instanceId: "S1" })]).split("\n")[1])
      .toBe("a.example.com  S1        EXECUTE_SUCCESS  1      2026-01-01 10:00:09");
    expect(long.rows([detail({ domainName: "a-much-longer-name.example.com", taskStatus: "EXECUTE_SUCCESS", instanceId: "S2" })]))
      .toBe("a-much-longer-name.example.com  S2  EXECUTE_SUCCESS  1  2026-01-01 10:00:09\n");
    const end = table.end({ ...summarizeTask("T-S", details), details: [], detailsOmitted: 12 });
    expect(end).toBe("\nT-S  CHG_DNS  EXECUTE_FAILURE  12 details: 11 succeeded, 1 failed\n");
  });

  it("on a terminal cuts ERROR and REASON only, REASON taking the width the others leave", () => {
    const details = shops(5, [5]);
    const lines = streamed(details, 2, { hold: 2, width: 120 }, 0).split("\n");
    expect(lines[5]).toBe("shop-5.example.com            EXECUTE_FAILURE  1      2026-01-01 10:00:09  DomainStatusProhibited    The domain is lock…");
    expect(displayWidth(lines[5])).toBe(120);
    // Narrower: REASON keeps its 12 columns and ERROR gives way.
    expect(streamed(details, 2, { hold: 2, width: 110 }, 0).split("\n")[5])
      .toBe("shop-5.example.com            EXECUTE_FAILURE  1      2026-01-01 10:00:09  DomainStatusProhibit…  The domain…");
    expect(lines.slice(-3)).toEqual(["", "T-S  CHG_DNS  EXECUTE_FAILURE  5 details: 4 succeeded, 1 failed", ""]);
  });

  it("prints the held rows and the summary when the read kept fewer details than it holds", () => {
    const lines = streamed(shops(3), 3, { hold: 5 }, 0).split("\n");
    expect(lines[0]).toMatch(/^DOMAIN {14}INSTANCE {2}STATUS {11}TRIES {2}UPDATED {14}ERROR {21}REASON$/);
    expect(lines).toHaveLength(1 + 3 + 1 + 1 + 1);
    expect(lines[5]).toBe("T-S  CHG_DNS  EXECUTE_SUCCESS  3 details: 3 succeeded");
  });
});
