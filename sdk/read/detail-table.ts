/**
 * Every detail a wait or a refresh was shown, in 16 bytes each plus a 4-byte slot: an open-addressing hash table
 * on typed arrays (no object, string or Map entry per detail, so 200,000 details hold about 5 MB however long the
 * wait), an entry's words side by side. What the bytes mean is ./evidence.ts's business; this file only stores
 * and finds them.
 *
 * A detail is found by its identity (a 64-bit hash of its TaskDetailNo, or of its DomainName and InstanceId when
 * it has none) together with `who` (a 32-bit hash of its DomainName and InstanceId). Two different details that
 * share an identity are two entries, and the lookup says it met another: a service that reuses a TaskDetailNo can
 * never merge a failure into a success. The hashes are seeded per process, so no server can aim for collisions;
 * and a collision could only make two details look like one, leaving the distinct count short of TotalItemNum:
 * the read then does not verify - never a false pass.
 */

/** Per-process hash seeds (not secret; they only keep a server from choosing colliding TaskDetailNos). */
const SEED_A = (Math.random() * 2 ** 32) >>> 0;
const SEED_B = (Math.random() * 2 ** 32) >>> 0;
const SEED_WHO = (Math.random() * 2 ** 32) >>> 0;

/** murmur3's finalizer: spreads every input bit over the 32 output bits. */
const mix = (h: number): number => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The 64-bit identity hash's two lanes (FNV-1a, and a multiply-rotate), as the last `identityKey` left them. */
const keyOut = { a: 0, b: 0 };

/** Feeds `text` and a separator (so ("ab", "c") and ("a", "bc") differ) into both lanes of keyOut. */
const feed = (text: string): void => {
  let a = keyOut.a;
  let b = keyOut.b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x5bd1e995) ^ c;
  }
  keyOut.a = Math.imul(a ^ 0x1f, 0x01000193);
  keyOut.b = Math.imul((b << 5) | (b >>> 27), 0x5bd1e995) ^ 0x1f;
};

/**
 * The identity hash of a detail: its TaskDetailNo, or (without one) its DomainName and InstanceId. The object
 * returned is reused by the next call (no allocation per detail): read it at once.
 */
export const identityKey = (taskDetailNo: string, domainName: string, instanceId: string): { a: number; b: number } => {
  keyOut.a = SEED_A;
  keyOut.b = SEED_B;
  if (taskDetailNo !== "") feed(taskDetailNo);
  else {
    feed("");
    feed(domainName);
    feed(instanceId);
  }
  keyOut.a = mix(keyOut.a);
  keyOut.b = mix(keyOut.b);
  return keyOut;
};

/** `who`: what tells a second detail under one identity from the same detail read again. */
export const whoOf = (domainName: string, instanceId: string): number => {
  let h = SEED_WHO;
  for (let i = 0; i < domainName.length; i++) h = Math.imul(h ^ domainName.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x1f, 0x01000193);
  for (let i = 0; i < instanceId.length; i++) h = Math.imul(h ^ instanceId.charCodeAt(i), 0x01000193);
  return mix(h);
};

/** Entries kept before the first growth; `reserve` sizes the table at once when the total is known. */
const INITIAL = 256;
/** A TotalItemNum only reserves this much up front (a hostile total cannot allocate gigabytes). */
const MAX_RESERVE = 1 << 22;
/** Words per entry, side by side so one lookup touches one cache line: keyA, keyB, who, read << 8 | state. */
const STRIDE = 4;
const WHO = 2;
const READ_STATE = 3;
/** Reads are numbered in 24 bits beside the 8 state bits: 16 million reads, far beyond any wait's. */
export const MAX_READS = 2 ** 24 - 1;

export class DetailTable {
  /** Entry index + 1 per slot; 0 is an empty slot. Always at least twice the entries. */
  private slots = new Int32Array(INITIAL * 2);
  private words = new Uint32Array(INITIAL * STRIDE);
  private capacity = INITIAL;
  size = 0;
  /** Set by `find`: another entry has the same identity and a different `who`. */
  metOther = false;

  /** Bytes held, for the memory benchmark. */
  get bytes(): number {
    return this.slots.byteLength + this.words.byteLength;
  }

  /** Makes room for `n` entries in all without growing step by step. */
  reserve(n: number): void {
    const want = Math.min(Math.max(0, Math.floor(n)), MAX_RESERVE);
    if (want > this.capacity) this.resize(want);
  }

  /** The entry of this identity and `who`, or -1; sets `metOther`. */
  find(a: number, b: number, who: number): number {
    const mask = this.slots.length - 1;
    const w = this.words;
    this.metOther = false;
    for (let s = a & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      const at = e * STRIDE;
      if (w[at] === a && w[at + 1] === b) {
        if (w[at + WHO] === who) return e;
        this.metOther = true;
      }
    }
  }

  /** Adds an entry (the caller has checked `find` missed), read `read` with `state`, and returns its index. */
  insert(a: number, b: number, who: number, read: number, state: number): number {
    if (this.size === this.capacity) this.resize(this.size * 2);
    const e = this.size++;
    const at = e * STRIDE;
    this.words[at] = a;
    this.words[at + 1] = b;
    this.words[at + WHO] = who;
    this.words[at + READ_STATE] = ((read << 8) | state) >>> 0;
    this.place(e);
    return e;
  }

  /** The last read that served entry `e`. */
  readOf(e: number): number {
    return this.words[e * STRIDE + READ_STATE] >>> 8;
  }

  /** Entry `e`'s state bits. */
  stateOf(e: number): number {
    return this.words[e * STRIDE + READ_STATE] & 0xff;
  }

  set(e: number, read: number, state: number): void {
    this.words[e * STRIDE + READ_STATE] = ((read << 8) | state) >>> 0;
  }

  setState(e: number, state: number): void {
    this.set(e, this.readOf(e), state);
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.words[e * STRIDE] & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private resize(capacity: number): void {
    const words = new Uint32Array(capacity * STRIDE);
    words.set(this.words.subarray(0, this.size * STRIDE));
    this.words = words;
    this.capacity = capacity;
    let slots = this.slots.length;
    while (slots < capacity * 2) slots *= 2;
    if (slots !== this.slots.length) {
      this.slots = new Int32Array(slots);
      for (let e = 0; e < this.size; e++) this.place(e);
    }
  }
}
