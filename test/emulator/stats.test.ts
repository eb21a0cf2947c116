/** The request log: each record carries when the request arrived, not when the emulator got round to it. */
import { request } from "node:http";
import { startEmulator } from "../../emulator";

it("stamps a request with the moment it arrived, before its body was read or it was answered", async () => {
  const emulator = await startEmulator();
  try {
    let bodyStartedAt = 0;
    await new Promise<void>((resolve, reject) => {
      const req = request(`${emulator.url}/?Action=QueryTaskDetailList&Version=2018-01-29`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      req.on("response", (res) => res.resume().on("end", resolve));
      req.on("error", reject);
      req.flushHeaders();
      // The body follows later, as from a slow client: the arrival time must not move with it.
      setTimeout(() => {
        bodyStartedAt = Date.now();
        req.end("TaskNo=T&PageNum=1&PageSize=10");
      }, 150);
    });
    const [record] = emulator.stats().requests;
    expect(record).toMatchObject({ action: "QueryTaskDetailList", httpStatus: 400 });
    expect(record.at).toBeLessThan(bodyStartedAt);
  } finally {
    await emulator.close();
  }
});
