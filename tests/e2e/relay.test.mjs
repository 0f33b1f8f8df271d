// Relay mode: the page served by `runnel serve`, a real `nc -lk` on a free port, lines written into nc.
// The page subscribes through the relay and the terminal pane mirrors what arrives.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { DEFAULT_CODE } from './programs.mjs';
import { batchText, distDir, launch, openPage, runnelBinary, screenshot, shareFragment, tableCounts } from './harness.mjs';

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
    await screenshot(page, '2-relay-word-count');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
