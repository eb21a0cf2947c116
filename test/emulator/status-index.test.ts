/** The TaskStatus filter's index agrees with reading every detail's status off the clock, forwards and backwards. */
import { TASK_STATUSES } from "../../sdk/api/schemas";
import { StatusIndex, statusCodeAt, type Timeline } from "../../emulator/status-index";

/** A small deterministic generator, so a failure can be replayed. */
const random = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

const brute = (details: readonly Timeline[], now: number) =>
  TASK_STATUSES.map((_, code) => details.flatMap((d, i) => (statusCodeAt(d, now) === code ? [i] : [])));

const fromIndex = (index: StatusIndex, now: number) =>
  TASK_STATUSES.map((status) => Array.from({ length: index.count(status, now) }, (_, k) => index.positionOf(status, k, now)));

it("lists the details of each status in order at every moment, as time moves on and back", () => {
  const next = random(7);
  // Shared moments (ties), instant details (start = finish) and details already finished at 0.
  const details: Timeline[] = Array.from({ length: 300 }, () => {
    const startAt = Math.floor(next() * 50);
    return { startAt, finishAt: startAt + Math.floor(next() * 3) * Math.floor(next() * 20), succeeds: next() > 0.2 };
  });
  const index = new StatusIndex(details);
  const moments = [0, 1, 1, 5, 17, 18, 40, 39, 12, 60, 75, 3, 100];
  for (const now of moments) expect([now, fromIndex(index, now)]).toEqual([now, brute(details, now)]);
  for (let now = 0; now < 80; now += 1 + Math.floor(next() * 4)) expect([now, fromIndex(index, now)]).toEqual([now, brute(details, now)]);
});

it("handles a task with no details and one with a single detail", () => {
  expect(fromIndex(new StatusIndex([]), 5)).toEqual([[], [], [], []]);
  const one = new StatusIndex([{ startAt: 10, finishAt: 20, succeeds: false }]);
  expect([0, 10, 20, 15].map((now) => fromIndex(one, now))).toEqual([
    [[0], [], [], []],
    [[], [0], [], []],
    [[], [], [], [0]],
    [[], [0], [], []],
  ]);
});
