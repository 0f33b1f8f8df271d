// The page's side of the worker protocol: starts the engine worker, numbers runs, drops events of stale
// runs, and makes Stop always work: without a `stopped` reply within STOP_TIMEOUT_MS the worker is terminated and a
// fresh one started (a `while True: pass` cell cannot answer).
import { PROTOCOL_VERSION, eventRunId, messageSeq, unpackEvents } from './protocol';
import type { Event, RequestBody } from './protocol';
import { ReplySlot } from './reply_slot';

export const STOP_TIMEOUT_MS = 500; // a worker that answers at all answers within a few ms
// How long the page watches the reply slot for a typed line's answer (normally there within a few ms); a
// worker busy in user code answers later, by message.
export const REPLY_WAIT_MS = 100;

// Each worker gets a channel of its own, so another tab of the page never hears it.
const channelName = () => `runnel-engine-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export interface EngineClientOptions {
  wasmUrl: string;
  onEvent: (event: Event) => void; // events of the current run, and ready/fatal
  onReply?: () => void; // the answer to typed lines was taken from the reply slot (after its onEvent calls)
  onRestart?: () => void; // the worker was replaced after an unanswered stop
}

export class EngineClient {
  private worker!: Worker;
  // The worker's events arrive on this BroadcastChannel when the browser has one, else as the worker's
  // messages. Chromium holds a worker's messages back until the frame after a key press is painted, so a
  // line typed in the terminal would wait a whole extra frame for its batch; a channel's are not held.
  private channel: BroadcastChannel | undefined;
  // Shared with the worker on a cross-origin isolated page (reply_slot.ts): a typed line's batch is taken
  // from it as soon as the worker writes it. `seq`: the last worker message taken, posted or from the slot.
  private slot: ReplySlot | null = null;
  private seq = 0;
  private nextId = 1;
  private currentRun = 0;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private stopResolve: (() => void) | undefined;
  // The Stop on its way: another Stop meanwhile (a double click on Run) is that one, not a second whose
  // answer the first would take while its own timer later terminates the next run's worker.
  private stopping: Promise<void> | undefined;
  // The run being stopped: its events until `stopped` still count. Stop interrupts its program
  // (KeyboardInterrupt), whose except and finally blocks may print and stop queries.
  private stoppingRun: number | undefined;
  private readyPromise!: Promise<void>;
  private readyResolve!: () => void;
  private files: Record<string, string> = {};

  constructor(private readonly options: EngineClientOptions) {}

  // Starts the worker; `files` (the bundled data) are written into every new Session's file system.
  start(files: Record<string, string>): void {
    this.files = files;
    this.startWorker();
  }

  get runId(): number {
    return this.currentRun;
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  run(code: string): number {
    this.currentRun += 1;
    this.send({ type: 'run', runId: this.currentRun, code });
    return this.currentRun;
  }

  // Resolves when the worker confirmed, or after it was replaced.
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    const runId = this.currentRun;
    this.currentRun += 1; // whatever the old run says after its `stopped` is stale
    this.stoppingRun = runId;
    this.stopping = new Promise((resolve) => {
      this.stopResolve = resolve;
      this.send({ type: 'stop', runId });
      this.stopTimer = setTimeout(() => this.restart(runId), STOP_TIMEOUT_MS);
    });
    return this.stopping;
  }

  // `typed`: lines typed at the page. With a reply slot, their answer (the batch they make) is taken from
  // it as soon as the worker writes it, ahead of its posted copy.
  pushLines(source: string, lines: string[], typed = false): void {
    const slot = typed ? this.slot : null;
    if (!slot) {
      this.send({ type: 'pushLines', source, lines });
      return;
    }
    const after = Math.max(this.seq, slot.seq);
    this.send({ type: 'pushLines', source, lines, reply: true });
    void slot.wait(after, REPLY_WAIT_MS).then((answer) => {
      // A worker replaced meanwhile numbers its messages afresh: the old one's answer is not one of them.
      if (answer && slot === this.slot && this.receive(answer.data, true)) this.options.onReply?.();
    });
  }

  failTarget(source: string, reason: string): void {
    this.send({ type: 'failTarget', source, reason });
  }

  // Answered by a `checkpointsReset` event.
  resetCheckpoints(): void {
    this.send({ type: 'resetCheckpoints' });
  }

  private send(body: RequestBody): void {
    this.worker.postMessage({ v: PROTOCOL_VERSION, id: this.nextId++, ...body });
  }

  private startWorker(): void {
    this.readyPromise = new Promise((resolve) => (this.readyResolve = resolve));
    this.channel?.close();
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName()) : undefined;
    this.slot = ReplySlot.create();
    this.seq = 0; // a new worker numbers its messages from 1
    if (this.channel) this.channel.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    this.worker.onerror = (e) => console.warn(`runnel: engine worker error: ${e.message}`);
    const channel = this.channel ? { channel: this.channel.name } : {};
    const init = { type: 'init', wasmUrl: this.options.wasmUrl, files: this.files, ...channel } as const;
    if (this.slot) {
      try {
        this.send({ ...init, replySlot: this.slot.buffer });
        return;
      } catch (e) {
        // A browser that will not share the memory with the worker (DataCloneError): answers come posted.
        console.warn(`runnel: no reply slot (${String(e)})`);
        this.slot = null;
      }
    }
    this.send(init);
  }

  private restart(runId: number): void {
    this.worker.terminate();
    this.startWorker();
    this.options.onRestart?.();
    this.finishStop(runId);
  }

  private finishStop(runId: number): void {
    clearTimeout(this.stopTimer);
    this.stopTimer = undefined;
    this.stoppingRun = undefined;
    this.stopping = undefined;
    const resolve = this.stopResolve;
    this.stopResolve = undefined;
    resolve?.();
    this.options.onEvent({ v: 1, type: 'stopped', runId });
  }

  // A message is taken once: the reply slot's copy comes first, its posted copy is then dropped. The slot's
  // is taken only when it is the next message: one posted before it is still on its way.
  // True when the message was taken.
  private receive(data: unknown, fromSlot = false): boolean {
    const seq = messageSeq(data);
    if (seq !== undefined) {
      if (seq <= this.seq || (fromSlot && seq !== this.seq + 1)) return false;
      this.seq = seq;
    }
    const { events, dropped } = unpackEvents(data);
    for (const reason of dropped) console.warn(`runnel: dropped a worker event (${reason})`);
    for (const event of events) this.dispatch(event);
    return true;
  }

  private dispatch(event: Event): void {
    if (event.type === 'ready') this.readyResolve();
    if (event.type === 'stopped') {
      if (this.stopTimer !== undefined) this.finishStop(event.runId);
      return;
    }
    const id = eventRunId(event);
    if (id !== undefined && id !== this.currentRun && id !== this.stoppingRun) return; // stale run
    this.options.onEvent(event);
  }
}
