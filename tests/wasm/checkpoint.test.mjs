// Checkpoints across a page reload, as the worker does it (web/src/worker/engine.worker.ts): the
// Session's file changes are mirrored out (takeFileChanges), a new Session gets them back
// (writeFileBytes) with the socket line log (replaySocketLog) before the same code runs again.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadRunnel } from './load_runnel.mjs';
import { WORD_COUNT } from './programs.mjs';

const CHECKPOINTED = WORD_COUNT.replace('.format("console")', '.format("console").option("checkpointLocation", "/cp/wc")');
const TARGET = 'localhost:9999';

let runnel;
before(async () => {
  runnel = await loadRunnel();
});
after(() => {
  assert.equal(runnel.getInheritedInstanceCount(), 0, 'a Session was not deleted');
});

const ofType = (events, type) => events.filter((e) => e.type === type);
const countsOf = (batch) => Object.fromEntries(batch.rows.map(([word, count]) => [word, Number(count)]));

// One page life: the files and lines it starts with, and what it leaves behind.
function pageLife(files, log, steps) {
  const session = new runnel.Session();
  try {
    for (const [path, content] of files) session.writeFileBytes(path, content);
    session.takeFileChanges();
    session.replaySocketLog(TARGET, 0, log);
    let now = 1_700_000_000_000;
    const events = [];
    const collect = () => events.push(...JSON.parse(session.takeEvents()));
    session.run(CHECKPOINTED, now);
    collect();
    for (const line of steps) {
      session.pushLinesFrom(TARGET, log.length, [line]);
      log.push(line);
      session.tick((now += 10));
      collect();
    }
    for (const change of session.takeFileChanges()) {
      if (change.remove) {
        for (const path of [...files.keys()]) {
          if (path === change.path || path.startsWith(`${change.path}/`)) files.delete(path);
        }
      } else {
        assert.ok(change.content instanceof Uint8Array);
        files.set(change.path, change.content);
      }
    }
    return events;
  } finally {
    session.delete();
  }
}

test('a new Session on the stored files and line log resumes the word count', () => {
  const files = new Map();
  const log = [];
  const first = pageLife(files, log, ['cat dog', 'cat']);
  assert.deepEqual(ofType(first, 'error'), []);
  assert.equal(ofType(first, 'queryStarted')[0].resumed, null);
  assert.deepEqual(countsOf(ofType(first, 'batch').at(-1)), { cat: 2, dog: 1 });
  assert.ok(files.has('/cp/wc/offsets/2') && files.has('/cp/wc/commits/2'), [...files.keys()].join(' '));
  // The state snapshot is binary (CBOR) and must survive the trip through JS intact.
  assert.ok([...files.keys()].some((p) => p.startsWith('/cp/wc/state/')));

  const second = pageLife(files, log, ['cat']);
  assert.deepEqual(ofType(second, 'error'), []);
  assert.deepEqual(ofType(second, 'queryStarted')[0].resumed, { checkpointLocation: '/cp/wc', batchId: 3 });
  const batches = ofType(second, 'batch');
  assert.deepEqual(batches.map((b) => b.batchId), [3]);
  assert.deepEqual(countsOf(batches[0]), { cat: 3, dog: 1 });
});

test('an offsets file without its commit re-runs that batch from the line log', () => {
  const files = new Map();
  const log = [];
  pageLife(files, log, ['cat dog', 'cat cat']);
  files.delete('/cp/wc/commits/2'); // the page went away between the offsets and the commit
  const second = pageLife(files, log, ['dog']);
  assert.deepEqual(ofType(second, 'queryStarted')[0].resumed.batchId, 2);
  const batches = ofType(second, 'batch');
  assert.deepEqual(batches.map((b) => b.batchId), [2, 3]);
  assert.deepEqual(countsOf(batches[0]), { cat: 3, dog: 1 });
  assert.deepEqual(countsOf(batches[1]), { cat: 3, dog: 2 });
});

test('file changes come out once, in order, and bytes round-trip', () => {
  const session = new runnel.Session();
  try {
    const bytes = new Uint8Array([0, 255, 10, 0x80, 65]);
    session.writeFileBytes('/a/b', bytes);
    session.writeFile('/a/c', 'text');
    const changes = session.takeFileChanges();
    assert.deepEqual(changes.map((c) => [c.remove, c.path]), [[false, '/a/b'], [false, '/a/c']]);
    assert.deepEqual([...changes[0].content], [...bytes]);
    assert.deepEqual(session.takeFileChanges(), []);
  } finally {
    session.delete();
  }
});

test("a query without a checkpointLocation leaves nothing to persist (Spark's temporary checkpoint)", () => {
  const session = new runnel.Session();
  try {
    session.run(WORD_COUNT, 1_700_000_000_000);
    session.pushLines(TARGET, ['cat dog']);
    session.tick(1_700_000_000_010);
    assert.equal(ofType(JSON.parse(session.takeEvents()), 'batch').length, 2);
    assert.deepEqual(session.takeFileChanges(), []);
  } finally {
    session.delete();
  }
});
