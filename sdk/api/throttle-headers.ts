/**
 * How long a throttled caller should wait, from the headers Alibaba Cloud's gateway puts on throttled
 * answers: `x-ratelimit-user-api` (this API, this user) and `x-ratelimit-user` (all APIs, this user), each a
 * comma-separated list of `Name:value` pairs such as `Limit:1,Remain:0,TimeLeft:2000,Reset:1234`.
 *
 * Read the way Alibaba's openapi-util reads them (`getThrottlingTimeLeft`, in its Go, Python, PHP, C++ and
 * TypeScript editions): `TimeLeft` is in milliseconds, the longer of the two headers wins, and a missing or
 * unreadable value counts as nothing. Unlike openapi-util, "nothing" is `undefined` here, so the retry loop
 * falls back to its own backoff instead of retrying at once.
 */
import type { IncomingHttpHeaders } from "node:http";

const HEADERS = ["x-ratelimit-user-api", "x-ratelimit-user"] as const;

/** The TimeLeft of one header value, in ms; undefined when absent or not a non-negative number. */
const timeLeftOf = (value: string | string[] | undefined): number | undefined => {
  const text = Array.isArray(value) ? value.join(",") : value;
  for (const pair of (text ?? "").split(",")) {
    const [name, v, ...rest] = pair.split(":");
    if (rest.length > 0 || name?.trim() !== "TimeLeft") continue;
    const ms = Number(v?.trim());
    if (v?.trim() && Number.isFinite(ms) && ms >= 0) return ms;
  }
  return undefined;
};

/** Milliseconds until the throttle lifts, by the headers; undefined when they say nothing. */
export const throttlingTimeLeftMs = (headers: IncomingHttpHeaders): number | undefined => {
  const found = HEADERS.map((h) => timeLeftOf(headers[h])).filter((ms): ms is number => ms !== undefined);
  return found.length > 0 ? Math.max(...found) : undefined;
};
