// End-to-end: offline and install. After one visit the whole app works with
// the network off (served by its service worker); a new deployment is offered,
// never forced; the manifest makes it installable; persistent storage is
// asked for and its state shown; and the Content-Security-Policy refuses what
// the app does not need (every test of the suite fails on a CSP violation).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite, openApp, done, startServer, cspViolations, launchPersistent, openFirstChart } from './harness.mjs';

const env = suite({ before, after });
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

/** Waits until the service worker is active and controls the page; returns its cache's name. */
async function controlled(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
    if (registration.active.state !== 'activated') {
      await new Promise((ok) => registration.active.addEventListener('statechange', () => registration.active.state === 'activated' && ok()));
    }
    return caches.keys();
  });
}

/** Stops a server for good: no new connections and none kept alive. */
function stop(server) {
  server.close();
  server.closeAllConnections();
}

test('after one visit the whole app works offline: reload, an example, an edit, a chart, the goal map PNG, a document, an export', async () => {
  // A server of its own, so that it can be switched off.
  const own = await startServer();
  const app = await openApp(env.browser, own.url);
  const { page, ctx } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  const caches = await controlled(page);
  assert.equal(caches.length, 1, 'one cache, of this version');
  assert.match(caches[0], /^strategy-studio-[0-9a-f]{16}$/);

  await ctx.setOffline(true);
  stop(own.server);
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), sw: r.fromServiceWorker() }));
  await page.reload();
  await page.getByRole('heading', { name: 'Start your strategy' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');

  await page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByLabel('Mission — why do we exist?').fill('Written offline.');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();

  const ink = await openFirstChart(page);
  await page.waitForFunction(() => typeof window.echarts === 'object', null, { polling: 100 });
  assert.ok(ink > 1000, 'the chart is drawn by ECharts from the cache');
  await page.locator('.chart-canvas').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/offline-chart.png' });

  await page.getByRole('link', { name: 'Goal map' }).click();
  await page.locator('svg.goal-map').waitFor();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file, drawn offline from a blob: image');

  // The documents module, first loaded now, comes from the cache too.
  await page.getByRole('link', { name: 'Documents' }).click();
  await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
  await page.locator('.doc-preview table').first().waitFor();
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'HTML' }).click()]);
  assert.match(await readFile(await html.path(), 'utf8'), /^<!DOCTYPE html>/i, 'an HTML document made offline');

  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('heading', { name: 'Strategies in this browser' }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.format, 'strategy-studio');
  assert.equal(exported.version, 2);
  assert.equal(exported.strategy.mission, 'Written offline.');

  const app_files = responses.filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  assert.ok(app_files.some((r) => r.url.endsWith('vendor/echarts.min.js')), 'ECharts was loaded');
  assert.ok(app_files.some((r) => r.url.endsWith('.wasm')), 'the app was loaded');
  assert.ok(app_files.some((r) => r.url.endsWith('lazy/strategy-lazy_bg.wasm')), 'the documents module was loaded');
  assert.deepEqual(app_files.filter((r) => !r.sw), [], 'every file came from the service worker');
  await done(app);
});

test('a new deployment is offered and loads only when the user clicks Reload', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'strategy-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const site = await startServer('/tools/strategy/', { root: dir });
  try {
    const app = await openApp(env.browser, site.url);
    const { page } = app;
    await page.getByLabel('Saskarnes valoda').selectOption('en');
    const [oldCache] = await controlled(page);
    await page.evaluate(() => (window.__sameDocument = true));
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'no notice without a new version');

    // A second deployment: one changed file, finished by the same post-build step.
    const index = join(dir, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', '<head>\n    <meta name="deployment" content="second" />'));
    execFileSync(process.execPath, [join(ROOT, 'scripts/post-build.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: dir } });
    const version = (await readFile(join(dir, 'sw.js'), 'utf8')).match(/^const VERSION = "([0-9a-f]+)";$/m)[1];
    assert.notEqual(`strategy-studio-${version}`, oldCache, 'the new build has a new version');

    // The browser looks for it (as it does on navigation) and installs it beside the running one.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByTestId('update-notice');
    await notice.getByText('A new version is ready').waitFor();
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed', 'the new worker waits');
    await page.screenshot({ path: 'test-results/update-offered.png' });

    // The notice stays in the editor too, and nothing reloads meanwhile.
    await page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await notice.getByRole('button', { name: 'Reload' }).waitFor();
    await page.getByLabel('Mission — why do we exist?').fill('Typed before the update.');
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'not reloaded before the click');
    assert.equal(await page.locator('meta[name="deployment"]').count(), 0, 'still the first deployment');

    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'a new document');
    assert.equal(await page.locator('meta[name="deployment"]').getAttribute('content'), 'second', 'the new deployment runs');
    assert.equal(await page.getByLabel('Mission — why do we exist?').inputValue(), 'Typed before the update.');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`strategy-studio-${version}`], 'the old cache is gone');
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'no notice after the update');
    await done(app);
  } finally {
    stop(site.server);
    await rm(dir, { recursive: true, force: true });
  }
});

test('the manifest is valid and the app is installable', async () => {
  // A profile on disk: Chromium installs nothing from incognito contexts.
  const profile = await mkdtemp(join(tmpdir(), 'strategy-profile-'));
  const context = await launchPersistent(profile);
  const app = await openApp(null, env.url, { context });
  const { page, ctx } = app;
  await controlled(page);
  const found = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const response = await fetch(href);
    const manifest = await response.json();
    const icons = [];
    for (const icon of manifest.icons) {
      const img = new Image();
      img.src = new URL(icon.src, href).href;
      await img.decode();
      icons.push({ ...icon, width: img.naturalWidth, height: img.naturalHeight });
    }
    const registration = await navigator.serviceWorker.getRegistration();
    return {
      href,
      type: response.headers.get('content-type'),
      manifest,
      icons,
      themeMeta: document.querySelector('meta[name="theme-color"]').content,
      scope: registration.scope,
      worker: registration.active.scriptURL,
      state: registration.active.state,
    };
  });
  const m = found.manifest;
  assert.equal(found.href, env.url + 'manifest.webmanifest');
  assert.equal(m.name, 'Strategy Studio');
  assert.ok(m.short_name && m.short_name.length <= 15);
  assert.match(m.description, /stratēģijas/, 'Latvian description');
  assert.match(m.description, /operational strategy/, 'with the English one');
  assert.equal(m.lang, 'lv');
  assert.equal(m.start_url, './');
  assert.equal(m.scope, './');
  assert.equal(m.display, 'standalone');
  assert.equal(m.theme_color, '#1d4e89');
  assert.equal(found.themeMeta, m.theme_color);
  assert.match(m.background_color, /^#[0-9a-f]{6}$/);
  for (const icon of found.icons) {
    if (icon.sizes === 'any') {
      assert.equal(icon.type, 'image/svg+xml');
      assert.ok(icon.width > 0);
    } else {
      assert.equal(`${icon.width}x${icon.height}`, icon.sizes, `${icon.src} is ${icon.sizes}`);
    }
  }
  const sizes = found.icons.filter((i) => i.type === 'image/png').map((i) => `${i.sizes} ${i.purpose}`);
  assert.deepEqual(sizes.sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  assert.equal(found.scope, env.url, 'the worker covers the app folder, under its sub-path');
  assert.equal(found.worker, env.url + 'sw.js');
  assert.equal(found.state, 'activated');

  // Chromium's own judgement: the manifest parses without errors and nothing blocks installing.
  const cdp = await ctx.newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, [], 'the manifest parses cleanly');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId), [], 'installable');
  await done(app);
  await rm(profile, { recursive: true, force: true });
});

test('persistent storage is asked for on the first create or import and its state and usage are shown', async () => {
  const app = await openApp(env.browser, env.url);
  const { page, ctx } = app;
  // Count the requests: the page asks once, on the first click.
  await page.addInitScript(() => {
    const persist = StorageManager.prototype.persist;
    window.__persistCalls = 0;
    StorageManager.prototype.persist = function () {
      window.__persistCalls++;
      return persist.call(this);
    };
  });
  await page.reload();
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  const status = page.getByTestId('storage-status');
  const text = async () => {
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    return persisted ? 'Stored persistently in this browser' : 'This browser may clear this data — keep an exported file';
  };
  await status.locator('.storage-persistence').filter({ hasText: await text() }).waitFor();
  assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'nothing to keep yet: not asked');

  await page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked on the first click');
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('heading', { name: 'Strategies in this browser' }).waitFor();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  await status.locator('.storage-persistence').filter({ hasText: await text() }).waitFor();
  assert.equal(await status.getAttribute('data-persisted'), String(persisted));
  assert.equal(await page.evaluate(() => window.__persistCalls), 1, 'asked once');

  const usage = status.locator('.storage-usage');
  await usage.waitFor();
  const line = await usage.innerText();
  const m = line.match(/^(\d+(?:\.\d)?) (B|kB|MB|GB|TB) of (\d+(?:\.\d)?) (B|kB|MB|GB|TB) used$/);
  assert.ok(m, `usage line: ${line}`);
  const { quota } = await page.evaluate(() => navigator.storage.estimate());
  const units = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };
  assert.ok(Math.abs(Number(m[3]) * units[m[4]] - quota) / quota < 0.06, `quota ${m[3]} ${m[4]} ≈ ${quota} bytes`);

  await page.getByLabel('Interface language').selectOption('lv');
  await status.locator('.storage-persistence').filter({ hasText: persisted ? 'Dati šajā pārlūkā tiek glabāti pastāvīgi' : 'Pārlūks var šos datus izdzēst — glabājiet eksportētu failu' }).waitFor();
  assert.match(await usage.innerText(), /^Izmantoti \d+(,\d)? (B|kB|MB|GB|TB) no \d+(,\d)? (B|kB|MB|GB|TB)$/);
  await page.screenshot({ path: 'test-results/storage-status.png' });
  await done(app);
});

test('the Content-Security-Policy lets the app run and refuses inline scripts, eval and other origins', async () => {
  const app = await openApp(env.browser, env.url);
  const { page, ctx } = app;
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(!directives['script-src'].includes("'unsafe-inline'") && !directives['script-src'].includes("'unsafe-eval'"));
  // The one inline script, trunk's loader, is allowed by its hash.
  const loader = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent));
  assert.equal(loader.length, 1);
  const { createHash } = await import('node:crypto');
  assert.deepEqual(directives['script-src'].slice(2), [`'sha256-${createHash('sha256').update(loader[0]).digest('base64')}'`]);
  for (const [k, v] of [['object-src', "'none'"], ['base-uri', "'none'"], ['form-action', "'none'"], ['connect-src', "'self'"], ['worker-src', "'self'"], ['manifest-src', "'self'"]]) {
    assert.deepEqual(directives[k], [v], k);
  }
  assert.deepEqual(directives['img-src'], ["'self'", 'data:', 'blob:']);
  assert.deepEqual(directives['style-src'], ["'self'", "'unsafe-inline'"]);
  assert.deepEqual(await cspViolations(ctx), [], 'the app itself causes none');

  // What an attacker's injected markup would try is refused, and the guard sees it.
  const tried = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    // A string timer is compiled by the page itself (DevTools' own evaluation is exempt from CSP).
    setTimeout('window.__evaluated = true');
    await new Promise((ok) => setTimeout(ok, 50));
    const evaluated = window.__evaluated === true;
    let connected = true;
    try {
      await fetch('http://127.0.0.2:9/');
    } catch {
      connected = false;
    }
    return { injected: window.__injected === true, evaluated, connected };
  });
  assert.deepEqual(tried, { injected: false, evaluated: false, connected: false });
  const seen = await cspViolations(ctx);
  for (const directive of ['script-src-elem', 'script-src', 'connect-src']) {
    assert.ok(seen.some((v) => v.startsWith(directive + ' ')), `${directive} violation recorded: ${seen.join(' | ')}`);
  }
  await ctx.close();
  assert.deepEqual(app.errors, []);
});
