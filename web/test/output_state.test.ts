// The Output region's state: the last 200 batches are kept, older ones counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_BATCHES, appendEntry, droppedSummary, emptyOutput, outputText } from '../src/state/output_state';

const batch = (batchId: number) => ({ kind: 'batch' as const, queryId: 'q', batchId, console: `Batch: ${batchId}\n`, columns: [], rows: [] });

test('keeps the last 200 batches and summarises the rest', () => {
  let s = emptyOutput();
  s = appendEntry(s, { kind: 'text', text: 'before\n' });
  for (let i = 0; i < MAX_BATCHES + 5; i += 1) s = appendEntry(s, batch(i));
  assert.equal(s.entries.length, MAX_BATCHES);
  assert.equal(s.droppedBatches, 5);
  assert.equal(s.entries[0].kind === 'batch' && s.entries[0].batchId, 5);
  assert.equal(droppedSummary(s), '5 earlier batches not shown (the last 200 are kept)');
});

test('keys are unique and increasing; text is copied in order', () => {
  let s = emptyOutput();
  assert.equal(droppedSummary(s), null);
  s = appendEntry(s, batch(0));
  s = appendEntry(s, { kind: 'error', errorClass: 'AnalysisException', message: 'bad' });
  assert.deepEqual(s.entries.map((e) => e.key), [1, 2]);
  assert.equal(outputText(s), 'Batch: 0\nAnalysisException: bad\n');
});

test('the console text printed just before its batch is shown once, as the batch', () => {
  let s = emptyOutput();
  s = appendEntry(s, { kind: 'text', text: 'Batch: 0\n' });
  s = appendEntry(s, batch(0));
  s = appendEntry(s, { kind: 'text', text: 'hello\n' });
  s = appendEntry(s, batch(1));
  assert.deepEqual(s.entries.map((e) => e.kind), ['batch', 'text', 'batch']);
});
