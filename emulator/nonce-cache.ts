/**
 * Remembers signature nonces for the timestamp window (15 minutes), so a replayed request is refused and memory
 * stays bounded: entries older than the window are forgotten, oldest first, on every insert, and a hard cap drops
 * the oldest entries beyond `maxEntries` (a flood can then replay an evicted nonce, which only the window limits).
 */
export class NonceCache {
  /** Insertion-ordered: nonce -> ms when it was first seen (by the request clock). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs = 15 * 60 * 1000,
    private readonly maxEntries = 1_000_000,
  ) {}

  /** Records the nonce; false when it was already used within the window. */
  use(nonce: string, nowMs: number): boolean {
    this.forgetOlderThan(nowMs - this.windowMs);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs);
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private forgetOlderThan(cutoffMs: number): void {
    for (const [nonce, at] of this.seen) {
      if (at >= cutoffMs) break;
      this.seen.delete(nonce);
    }
  }
}
