// Engine events (runnel/playground.h) become protocol events of the current run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapEngineEvents } from '../src/worker/engine_events';
import { validateEvent } from '../src/worker/protocol';

test('every documented engine event maps to a valid protocol event', () => {
  const engine = [
    { type: 'output', text: 'hi\n' },
    { type: 'batch', queryId: 'q', name: null, batchId: 1, console: 'x', columns: ['word', 'count'], types: ['string', 'bigint'], rows: [['cat', '2']] },
    { type: 'progress', queryId: 'q', progress: { batchId: 1 } },
    { type: 'queryStarted', queryId: 'q', runId: 'r', name: null, sockets: ['localhost:9999'] },
    { type: 'queryTerminated', queryId: 'q', error: { errorClass: 'StreamingQueryException', message: 'boom' } },
    { type: 'error', errorClass: 'AnalysisException', message: 'm', line: 3, column: 5 },
    { type: 'log', level: 'WARN', message: 'w' },
    { type: 'scriptDone', waiting: true },
    { type: 'scriptWaiting', call: 'time.sleep', line: 9, timed: true },
    { type: 'scriptWaiting', call: 'awaitTermination', line: 12, timed: false },
  ];
  const { events, dropped } = mapEngineEvents(JSON.stringify(engine), 4);
  assert.deepEqual(dropped, []);
  assert.equal(events.length, engine.length);
  for (const e of events) assert.equal(validateEvent({ v: 1, ...e }).ok, true, e.type);
  const batch = events[1];
  assert.ok(batch.type === 'batch');
  assert.deepEqual(batch.columns, [{ name: 'word', type: 'string' }, { name: 'count', type: 'bigint' }]);
  assert.equal(batch.runId, 4);
  assert.equal(events.at(-1)?.type === 'scriptWaiting' && events.at(-1)?.timed, false);
});

test('position 0 means none, and unknown engine events are dropped with a reason', () => {
  const { events, dropped } = mapEngineEvents(
    JSON.stringify([{ type: 'error', errorClass: 'ParseException', message: 'm', line: 0, column: 0 }, { type: 'mystery' }]),
    1,
  );
  assert.deepEqual(events, [{ type: 'error', runId: 1, errorClass: 'ParseException', message: 'm' }]);
  assert.deepEqual(dropped, ['unknown engine event mystery']);
});
