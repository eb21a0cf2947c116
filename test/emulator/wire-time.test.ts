/** CreateTime/UpdateTime as the service writes them: China Standard Time, no zone, whole seconds. */
import { formatWireTime } from "../../emulator/wire-time";

it("formats in UTC+8 to the second, whatever was formatted just before", () => {
  const at = Date.UTC(2018, 0, 25, 12, 46, 57, 900);
  expect(formatWireTime(at)).toBe("2018-01-25 20:46:57");
  expect(formatWireTime(at + 50)).toBe("2018-01-25 20:46:57"); // same second
  expect(formatWireTime(at + 100)).toBe("2018-01-25 20:46:58");
  expect(formatWireTime(Date.UTC(2025, 11, 31, 16, 0, 0))).toBe("2026-01-01 00:00:00"); // the date turns at 16:00 UTC
  expect(formatWireTime(at)).toBe("2018-01-25 20:46:57");
});
