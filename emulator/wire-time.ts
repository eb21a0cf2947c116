/**
 * Times on the wire look like "2018-01-25 20:46:57" with no zone. The real service runs in China Standard Time,
 * so the emulator formats every CreateTime/UpdateTime in UTC+8 (no daylight saving there).
 */
const UTC_PLUS_8_MS = 8 * 60 * 60 * 1000;

const pad = (n: number): string => String(n).padStart(2, "0");

/** The last second formatted: a page's neighbouring details mostly share their times (a batch's slots are short). */
let last = { second: NaN, text: "" };

export const formatWireTime = (epochMs: number): string => {
  const second = Math.floor(epochMs / 1000);
  if (second === last.second) return last.text;
  const d = new Date(second * 1000 + UTC_PLUS_8_MS);
  const text =
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  last = { second, text };
  return text;
};
