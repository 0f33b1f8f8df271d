// EngineClient's run bookkeeping, with a stand-in Worker: the events of the current run reach the
// page, a stale run's do not, and the run being stopped is heard until its `stopped` (Stop
// interrupts its program, whose except and finally blocks print).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { EngineClient, STOP_TIMEOUT_MS } from '../src/worker/engine_client';
import { ReplySlot } from '../src/worker/reply_slot';
import { installPolledWaitAsync } from './polled_wait_async';
import type { Event } from '../src/worker/protocol';

class FakeWorker {
  static last: FakeWorker;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  sent: { type: string; runId?: number }[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(m: { type: string; runId?: number }): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(body: Record<string, unknown>): void {
    this.onmessage?.({ data: { v: 1, ...body } });
  }
}

const saved = { Worker: globalThis.Worker, BroadcastChannel: globalThis.BroadcastChannel };
beforeEach(() => {
  Object.assign(globalThis, { Worker: FakeWorker, BroadcastChannel: undefined });
});
afterEach(() => {
  Object.assign(globalThis, saved);
});

function started(): { client: EngineClient; worker: FakeWorker; events: Event[] } {
  const events: Event[] = [];
  const client = new EngineClient({ wasmUrl: 'http://x/wasm/runnel.js', onEvent: (e) => events.push(e) });
  client.start({});
  return { client, worker: FakeWorker.last, events };
}

const texts = (events: Event[]) => events.flatMap((e) => (e.type === 'output' ? [e.text] : []));

test('the stopped run is heard until its stopped event, and stale after it', async () => {
  const { client, worker, events } = started();
  const run = client.run('code');
  worker.emit({ type: 'output', runId: run, text: 'running\n' });
  const stopping = client.stop();
  // The program's except block, interrupted by Stop, prints before the worker says stopped.
  worker.emit({ type: 'output', runId: run, text: 'Stopping the query\n' });
  worker.emit({ type: 'scriptDone', runId: run, waiting: false });
  worker.emit({ type: 'stopped', runId: run });
  await stopping;
  worker.emit({ type: 'output', runId: run, text: 'late\n' });
  assert.deepEqual(texts(events), ['running\n', 'Stopping the query\n']);
  assert.deepEqual(
    events.map((e) => e.type),
    ['output', 'output', 'scriptDone', 'stopped'],
  );
});

test('a Stop while one is on its way is the same Stop: one request, and no restart after the timeout', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { client, worker, events } = started();
  const run = client.run('code');
  const first = client.stop();
  const second = client.stop();
  assert.equal(second, first);
  assert.deepEqual(worker.sent.filter((m) => m.type === 'stop').map((m) => m.runId), [run]);
  worker.emit({ type: 'stopped', runId: run });
  await first;
  const next = client.run('code again');
  t.mock.timers.tick(STOP_TIMEOUT_MS + 1);
  assert.equal(worker.terminated, false);
  assert.equal(FakeWorker.last, worker);
  worker.emit({ type: 'output', runId: next, text: 'still here\n' });
  assert.deepEqual(texts(events), ['still here\n']);
});

test('a run older than the one stopped stays stale', async () => {
  const { client, worker, events } = started();
  const first = client.run('one');
  const second = client.run('two');
  const stopping = client.stop();
  worker.emit({ type: 'output', runId: first, text: 'first\n' });
  worker.emit({ type: 'output', runId: second, text: 'second\n' });
  worker.emit({ type: 'stopped', runId: second });
  await stopping;
  assert.deepEqual(texts(events), ['second\n']);
});

// With a reply slot (a cross-origin isolated page), the answer to typed lines is taken from the slot,
// and its posted copy is then dropped; a slot message is taken only after every message before it.
test('typed lines: the answer is taken from the reply slot once, before its posted copy', async () => {
  const saved = globalThis.crossOriginIsolated;
  Object.assign(globalThis, { crossOriginIsolated: true });
  const uninstall = installPolledWaitAsync();
  try {
    const events: Event[] = [];
    let replies = 0;
    const client = new EngineClient({
      wasmUrl: 'http://x/wasm/runnel.js',
      onEvent: (e) => events.push(e),
      onReply: () => (replies += 1),
    });
    client.start({});
    const worker = FakeWorker.last;
    const init = worker.sent[0] as unknown as { replySlot?: SharedArrayBuffer };
    assert.ok(init.replySlot instanceof SharedArrayBuffer);
    const slot = new ReplySlot(init.replySlot);
    const run = client.run('code');
    const answer = (seq: number, text: string) => ({ v: 1, seq, type: 'output', runId: run, text });

    client.pushLines('localhost:9999', ['cat dog'], true);
    assert.equal((worker.sent.at(-1) as { reply?: boolean }).reply, true);
    slot.write(1, JSON.stringify(answer(1, 'batch 1\n')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(texts(events), ['batch 1\n']);
    assert.equal(replies, 1);
    worker.onmessage?.({ data: answer(1, 'batch 1\n') }); // the posted copy
    assert.deepEqual(texts(events), ['batch 1\n']);

    // Message 2 (a timer's batch) is still on its way when the answer to the next line, 3, is written.
    client.pushLines('localhost:9999', ['bird'], true);
    slot.write(3, JSON.stringify(answer(3, 'batch 3\n')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(texts(events), ['batch 1\n']);
    worker.onmessage?.({ data: answer(2, 'batch 2\n') });
    worker.onmessage?.({ data: answer(3, 'batch 3\n') });
    assert.deepEqual(texts(events), ['batch 1\n', 'batch 2\n', 'batch 3\n']);
    assert.equal(replies, 1);

    // Relayed lines are not typed: no reply asked for.
    client.pushLines('localhost:9999', ['from nc']);
    assert.equal((worker.sent.at(-1) as { reply?: boolean }).reply, undefined);
  } finally {
    uninstall();
    Object.assign(globalThis, { crossOriginIsolated: saved });
  }
});

test('a worker that cannot be given the reply slot is started without it', () => {
  const saved = globalThis.crossOriginIsolated;
  Object.assign(globalThis, { crossOriginIsolated: true });
  const post = FakeWorker.prototype.postMessage;
  FakeWorker.prototype.postMessage = function (this: FakeWorker, m: { type: string; replySlot?: unknown }) {
    if (m.replySlot) throw new Error('DataCloneError: SharedArrayBuffer transfer requires self.crossOriginIsolated');
    post.call(this, m);
  };
  const warn = console.warn;
  console.warn = () => {};
  try {
    const { client, worker } = started();
    assert.deepEqual(worker.sent.map((m) => m.type), ['init']);
    client.run('code');
    client.pushLines('localhost:9999', ['cat'], true);
    assert.equal((worker.sent.at(-1) as { reply?: boolean }).reply, undefined);
  } finally {
    console.warn = warn;
    FakeWorker.prototype.postMessage = post;
    Object.assign(globalThis, { crossOriginIsolated: saved });
  }
});
