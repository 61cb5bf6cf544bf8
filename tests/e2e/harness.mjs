// Shared set-up for the end-to-end tests: a static server for dist/ on
// 127.0.0.1, Debian's Chromium driven by playwright-core, and a guard that
// fails the test on any request that leaves the page's own origin, on any
// uncaught page error and on any Content-Security-Policy violation.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

// E2E_DIST: test another build than dist/ (e.g. a copy, while a new one is being built).
const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : resolve(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ (or `root`, e.g. a copy of it) under /sub/path/ (to prove
 * relative asset paths) on a free port.
 */
export async function startServer(prefix = '/tools/strategy/', { root = DIST } = {}) {
  const ROOT = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('outside the app');
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
    if (path === '.' || path === '' || path.endsWith('/')) path = join(path, 'index.html');
    const file = join(ROOT, path);
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      await stat(file);
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}${prefix}` };
}

function chromiumPath() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name]).toString().trim();
    } catch {}
  }
  throw new Error('Chromium is not installed: run make test (scripts/setup.sh installs it)');
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export async function launch() {
  return chromium.launch({ executablePath: chromiumPath(), args: ARGS });
}

/**
 * A browser with a profile in `dir` (not incognito, as installing an app
 * needs); returns its one context. Closing the context ends the browser.
 */
export async function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args: ARGS, acceptDownloads: true, locale: 'lv-LV' });
}

// Records every Content-Security-Policy violation of each document in
// window.__cspViolations (installed in every page of a guarded context).
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile || document.URL}:${e.lineNumber}`),
    true,
  );
}

/** CSP violations per context, from the console ("Refused to …"), which also covers pages closed or crashed since. */
const cspConsole = new WeakMap();

/**
 * Makes a context fail its test on CSP violations: an init script in every
 * page (also those opened later with ctx.newPage()) and a console listener.
 * openApp calls it; call it for contexts made otherwise.
 */
export async function guardContext(ctx) {
  if (cspConsole.has(ctx)) return;
  const refused = [];
  cspConsole.set(ctx, refused);
  await ctx.addInitScript(recordCspViolations);
  ctx.on('console', (msg) => {
    if (msg.text().startsWith('Refused to')) refused.push(msg.text());
  });
}

/** Every CSP violation seen in the context so far. */
export async function cspViolations(ctx) {
  const seen = [...(cspConsole.get(ctx) ?? [])];
  for (const page of ctx.pages()) {
    if (page.isClosed()) continue;
    try {
      seen.push(...(await page.evaluate(() => window.__cspViolations ?? [])));
    } catch {
      // A crashed or navigating page: its console messages are counted above.
    }
  }
  return seen;
}

/**
 * A fresh browser context and page at the app. `foreign` collects every
 * request to another origin (the test asserts it stays empty); `errors`
 * collects uncaught page errors.
 */
export async function openApp(browser, url, { context } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true, locale: 'lv-LV' }));
  await guardContext(ctx);
  const page = await ctx.newPage();
  const origin = new URL(url).origin;
  const foreign = [];
  const errors = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('.app-header');
  return { ctx, page, foreign, errors };
}

/**
 * The app in English on a copy of the bundled example of `period`
 * ("Use as a template"), on its Overview.
 */
export async function openExampleCopy(browser, url, period = '2024–2027') {
  const app = await openApp(browser, url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: new RegExp(`^Use as a template: .*${period}`) }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

/**
 * Registers the suite's set-up (server under a sub-path, one browser) and
 * tear-down with node:test, and returns accessors for them.
 */
export function suite(hooks) {
  const state = {};
  hooks.before(async () => {
    Object.assign(state, await startServer());
    state.browser = await launch();
  });
  hooks.after(async () => {
    await state.browser?.close();
    state.server?.close();
  });
  return state;
}

/** How many pixels of the first chart's canvas are drawn (not transparent). */
export async function canvasInkPixels(page) {
  return page.locator('.chart-canvas canvas').first().evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });
}

/**
 * Opens Indicators, shows the first indicator's chart and waits until it is
 * drawn (more than 1000 inked pixels); returns the inked pixel count.
 */
export async function openFirstChart(page) {
  await page.getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  await page.locator('.indicator-table tbody tr').first().getByRole('button').click();
  await page.locator('.chart-canvas canvas').first().waitFor();
  await page.waitForFunction(
    () => {
      const c = document.querySelector('.chart-canvas canvas');
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
      return ink > 1000;
    },
    null,
    { polling: 100 },
  );
  return canvasInkPixels(page);
}

/** Fills the page's local storage with filler keys until no more fits. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let size = 1 << 21;
    for (let i = 0; size > 16; i++) {
      try {
        localStorage.setItem('filler-' + i, 'x'.repeat(size));
      } catch {
        size >>= 1;
      }
    }
  });
}

/** Removes what [`fillStorage`] wrote. */
export async function freeStorage(page) {
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
}

/** Closes a test's context and fails on foreign requests, page errors or CSP violations. */
export async function done({ ctx, foreign, errors }) {
  const csp = await cspViolations(ctx);
  await ctx.close();
  const assert = (await import('node:assert/strict')).default;
  assert.deepEqual(foreign, [], 'no request leaves the page origin');
  assert.deepEqual(errors, [], 'no uncaught errors');
  assert.deepEqual(csp, [], 'no Content-Security-Policy violations');
}

/** The vendored axe-core (npm devDependency), injected from its file: no request is made for it. */
async function axePath() {
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url).resolve('axe-core/axe.min.js');
}

/** Runs axe-core on the whole document; returns its violations with their targets. */
export async function runAxe(page) {
  // Evaluated by the test driver, not as a <script> the page's CSP would refuse.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(await readFile(await axePath(), 'utf8'));
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** axe violations as readable lines: id, impact, help and the first targets. */
export function formatViolations(violations, targets = 5) {
  return violations
    .map((v) => `  ${v.id} [${v.impact}] ${v.help}\n${v.nodes.slice(0, targets).map((t) => `    ${t}`).join('\n')}${v.nodes.length > targets ? `\n    … and ${v.nodes.length - targets} more` : ''}`)
    .join('\n');
}

/**
 * Reads every document (`put` null) or writes one (`put` = [key, text]) in
 * the page's IndexedDB as the app keeps it (database `strategy-studio`, store
 * `documents`, opened as the app opens it). One fixed function: the page's
 * CSP allows no code built from strings.
 */
async function documents(page, put = null) {
  return page.evaluate(async (put) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('strategy-studio', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('documents');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    try {
      const tx = db.transaction('documents', put ? 'readwrite' : 'readonly');
      const store = tx.objectStore('documents');
      const ask = (request) => new Promise((ok, fail) => ((request.onsuccess = () => ok(request.result)), (request.onerror = () => fail(request.error))));
      let result = null;
      if (put) await ask(store.put(put[1], put[0]));
      else {
        const [keys, values] = [await ask(store.getAllKeys()), await ask(store.getAll())];
        result = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
      }
      await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error)), (tx.onabort = () => fail(tx.error))));
      return result;
    } finally {
      db.close();
    }
  }, put);
}

/** Every stored document (IndexedDB), as `{ key: text }`. */
export async function storedDocuments(page) {
  return documents(page);
}

/** Writes a document's text under `key` (IndexedDB), as a damaged disk or another app would. */
export async function writeDocument(page, key, text) {
  await documents(page, [key, text]);
}

/** The library's metas (local storage), by id. */
export async function storedMetas(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.entries(localStorage)
        .filter(([k]) => k.startsWith('strategy-studio:v1:meta:'))
        .map(([k, v]) => [k.slice('strategy-studio:v1:meta:'.length), JSON.parse(v)]),
    ),
  );
}

/** The stored strategy `id` (or the only one), parsed from its document as the library names it; null if none. */
export async function storedStrategy(page, id) {
  const metas = await storedMetas(page);
  const meta = id ? metas[id] : Object.values(metas)[0];
  if (!meta) return null;
  const text = (await storedDocuments(page))[meta.doc];
  return text ? JSON.parse(text).strategy : null;
}

/** All of this site's storage — local storage and the documents — as one comparable string. */
export async function storageSnapshot(page) {
  const local = await page.evaluate(() => Object.entries(localStorage).sort());
  const docs = Object.entries(await storedDocuments(page)).sort();
  return JSON.stringify({ local, docs });
}

/**
 * Limits this site's storage quota (CDP `Storage.overrideQuotaForOrigin`) to
 * what it uses now plus `room` bytes, so that an IndexedDB write that needs
 * more fails with `QuotaExceededError`. Call it before the site first uses
 * IndexedDB: Chromium keeps the quota it learnt then.
 */
export async function limitQuota(page, room = 0) {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + room });
}

/**
 * A generated strategy file (format version 2, compact JSON) of `indicators`
 * indicators under priorities → goals → results (5 goals of 5 results of 3
 * indicators per priority), each with four yearly targets and an actual for
 * each of `actualYears` (from 2024). For the storage workloads and the bench.
 */
export function bigStrategy({ id = 'big', title = 'Big strategy', indicators = 900, actualYears = 2 } = {}) {
  let n = 0;
  let left = indicators;
  const years = [2024, 2025, 2026, 2027];
  const indicator = (i, r) => ({
    id: `i${++n}`,
    name: `Rādītājs ${i + 1}: novēršamās personāla mainības līmenis nepārsniedz 11 % gadā`,
    unit: '%',
    ...(i === 0 ? { key: true } : {}),
    targets: years.map((year) => ({ year, text: '≤ 11 %', conditions: [{ op: 'at_most', value: 11 }] })),
    actuals: years.slice(0, actualYears).map((year) => ({ period: { year }, value: 8 + ((i + r + year) % 6) })),
  });
  const items = [];
  for (let p = 0; left > 0; p++) {
    const goals = [];
    for (let g = 0; g < 5 && left > 0; g++) {
      const results = [];
      for (let r = 0; r < 5 && left > 0; r++) {
        const count = Math.min(3, left);
        left -= count;
        results.push({ id: `r${p}-${g}-${r}`, level: 'result', title: `Rezultāts ${r + 1}: samazinās mainības līmenis`, indicators: Array.from({ length: count }, (_, i) => indicator(i, r)) });
      }
      goals.push({ id: `g${p}-${g}`, level: 'goal', title: `Mērķis ${p * 5 + g + 1}: pilnveidot procesus`, children: results });
    }
    items.push({ id: `p${p}`, level: 'priority', title: `Prioritāte ${p + 1}: cilvēkresursu attīstība`, children: goals });
  }
  return JSON.stringify({ format: 'strategy-studio', version: 2, strategy: { id, title, period: { start_year: 2024, end_year: 2027 }, mission: 'Misija', items } });
}
