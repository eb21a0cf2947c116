/**
 * What a QueryTaskList entry says, read the one way: when it was created (CreateTime has whole seconds, in the
 * service's zone, UTC+8) and which type it is (services vary the case and pad it).
 */

const UTC_PLUS_8_MS = 8 * 3600 * 1000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A CreateTime as epoch ms: "Dec 26,2017 11:00:54" (QueryTaskList's samples) or "2017-12-26 11:00:54", both in the
 * service's zone, UTC+8. NaN when it is neither.
 */
export const parseCreateTime = (text: string): number => {
  const named = /^([A-Za-z]{3})\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  const parts = named
    ? [Number(named[3]), MONTHS.indexOf(named[1].toLowerCase()), Number(named[2]), Number(named[4]), Number(named[5]), Number(named[6])]
    : iso
      ? [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6])]
      : undefined;
  if (!parts || parts[1] < 0) return NaN;
  return Date.UTC(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]) - UTC_PLUS_8_MS;
};

/** `ms` rounded down to its second: how a window edge compares with a CreateTime. */
export const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/**
 * How far ahead of this machine the service's clock may run and still be tolerated: the gateway refuses
 * requests stamped more than 15 minutes off (InvalidTimeStamp.Expired), so a clock further off fails anyway.
 */
export const CLOCK_SKEW_MS = 15 * 60 * 1000;

/** True when two task types name the same type: `chg_dns`, ` CHG_DNS ` and `CHG_DNS` are one. */
export const sameTaskType = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();
