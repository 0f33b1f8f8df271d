// The Output region under a stream of batches: it sticks to the bottom unless the reader scrolled up,
// keeps the last 200 batches (the older ones summarised in one line), and the table toggle shows the
// same batches.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { batchText, launch, openPage, output, screenshot, startStaticServer } from './harness.mjs';

let server;
let isolatedServer; // as runnel serve serves the page: typed lines are answered through the reply slot
before(async () => {
  server = await startStaticServer();
  isolatedServer = await startStaticServer(undefined, { isolated: true });
});
after(() => {
  server.close();
  isolatedServer.close();
});

const scroller = (page) => page.locator('#output');
const atBottom = (page) => scroller(page).evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 8);
// Two frames: the scroll event of a scroll just made has been handled.
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function startWordCount(page, url = server.url) {
  await openPage(page, url);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await batchText(page, 0);
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm-screen').click();
}

async function typeLine(page, line) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

for (const isolated of [false, true]) {
test(`the output sticks to the bottom unless the reader scrolled up${isolated ? ' (cross-origin isolated)' : ''}`, async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await startWordCount(page, (isolated ? isolatedServer : server).url);
    for (let i = 1; i <= 12; i += 1) await typeLine(page, `cat dog w${i}`);
    await batchText(page, 12);
    await nextFrames(page);
    assert.ok(await scroller(page).evaluate((el) => el.scrollHeight > el.clientHeight), 'the output overflows');
    assert.equal(await atBottom(page), true);

    await scroller(page).evaluate((el) => (el.scrollTop = 0));
    await nextFrames(page);
    await typeLine(page, 'bird');
    await batchText(page, 13);
    await nextFrames(page);
    assert.equal(await scroller(page).evaluate((el) => el.scrollTop), 0, 'a reader who scrolled up stays put');

    await scroller(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await nextFrames(page);
    await typeLine(page, 'fish');
    await batchText(page, 14);
    await nextFrames(page);
    assert.equal(await atBottom(page), true, 'back at the bottom, the output follows again');

    // Select all in the focused Output takes its text only, not the rest of the page.
    await scroller(page).focus();
    await page.keyboard.press('Control+A');
    const selected = await page.evaluate(() => String(window.getSelection()));
    assert.match(selected, /^WARN The socket source should not be used/);
    assert.match(selected, /\n-+\nBatch: 0\n/);
    assert.match(selected, /Batch: 14\n/);
    assert.doesNotMatch(selected, /nc -lk|Structured Streaming playground|Progress/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
}

for (const isolated of [false, true]) {
test(`the last 200 batches are kept, the older ones summarised${isolated ? ' (cross-origin isolated)' : ''}`, async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    await startWordCount(page, (isolated ? isolatedServer : server).url);
    for (let i = 1; i <= 205; i += 1) await typeLine(page, `w${i % 7}`);
    await batchText(page, 205, 60_000);
    await nextFrames(page);
    const batches = output(page).locator('pre.batch');
    assert.equal(await batches.count(), 200);
    assert.match(await batches.first().textContent(), /^-+\nBatch: 6\n/);
    assert.equal(await output(page).locator('.dropped').textContent(), '6 earlier batches not shown (the last 200 are kept)');
    assert.equal(await atBottom(page), true);

    // A reader who scrolled up to a batch keeps it where it is while the oldest batches leave.
    const batch100Top = () =>
      page.evaluate(() => {
        const out = document.getElementById('output');
        const node = [...out.querySelectorAll('pre.batch')].find((p) => /^-+\nBatch: 100\n/.test(p.textContent));
        return node.getBoundingClientRect().top - out.getBoundingClientRect().top;
      });
    await scroller(page).evaluate((el) => {
      const node = [...el.querySelectorAll('pre.batch')].find((p) => /^-+\nBatch: 100\n/.test(p.textContent));
      el.scrollTop += node.getBoundingClientRect().top - el.getBoundingClientRect().top;
    });
    await nextFrames(page);
    const before = await batch100Top();
    for (const line of ['cat', 'dog']) await typeLine(page, line);
    await batchText(page, 207);
    await nextFrames(page);
    assert.equal(await output(page).locator('.dropped').textContent(), '8 earlier batches not shown (the last 200 are kept)');
    assert.ok(Math.abs((await batch100Top()) - before) <= 1, 'the batch read stays in place');
    assert.equal(await atBottom(page), false);

    await scroller(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await nextFrames(page);

    await page.getByRole('button', { name: 'Table view' }).click();
    const tables = output(page).locator('.batch-table');
    assert.equal(await tables.count(), 200);
    assert.match(await tables.last().locator('.batch-title').textContent(), /^Batch: 207$/);
    await nextFrames(page);
    assert.equal(await atBottom(page), true);
    await screenshot(page, `7-output-200-batches${isolated ? '-isolated' : ''}`);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
}
