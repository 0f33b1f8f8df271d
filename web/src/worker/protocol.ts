// The page <-> engine worker protocol, version 1: the only definition (STYLE.md part 3, "Worker
// protocol"). Both ends validate every message: an unknown `type` or a malformed message is logged and
// dropped, unknown fields are ignored, and the page drops events whose runId is not the current run
// (or the run being stopped, until its `stopped`).
//
// Envelope: every message carries `v` (the protocol's major version) and `type`. Requests carry an `id`;
// events of a run carry its `runId`. Every message the worker posts carries `seq`, numbered from 1 by
// each worker: the page takes each message once (see "Reply slot").
//
// Requests (page -> worker)
//   init       { wasmUrl, files, channel?, replySlot? }  load the engine; `files` are written into the
//                                         engine's file system (the bundled CSV); answered by `ready` or
//                                         `fatal`. `channel`: the worker posts every event on the
//                                         BroadcastChannel of that name instead of as its own message
//                                         (engine_client.ts). `replySlot`: a SharedArrayBuffer (below)
//   run        { runId, code }           a fresh Session runs the code; streaming queries keep running
//   stop       { runId }                 stops every query; answered by `stopped` (within 1 s, or the
//                                         page terminates this worker and starts a new one). A program
//                                         waiting first gets KeyboardInterrupt at its wait, as Ctrl-C
//                                         raises it: the events of its except and finally blocks
//                                         (output, queryTerminated, error, scriptDone) come before
//                                         `stopped`
//   pushLines  { source, lines, reply? } lines for a socket source, `source` = "host:port"; a batch runs
//                                         at once (default trigger). `reply`: the page waits for the
//                                         answer in the reply slot
//   failTarget { source, reason }        the relay could not connect to the target
//   resetCheckpoints {}                  forget every stored checkpoint and the socket line log
//                                         (IndexedDB); answered by `checkpointsReset`
//
// Events (worker -> page)
//   ready           { engineMs, durable? }                 the engine is loaded (ms spent loading);
//                                                          durable: checkpoints and the lines the page
//                                                          delivered persist in IndexedDB
//   fatal           { message }                            the engine could not load
//   output          { runId, text }                        print(), show()
//   batch           { runId, queryId, batchId, console, columns, rows }
//   progress        { runId, queryId, progress }           a StreamingQueryProgress object
//   queryStarted    { runId, queryId, name, sockets, resumed? }  resumed: {checkpointLocation,
//                                                          batchId} when the query restarted from
//                                                          a checkpoint at batch `batchId`, else null
//   queryTerminated { runId, queryId, error }
//   sockets         { runId, targets }                      the socket targets the run listens on now
//   linesAccepted   { runId, source, count }               the engine has the `count` lines of a
//                                                          pushLines (after that call's batch, if it
//                                                          ran one); the terminal prints Enter's echo
//                                                          then (state/held_echo.ts says why)
//   error           { runId, errorClass, message, line?, column? }
//   log             { runId, level, message }
//   scriptDone      { runId, waiting }                     the code ended; `waiting`: queries still run
//   scriptWaiting   { runId, call, line, timed? }          the code waits at that call (time.sleep,
//                                                          awaitTermination) while its queries
//                                                          run; scriptDone or scriptWaiting follows
//                                                          when it goes on. timed: false when only
//                                                          a query's end ends the wait
//   stopped         { runId }
//   checkpointsReset { ok, message? }                      the stored checkpoints are gone (or why not)
//   events          { events }                             several of the events above, in order, as
//                                                          one message: the events of one engine call
//                                                          (a batch's output, batch and progress) reach
//                                                          the page as one task; unpackEvents() opens it
//
// Reply slot (worker/reply_slot.ts): on a cross-origin isolated page (runnel serve sends the headers)
// the page shares memory with the worker. The message that answers a pushLines with `reply` (its batch's
// events and linesAccepted) is also copied there as JSON, and the page, waiting on it with
// Atomics.waitAsync, takes it at once: a posted message waits behind the frame a key press starts. The
// same message still comes posted; the page takes whichever copy of a `seq` comes first, and the slot's
// only when every message before it was taken. Without the slot the posted message is the answer.
//
// Durability: the worker numbers the lines it delivers per socket target and keeps them with the
// engine's checkpoint files in IndexedDB (worker/durable_store.ts), saved within 25 ms of an engine
// call, whole calls per transaction.
// A run first hands the engine that line log, so a query with a checkpointLocation resumes after a
// reload: it re-reads the lines past its committed offset (see core/stream/socket_hub.h).

export const PROTOCOL_VERSION = 1;

export interface Column {
  name: string;
  type: string;
}

export type Request =
  | {
      v: 1;
      id: number;
      type: 'init';
      wasmUrl: string;
      files: Record<string, string>;
      channel?: string;
      replySlot?: SharedArrayBuffer;
    }
  | { v: 1; id: number; type: 'run'; runId: number; code: string }
  | { v: 1; id: number; type: 'stop'; runId: number }
  | { v: 1; id: number; type: 'pushLines'; source: string; lines: string[]; reply?: boolean }
  | { v: 1; id: number; type: 'failTarget'; source: string; reason: string }
  | { v: 1; id: number; type: 'resetCheckpoints' };

export interface ErrorInfo {
  errorClass: string;
  message: string;
  line?: number;
  column?: number;
}

export interface Resumed {
  checkpointLocation: string;
  batchId: number;
}

export type Event =
  | { v: 1; type: 'ready'; engineMs: number; durable?: boolean }
  | { v: 1; type: 'fatal'; message: string }
  | { v: 1; type: 'output'; runId: number; text: string }
  | {
      v: 1;
      type: 'batch';
      runId: number;
      queryId: string;
      batchId: number;
      console: string;
      columns: Column[];
      rows: (string | null)[][];
    }
  | { v: 1; type: 'progress'; runId: number; queryId: string; progress: Record<string, unknown> }
  | {
      v: 1;
      type: 'queryStarted';
      runId: number;
      queryId: string;
      name: string | null;
      sockets: string[];
      resumed?: Resumed | null;
    }
  | { v: 1; type: 'queryTerminated'; runId: number; queryId: string; error: ErrorInfo | null }
  | { v: 1; type: 'sockets'; runId: number; targets: string[] }
  | { v: 1; type: 'linesAccepted'; runId: number; source: string; count: number }
  | ({ v: 1; type: 'error'; runId: number } & ErrorInfo)
  | { v: 1; type: 'log'; runId: number; level: string; message: string }
  | { v: 1; type: 'scriptDone'; runId: number; waiting: boolean }
  | { v: 1; type: 'scriptWaiting'; runId: number; call: string; line: number; timed?: boolean }
  | { v: 1; type: 'stopped'; runId: number }
  | { v: 1; type: 'checkpointsReset'; ok: boolean; message?: string };

// Distributes Omit over the union so each request/event keeps its own fields.
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<Request, 'v' | 'id'>;
export type EventBody = DistributiveOmit<Event, 'v'>;

type Check = (m: Record<string, unknown>) => boolean;

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const optNum = (x: unknown) => x === undefined || isNum(x);
const isErrorInfo = (x: unknown): boolean =>
  isObj(x) && isStr(x.errorClass) && isStr(x.message) && optNum(x.line) && optNum(x.column);
const isResumed = (x: unknown): boolean => isObj(x) && isStr(x.checkpointLocation) && isNum(x.batchId);
const isColumn = (x: unknown): boolean => isObj(x) && isStr(x.name) && isStr(x.type);
const isRow = (x: unknown): boolean =>
  Array.isArray(x) && x.every((c) => c === null || isStr(c));

const requestChecks: Record<Request['type'], Check> = {
  init: (m) =>
    isStr(m.wasmUrl) &&
    isObj(m.files) &&
    Object.values(m.files).every(isStr) &&
    (m.channel === undefined || isStr(m.channel)) &&
    (m.replySlot === undefined || (typeof SharedArrayBuffer === 'function' && m.replySlot instanceof SharedArrayBuffer)),
  run: (m) => isNum(m.runId) && isStr(m.code),
  stop: (m) => isNum(m.runId),
  pushLines: (m) => isStr(m.source) && isStrArray(m.lines) && (m.reply === undefined || typeof m.reply === 'boolean'),
  failTarget: (m) => isStr(m.source) && isStr(m.reason),
  resetCheckpoints: () => true,
};

const eventChecks: Record<Event['type'], Check> = {
  ready: (m) => isNum(m.engineMs) && (m.durable === undefined || typeof m.durable === 'boolean'),
  fatal: (m) => isStr(m.message),
  output: (m) => isNum(m.runId) && isStr(m.text),
  batch: (m) =>
    isNum(m.runId) &&
    isStr(m.queryId) &&
    isNum(m.batchId) &&
    isStr(m.console) &&
    Array.isArray(m.columns) &&
    m.columns.every(isColumn) &&
    Array.isArray(m.rows) &&
    m.rows.every(isRow),
  progress: (m) => isNum(m.runId) && isStr(m.queryId) && isObj(m.progress),
  queryStarted: (m) =>
    isNum(m.runId) &&
    isStr(m.queryId) &&
    (m.name === null || isStr(m.name)) &&
    isStrArray(m.sockets) &&
    (m.resumed === undefined || m.resumed === null || isResumed(m.resumed)),
  queryTerminated: (m) =>
    isNum(m.runId) && isStr(m.queryId) && (m.error === null || isErrorInfo(m.error)),
  sockets: (m) => isNum(m.runId) && isStrArray(m.targets),
  linesAccepted: (m) => isNum(m.runId) && isStr(m.source) && isNum(m.count),
  error: (m) => isNum(m.runId) && isErrorInfo(m),
  log: (m) => isNum(m.runId) && isStr(m.level) && isStr(m.message),
  scriptDone: (m) => isNum(m.runId) && typeof m.waiting === 'boolean',
  scriptWaiting: (m) => isNum(m.runId) && isStr(m.call) && isNum(m.line) && (m.timed === undefined || typeof m.timed === 'boolean'),
  stopped: (m) => isNum(m.runId),
  checkpointsReset: (m) => typeof m.ok === 'boolean' && (m.message === undefined || isStr(m.message)),
};

export type Validated<T> = { ok: true; message: T } | { ok: false; reason: string };

function validate<T>(data: unknown, checks: Record<string, Check>, needsId: boolean): Validated<T> {
  if (!isObj(data)) return { ok: false, reason: 'not an object' };
  if (data.v !== PROTOCOL_VERSION) return { ok: false, reason: `unsupported version ${String(data.v)}` };
  if (!isStr(data.type) || !Object.hasOwn(checks, data.type)) {
    return { ok: false, reason: `unknown type ${String(data.type)}` };
  }
  if (needsId && !isNum(data.id)) return { ok: false, reason: `${data.type}: missing id` };
  if (!checks[data.type](data)) return { ok: false, reason: `${data.type}: malformed fields` };
  return { ok: true, message: data as T };
}

export const validateRequest = (data: unknown) => validate<Request>(data, requestChecks, true);
export const validateEvent = (data: unknown) => validate<Event>(data, eventChecks, false);

// Several events in one message (the `events` event); each one inside is validated on its own.
export interface EventList {
  v: 1;
  type: 'events';
  events: Event[];
}

// The events a worker message carries, one or a list, each validated: the invalid ones are dropped
// with a reason.
export function unpackEvents(data: unknown): { events: Event[]; dropped: string[] } {
  let items: unknown[] = [data];
  if (isObj(data) && data.type === 'events') {
    if (data.v !== PROTOCOL_VERSION) return { events: [], dropped: [`unsupported version ${String(data.v)}`] };
    if (!Array.isArray(data.events)) return { events: [], dropped: ['events: malformed fields'] };
    items = data.events;
  }
  const events: Event[] = [];
  const dropped: string[] = [];
  for (const item of items) {
    const checked = validateEvent(item);
    if (checked.ok) events.push(checked.message);
    else dropped.push(checked.reason);
  }
  return { events, dropped };
}

// Events that belong to a run; the page keeps only those of its current run.
export function eventRunId(event: Event): number | undefined {
  return 'runId' in event ? event.runId : undefined;
}

// The `seq` a worker message carries (undefined without one).
export function messageSeq(data: unknown): number | undefined {
  return isObj(data) && isNum(data.seq) ? data.seq : undefined;
}
