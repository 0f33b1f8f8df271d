// Shared pieces of the browser tests: a static file server for web/dist, Debian's Chromium through
// playwright-core (fresh profile each time), and the page interactions the tests repeat.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import LZString from 'lz-string';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const distDir = process.env.RUNNEL_WEB_DIST ?? path.join(repoRoot, 'web/dist');
export const outputDir = path.join(repoRoot, 'test-output/e2e');
export const runnelBinary = process.env.RUNNEL_BIN ?? path.join(repoRoot, 'build/native/bin/runnel');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// The headers that make the page cross-origin isolated, as runnel serve sends them: the page then shares
// memory with its worker (web/src/worker/reply_slot.ts).
export const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

// Any static file server will do (the page must not need runnel serve); this one is 30 lines of Node.
// `isolated`: send ISOLATION_HEADERS; a plain static server does not.
export function startStaticServer(root = distDir, { isolated = false } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(root, rel);
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', ...(isolated ? ISOLATION_HEADERS : {}) });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
    });
  });
}

export async function launch({ width = 1280, height = 800 } = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'runnel-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    page,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const shareFragment = (code) => `#v1.${LZString.compressToEncodedURIComponent(code)}`;

export async function openPage(page, url) {
  await page.goto(url);
  await page.locator('body[data-engine=ready]').waitFor({ timeout: 20_000 });
}

export const output = (page) => page.getByRole('region', { name: 'Output' });

export async function typeInTerminal(page, line) {
  await page.getByRole('region', { name: 'Terminal' }).locator('.xterm-screen').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

// The console text of batch `id`, once it is shown.
export async function batchText(page, id, timeout = 10_000) {
  const batch = output(page).locator('pre.batch', { hasText: new RegExp(`^-+\\nBatch: ${id}\\n`) });
  await batch.first().waitFor({ timeout });
  return batch.first().textContent();
}

// {word: count} from a console table (row order is unspecified in Spark's complete mode).
export function tableCounts(text) {
  const counts = {};
  for (const line of text.split('\n')) {
    const m = /^\|\s*([^|]*?)\|\s*(\d+)\|$/.exec(line);
    if (m && m[1] !== 'word') counts[m[1]] = Number(m[2]);
  }
  return counts;
}

export async function screenshot(page, name) {
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: path.join(outputDir, `${name}.png`) });
}

// Resolves once the page's IndexedDB holds `path` among the engine's files (the worker saves a
// checkpoint after each batch, asynchronously).
export async function waitForStoredFile(page, path) {
  await page.waitForFunction(
    (p) =>
      new Promise((resolve) => {
        const open = indexedDB.open('runnel');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('files')) return resolve(false), db.close();
          const get = db.transaction('files').objectStore('files').getKey(p);
          get.onsuccess = () => (resolve(get.result !== undefined), db.close());
          get.onerror = () => (resolve(false), db.close());
        };
        open.onerror = () => resolve(false);
      }),
    path,
    { timeout: 10_000 },
  );
}
