// The worker protocol's validators: well-formed messages pass, unknown types and versions and
// malformed fields are refused, unknown fields are tolerated.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventRunId, unpackEvents, validateEvent, validateRequest } from '../src/worker/protocol';

test('valid requests pass, with unknown fields ignored', () => {
  const cases = [
    { v: 1, id: 1, type: 'init', wasmUrl: 'http://x/wasm/runnel.js', files: { 'data/a.csv': 'a\n' } },
    { v: 1, id: 1, type: 'init', wasmUrl: 'x', files: {}, channel: 'runnel-engine-1' },
    { v: 1, id: 2, type: 'run', runId: 1, code: 'print(1)' },
    { v: 1, id: 3, type: 'stop', runId: 1, extra: true },
    { v: 1, id: 4, type: 'pushLines', source: 'localhost:9999', lines: ['a b', ''] },
    { v: 1, id: 5, type: 'failTarget', source: 'localhost:9999', reason: 'Connection refused' },
  ];
  for (const c of cases) assert.deepEqual(validateRequest(c), { ok: true, message: c }, c.type);
});

test('malformed requests are refused with a reason', () => {
  const cases: [unknown, RegExp][] = [
    [null, /not an object/],
    [{ v: 2, id: 1, type: 'run', runId: 1, code: '' }, /unsupported version 2/],
    [{ v: 1, id: 1, type: 'explode' }, /unknown type explode/],
    [{ v: 1, type: 'stop', runId: 1 }, /missing id/],
    [{ v: 1, id: 1, type: 'run', runId: '1', code: '' }, /run: malformed/],
    [{ v: 1, id: 1, type: 'pushLines', source: 'x', lines: ['a', 3] }, /pushLines: malformed/],
    [{ v: 1, id: 1, type: 'init', wasmUrl: 'x', files: { a: 1 } }, /init: malformed/],
    [{ v: 1, id: 1, type: 'init', wasmUrl: 'x', files: {}, channel: 7 }, /init: malformed/],
  ];
  for (const [data, reason] of cases) {
    const r = validateRequest(data);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, reason);
  }
});

test('events are validated the same way', () => {
  const batch = {
    v: 1, type: 'batch', runId: 3, queryId: 'q', batchId: 1, console: 'Batch: 1',
    columns: [{ name: 'word', type: 'string' }], rows: [['cat'], [null]],
  };
  assert.equal(validateEvent(batch).ok, true);
  assert.equal(validateEvent({ ...batch, rows: [[1]] }).ok, false);
  assert.equal(validateEvent({ v: 1, type: 'error', runId: 3, errorClass: 'AnalysisException', message: 'm', line: 2 }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'error', runId: 3, errorClass: 'AnalysisException' }).ok, false);
  assert.equal(validateEvent({ v: 1, type: 'queryTerminated', runId: 3, queryId: 'q', error: null }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'linesAccepted', runId: 3, source: 'localhost:9999', count: 2 }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'linesAccepted', runId: 3, source: 'localhost:9999' }).ok, false);
  assert.equal(validateEvent({ v: 1, type: 'scriptWaiting', runId: 3, call: 'time.sleep', line: 9 }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'scriptWaiting', runId: 3, call: 'time.sleep' }).ok, false);
  assert.equal(validateEvent({ v: 1, type: 'scriptWaiting', runId: 3, call: 'awaitTermination', line: 9, timed: false }).ok, true);
  assert.equal(validateEvent({ v: 1, type: 'scriptWaiting', runId: 3, call: 'awaitTermination', line: 9, timed: 'no' }).ok, false);
  assert.equal(validateEvent({ v: 1, type: 'telemetry', runId: 3 }).ok, false);
});

test('an event list is opened in order, each event validated on its own', () => {
  const output = { v: 1, type: 'output', runId: 3, text: 'Batch: 1' };
  const progress = { v: 1, type: 'progress', runId: 3, queryId: 'q', progress: { batchId: 1 } };
  assert.deepEqual(unpackEvents({ v: 1, type: 'events', events: [output, { v: 1, type: 'output' }, progress] }), {
    events: [output, progress],
    dropped: ['output: malformed fields'],
  });
  assert.deepEqual(unpackEvents(output), { events: [output], dropped: [] });
  assert.deepEqual(unpackEvents({ v: 1, type: 'events', events: 'no' }), { events: [], dropped: ['events: malformed fields'] });
  assert.deepEqual(unpackEvents({ v: 2, type: 'events', events: [output] }), { events: [], dropped: ['unsupported version 2'] });
  assert.deepEqual(unpackEvents({ v: 1, type: 'telemetry' }).dropped, ['unknown type telemetry']);
});

test('run ids are read from events of a run only', () => {
  assert.equal(eventRunId({ v: 1, type: 'stopped', runId: 7 }), 7);
  assert.equal(eventRunId({ v: 1, type: 'ready', engineMs: 3 }), undefined);
});
