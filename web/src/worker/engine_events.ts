// Maps the engine's events (runnel/playground.h, Playground::takeEvents) onto protocol events of one
// run. Pure, so node:test checks it; engine events of an unknown type are dropped with a reason.
import type { Column, EventBody, ErrorInfo, Resumed } from './protocol';

type Json = Record<string, unknown>;

const str = (x: unknown, fallback = ''): string => (typeof x === 'string' ? x : fallback);
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);

function errorInfo(e: Json): ErrorInfo {
  const info: ErrorInfo = { errorClass: str(e.errorClass, 'InternalError'), message: str(e.message) };
  const line = num(e.line);
  const column = num(e.column);
  // The engine uses 0 for "no position".
  if (line !== undefined && line > 0) info.line = line;
  if (column !== undefined && column > 0) info.column = column;
  return info;
}

function columns(names: unknown, types: unknown): Column[] {
  const n = Array.isArray(names) ? names : [];
  const t = Array.isArray(types) ? types : [];
  return n.map((name, i) => ({ name: str(name), type: str(t[i], 'string') }));
}

function resumed(r: unknown): Resumed | null {
  if (typeof r !== 'object' || r === null) return null;
  const batchId = num((r as Json).batchId);
  return batchId === undefined ? null : { checkpointLocation: str((r as Json).checkpointLocation), batchId };
}

export function mapEngineEvent(e: Json, runId: number): EventBody | string {
  const queryId = str(e.queryId);
  switch (e.type) {
    case 'output':
      return { type: 'output', runId, text: str(e.text) };
    case 'batch':
      return {
        type: 'batch',
        runId,
        queryId,
        batchId: num(e.batchId) ?? 0,
        console: str(e.console),
        columns: columns(e.columns, e.types),
        rows: Array.isArray(e.rows) ? (e.rows as (string | null)[][]) : [],
      };
    case 'progress':
      return { type: 'progress', runId, queryId, progress: (e.progress ?? {}) as Json };
    case 'queryStarted':
      return {
        type: 'queryStarted',
        runId,
        queryId,
        name: typeof e.name === 'string' ? e.name : null,
        sockets: Array.isArray(e.sockets) ? e.sockets.map((s) => str(s)) : [],
        resumed: resumed(e.resumed),
      };
    case 'queryTerminated':
      return { type: 'queryTerminated', runId, queryId, error: e.error ? errorInfo(e.error as Json) : null };
    case 'error':
      return { type: 'error', runId, ...errorInfo(e) };
    case 'log':
      return { type: 'log', runId, level: str(e.level, 'INFO'), message: str(e.message) };
    case 'scriptDone':
      return { type: 'scriptDone', runId, waiting: e.waiting === true };
    case 'scriptWaiting':
      return {
        type: 'scriptWaiting',
        runId,
        call: str(e.call),
        line: typeof e.line === 'number' ? e.line : 0,
        ...(typeof e.timed === 'boolean' ? { timed: e.timed } : {}),
      };
    default:
      return `unknown engine event ${String(e.type)}`;
  }
}

export function mapEngineEvents(json: string, runId: number): { events: EventBody[]; dropped: string[] } {
  const events: EventBody[] = [];
  const dropped: string[] = [];
  const parsed: unknown = JSON.parse(json);
  for (const e of Array.isArray(parsed) ? parsed : []) {
    const mapped = mapEngineEvent(e as Json, runId);
    if (typeof mapped === 'string') dropped.push(mapped);
    else events.push(mapped);
  }
  return { events, dropped };
}
