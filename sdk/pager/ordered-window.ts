/**
 * Fetch numbered pages a few at a time, hand them over in order.
 *
 * At most `concurrency` requests are in flight. A slot frees up as soon as its answer arrives, not when the
 * consumer takes it, so one slow page does not hold the others back (the plain concurrent calls a user would
 * write refill the same way); answers waiting their turn are bounded too (at most `concurrency` more), so the
 * memory held is O(pageSize x concurrency) however many pages there are. When the consumer stops early (`break`,
 * an error, an abort) the requests still in flight are cancelled through their AbortSignal.
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
  /** Requested and not yet taken by the consumer, in page order. */
  const queue: Promise<T>[] = [];
  let inFlight = 0;
  let next = from;
  const fill = () => {
    while (inFlight < concurrency && queue.length < 2 * concurrency && next <= to() && !controller.signal.aborted) {
      const request = fetchPage(next++, controller.signal);
      inFlight += 1;
      const settled = () => {
        inFlight -= 1;
        fill();
      };
      request.then(settled, settled); // observed when its turn comes; never an unhandled rejection
      queue.push(request);
    }
  };
  try {
    fill();
    while (queue.length > 0) {
      const page = await abortable(queue.shift()!, signal);
      fill(); // keep the window full while the consumer works on this page
      yield page;
    }
  } finally {
    controller.abort(new AbortError("Paging stopped; cancelling the page requests still in flight."));
    signal?.removeEventListener("abort", forward);
  }
}
