/**
 * Fetch numbered pages a few at a time, hand them over in order.
 *
 * At most `concurrency` requests are in flight, and a page is requested only when a slot frees up, so the
 * memory held is O(pageSize x concurrency) however many pages there are. When the consumer stops early
 * (`break`, an error, an abort) the requests still in flight are cancelled through their AbortSignal.
 */
import { setMaxListeners } from "node:events";
import { abortable } from "../clock";
import { AbortError } from "../errors";

/**
 * Yields `fetchPage(from)`, `fetchPage(from + 1)`, ... `fetchPage(to)` in that order, fetching up to
 * `concurrency` of them at once. `to` is read each time a slot frees up, so the caller may lower it.
 */
export async function* fetchInOrder<T>(
  from: number,
  to: () => number,
  concurrency: number,
  fetchPage: (pageNum: number, signal: AbortSignal) => Promise<T>,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  const controller = new AbortController();
  // Each request in flight listens to this signal (the client, and `abortable` around a client that might not):
  // a known, bounded number - not the leak Node's default limit of 10 guards against.
  setMaxListeners(0, controller.signal);
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", forward, { once: true });
  const inFlight: Promise<T>[] = [];
  let next = from;
  const fill = () => {
    while (inFlight.length < concurrency && next <= to() && !controller.signal.aborted) {
      const request = fetchPage(next++, controller.signal);
      request.catch(() => undefined); // observed when its turn comes; never an unhandled rejection
      inFlight.push(request);
    }
  };
  try {
    fill();
    while (inFlight.length > 0) {
      const page = await abortable(inFlight.shift()!, signal);
      fill(); // keep the window full while the consumer works on this page
      yield page;
    }
  } finally {
    controller.abort(new AbortError("Paging stopped; cancelling the page requests still in flight."));
    signal?.removeEventListener("abort", forward);
  }
}
