// The page from a plain static file server: the terminal pane is the netcat server. Covers the course
// word count (1; also with the headers runnel serve sends, where typed lines are answered through the
// reply slot), an AnalysisException marked in the editor (3), a program sleeping while its query
// takes lines (5), Stop during an endless loop (4) and Stop as Ctrl-C at awaitTermination() (7); also
// Run pressed twice, and share links pasted into the open page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { batchText, launch, openPage, output, screenshot, shareFragment, startStaticServer, tableCounts, typeInTerminal } from './harness.mjs';

let server;
let isolatedServer; // sends the cross-origin isolation headers, as runnel serve does
before(async () => {
  server = await startStaticServer();
  isolatedServer = await startStaticServer(undefined, { isolated: true });
});
after(() => {
  server.close();
  isolatedServer.close();
});

// The start of the programs below: a session and the course's socket source.
const SOCKET_LINES = [
  'from pyspark.sql import SparkSession',
  'spark = SparkSession.builder.getOrCreate()',
  'lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()',
];

const EXPECTED_BATCH_0 = [
  '-------------------------------------------',
  'Batch: 0',
  '-------------------------------------------',
  '+----+-----+',
  '|word|count|',
  '+----+-----+',
  '+----+-----+',
  '',
  '',
].join('\n');

for (const { name, isolated, shot } of [
  { name: 'static mode: the default word count counts lines typed in the terminal', isolated: false, shot: '1-static-word-count' },
  { name: 'static mode, cross-origin isolated: typed lines are answered through the reply slot, once', isolated: true },
]) {
test(name, async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, (isolated ? isolatedServer : server).url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), isolated);
    const terminal = page.getByRole('region', { name: 'Terminal' });
    assert.equal(await terminal.locator('[data-role=title]').textContent(), 'nc -lk 9999');
    assert.match(await terminal.locator('[data-role=mode]').textContent(), /in-page netcat/);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    assert.equal(await batchText(page, 0), EXPECTED_BATCH_0);

    await typeInTerminal(page, 'cat dog cat');
    assert.deepEqual(tableCounts(await batchText(page, 1)), { cat: 2, dog: 1 });
    await typeInTerminal(page, 'dog bird');
    assert.deepEqual(tableCounts(await batchText(page, 2)), { cat: 2, dog: 2, bird: 1 });
    // Each Enter's echo (held until the engine had the line) ends the line in the terminal too.
    const rows = terminal.locator('.xterm-rows > div');
    await page.waitForFunction(() => document.querySelectorAll('.xterm-rows > div')[2]?.textContent.trim() === '');
    assert.deepEqual([await rows.nth(0).textContent(), await rows.nth(1).textContent()].map((r) => r.trim()), ['cat dog cat', 'dog bird']);
    const cursorRow = await page.evaluate(() => [...document.querySelectorAll('.xterm-rows > div')].findIndex((r) => r.querySelector('.xterm-cursor')));
    assert.equal(cursorRow, 2);

    // Each batch once (the reply slot's copy of an answer and its posted copy are one message).
    const batchIds = await output(page).locator('pre.batch').evaluateAll((nodes) => nodes.map((n) => n.textContent.split('\n')[1]));
    assert.deepEqual(batchIds, ['Batch: 0', 'Batch: 1', 'Batch: 2']);

    await page.getByRole('button', { name: 'Table view' }).click();
    const lastTable = output(page).locator('.batch-table').last();
    assert.match(await lastTable.textContent(), /Batch: 2.*bird/);
    if (shot) await screenshot(page, shot);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.locator('body[data-running=false]').waitFor();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
}

const UNKNOWN_COLUMN = `from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("Typo").getOrCreate()
lines = spark.readStream.format("socket").option("host", "localhost").option("port", 9999).load()
counts = lines.groupBy("wrd").count()
query = counts.writeStream.outputMode("complete").format("console").start()
`;

test('an unknown column is an AnalysisException, marked in the editor', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url + shareFragment(UNKNOWN_COLUMN));
    await page.keyboard.press('Control+Enter');
    const error = output(page).locator('pre.error');
    await error.waitFor();
    const text = await error.textContent();
    assert.match(text, /^AnalysisException: /);
    assert.match(text, /`wrd` cannot be resolved/);
    // The editor marks the error on line 5, where `groupBy("wrd")` is.
    const marked = page.locator('.cm-lintRange-error');
    await marked.first().waitFor();
    const line = page.locator('.cm-line', { has: marked });
    assert.match(await line.textContent(), /groupBy\("wrd"\)/);
    await screenshot(page, '3-analysis-exception');
    assert.equal(await page.locator('#status').textContent(), 'AnalysisException.');

    // A Python error ends the run too: the status bar names it, whatever its class ends in.
    await page.goto('about:blank');
    await openPage(page, server.url + shareFragment('total = 1\nprint(totl)\n'));
    await page.keyboard.press('Control+Enter');
    const pythonError = output(page).locator('pre.error');
    await pythonError.waitFor();
    assert.match(await pythonError.textContent(), /^NameError: name 'totl' is not defined/);
    await page.locator('body[data-running=false]').waitFor();
    assert.equal(await page.locator('#status').textContent(), 'NameError.');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a program that sleeps reads its memory sink with the lines typed meanwhile', async () => {
  const { page, consoleErrors, close } = await launch();
  const code = [
    'import time',
    ...SOCKET_LINES,
    'query = lines.groupBy("value").count().writeStream.outputMode("complete").format("memory").queryName("seen").start()',
    'time.sleep(3)',
    'spark.sql("SELECT * FROM seen ORDER BY value").show()',
    'query.stop()',
    '',
  ].join('\n');
  try {
    await openPage(page, server.url + shareFragment(code));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // While it sleeps the page says where, and the terminal takes lines.
    await page.getByText('Sleeping at line 6: type lines into nc -lk 9999.').waitFor({ timeout: 3000 });
    await typeInTerminal(page, 'cat');
    await typeInTerminal(page, 'dog');
    await typeInTerminal(page, 'cat');
    const table = ['+-----+-----+', '|value|count|', '+-----+-----+', '|  cat|    2|', '|  dog|    1|', '+-----+-----+'].join('\n');
    await output(page).getByText(table).waitFor({ timeout: 10_000 });
    await page.locator('body[data-running=false]').waitFor({ timeout: 5000 });
    await screenshot(page, '5-sleep-memory-sink');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a query failure goes to the except around awaitTermination(), and the code after it runs', async () => {
  const { page, consoleErrors, close } = await launch();
  const code = [
    ...SOCKET_LINES,
    'query = lines.selectExpr("CAST(value AS INT) AS n").writeStream.format("console").start()',
    'try:',
    '    query.awaitTermination()',
    'except Exception as e:',
    '    print("The query failed; it is active:", query.isActive)',
    'print("The program goes on")',
    '',
  ].join('\n');
  try {
    await openPage(page, server.url + shareFragment(code));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // awaitTermination() waits for the query: to the learner, it runs.
    await page.getByText('Query running: type lines into nc -lk 9999.').waitFor({ timeout: 5000 });
    await typeInTerminal(page, '12');
    await batchText(page, 1);
    await typeInTerminal(page, 'twelve');
    await output(page).getByText('The query failed; it is active: False').waitFor({ timeout: 10_000 });
    await output(page).getByText('The program goes on').waitFor({ timeout: 5000 });
    // The failure is shown once, as Spark logs it, and the run is over.
    assert.equal(await output(page).getByText(/CAST_INVALID_INPUT/).count(), 1);
    await page.locator('body[data-running=false]').waitFor({ timeout: 5000 });
    await screenshot(page, '6-failure-caught');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('Stop is Ctrl-C: the except KeyboardInterrupt around awaitTermination() runs', async () => {
  const { page, consoleErrors, close } = await launch();
  const code = [
    ...SOCKET_LINES,
    'query = lines.groupBy("value").count().writeStream.outputMode("complete").format("console").start()',
    'try:',
    '    query.awaitTermination()',
    'except KeyboardInterrupt:',
    '    print("Stopping the query")',
    '    query.stop()',
    'finally:',
    '    print("Query active:", query.isActive)',
    '',
  ].join('\n');
  try {
    await openPage(page, server.url + shareFragment(code));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByText('Query running: type lines into nc -lk 9999.').waitFor({ timeout: 5000 });
    await typeInTerminal(page, 'cat');
    await batchText(page, 1);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await output(page).getByText('Query active: False').waitFor({ timeout: 5000 });
    const text = await output(page).textContent();
    assert.ok(text.indexOf('Stopping the query') < text.indexOf('Query active: False'), text);
    await page.locator('body[data-running=false]').waitFor({ timeout: 5000 });
    assert.equal(await page.getByText('Stopped.').count(), 1);
    assert.equal(await output(page).getByText('KeyboardInterrupt').count(), 0); // caught: no error
    await screenshot(page, '7-stop-interrupts');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('Run pressed twice while a query runs restarts it once', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await batchText(page, 0);
    await typeInTerminal(page, 'cat dog cat');
    await batchText(page, 1);

    // Two clicks in one task, as a double click can make them: the second one while the first stops the query.
    await page.evaluate(() => {
      const run = document.getElementById('run');
      run.click();
      run.click();
    });
    await page.waitForFunction(() => {
      const batches = [...document.querySelectorAll('#output pre.batch')].map((p) => p.textContent);
      return batches.length === 1 && /^-+\nBatch: 0\n/.test(batches[0]);
    });
    await page.waitForTimeout(1000); // past the page's wait for a stopped worker (500 ms)
    await typeInTerminal(page, 'dog');
    assert.deepEqual(tableCounts(await batchText(page, 1)), { dog: 1 });
    assert.equal(await page.evaluate(() => document.body.dataset.running), 'true');
    assert.equal(await page.getByRole('button', { name: 'Stop' }).isEnabled(), true);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a share link pasted into the open page loads its code; a damaged one says so', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url);
    const code = 'print("shared with the class")\n';
    await page.evaluate((fragment) => (location.hash = fragment), shareFragment(code));
    await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('shared with the class'));
    assert.equal(await page.getByRole('combobox', { name: 'Examples' }).evaluate((el) => el.selectedOptions[0].text), 'Shared code');
    await page.keyboard.press('Control+Enter');
    await output(page).locator('pre.text', { hasText: 'shared with the class' }).waitFor();

    await page.evaluate(() => (location.hash = '#v1.%%%'));
    await output(page).locator('pre.log', { hasText: 'The share link is cut off or damaged' }).waitFor();
    assert.match(await page.locator('.cm-content').textContent(), /shared with the class/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

// The editor and the Example menu's "Your code" entries, for the tests below.
const codeHas = (page, text) => page.waitForFunction((t) => document.querySelector('.cm-content').textContent.includes(t), text);
const codeText = (page) => page.locator('.cm-content').textContent();
async function typeAtEndOfCode(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}
const OWN_ENTRIES = 'optgroup[label="Your code"] option';
const ownEntryCount = (examples) => examples.evaluate((el, sel) => el.querySelectorAll(sel).length, OWN_ENTRIES);

test('code typed in the editor is never lost: picking an example keeps it, a reload brings it back', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url);
    const examples = page.getByRole('combobox', { name: 'Examples' });
    const pick = async (labelPrefix) => {
      const value = await examples.evaluate((el, p) => [...el.options].find((o) => o.text.startsWith(p))?.value, labelPrefix);
      assert.ok(value, `an entry ${labelPrefix}`);
      await examples.selectOption(value);
    };
    assert.equal(await examples.inputValue(), 'word-count');
    await typeAtEndOfCode(page, '# first edits');
    await examples.selectOption('rate');
    await codeHas(page, 'rowsPerSecond');
    assert.match(await page.locator('#status').textContent(), /Your edits are under Example: "Your edits \(\d\d:\d\d:\d\d\)"/);
    assert.equal(await examples.inputValue(), 'rate');
    // Edits of a second example are kept beside the first ones.
    await typeAtEndOfCode(page, '# second edits');
    await examples.selectOption('word-count');
    await pick('Your edits');
    await codeHas(page, '# second edits');
    assert.equal(await ownEntryCount(examples), 2);
    await examples.selectOption(await examples.evaluate((el, sel) => el.querySelectorAll(sel)[1].value, OWN_ENTRIES));
    await codeHas(page, '# first edits');
    assert.match(await codeText(page), /groupBy\("word"\)/);

    // One Ctrl+Z undoes a pick whole, with what was typed just before it.
    await page.keyboard.type('# typed just before');
    await examples.selectOption('rate');
    await codeHas(page, 'rowsPerSecond');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Z');
    await codeHas(page, '# typed just before');
    assert.match(await codeText(page), /# first edits/);

    // Text typed and never run comes back after a reload, its entries too.
    await typeAtEndOfCode(page, '# not run yet');
    await page.waitForTimeout(600); // the draft is saved a moment after typing stops
    await page.reload();
    await page.locator('body[data-engine=ready]').waitFor();
    await codeHas(page, '# not run yet');
    assert.equal(await ownEntryCount(examples), 4);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('a share link opens its code, and the code run since comes back after a reload', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url + shareFragment('print("from the link")\n'));
    const examples = page.getByRole('combobox', { name: 'Examples' });
    assert.equal(await examples.evaluate((el) => el.selectedOptions[0].text), 'Shared code');
    await typeAtEndOfCode(page, 'print("mine")');
    await page.keyboard.press('Control+Enter');
    await output(page).locator('pre.text', { hasText: 'mine' }).waitFor();
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => location.hash), '', 'the link left the address once the code was not its code');
    await page.reload();
    await page.locator('body[data-engine=ready]').waitFor();
    assert.match(await codeText(page), /print\("mine"\)/);
    assert.ok(await examples.evaluate((el) => [...el.options].some((o) => o.text === 'Shared code')), 'the link\'s code is still an entry');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('on a narrow screen the Output stays in view beside the terminal', async () => {
  const { page, consoleErrors, close } = await launch({ width: 820, height: 600 });
  try {
    await openPage(page, server.url);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await batchText(page, 0);
    await typeInTerminal(page, 'cat dog cat');
    await batchText(page, 1);
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await terminal.evaluate((el) => el.scrollIntoView({ block: 'start' })); // scrolled down to type there
    const box = async (region) => page.getByRole('region', { name: region }).boundingBox();
    const [term, out] = [await box('Terminal'), await box('Output')];
    assert.ok(out.x >= term.x + term.width, 'the Output is beside the terminal');
    for (const b of [term, out]) assert.ok(b.y >= 0 && b.y + b.height <= 600, `in view: ${JSON.stringify(b)}`);
    await screenshot(page, '8-narrow-screen');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('Stop during `while True: pass` recovers within a second', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await openPage(page, server.url + shareFragment('while True:\n    pass\n'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForTimeout(300); // let the loop start
    // Timed inside the page: from the click on Stop to the page being idle again.
    const stopMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = performance.now();
          new MutationObserver(() => {
            if (document.body.dataset.running === 'false') resolve(performance.now() - start);
          }).observe(document.body, { attributes: true });
          document.getElementById('stop').click();
        }),
    );
    assert.ok(stopMs < 1000, `Stop took ${stopMs} ms`);
    // The engine is usable again: the word count runs.
    await page.getByRole('combobox', { name: 'Examples' }).selectOption('word-count');
    await page.locator('body[data-engine=ready]').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await batchText(page, 0);
    await screenshot(page, '4-stop-recovers');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
