// End-to-end: the one-file build. dist-single/strategy-studio.html, opened
// from file:// with the network off, works fully on its own: an example, an
// edit kept over a reload, a chart drawn by the inlined ECharts, the goal map
// as a PNG, a document from the inlined documents module, an export.
// Rule: the page makes no request at all (any request but the page itself
// fails the test, and every non-file request is aborted), and, as everywhere,
// no page error, no console error or warning, no CSP violation.
// scripts/test.sh (make test) builds the file before this layer; by hand:
// make single-file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, guardContext, done, openFirstChart } from './harness.mjs';

const FILE = resolve(import.meta.dirname, '../../dist-single/strategy-studio.html');
const URL_ = pathToFileURL(FILE).href;
let browser;

before(async () => {
  await stat(FILE).catch(() => {
    throw new Error(`${FILE} is missing: run make single-file (make test builds it)`);
  });
  browser = await launch();
});
after(async () => browser?.close());

/** A fresh offline context at the file; records every request but the page's own. */
async function openFile() {
  const ctx = await browser.newContext({ acceptDownloads: true, locale: 'lv-LV' });
  await guardContext(ctx);
  await ctx.setOffline(true);
  const foreign = [];
  const errors = [];
  // Nothing may reach the network: abort and record whatever tries.
  await ctx.route(
    (url) => url.protocol !== 'file:',
    (route) => {
      foreign.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  const page = await ctx.newPage();
  page.on('request', (r) => {
    const u = r.url();
    if (u !== URL_ && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // Chromium's hint about the test's own getImageData polling is no fault of the app.
    if (m.text().startsWith('Canvas2D: Multiple readback operations')) return;
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(URL_);
  await page.waitForSelector('.app-header');
  return { ctx, page, foreign, errors };
}

test('the one file is self-contained and its CSP holds without unsafe-inline', async () => {
  const html = await readFile(FILE, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'/, 'no inline scripts or eval allowed wholesale');
  assert.match(scriptSrc, /'wasm-unsafe-eval'/);
  const hashes = scriptSrc.split(/\s+/).filter((s) => s.startsWith("'sha256-"));
  const executable = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/type="application\/json"/.test(attrs));
  const own = executable.map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  assert.deepEqual(hashes, own, 'script-src lists exactly the hashes of the inline scripts');
  assert.doesNotMatch(html, /<script[^>]*\bsrc=|<link[^>]*rel="(?:stylesheet|manifest|modulepreload|preload)"/, 'no other file is referred to');
  assert.match(html, /getInstanceByDom/, 'ECharts is inlined');
});

test('offline from file://: an example, an edit kept over a reload, a chart, the goal map PNG, document downloads, an export', async () => {
  const app = await openFile();
  const { page } = app;
  assert.equal(await page.evaluate(() => location.protocol), 'file:');
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByRole('heading', { name: 'Start your strategy' }).waitFor();

  await page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByLabel('Mission — why do we exist?').fill('Written in the one file.');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Mission — why do we exist?').inputValue(), 'Written in the one file.', 'the edit is kept (localStorage on file://)');

  const ink = await openFirstChart(page);
  assert.ok(ink > 1000, 'the chart is drawn by the inlined ECharts');
  await page.locator('.chart-canvas').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/single-file-chart.png' });

  await page.getByRole('link', { name: 'Goal map' }).click();
  await page.locator('svg.goal-map').waitFor();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  assert.deepEqual([...(await readFile(await png.path())).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'the goal map as a PNG, drawn from a blob: image');

  // The documents module: its glue is in the page, its wasm in the data block.
  await page.getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
  await page.locator('.doc-preview table').first().waitFor();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  assert.match(csv.suggestedFilename(), /^lm-.*-annual-report-\d{4}\.csv$/);
  assert.ok((await readFile(await csv.path(), 'utf8')).split('\n').length > 10, 'a CSV made by the documents module');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'DOCX' }).click()]);
  assert.equal((await readFile(await docx.path())).subarray(0, 2).toString(), 'PK', 'a DOCX (zip) file');

  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('heading', { name: 'Strategies in this browser' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.format, 'strategy-studio');
  assert.equal(exported.strategy.mission, 'Written in the one file.');

  const workers = await page.evaluate(async () => {
    try {
      return (await navigator.serviceWorker.getRegistrations()).length;
    } catch {
      return 0; // file:// has no service workers at all
    }
  });
  assert.equal(workers, 0, 'no service worker');
  await done(app);
});
