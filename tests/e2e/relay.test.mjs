// Relay mode: the page served by `runnel serve`, a real `nc -lk` on a free port, lines written into nc.
// The page subscribes through the relay and the terminal pane mirrors what arrives.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { DEFAULT_CODE } from './programs.mjs';
import { batchText, distDir, launch, openPage, output, runnelBinary, screenshot, shareFragment, tableCounts, waitForStoredFile } from './harness.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// Resolves with the URL `runnel serve` prints on stderr (`runnel: serving http://127.0.0.1:PORT/`).
function startServe() {
  const child = spawn(runnelBinary, ['serve', '--port', '0', '--root', distDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /serving (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`runnel serve exited ${code}: ${stderr}`)));
  });
  return { child, url };
}

let nc;
let serve;
let ncPort;
before(async () => {
  assert.ok(existsSync(runnelBinary), `${runnelBinary} is missing (./dev build)`);
  ncPort = await freePort();
  nc = spawn('nc', ['-lk', '127.0.0.1', String(ncPort)], { stdio: ['pipe', 'ignore', 'inherit'] });
  serve = startServe();
});
after(() => {
  serve?.child.kill();
  nc?.kill();
});

test('relay mode: lines written into a real nc -lk reach the page', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    const code = DEFAULT_CODE.replace('option("port", 9999)', `option("port", ${ncPort})`);
    await openPage(page, (await serve.url) + shareFragment(code));
    const terminal = page.getByRole('region', { name: 'Terminal' });
    assert.equal(await terminal.locator('[data-role=title]').textContent(), `nc -lk ${ncPort}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await batchText(page, 0);
    await terminal.locator('[data-role=mode][data-mode=mirror]').waitFor({ timeout: 10_000 });

    nc.stdin.write('cat dog cat\n');
    assert.deepEqual(tableCounts(await batchText(page, 1)), { cat: 2, dog: 1 });
    nc.stdin.write('dog bird\n');
    assert.deepEqual(tableCounts(await batchText(page, 2)), { cat: 2, dog: 2, bird: 1 });
    assert.match(await terminal.locator('.xterm-rows').textContent(), /cat dog cat.*dog bird/);
    // Keys typed into the mirroring pane go nowhere, and the pane says where to type.
    await terminal.locator('.xterm-screen').click();
    await page.keyboard.type('fish');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /type your lines where nc runs/.test(document.querySelector('.xterm-rows').textContent));
    assert.equal(await output(page).locator('pre.batch', { hasText: /Batch: 3/ }).count(), 0);
    await screenshot(page, '2-relay-word-count');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

// Resolves once the relay's log of `target` holds `count` lines (a WebSocket of the page's own origin
// reads it from the earliest offset).
async function waitForRelayLog(page, target, count) {
  await page.evaluate(
    ([target, count]) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(new URL('ws', location.href).href.replace(/^http/, 'ws'));
        let seen = 0;
        ws.onopen = () => ws.send(JSON.stringify({ v: 1, type: 'subscribe', target, from: 'earliest' }));
        ws.onmessage = (e) => {
          const m = JSON.parse(e.data);
          if (m.type === 'lines') seen = m.first_offset + m.lines.length;
          if (seen >= count) resolve(ws.close());
        };
        ws.onerror = () => reject(new Error('relay WebSocket failed'));
      }),
    [target, count],
  );
}

test('relay mode: a reload resumes a checkpointed query with the lines nc sent meanwhile', async () => {
  const { page, consoleErrors, close } = await launch();
  try {
    const target = `localhost:${ncPort}`;
    const code = DEFAULT_CODE.replace('option("port", 9999)', `option("port", ${ncPort})`).replace(
      '.format("console").start()',
      '.format("console").option("checkpointLocation", "/checkpoints/relay").start()',
    );
    const url = (await serve.url) + shareFragment(code);
    await openPage(page, url);
    const run = () => page.getByRole('button', { name: 'Run', exact: true }).click();
    await run();
    await batchText(page, 0);
    const terminal = page.getByRole('region', { name: 'Terminal' });
    await terminal.locator('[data-role=mode][data-mode=mirror]').waitFor({ timeout: 10_000 });
    assert.equal(await terminal.getByRole('note').isHidden(), true, 'no socket note with a relay behind the query');
    nc.stdin.write('owl fox\n');
    assert.deepEqual(tableCounts(await batchText(page, 1)), { owl: 1, fox: 1 });
    await waitForStoredFile(page, '/checkpoints/relay/commits/1');
    // Where the page is in the relay's log (the relay's earlier test wrote lines too).
    const cursor = await page.waitForFunction((t) => JSON.parse(localStorage.getItem('runnel.relayCursors.v1') ?? '{}')[t]?.next, target);
    const next = await cursor.jsonValue();

    await page.goto('about:blank'); // the page is closed; nc goes on
    nc.stdin.write('owl\n');
    await openPage(page, url);
    // The relay's log holds that line before the page runs the query again.
    await waitForRelayLog(page, target, next + 1);
    await run();
    await output(page).locator('pre.log', { hasText: 'Resumed from checkpoint /checkpoints/relay at batch 2' }).waitFor();
    assert.deepEqual(tableCounts(await batchText(page, 2)), { owl: 2, fox: 1 });
    nc.stdin.write('fox\n');
    assert.deepEqual(tableCounts(await batchText(page, 3)), { owl: 2, fox: 2 });
    await screenshot(page, '6-relay-resumed-after-reload');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
