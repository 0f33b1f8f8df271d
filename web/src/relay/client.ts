// The relay client: mirrors relay/PROTOCOL.md (version 1). One WebSocket to `runnel serve`'s /ws; the page
// subscribes to the socket target its code names and resumes from the next offset after a reconnect.
// Relay messages are validated: unknown types and malformed messages are logged and dropped.

export const RELAY_PROTOCOL_VERSION = 1;

export type TargetState = 'connecting' | 'connected' | 'refused' | 'unreachable' | 'closed';

export type RelayMessage =
  | { v: 1; type: 'hello'; relay: string }
  | { v: 1; type: 'subscribed'; target: string; from: number; log_start: number; log_end: number; log_id?: string }
  | { v: 1; type: 'unsubscribed'; target: string }
  | { v: 1; type: 'state'; target: string; state: TargetState; message?: string; retry_ms?: number }
  | { v: 1; type: 'lines'; target: string; connection: number; first_offset: number; lines: string[] }
  | { v: 1; type: 'gap'; target: string; from: number; to: number }
  | { v: 1; type: 'line_too_long'; target: string; offset: number; bytes: number; limit: number }
  | { v: 1; type: 'error'; code: string; message: string };

const isNum = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isStr = (x: unknown) => typeof x === 'string';
const STATES = new Set(['connecting', 'connected', 'refused', 'unreachable', 'closed']);

const checks: Record<RelayMessage['type'], (m: Record<string, unknown>) => boolean> = {
  hello: (m) => isStr(m.relay),
  subscribed: (m) => isStr(m.target) && isNum(m.from) && (m.log_id === undefined || isStr(m.log_id)),
  unsubscribed: (m) => isStr(m.target),
  state: (m) => isStr(m.target) && STATES.has(m.state as string),
  lines: (m) => isStr(m.target) && isNum(m.first_offset) && Array.isArray(m.lines) && m.lines.every(isStr),
  gap: (m) => isStr(m.target) && isNum(m.from) && isNum(m.to),
  line_too_long: (m) => isStr(m.target) && isNum(m.offset),
  error: (m) => isStr(m.code) && isStr(m.message),
};

export function parseRelayMessage(text: string): RelayMessage | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof data !== 'object' || data === null) return 'not an object';
  const m = data as Record<string, unknown>;
  if (m.v !== RELAY_PROTOCOL_VERSION) return `unsupported version ${String(m.v)}`;
  const type = m.type as RelayMessage['type'];
  if (!isStr(type) || !Object.hasOwn(checks, type)) return `unknown type ${String(m.type)}`;
  if (!checks[type](m)) return `${type}: malformed fields`;
  return m as RelayMessage;
}

export interface RelayHandlers {
  onOpen(): void;
  onClose(): void;
  onState(target: string, state: TargetState, message: string): void;
  onLines(target: string, lines: string[]): void;
  onGap(target: string, from: number, to: number): void;
  // Where this page is in the relay's log of `target` after lines or a gap: a reload resumes there.
  onCursor?(target: string, cursor: RelayCursor): void;
}

// A position in one relay log: offsets mean something only within the same `logId` (PROTOCOL.md).
export interface RelayCursor {
  logId: string;
  next: number; // the offset after the last line received
}

// Where the relay is: `?relay=ws://host:port/ws` for a page hosted elsewhere (runnel relay), or the
// page's own server when it is `runnel serve` (its response headers say so: `X-Runnel-Relay: /ws`, or
// its `Server` header). Probing this way keeps a static file server's console free of failed-WebSocket
// errors.
export async function discoverRelay(location: Location): Promise<string | null> {
  const explicit = new URLSearchParams(location.search).get('relay');
  if (explicit) return explicit;
  try {
    const response = await fetch(location.href.split('#')[0], { cache: 'no-store' });
    const path = response.headers.get('x-runnel-relay');
    const server = response.headers.get('server') ?? '';
    if (!path && !/runnel|websocket\+\+/i.test(server)) return null;
    const url = new URL(path ?? 'ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.hash = '';
    url.search = location.search.includes('token=') ? `?token=${new URLSearchParams(location.search).get('token')}` : '';
    return url.href;
  } catch {
    return null;
  }
}

const MAX_BACKOFF_MS = 5000;

export class RelayClient {
  private socket: WebSocket | null = null;
  private target: string | null = null;
  private nextOffset: number | null = null; // resume point after a reconnect
  private backoffMs = 250;
  private closed = false;
  private logId: string | null = null; // the relay log the subscription reads
  private expectedLogId: string | null = null; // a resume's log: another one means start at the newest line
  private discarding = false; // lines of a resume into the wrong log, until `latest` is confirmed

  constructor(
    private readonly url: string,
    private readonly handlers: RelayHandlers,
  ) {
    this.open();
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  // Follows one target; a new run starts from the newest line (a fresh Spark socket connection), a run
  // resumed from a checkpoint from `resume`, where the page left the relay's log before a reload (the
  // lines nc sent meanwhile), if the relay still has that log.
  subscribe(target: string, resume?: RelayCursor): void {
    if (this.target && this.target !== target) this.send({ type: 'unsubscribe', target: this.target });
    this.target = target;
    this.nextOffset = resume ? resume.next : null;
    this.expectedLogId = resume ? resume.logId : null;
    this.discarding = false;
    this.send({ type: 'subscribe', target, from: resume ? resume.next : 'latest' });
  }

  unsubscribe(): void {
    if (this.target) this.send({ type: 'unsubscribe', target: this.target });
    this.target = null;
    this.nextOffset = null;
    this.expectedLogId = null;
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  private reportCursor(target: string): void {
    if (this.logId !== null && this.nextOffset !== null) this.handlers.onCursor?.(target, { logId: this.logId, next: this.nextOffset });
  }

  private send(body: Record<string, unknown>): void {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify({ v: RELAY_PROTOCOL_VERSION, ...body }));
    }
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = 250;
      this.handlers.onOpen();
      if (this.target) {
        // A relay restarted meanwhile has a new log: `subscribed` tells, and the page starts at its end.
        this.expectedLogId = this.nextOffset === null ? null : this.logId;
        this.send({ type: 'subscribe', target: this.target, from: this.nextOffset ?? 'latest' });
      }
    };
    socket.onmessage = (e) => this.receive(String(e.data));
    socket.onclose = () => {
      this.handlers.onClose();
      if (this.closed) return;
      setTimeout(() => this.open(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    };
  }

  private receive(text: string): void {
    const m = parseRelayMessage(text);
    if (typeof m === 'string') {
      console.warn(`runnel relay: dropped a message (${m})`);
      return;
    }
    switch (m.type) {
      case 'subscribed':
        if (m.target !== this.target) return;
        if (this.expectedLogId !== null && m.log_id !== undefined && m.log_id !== this.expectedLogId) {
          // The relay restarted since: the saved offset names a line of another log.
          this.expectedLogId = null;
          this.nextOffset = null;
          this.discarding = true;
          this.send({ type: 'subscribe', target: m.target, from: 'latest' });
          return;
        }
        this.discarding = false;
        this.expectedLogId = null;
        this.logId = m.log_id ?? null;
        return;
      case 'state':
        if (m.target === this.target) this.handlers.onState(m.target, m.state, m.message ?? '');
        return;
      case 'lines':
        if (m.target !== this.target || this.discarding) return;
        {
          // After a resume the relay may repeat lines this page already has.
          const seen = this.nextOffset === null ? 0 : Math.max(0, this.nextOffset - m.first_offset);
          this.nextOffset = Math.max(this.nextOffset ?? 0, m.first_offset + m.lines.length);
          if (seen < m.lines.length) this.handlers.onLines(m.target, m.lines.slice(seen));
          this.reportCursor(m.target);
        }
        return;
      case 'gap':
        if (m.target === this.target && !this.discarding) {
          this.nextOffset = m.to;
          this.handlers.onGap(m.target, m.from, m.to);
          this.reportCursor(m.target);
        }
        return;
      case 'error':
        console.warn(`runnel relay: ${m.code}: ${m.message}`);
        return;
      default:
        return;
    }
  }
}
