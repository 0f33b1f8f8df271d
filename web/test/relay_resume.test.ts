// A run resumed from a checkpoint subscribes where the page left the relay's log, unless the relay
// restarted since (another log_id): then it starts at the newest line and drops the stale lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RelayClient } from '../src/relay/client';
import type { RelayCursor } from '../src/relay/client';
import { parseRelayCursors, withRelayCursor } from '../src/state/relay_cursors';

class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close(): void {}
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(message: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify({ v: 1, ...message }) });
  }
}

function connect() {
  (globalThis as unknown as { WebSocket: unknown }).WebSocket = FakeSocket;
  const got: { lines: string[]; cursors: RelayCursor[] } = { lines: [], cursors: [] };
  const client = new RelayClient('ws://relay/ws', {
    onOpen: () => {},
    onClose: () => {},
    onState: () => {},
    onLines: (_t, lines) => got.lines.push(...lines),
    onGap: () => {},
    onCursor: (_t, c) => got.cursors.push(c),
  });
  const socket = FakeSocket.last;
  socket.open();
  return { client, socket, got };
}

const T = 'localhost:9999';

test('a resume subscribes from the saved offset and reports the cursor as lines arrive', () => {
  const { client, socket, got } = connect();
  client.subscribe(T, { logId: 'L1', next: 5 });
  assert.deepEqual(socket.sent.at(-1), { v: 1, type: 'subscribe', target: T, from: 5 });
  socket.receive({ type: 'subscribed', target: T, from: 5, log_start: 0, log_end: 7, log_id: 'L1' });
  socket.receive({ type: 'lines', target: T, connection: 1, first_offset: 5, lines: ['e', 'f'] });
  assert.deepEqual(got.lines, ['e', 'f']);
  assert.deepEqual(got.cursors.at(-1), { logId: 'L1', next: 7 });
});

test('a resume into a restarted relay starts at the newest line and drops the stale ones', () => {
  const { client, socket, got } = connect();
  client.subscribe(T, { logId: 'OLD', next: 40 });
  socket.receive({ type: 'subscribed', target: T, from: 3, log_start: 0, log_end: 3, log_id: 'NEW' });
  assert.deepEqual(socket.sent.at(-1), { v: 1, type: 'subscribe', target: T, from: 'latest' });
  socket.receive({ type: 'lines', target: T, connection: 1, first_offset: 3, lines: ['stale'] });
  assert.deepEqual(got.lines, []);
  socket.receive({ type: 'subscribed', target: T, from: 3, log_start: 0, log_end: 3, log_id: 'NEW' });
  socket.receive({ type: 'lines', target: T, connection: 1, first_offset: 3, lines: ['new'] });
  assert.deepEqual(got.lines, ['new']);
  assert.deepEqual(got.cursors.at(-1), { logId: 'NEW', next: 4 });
});

test('a fresh run subscribes from the newest line', () => {
  const { client, socket } = connect();
  client.subscribe(T);
  assert.deepEqual(socket.sent.at(-1), { v: 1, type: 'subscribe', target: T, from: 'latest' });
});

test('saved cursors: malformed ones are ignored, updates keep the other targets', () => {
  assert.deepEqual(parseRelayCursors(null), {});
  assert.deepEqual(parseRelayCursors('not json'), {});
  assert.deepEqual(parseRelayCursors('{"a:1":{"logId":"L","next":3},"b:2":{"logId":"L","next":-1},"c:3":7}'), {
    'a:1': { logId: 'L', next: 3 },
  });
  const cursors = withRelayCursor({ 'a:1': { logId: 'L', next: 3 } }, 'b:2', { logId: 'M', next: 9 });
  assert.deepEqual(cursors, { 'a:1': { logId: 'L', next: 3 }, 'b:2': { logId: 'M', next: 9 } });
});
