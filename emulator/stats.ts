/** Counts requests by action, page and HTTP status, and keeps a log of each, until reset. */
import type { EmulatorStats, RequestRecord } from "./types";

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** How many request records the log keeps until the next reset (about 15 MB); the counters are never capped. */
export const MAX_LOGGED_REQUESTS = 100_000;

export class StatsRecorder {
  private stats: EmulatorStats = StatsRecorder.empty();

  private static empty(): EmulatorStats {
    return { total: 0, byAction: {}, byPage: {}, byStatus: {}, requests: [] };
  }

  /** Logs one request; one without an arrival time is stamped now (real time: rates are about the wire, not the task clock). */
  record(record: RequestRecord): void {
    record.at ??= Date.now();
    this.stats.total++;
    bump(this.stats.byAction, record.action);
    if (record.pageNum !== undefined) bump(this.stats.byPage, String(record.pageNum));
    bump(this.stats.byStatus, String(record.httpStatus));
    if (this.stats.requests.length < MAX_LOGGED_REQUESTS) this.stats.requests.push(record);
  }

  /** A copy, so callers can keep it while the emulator goes on counting. */
  snapshot(): EmulatorStats {
    const s = this.stats;
    return { total: s.total, byAction: { ...s.byAction }, byPage: { ...s.byPage }, byStatus: { ...s.byStatus }, requests: s.requests.map((r) => ({ ...r })) };
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
