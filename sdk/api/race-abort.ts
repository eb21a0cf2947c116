/**
 * Abort for work that cannot be cancelled. @alicloud/openapi-client takes no AbortSignal, so a call in
 * flight is raced against the signal: the caller gets AbortError at once, and the request finishes in the
 * background (bounded by the read timeout) with its result dropped.
 */
import { throwIfAborted } from "../clock";

/** `work`, or AbortError as soon as `signal` fires (immediately if it already has). */
export const raceAbort = <T>(work: Promise<T>, signal?: AbortSignal): Promise<T> => {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    // throwIfAborted builds the same AbortError ("Aborted: <reason>") as the clock's sleep does.
    const onAbort = () => {
      try {
        throwIfAborted(signal);
      } catch (err) {
        reject(err);
      }
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
};
