/**
 * Waiting benchmark: a 20,000-detail task whose details complete evenly over 10 simulated minutes, on one
 * VirtualClock shared by the emulator (task progress) and the SDK (sleeps), so ten minutes pass in seconds.
 *
 * Baseline: what the aliyun CLI's waiter does - fetch every page every 5 seconds until every detail is
 * terminal. Measured: `waitForTask` with its defaults (2 s to 30 s backoff). Reported: requests (exact, from
 * emulator.stats()), their share of the baseline's (target < 5%), and the detection delay - simulated time
 * from the last detail completing to the wait returning (target <= maxDelaySeconds, 30 s).
 */
import { startEmulator } from "../emulator";
import { VirtualClock } from "../sdk/clock";
import { waitForTask } from "../sdk/waiter";
import { apiRequests, benchClient } from "./emulator-client";
import { formatCount, median } from "./measure";
import { naiveSequentialLoop } from "./naive-loop";
import type { Table } from "./table";

export const WAIT_DETAILS = 20_000;
export const WAIT_DURATION_S = 600;
export const BASELINE_INTERVAL_S = 5;
const MAX_DELAY_S = 30;
/** A slower setting, to show the trade between requests and detection delay. */
const SLOW_MAX_DELAY_S = 60;

interface WaitRun {
  requests: number;
  polls: number;
  delayS: number;
}

type Waiter = (client: ReturnType<typeof benchClient>, taskNo: string, clock: VirtualClock) => Promise<number>;

/** One wait on a fresh emulator and clock; returns requests, polls and the detection delay. */
const oneRun = async (wait: Waiter): Promise<WaitRun> => {
  const clock = new VirtualClock();
  const emulator = await startEmulator({ clock });
  try {
    const client = benchClient(emulator, { clock, retry: { maxAttempts: 1 } });
    const taskNo = emulator.addTask({ batch: { count: WAIT_DETAILS, durationSeconds: WAIT_DURATION_S } });
    const completesAt = clock.now() + WAIT_DURATION_S * 1000;
    const polls = await wait(client, taskNo, clock);
    return { requests: apiRequests(emulator), polls, delayS: (clock.now() - completesAt) / 1000 };
  } finally {
    await emulator.close();
  }
};

/** Fixed-interval full-fetch polling, the baseline. */
const fixedPolling: Waiter = async (client, taskNo, clock) => {
  for (let polls = 1; ; polls++) {
    let open = 0;
    await naiveSequentialLoop(client, taskNo, (d) => {
      if (d.taskStatus !== "EXECUTE_SUCCESS" && d.taskStatus !== "EXECUTE_FAILURE") open++;
    });
    if (open === 0) return polls;
    await clock.sleep(BASELINE_INTERVAL_S * 1000);
  }
};

const sdkWaiter = (maxDelaySeconds: number): Waiter => async (client, taskNo, clock) => {
  let polls = 0;
  const outcome = await waitForTask(client, { taskNo }, { clock, maxWaitSeconds: 3600, maxDelaySeconds, onProgress: () => polls++ });
  if (!outcome.complete || outcome.total !== WAIT_DETAILS) throw new Error(`waitForTask returned an incomplete outcome: ${outcome.status}`);
  return polls;
};

export async function waitingBenchmark(runs: number): Promise<Table[]> {
  const baseline = await oneRun(fixedPolling); // deterministic: one run is exact
  const row = async (maxDelaySeconds: number, label: string): Promise<string[]> => {
    const waiter: WaitRun[] = [];
    for (let i = 0; i < runs; i++) waiter.push(await oneRun(sdkWaiter(maxDelaySeconds))); // jittered backoff: median of several
    const requests = waiter.map((r) => r.requests);
    const med = median(requests);
    return [label, String(median(waiter.map((r) => r.polls))), `${formatCount(med)} (${Math.min(...requests)}-${Math.max(...requests)})`,
      `${((100 * med) / baseline.requests).toFixed(2)}%`,
      `${median(waiter.map((r) => r.delayS)).toFixed(1)} s (max ${Math.max(...waiter.map((r) => r.delayS)).toFixed(1)} s)`];
  };
  return [{
    title: `Waiting: ${formatCount(WAIT_DETAILS)} details completing over ${WAIT_DURATION_S / 60} simulated minutes (VirtualClock; waiter median of ${runs} runs)`,
    columns: ["strategy", "polls", "requests", "share of baseline", "detection delay"],
    rows: [
      [`fixed ${BASELINE_INTERVAL_S} s full-fetch polling (baseline)`, String(baseline.polls), formatCount(baseline.requests), "100%", `${baseline.delayS.toFixed(1)} s`],
      await row(MAX_DELAY_S, `waitForTask (defaults: 2-${MAX_DELAY_S} s backoff)`),
      await row(SLOW_MAX_DELAY_S, `waitForTask (maxDelaySeconds ${SLOW_MAX_DELAY_S})`),
    ],
    notes: [
      "Targets: under 5% of the baseline's requests; detection within maxDelaySeconds of completion.",
      "The waiter polls with small status-filtered requests and reads the details in full once, when none is open.",
    ],
  }];
}
