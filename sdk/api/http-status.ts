/**
 * Keep the HTTP status of an error response whose body is not JSON.
 *
 * @alicloud/openapi-client reads every 4xx/5xx body with tea-util's `readAsJSON(response)`; when the body is
 * not JSON (a gateway's HTML 502, the empty 414/431 of a request line too long) JSON.parse throws a bare
 * SyntaxError and the status is lost, so a 431 that can never succeed looks like a transient 502. The
 * library offers no hook, so its `readAsJSON` is wrapped, once per loaded copy of tea-util: a failure to
 * parse an error response gets its `statusCode` added, and nothing else changes. error-mapping reads it.
 */
import Util from "@alicloud/tea-util";

const WRAPPED = Symbol.for("pulumi-alicloud-domain-tasks:readAsJSON-keeps-status");

type ReadAsJSON = (stream: unknown) => Promise<unknown>;
const util = Util as unknown as { readAsJSON: ReadAsJSON; [WRAPPED]?: true };

/** Idempotent: call before the first request. */
export const keepStatusOfNonJsonErrors = (): void => {
  if (util[WRAPPED]) return;
  const original = util.readAsJSON;
  util.readAsJSON = async function readAsJSON(this: unknown, stream: unknown): Promise<unknown> {
    try {
      return await original.call(this, stream);
    } catch (err) {
      const status = (stream as { statusCode?: unknown } | null)?.statusCode;
      // Error responses only: a 2xx that is not JSON stays status-less (and retried) as before.
      if (err instanceof SyntaxError && typeof status === "number" && status >= 400 && !("statusCode" in err)) {
        Object.assign(err, { statusCode: status });
      }
      throw err;
    }
  };
  util[WRAPPED] = true;
};
