// The Session binding (wasm/bindings.cpp) from JS: the course word count through pushLines/tick, and
// errors as plain events. Run: cd tests/wasm && npm test (RUNNEL_WASM_DIR picks another build).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadRunnel } from './load_runnel.mjs';
import { WORD_COUNT } from './programs.mjs';


let runnel;
before(async () => {
  runnel = await loadRunnel();
});
after(() => {
  assert.equal(runnel.getInheritedInstanceCount(), 0, 'a Session was not deleted');
});

const events = (session) => JSON.parse(session.takeEvents());
const ofType = (list, type) => list.filter((e) => e.type === type);
const countsOf = (batch) => Object.fromEntries(batch.rows.map(([word, count]) => [word, Number(count)]));

// Ticks the way the worker does: at nextWakeMs, until nothing is due.
function drive(session, now) {
  for (let i = 0; i < 10; i += 1) {
    const wake = session.nextWakeMs();
    if (wake < 0 || wake > now) return;
    session.tick(now);
  }
}

test('the course word count runs through run, pushLines and tick', () => {
  const session = new runnel.Session();
  try {
    let now = 1_700_000_000_000;
    session.run(WORD_COUNT, now);
    drive(session, (now += 10));
    const started = events(session);
    assert.deepEqual(ofType(started, 'error'), []);
    assert.equal(ofType(started, 'queryStarted').length, 1);
    assert.deepEqual(ofType(started, 'scriptDone'), []);
    assert.deepEqual(ofType(started, 'scriptWaiting'), [{ type: 'scriptWaiting', call: 'awaitTermination', line: WORD_COUNT.split('\n').findIndex((l) => l.includes('awaitTermination()')) + 1, timed: false }]);
    assert.deepEqual(JSON.parse(session.socketTargets()), ['localhost:9999']);
    assert.equal(session.hasActiveQueries(), true);

    // Spark's socket source: the first batch is always empty.
    const batch0 = ofType(started, 'batch');
    assert.equal(batch0.length, 1);
    assert.equal(batch0[0].batchId, 0);
    assert.match(batch0[0].console, /^-{43}\nBatch: 0\n-{43}\n\+----\+-----\+\n\|word\|count\|\n/);
    assert.deepEqual(batch0[0].rows, []);

    session.pushLines('localhost:9999', ['cat dog cat']);
    session.tick((now += 10));
    drive(session, (now += 10));
    const after1 = events(session);
    const batch1 = ofType(after1, 'batch');
    assert.equal(batch1.length, 1);
    assert.equal(batch1[0].batchId, 1);
    assert.deepEqual(batch1[0].columns, ['word', 'count']);
    assert.deepEqual(countsOf(batch1[0]), { cat: 2, dog: 1 });
    const progress = ofType(after1, 'progress').map((e) => e.progress);
    assert.equal(progress.find((p) => p.batchId === 1).numInputRows, 1);

    session.stop();
    assert.equal(session.hasActiveQueries(), false);
    assert.equal(ofType(events(session), 'queryTerminated').length, 1);
  } finally {
    session.delete();
  }
});

test('an unknown column is an AnalysisException event with its position', () => {
  const session = new runnel.Session();
  try {
    session.run(WORD_COUNT.replace('groupBy("word")', 'groupBy("wrd")'), 0);
    const [error] = ofType(events(session), 'error');
    assert.equal(error.errorClass, 'AnalysisException');
    assert.match(error.message, /`wrd` cannot be resolved/);
    assert.equal(error.line, 6);
    assert.ok(error.column > 0);
  } finally {
    session.delete();
  }
});

test('bundled files written with writeFile are read by spark.read', () => {
  const session = new runnel.Session();
  try {
    session.writeFile('data/people.csv', 'name,age\nAda,36\nAlan,41\n');
    session.run(
      'from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\n' +
        'spark.read.option("header", True).csv("data/people.csv").show()\n',
      0,
    );
    const list = events(session);
    assert.deepEqual(ofType(list, 'error'), []);
    const text = ofType(list, 'output').map((e) => e.text).join('');
    assert.match(text, /\|name\|age\|/);
    assert.match(text, /\| Ada\| 36\|/);
  } finally {
    session.delete();
  }
});
