// The reply slot: a message written by the worker side is read whole by the page side, once it is newer
// than what the page has; one being written, or too big for the slot, is not read.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ReplySlot } from '../src/worker/reply_slot';
import { installPolledWaitAsync } from './polled_wait_async';

let uninstall = () => {};
before(() => (uninstall = installPolledWaitAsync()));
after(() => uninstall());

const slotOf = (bytes: number) => new ReplySlot(new SharedArrayBuffer(8 + bytes));

test('a written message is read by seq, and not again once the page has it', () => {
  const slot = slotOf(1024);
  assert.equal(slot.read(0), null);
  assert.equal(slot.write(1, JSON.stringify({ v: 1, type: 'output', text: 'héllo ✓' })), true);
  assert.deepEqual(slot.read(0), { seq: 1, data: { v: 1, type: 'output', text: 'héllo ✓' } });
  assert.equal(slot.read(1), null);
  assert.equal(slot.write(2, '{"b":2}'), true);
  assert.deepEqual(slot.read(1), { seq: 2, data: { b: 2 } });
});

test('a message too big for the slot is not written, and the one before stays', () => {
  const slot = slotOf(16);
  assert.equal(slot.write(1, '{"a":1}'), true);
  assert.equal(slot.write(2, JSON.stringify({ text: 'x'.repeat(40) })), false);
  assert.equal(slot.seq, 1);
  assert.deepEqual(slot.read(0), { seq: 1, data: { a: 1 } });
});

test('a message being written is not read', () => {
  const buffer = new SharedArrayBuffer(8 + 64);
  const slot = new ReplySlot(buffer);
  slot.write(1, '{"a":1}');
  Atomics.store(new Int32Array(buffer, 0, 2), 0, -1); // the worker is writing the next one
  assert.equal(slot.read(0), null);
});

test('wait resolves when the worker writes, and with null after its timeout', async () => {
  const slot = slotOf(64);
  const waiting = slot.wait(0, 5000);
  setTimeout(() => slot.write(1, '{"late":true}'), 20);
  assert.deepEqual(await waiting, { seq: 1, data: { late: true } });
  assert.equal(await slot.wait(1, 30), null);
});
