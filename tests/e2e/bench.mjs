// Page figures in `NAME VALUE UNIT` lines: latency from a line entered in the terminal (its Enter key)
// to the paint of the frame that shows its batch (default trigger, 200 lines), time from navigation to
// ready, and the wasm size. Context goes to stderr.
//
// The same lines are then typed into latency_floor/index.html, a page that paints a batch's text in
// the Enter key's own handler (page.floor_latency_*). Chromium presents a frame at each display
// refresh (60 Hz: every 16.7 ms), so a change waits for the next one: up to a whole frame, more when
// the frame is late. That floor, from the same browser in the same run, says how much of the page's
// figure is the browser and the machine, and how much is the page.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { batchText, distDir, launch, openPage, startStaticServer } from './harness.mjs';

const LINES = Number(process.env.RUNNEL_BENCH_LINES ?? 200);
const PAUSE_BEFORE_ENTER_MS = 100;
// A line whose batch is not painted by then (an output that stopped following its end never paints
// it) stops the bench with an error, not a wait without end.
const FIGURE_TIMEOUT_MS = 10_000;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const print = (name, value, unit) => console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);

// Key-to-paint latency of `lines` lines typed into `page` (focused by `focus`), as {latencies, dom} in ms.
// The clock starts at the Enter key's event (its timeStamp, when the browser created it) and stops when
// the frame that shows that line's batch is painted: the batch node is marked for the Element Timing API
// as it is added to #output, and its entry's renderTime is that frame's paint (presentation) time. A
// batch other than the one the line makes (its id is the line's number) stops nothing. For context: the
// time the batch's node is added (the dom figures).
async function measureLatency(page, focus, lines) {
  await page.evaluate(() => {
    const w = window;
    w.__latencies = [];
    w.__waiter = null; // [count, resolve]: resolves once that many figures are in
    w.__waitFor = (n) => new Promise((resolve) => (w.__latencies.length >= n ? resolve() : (w.__waiter = [n, resolve])));
    w.__domLatencies = [];
    w.__lines = 0;
    let start = 0;
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter') return;
        const now = performance.now();
        start = e.timeStamp > 0 && e.timeStamp <= now && now - e.timeStamp < 1000 ? e.timeStamp : now;
        w.__lines += 1;
      },
      true,
    );
    const starts = new Map();
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const t0 = starts.get(entry.identifier);
        if (t0 === undefined) continue;
        starts.delete(entry.identifier);
        w.__latencies.push((entry.renderTime || entry.loadTime) - t0);
        if (w.__waiter && w.__latencies.length >= w.__waiter[0]) w.__waiter[1]();
      }
    }).observe({ type: 'element' });
    new MutationObserver((records) => {
      const expected = new RegExp(`^-+\nBatch: ${w.__lines}\n`);
      const node = records.flatMap((r) => [...r.addedNodes]).find((n) => n.classList?.contains('batch') && expected.test(n.textContent));
      if (!node || !start) return;
      const t0 = start;
      start = 0;
      w.__domLatencies.push(performance.now() - t0);
      const id = `bench-${w.__lines}`;
      starts.set(id, t0);
      node.setAttribute('elementtiming', id);
    }).observe(document.getElementById('output'), { childList: true });
  });
  // Each line is typed, then Enter after a pause as a person makes one (Playwright types a line's keys
  // within a few ms, so without it Enter would land in the frame that echoes the last key). The wait
  // for the line's figure is set up before Enter and resolved by the observer: waitForFunction's
  // default polling runs an animation frame loop that keeps the page painting (a page with a person at
  // the keyboard does not), and a call into the page right after Enter would run in the middle of it.
  await focus();
  for (let i = 1; i <= lines; i += 1) {
    await page.keyboard.type(`w${i % 17} w${i % 5} line`);
    const figure = page.evaluate((n) => window.__waitFor(n), i);
    await page.waitForTimeout(PAUSE_BEFORE_ENTER_MS);
    await page.keyboard.press('Enter');
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`bench: line ${i}: its batch was not painted within ${FIGURE_TIMEOUT_MS} ms`)), FIGURE_TIMEOUT_MS);
    });
    await Promise.race([figure, late]).finally(() => clearTimeout(timer));
  }
  return page.evaluate(() => ({ latencies: window.__latencies, dom: window.__domLatencies }));
}

// The page as runnel serve serves it (cross-origin isolated: its worker answers a typed line through
// shared memory), then from a plain static file server (page.plain_latency_*: the answer is a message).
const server = await startStaticServer(undefined, { isolated: true });
const plainServer = await startStaticServer();
const floorServer = await startStaticServer(fileURLToPath(new URL('./latency_floor/', import.meta.url)));
const { page, consoleErrors, close } = await launch();
// Opens the page at `url`, runs the default example and measures it.
async function measurePage(url) {
  await openPage(page, url);
  const readyMs = await page.evaluate(() => performance.getEntriesByName('runnel-ready')[0].startTime);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await batchText(page, 0);
  const figures = await measureLatency(
    page,
    () => page.getByRole('region', { name: 'Terminal' }).locator('.xterm-screen').click(),
    LINES,
  );
  const isolated = await page.evaluate(() => crossOriginIsolated);
  return { ...figures, readyMs, isolated };
}

try {
  const { latencies, dom, readyMs, isolated } = await measurePage(server.url);
  if (!isolated) console.error('bench: the page was not cross-origin isolated');
  print('page.latency_p50_ms', quantile(latencies, 0.5), 'ms');
  print('page.latency_p99_ms', quantile(latencies, 0.99), 'ms');
  print('page.latency_dom_p50_ms', quantile(dom, 0.5), 'ms');
  print('page.latency_dom_p99_ms', quantile(dom, 0.99), 'ms');

  const plain = await measurePage(plainServer.url);
  print('page.plain_latency_p50_ms', quantile(plain.latencies, 0.5), 'ms');
  print('page.plain_latency_p99_ms', quantile(plain.latencies, 0.99), 'ms');

  await page.goto(floorServer.url);
  const floor = await measureLatency(page, () => page.locator('body').click(), LINES);
  print('page.floor_latency_p50_ms', quantile(floor.latencies, 0.5), 'ms');
  print('page.floor_latency_p99_ms', quantile(floor.latencies, 0.99), 'ms');

  const wasm = readFileSync(path.join(distDir, 'wasm/runnel.wasm'));
  print('wasm.gzip_bytes', gzipSync(wasm, { level: 9 }).length, 'bytes');
  print('wasm.raw_bytes', wasm.length, 'bytes');
  print('page.ready_ms', readyMs, 'ms');
  // The figures move with the machine's load: say what it was.
  const load = os.loadavg()[0].toFixed(2);
  // How many lines missed a 60 Hz frame's budget, page and floor: when the floor misses as many, the
  // machine, not the page, set the p99.
  const over = (xs) => xs.filter((x) => x > 16).length;
  console.error(`bench: ${latencies.length} lines; over 16 ms: page ${over(latencies)}, floor ${over(floor.latencies)}`);
  console.error(`bench: console errors: ${consoleErrors.length}; load average ${load} on ${os.cpus().length} cores`);
} finally {
  await close();
  server.close();
  plainServer.close();
  floorServer.close();
}
