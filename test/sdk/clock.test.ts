import { abortable, systemClock, VirtualClock } from "../../sdk/clock";
import { AbortError } from "../../sdk/errors";
import { waitForTask } from "../../sdk/waiter";

describe("abortable", () => {
  it("settles as the work does when no abort comes", async () => {
    const controller = new AbortController();
    await expect(abortable(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    await expect(abortable(Promise.reject(new Error("boom")), controller.signal)).rejects.toThrow("boom");
    await expect(abortable(Promise.resolve(8))).resolves.toBe(8);
  });

  it("rejects with AbortError naming the reason as soon as the signal fires, while the work is still running", async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => undefined);
    const raced = abortable(never, controller.signal);
    controller.abort(new Error("user pressed Ctrl-C"));
    const error = await raced.catch((e: unknown) => e);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe("Aborted: user pressed Ctrl-C");
  });

  it("rejects at once when the signal has already fired, and drops the work's later failure quietly", async () => {
    const controller = new AbortController();
    controller.abort();
    const unhandled = jest.fn();
    process.on("unhandledRejection", unhandled);
    try {
      let fail!: (e: Error) => void;
      const work = new Promise<number>((_, reject) => (fail = reject));
      await expect(abortable(work, controller.signal)).rejects.toBeInstanceOf(AbortError);
      fail(new Error("late failure"));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});

describe("VirtualClock", () => {
  it("advances on sleep and records it, and stops a sleep when the signal fires", async () => {
    const clock = new VirtualClock(0);
    await clock.sleep(1500);
    expect(clock.now()).toBe(1500);
    expect(clock.slept).toEqual([1500]);
    const controller = new AbortController();
    controller.abort();
    await expect(clock.sleep(10, controller.signal)).rejects.toBeInstanceOf(AbortError);
  });
});

describe("systemClock.sleep beyond one timer's reach", () => {
  afterEach(() => jest.useRealTimers());

  it("sleeps the whole of a delay over 2^31 - 1 ms instead of firing at once", async () => {
    jest.useFakeTimers();
    let done = false;
    const sleeping = systemClock.sleep(3_000_000_000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(2 ** 31 - 1);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(3_000_000_000 - (2 ** 31 - 1));
    await sleeping;
    expect(done).toBe(true);
  });
});

describe("waitForTask delays", () => {
  it("refuses a delay longer than a timer can sleep, naming the option and the limit", async () => {
    const api = { queryTaskDetailList: () => Promise.reject(new Error("nothing may be sent")) };
    for (const field of ["minDelaySeconds", "maxDelaySeconds"] as const) {
      const error = await waitForTask(api, { taskNo: "T" }, { minDelaySeconds: 1, [field]: 2.2e6, maxDelaySeconds: 2.2e6 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "ValidationError", field: expect.stringMatching(/DelaySeconds$/) });
      expect((error as Error).message).toMatch(/must be at most 2147483 seconds/);
    }
  });
});
