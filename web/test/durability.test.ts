// The page's durable side, pure parts: the socket line log the worker replays after a reload, the
// file mirror persisted to IndexedDB, the terminal's socket note, and the protocol's additions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFileChanges } from '../src/state/file_mirror';
import { SocketLineLog } from '../src/state/socket_line_log';
import { SPARK_SOCKET_WARNING, socketNote } from '../src/state/socket_note';
import { mapEngineEvents } from '../src/worker/engine_events';
import { validateEvent, validateRequest } from '../src/worker/protocol';

const bytes = (s: string) => new TextEncoder().encode(s);

test('the line log numbers lines per target from 0 and reports what to store', () => {
  const log = new SocketLineLog();
  assert.equal(log.append('localhost:9999', ['cat dog', 'cat']), 0);
  assert.equal(log.append('localhost:9998', ['x']), 0);
  assert.equal(log.append('localhost:9999', ['bird']), 2);
  assert.deepEqual(log.get('localhost:9999'), { firstOffset: 0, lines: ['cat dog', 'cat', 'bird'] });
  assert.deepEqual(log.takeChanges(), {
    appended: [
      { target: 'localhost:9999', firstOffset: 0, lines: ['cat dog', 'cat'] },
      { target: 'localhost:9998', firstOffset: 0, lines: ['x'] },
      { target: 'localhost:9999', firstOffset: 2, lines: ['bird'] },
    ],
    dropBelow: {},
  });
  assert.deepEqual(log.takeChanges(), { appended: [], dropBelow: {} });
});

test('the line log keeps the newest lines and says which offsets the store may forget', () => {
  const log = new SocketLineLog(3);
  log.append('t', ['a', 'b']);
  log.append('t', ['c', 'd', 'e']);
  assert.deepEqual(log.get('t'), { firstOffset: 2, lines: ['c', 'd', 'e'] });
  assert.equal(log.nextOffset('t'), 5);
  assert.deepEqual(log.takeChanges().dropBelow, { t: 2 });
});

test('a stored log comes back in offset order, and a hole keeps the newest contiguous run', () => {
  const log = SocketLineLog.fromRecords([
    { target: 't', offset: 4, line: 'e' },
    { target: 't', offset: 1, line: 'b' },
    { target: 't', offset: 3, line: 'd' },
    { target: 'u', offset: 0, line: 'x' },
  ]);
  assert.deepEqual(log.get('t'), { firstOffset: 3, lines: ['d', 'e'] });
  assert.deepEqual(log.get('u'), { firstOffset: 0, lines: ['x'] });
  assert.equal(log.append('t', ['f']), 5);
  assert.deepEqual(log.targets().sort(), ['t', 'u']);
});

test('file changes become the final content of every path they touched', () => {
  const files = new Map<string, Uint8Array>([['/cp/offsets/0', bytes('v1')], ['/other', bytes('o')]]);
  const writes = applyFileChanges(files, [
    { remove: false, path: '/cp/offsets/1', content: bytes('v1 1') },
    { remove: false, path: '/cp/commits/1', content: bytes('c1') },
    { remove: false, path: '/tmp/temporary-x/offsets/0', content: bytes('t') },
    { remove: true, path: '/tmp/temporary-x', content: new Uint8Array() },
    { remove: true, path: '/cp/offsets/0', content: new Uint8Array() },
  ]);
  assert.deepEqual([...writes.put.keys()].sort(), ['/cp/commits/1', '/cp/offsets/1']);
  assert.deepEqual(writes.remove.sort(), ['/cp/offsets/0', '/tmp/temporary-x', '/tmp/temporary-x/offsets/0']);
  assert.deepEqual([...files.keys()].sort(), ['/cp/commits/1', '/cp/offsets/1', '/other']);
});

test('removing a directory removes what is under it, not its namesake prefix', () => {
  const files = new Map([['/cp/a', bytes('1')], ['/cp/a/b', bytes('2')], ['/cp/ab', bytes('3')]]);
  const writes = applyFileChanges(files, [{ remove: true, path: '/cp/a', content: new Uint8Array() }]);
  assert.deepEqual([...files.keys()], ['/cp/ab']);
  assert.deepEqual(writes.remove.sort(), ['/cp/a', '/cp/a/b']);
  assert.equal(writes.put.size, 0);
});

test('the socket note quotes Spark when no relay is behind the query', () => {
  assert.equal(socketNote({ socketQuery: false, relay: false, durable: true }), null);
  assert.equal(socketNote({ socketQuery: true, relay: true, durable: true }), null);
  const durable = socketNote({ socketQuery: true, relay: false, durable: true });
  assert.ok(durable?.includes(SPARK_SOCKET_WARNING));
  assert.match(durable ?? '', /checkpointLocation resumes after a reload/);
  const volatile = socketNote({ socketQuery: true, relay: false, durable: false });
  assert.ok(volatile?.includes(SPARK_SOCKET_WARNING));
  assert.match(volatile ?? '', /misses what it had not read/);
});

test('protocol additions: resetCheckpoints, checkpointsReset, ready.durable, queryStarted.resumed', () => {
  assert.equal(validateRequest({ v: 1, id: 9, type: 'resetCheckpoints' }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'checkpointsReset', ok: true }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'checkpointsReset', ok: 'yes' }).ok, false);
  assert.equal(validateEvent({ v: 1, type: 'ready', engineMs: 3, durable: true }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'ready', engineMs: 3 }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'ready', engineMs: 3, durable: 1 }).ok, false);
  const { events } = mapEngineEvents(
    JSON.stringify([
      { type: 'queryStarted', queryId: 'q', name: null, sockets: [], resumed: { checkpointLocation: '/cp', batchId: 3 } },
      { type: 'queryStarted', queryId: 'q', name: null, sockets: [], resumed: null },
    ]),
    2,
  );
  assert.deepEqual(
    events.map((e) => (e.type === 'queryStarted' ? e.resumed : undefined)),
    [{ checkpointLocation: '/cp', batchId: 3 }, null],
  );
  for (const e of events) assert.equal(validateEvent({ v: 1, ...e }).ok, true);
  const bad = { v: 1, type: 'queryStarted', runId: 1, queryId: 'q', name: null, sockets: [], resumed: { batchId: 'x' } };
  assert.equal(validateEvent(bad).ok, false);
});
