// The reply slot (protocol.ts, "Reply slot"): shared memory the worker copies its answer to typed lines
// into. A message the worker posts waits in the page's task queue behind the frame Chromium starts after
// a key press (and comes through the browser process on a BroadcastChannel), so the batch of a typed
// line would be painted a frame later; the page's Atomics.waitAsync on the slot is woken at once.
//
// Layout: Int32 [seq, byteLength], then the message as UTF-8 JSON. `seq` is the message's own number
// (its envelope's `seq`), 0 before the first and -1 while the worker writes: a reader that sees another
// seq after copying the bytes read a torn message and drops it (a seqlock).
const HEADER_BYTES = 8;
const SEQ = 0;
const LENGTH = 1;
const WRITING = -1;

export const REPLY_SLOT_BYTES = 1 << 20; // a batch's events bigger than this come only posted

export interface SlotMessage {
  seq: number;
  data: unknown;
}

export class ReplySlot {
  private readonly header: Int32Array;
  private readonly payload: Uint8Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 2);
    this.payload = new Uint8Array(buffer, HEADER_BYTES);
  }

  // A slot when the page can share memory with its worker and wait on it without blocking (a cross-origin
  // isolated page in a browser with Atomics.waitAsync), else null.
  static create(bytes = REPLY_SLOT_BYTES): ReplySlot | null {
    if (typeof SharedArrayBuffer !== 'function' || !globalThis.crossOriginIsolated) return null;
    if (typeof (Atomics as { waitAsync?: unknown }).waitAsync !== 'function') return null;
    return new ReplySlot(new SharedArrayBuffer(HEADER_BYTES + bytes));
  }

  get seq(): number {
    return Atomics.load(this.header, SEQ);
  }

  // Worker side: puts message `seq` (its JSON text) in the slot and wakes the page; false when it does not
  // fit (the page then takes the posted copy).
  write(seq: number, text: string): boolean {
    const bytes = new TextEncoder().encode(text); // encodeInto does not write shared memory
    if (bytes.length > this.payload.length) return false;
    Atomics.store(this.header, SEQ, WRITING);
    this.payload.set(bytes);
    Atomics.store(this.header, LENGTH, bytes.length);
    Atomics.store(this.header, SEQ, seq);
    Atomics.notify(this.header, SEQ);
    return true;
  }

  // Page side: the message in the slot if its seq is above `afterSeq` and it was read whole, else null.
  read(afterSeq: number): SlotMessage | null {
    const seq = Atomics.load(this.header, SEQ);
    if (seq <= afterSeq) return null;
    const length = Atomics.load(this.header, LENGTH);
    if (length < 0 || length > this.payload.length) return null;
    const bytes = this.payload.slice(0, length); // TextDecoder does not read shared memory either
    if (Atomics.load(this.header, SEQ) !== seq) return null;
    try {
      return { seq, data: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
    } catch {
      return null;
    }
  }

  // Page side: the first message above `afterSeq`, once the worker has written it whole; null after
  // `timeoutMs`. The main thread may not block in Atomics.wait: this waits with Atomics.waitAsync.
  async wait(afterSeq: number, timeoutMs: number): Promise<SlotMessage | null> {
    const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const seq = Atomics.load(this.header, SEQ);
      const message = this.read(afterSeq);
      if (message) return message;
      const left = deadline - performance.now();
      if (left <= 0) return null;
      const waited = waitAsync(this.header, SEQ, seq, left);
      if (waited.async) await waited.value; // else the seq changed meanwhile: read again
    }
  }
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
