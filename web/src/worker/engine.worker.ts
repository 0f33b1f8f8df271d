// The engine's Web Worker: owns the wasm Session (wasm/bindings.cpp) and the tick timer. It never
// touches the DOM; it speaks only the protocol of ./protocol.ts.
import { applyFileChanges } from '../state/file_mirror';
import type { FileChange, FileWrites } from '../state/file_mirror';
import { SocketLineLog } from '../state/socket_line_log';
import { DurableStore } from './durable_store';
import { mapEngineEvents } from './engine_events';
import { PROTOCOL_VERSION, validateRequest } from './protocol';
import type { EventBody, Request } from './protocol';
import { ReplySlot } from './reply_slot';

interface Session {
  run(code: string, nowMs: number): void;
  pushLines(target: string, lines: string[]): void;
  failTarget(target: string, reason: string): void;
  tick(nowMs: number): void;
  nextWakeMs(): number; // -1: nothing scheduled
  stop(): void;
  hasActiveQueries(): boolean;
  socketTargets(): string;
  takeEvents(): string;
  writeFile(path: string, content: string): void;
  writeFileBytes(path: string, content: Uint8Array): void;
  takeFileChanges(): FileChange[];
  pushLinesFrom(target: string, firstOffset: number, lines: string[]): void;
  replaySocketLog(target: string, firstOffset: number, lines: string[]): void;
  delete(): void;
}

interface RunnelModule {
  Session: new () => Session;
}

type CreateRunnel = (options: { locateFile: (name: string) => string }) => Promise<RunnelModule>;

let engine: RunnelModule | undefined;
let files: Record<string, string> = {};
let session: Session | undefined;
let runId = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
// Durability (protocol.ts, "Durability"): IndexedDB, the files it holds, the socket line log.
let store: DurableStore | null = null;
let storedFiles = new Map<string, Uint8Array>();
let lineLog = new SocketLineLog();
let saving: Promise<void> = Promise.resolve();

// Events go out on the page's BroadcastChannel when `init` named one (engine_client.ts says why).
let events: BroadcastChannel | undefined;
// The page's reply slot, and whether the request being handled asked for its answer there (protocol.ts,
// "Reply slot").
let replySlot: ReplySlot | null = null;
let replying = false;
let seq = 0; // the number of the last message posted

function send(message: Record<string, unknown>): void {
  seq += 1;
  const numbered = { ...message, seq };
  if (replying && replySlot) replySlot.write(seq, JSON.stringify(numbered));
  (events ?? self).postMessage(numbered);
}

function post(body: EventBody): void {
  send({ v: PROTOCOL_VERSION, ...body });
}

// Several events as one message (protocol.ts, `events`): one task on the page, not one per event.
function postAll(bodies: EventBody[]): void {
  if (bodies.length === 0) return;
  if (bodies.length === 1) return post(bodies[0]);
  const list = bodies.map((body) => ({ v: PROTOCOL_VERSION, ...body }));
  send({ v: PROTOCOL_VERSION, type: 'events', events: list });
}

function postError(errorClass: string, message: string): void {
  post({ type: 'error', runId, errorClass, message });
}

// An exception out of the wasm is a JS Error named after Spark's class (bindings.cpp).
function reportThrown(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  const info = err as Error & { line?: number; column?: number };
  post({
    type: 'error',
    runId,
    errorClass: err.name || 'InternalError',
    message: err.message,
    ...(info.line ? { line: info.line } : {}),
    ...(info.column ? { column: info.column } : {}),
  });
}

let targets = '[]'; // the socket targets last reported, as the engine's JSON

// `extra`: events of the call itself, after the engine's.
function drain(extra: EventBody[]): void {
  if (!session) return;
  const { events: out, dropped } = mapEngineEvents(session.takeEvents(), runId);
  for (const d of dropped) console.warn(`runnel worker: ${d}`);
  // A socket source connects lazily (in its first batch), so its target is reported when it appears.
  const now = session.socketTargets();
  if (now !== targets) {
    targets = now;
    out.push({ type: 'sockets', runId, targets: JSON.parse(now) as string[] });
  }
  postAll([...out, ...extra]);
}

function schedule(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (!session) return;
  const wake = session.nextWakeMs();
  if (wake < 0) return;
  timer = setTimeout(tick, Math.max(0, wake - Date.now()));
}

// The engine's file changes and the lines it was given go to IndexedDB SAVE_DELAY_MS after an engine
// call, every call since in one transaction (whole calls: a reload sees a batch's offsets, commit and
// lines all or none). The wait keeps IndexedDB's work (much of it in the browser process) off the
// frame that paints the batch; a burst of batches is one transaction.
const SAVE_DELAY_MS = 25;
let unsavedPaths = new Set<string>(); // paths of storedFiles changed since the last save
let saveTimer: ReturnType<typeof setTimeout> | undefined;

function persist(): void {
  if (!session) return;
  // Taken now: the Session may be gone when the save runs.
  const writes = applyFileChanges(storedFiles, session.takeFileChanges());
  for (const path of [...writes.put.keys(), ...writes.remove]) unsavedPaths.add(path);
  if (saveTimer === undefined) saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

function save(): void {
  saveTimer = undefined;
  const lines = lineLog.takeChanges();
  const writes: FileWrites = { put: new Map(), remove: [] };
  for (const path of unsavedPaths) {
    const content = storedFiles.get(path);
    if (content) writes.put.set(path, content);
    else writes.remove.push(path);
  }
  unsavedPaths = new Set();
  if (!store || (writes.put.size === 0 && writes.remove.length === 0 && lines.appended.length === 0)) return;
  const db = store;
  const forRun = runId;
  saving = saving
    .then(() => db.save(writes, lines))
    .catch((e: unknown) => post({ type: 'log', runId: forRun, level: 'WARN', message: `could not save the checkpoint: ${String(e)}` }));
}

// Every engine call goes through here: it runs, its events are posted, its changes persisted, the
// next tick is scheduled.
function withSession(f: (s: Session) => void, extra: EventBody[] = []): void {
  if (!session) return;
  try {
    f(session);
  } catch (e) {
    reportThrown(e);
  }
  drain(extra);
  persist();
  schedule();
}

function tick(): void {
  timer = undefined;
  withSession((s) => s.tick(Date.now()));
}

function dropSession(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  session?.delete();
  session = undefined;
  targets = '[]';
}

// A Session starts with the bundled files, the stored checkpoints and the socket line log.
function newSession(m: RunnelModule): Session {
  const s = new m.Session();
  for (const [path, content] of Object.entries(files)) s.writeFile(path, content);
  for (const [path, content] of storedFiles) s.writeFileBytes(path, content);
  s.takeFileChanges(); // already where they belong
  for (const target of lineLog.targets()) {
    const log = lineLog.get(target);
    if (log) s.replaySocketLog(target, log.firstOffset, log.lines);
  }
  return s;
}

async function openStore(): Promise<void> {
  store = await DurableStore.open();
  if (!store) return;
  try {
    const stored = await store.load();
    storedFiles = stored.files;
    lineLog = SocketLineLog.fromRecords(stored.lines);
  } catch (e) {
    console.warn(`runnel worker: could not read IndexedDB (${String(e)})`);
    store = null;
  }
}

async function resetCheckpoints(): Promise<void> {
  clearTimeout(saveTimer);
  saveTimer = undefined;
  unsavedPaths = new Set();
  storedFiles = new Map();
  lineLog = new SocketLineLog();
  try {
    await saving;
    await store?.clear();
    post({ type: 'checkpointsReset', ok: true });
  } catch (e) {
    post({ type: 'checkpointsReset', ok: false, message: String(e) });
  }
}

async function init(wasmUrl: string, initFiles: Record<string, string>): Promise<void> {
  const start = performance.now();
  try {
    const { default: createRunnel } = (await import(/* @vite-ignore */ wasmUrl)) as { default: CreateRunnel };
    const [created] = await Promise.all([createRunnel({ locateFile: (name) => new URL(name, wasmUrl).href }), openStore()]);
    engine = created;
    files = initFiles;
    post({ type: 'ready', engineMs: performance.now() - start, durable: store !== null });
  } catch (e) {
    post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
  }
}

async function handle(req: Request): Promise<void> {
  switch (req.type) {
    case 'init':
      if (req.channel && typeof BroadcastChannel === 'function') events = new BroadcastChannel(req.channel);
      if (req.replySlot) replySlot = new ReplySlot(req.replySlot);
      await init(req.wasmUrl, req.files);
      return;
    case 'run':
      if (!engine) {
        postError('InternalError', 'the engine is not loaded');
        return;
      }
      dropSession();
      runId = req.runId;
      session = newSession(engine);
      withSession((s) => s.run(req.code, Date.now()));
      return;
    case 'stop':
      withSession((s) => s.stop());
      dropSession();
      post({ type: 'stopped', runId: req.runId });
      return;
    case 'pushLines':
      // Default trigger: the batch runs as soon as the lines are in; its events and linesAccepted go
      // out as one message.
      replying = req.reply === true;
      try {
        withSession(
          (s) => {
            s.pushLinesFrom(req.source, lineLog.append(req.source, req.lines), req.lines);
            s.tick(Date.now());
          },
          [{ type: 'linesAccepted', runId, source: req.source, count: req.lines.length }],
        );
      } finally {
        replying = false;
      }
      return;
    case 'failTarget':
      withSession((s) => s.failTarget(req.source, req.reason));
      return;
    case 'resetCheckpoints':
      await resetCheckpoints();
      return;
  }
}

// Requests are handled in order, each after the previous one finished: a run sent while the engine
// still loads waits for it.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<unknown>) => {
  const checked = validateRequest(e.data);
  if (!checked.ok) {
    console.warn(`runnel worker: dropped a request (${checked.reason})`);
    return;
  }
  const request = checked.message;
  queue = queue.then(() => handle(request));
};
