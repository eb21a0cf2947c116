import { throttlingTimeLeftMs } from "../../../sdk/api/throttle-headers";

describe("throttlingTimeLeftMs: TimeLeft from x-ratelimit-user-api / x-ratelimit-user, as openapi-util reads it", () => {
  it.each([
    [{ "x-ratelimit-user-api": "Limit:1,Remain:0,TimeLeft:2000,Reset:1234" }, 2000],
    [{ "x-ratelimit-user": "Limit:1,Remain:0,TimeLeft:2000,Reset:1234" }, 2000],
    [{ "x-ratelimit-user-api": "TimeLeft:500", "x-ratelimit-user": "TimeLeft:1500" }, 1500],
    [{ "x-ratelimit-user-api": " Remain : 0 , TimeLeft : 75 " }, 75],
    [{ "x-ratelimit-user-api": "TimeLeft:0" }, 0],
    [{ "x-ratelimit-user-api": "TimeLeft:soon", "x-ratelimit-user": "TimeLeft:40" }, 40],
    [{ "x-ratelimit-user-api": "TimeLeft:soon" }, undefined],
    [{ "x-ratelimit-user-api": "TimeLeft:-5" }, undefined],
    [{ "x-ratelimit-user-api": "TimeLeft:" }, undefined],
    [{ "x-ratelimit-user-api": "" }, undefined],
    [{ "retry-after": "5" }, undefined],
    [{}, undefined],
  ])("%j -> %p", (headers, expected) => {
    expect(throttlingTimeLeftMs(headers)).toBe(expected);
  });
});
