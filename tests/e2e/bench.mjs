// Page figures in `NAME VALUE UNIT` lines: latency from a line entered in the terminal (its Enter key)
// to the frame that paints its batch (default trigger, 200 lines), time from navigation to ready,
// and the wasm size. Context goes to stderr.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { batchText, distDir, launch, openPage, startStaticServer } from './harness.mjs';

const LINES = Number(process.env.RUNNEL_BENCH_LINES ?? 200);

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const print = (name, value, unit) => console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);

const server = await startStaticServer();
const { page, consoleErrors, close } = await launch();
try {
  await openPage(page, server.url);
  const readyMs = await page.evaluate(() => performance.getEntriesByName('runnel-ready')[0].startTime);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await batchText(page, 0);

  // In the page: Enter in the terminal starts the clock; the frame after the next batch's node is
  // added stops it (requestAnimationFrame runs right before that frame is painted).
  await page.evaluate(() => {
    const w = window;
    w.__latencies = [];
    w.__domLatencies = [];
    let start = 0;
    window.addEventListener('keydown', (e) => e.key === 'Enter' && (start = performance.now()), true);
    new MutationObserver((records) => {
      const added = records.some((r) => [...r.addedNodes].some((n) => n.classList?.contains('batch')));
      if (!added || !start) return;
      const t0 = start;
      start = 0;
      w.__domLatencies.push(performance.now() - t0);
      requestAnimationFrame(() => w.__latencies.push(performance.now() - t0));
    }).observe(document.getElementById('output'), { childList: true });
  });
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm-screen').click();
  for (let i = 1; i <= LINES; i += 1) {
    await page.keyboard.type(`w${i % 17} w${i % 5} line`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__latencies.length >= n, i);
  }
  const latencies = await page.evaluate(() => window.__latencies);
  const dom = await page.evaluate(() => window.__domLatencies);
  print('page.latency_p50_ms', quantile(latencies, 0.5), 'ms');
  print('page.latency_p99_ms', quantile(latencies, 0.99), 'ms');
  print('page.latency_dom_p50_ms', quantile(dom, 0.5), 'ms');
  print('page.latency_dom_p99_ms', quantile(dom, 0.99), 'ms');
  const wasm = readFileSync(path.join(distDir, 'wasm/runnel.wasm'));
  print('wasm.gzip_bytes', gzipSync(wasm, { level: 9 }).length, 'bytes');
  print('wasm.raw_bytes', wasm.length, 'bytes');
  print('page.ready_ms', readyMs, 'ms');
  console.error(`bench: ${latencies.length} lines; console errors: ${consoleErrors.length}`);
} finally {
  await close();
  server.close();
}
