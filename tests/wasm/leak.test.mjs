// Nothing leaks across the Embind boundary: 1,000 Sessions created and deleted, and a long run of
// batches, leave the wasm heap flat and no live instances or handles behind (STYLE.md 2.5).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadRunnel } from './load_runnel.mjs';
import { WORD_COUNT } from './programs.mjs';

let runnel;
before(async () => {
  runnel = await loadRunnel();
});

// The heap's break (sbrk(0)): the allocator reuses freed blocks, so it moves only when live data grows.
// Measured after a warm-up, so allocator pools and first-use statics do not count.
const heapBytes = () => runnel._sbrk(0);

function liveHandles() {
  return { instances: runnel.getInheritedInstanceCount(), emvals: runnel.count_emval_handles() };
}

test('1,000 Sessions created and deleted leave the heap flat', () => {
  const handlesBefore = liveHandles();
  const cycle = () => {
    const s = new runnel.Session();
    s.run(WORD_COUNT, 0);
    s.takeEvents();
    s.delete();
  };
  for (let i = 0; i < 50; i += 1) cycle();
  const warm = heapBytes();
  for (let i = 0; i < 1000; i += 1) cycle();
  assert.ok(heapBytes() - warm <= 64 * 1024, `heap grew by ${heapBytes() - warm} bytes`);
  assert.deepEqual(liveHandles(), handlesBefore);
});

test('a long series of batches keeps the heap flat', () => {
  const handlesBefore = liveHandles();
  const session = new runnel.Session();
  // Lines whose words are all seen in the warm-up, so the state (the counts) stops growing.
  const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
  const line = (i) => words.slice(i % 40, (i % 40) + 10).join(' ');
  let now = 0;
  const batch = (i) => {
    session.pushLines('localhost:9999', [line(i), line(i + 1)]);
    session.tick((now += 1));
    const events = JSON.parse(session.takeEvents());
    session.takeFileChanges(); // as the worker does after every call (it persists them)
    assert.ok(!events.some((e) => e.type === 'error'), JSON.stringify(events));
    assert.equal(events.filter((e) => e.type === 'batch').length, 1, 'one batch per tick');
  };
  try {
    session.run(WORD_COUNT, now);
    session.takeEvents(); // batch 0
    for (let i = 0; i < 200; i += 1) batch(i);
    const warm = heapBytes();
    for (let i = 200; i < 3000; i += 1) batch(i);
    assert.ok(heapBytes() - warm <= 256 * 1024, `heap grew by ${heapBytes() - warm} bytes`);
  } finally {
    session.delete();
  }
  assert.deepEqual(liveHandles(), handlesBefore);
});
