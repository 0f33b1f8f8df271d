// Share links, the socket a cell names, the terminal's line discipline and the progress series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HeldEcho } from '../src/state/held_echo';
import { LineDiscipline } from '../src/state/line_discipline';
import { MAX_OWN_CODES, keepOwnCode, noOwnCodes, ownEntryOf, parseOwnCodes } from '../src/state/own_code';
import { MAX_POINTS, addProgress, emptyProgress } from '../src/state/progress_state';
import { decodeShareFragment, encodeShareFragment, shareFragmentProblem } from '../src/state/share_link';
import { parseTargetKey, socketTargetFromCode } from '../src/state/socket_target';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../src/ui/examples';

test('share links round-trip and are versioned', () => {
  const code = 'print("héllo")\nx = 1 # ünïcode ✓\n';
  const fragment = encodeShareFragment(code);
  assert.match(fragment, /^#v1\./);
  assert.equal(decodeShareFragment(fragment), code);
  assert.equal(decodeShareFragment('#v2.abc'), null);
  assert.equal(decodeShareFragment(''), null);
  assert.equal(decodeShareFragment('#v1.%%%'), null);
});

test('a fragment that is no readable share link says why', () => {
  const link = encodeShareFragment('print(1)\n');
  const cases: [string, RegExp | null][] = [
    ['', null],
    ['#', null],
    [link, null],
    [link.slice(0, 9), /cut off or damaged/],
    ['#v1.%%%', /cut off or damaged/],
    ['#v2.abc', /another version \(v2\)/],
    ['#section', /not a share link/],
  ];
  for (const [fragment, problem] of cases) {
    const got = shareFragmentProblem(fragment);
    if (problem === null) assert.equal(got, null, fragment);
    else assert.match(got ?? '', problem, fragment);
  }
});

test('the socket target is read from the code', () => {
  const cases: [string, unknown][] = [
    [DEFAULT_EXAMPLE.code, { host: 'localhost', port: 9999 }],
    ['spark.readStream.format("socket").option("host", "127.0.0.1").option("port", 7777).load()', { host: '127.0.0.1', port: 7777 }],
    ["spark.readStream.format('socket').option('port', '4444').load()", { host: 'localhost', port: 4444 }],
    ['spark.readStream.format("rate").load()', null],
  ];
  for (const [code, expected] of cases) assert.deepEqual(socketTargetFromCode(code), expected, code);
  assert.deepEqual(parseTargetKey('localhost:9999'), { host: 'localhost', port: 9999 });
  assert.equal(parseTargetKey('nonsense'), null);
});

test('the examples menu starts with the course word count', () => {
  assert.equal(EXAMPLES[0].id, 'word-count');
  assert.match(DEFAULT_EXAMPLE.code, /outputMode\("complete"\)/);
  assert.equal(new Set(EXAMPLES.map((e) => e.id)).size, EXAMPLES.length);
});

test('opening other code keeps the text no entry holds, newest first, a bounded few', () => {
  const [wordCount] = EXAMPLES;
  let codes = noOwnCodes();
  const keep = (code: string, label = 'Your edits') => {
    const r = keepOwnCode(codes, code, label, EXAMPLES);
    codes = r.codes;
    return r.kept;
  };
  assert.equal(keep(wordCount.code), null, 'an unchanged example');
  assert.equal(keep('  \n'), null, 'blank text');
  assert.deepEqual(keep('print(1)\n', 'Shared code'), { id: 1, label: 'Shared code', code: 'print(1)\n' });
  assert.equal(keep('print(1)\n'), null, 'an entry holds it');
  const edited = `${wordCount.code}# mine\n`;
  assert.deepEqual(keep(edited), { id: 2, label: 'Your edits', code: edited });
  assert.deepEqual(codes.entries.map((e) => e.id), [2, 1]);
  assert.equal(ownEntryOf(codes, 'print(1)\n')?.label, 'Shared code');
  for (let i = 0; i < MAX_OWN_CODES; i += 1) keep(`print(${i + 10})\n`);
  assert.equal(codes.entries.length, MAX_OWN_CODES);
  assert.equal(codes.entries[0].code, `print(${MAX_OWN_CODES + 9})\n`);
  assert.equal(ownEntryOf(codes, edited), undefined, 'the oldest left');
});

test('own code entries round-trip through storage; unreadable storage is none', () => {
  const { codes } = keepOwnCode(noOwnCodes(), 'print(1)\n', 'Your edits (10:00)', EXAMPLES);
  assert.deepEqual(parseOwnCodes(JSON.stringify(codes)), codes);
  assert.deepEqual(parseOwnCodes(null), noOwnCodes());
  assert.deepEqual(parseOwnCodes('{not json'), noOwnCodes());
  assert.deepEqual(parseOwnCodes('{"next":1,"entries":[{"id":4,"label":"x","code":"y"},{"id":"bad"}]}'), {
    next: 5,
    entries: [{ id: 4, label: 'x', code: 'y' }],
  });
});

test('the line discipline echoes, edits and completes lines', () => {
  const d = new LineDiscipline();
  assert.deepEqual(d.feed('cat'), { echo: 'cat', lines: [] });
  assert.deepEqual(d.feed('\x7f'), { echo: '\b \b', lines: [] });
  assert.deepEqual(d.feed('t dog\r'), { echo: 't dog\r\n', lines: ['cat dog'] });
  assert.deepEqual(d.feed('a\r\nb\rc').lines, ['a', 'b']);
  assert.equal(d.pending, 'c');
  d.feed('\x15');
  assert.equal(d.pending, '');
  assert.deepEqual(d.feed('\x1b[A').lines, []);
  assert.deepEqual(d.feed('\r').lines, ['']);
});

test('progress keeps a bounded series and the latest progress', () => {
  let s = emptyProgress();
  for (let i = 0; i < MAX_POINTS + 3; i += 1) {
    s = addProgress(s, { batchId: i, inputRowsPerSecond: i, processedRowsPerSecond: 2 * i, durationMs: { triggerExecution: 5 } });
  }
  assert.equal(s.batchIds.length, MAX_POINTS);
  assert.equal(s.batchIds[0], 3);
  assert.equal(s.batchDurationMs.at(-1), 5);
  assert.equal((s.latest as { batchId: number }).batchId, MAX_POINTS + 2);
});

test("a no-data trigger's progress gives its point to the batch that then runs", () => {
  let s = emptyProgress();
  s = addProgress(s, { batchId: 0, inputRowsPerSecond: 0, processedRowsPerSecond: 0 });
  s = addProgress(s, { batchId: 1, inputRowsPerSecond: 0, processedRowsPerSecond: 0 }); // no data yet
  s = addProgress(s, { batchId: 1, inputRowsPerSecond: 1.5, processedRowsPerSecond: 1000, durationMs: { triggerExecution: 2 } });
  assert.deepEqual(s.batchIds, [0, 1]);
  assert.deepEqual(s.inputRowsPerSecond, [0, 1.5]);
  assert.deepEqual(s.processedRowsPerSecond, [0, 1000]);
  assert.deepEqual(s.batchDurationMs, [0, 2]);
  s = addProgress(s, { batchId: 2, inputRowsPerSecond: 0, processedRowsPerSecond: 0 });
  assert.deepEqual(s.batchIds, [0, 1, 2]);
});

test('the echo of a line waits for the engine; what is typed meanwhile waits behind it, in order', () => {
  const held = new HeldEcho();
  assert.equal(held.typed('ab', 0), 'ab'); // no line pending: echoed at once
  assert.equal(held.waiting, false);
  assert.equal(held.typed('\r\n', 1), '');
  assert.equal(held.waiting, true);
  assert.equal(held.typed('c', 0), ''); // behind the held newline
  assert.equal(held.typed('d\r\ne', 1), '');
  assert.equal(held.release(), '\r\ncd\r\ne');
  assert.equal(held.waiting, false);
  assert.equal(held.release(), '');
  assert.equal(held.typed('f', 0), 'f');
});
