// End-to-end: the app shell, the library, persistence, import and export
// (also of a version-1 file, which is exported in the current format), as a
// person would use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite, openApp, done, storageSnapshot } from './harness.mjs';

const env = suite({ before, after });

/** Opens the app in English with an empty library. */
async function fresh() {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  return app;
}


async function createStrategy(page, title) {
  await page.getByRole('button', { name: 'New strategy' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Institution').fill('Labklājības ministrija');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
}

async function tmpFile(name, text) {
  const dir = await mkdtemp(join(tmpdir(), 'strategy-e2e-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

test('the shell starts in Latvian and the language choice survives a reload', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByRole('heading', { name: 'Sāciet savu stratēģiju' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'lv');
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByRole('heading', { name: 'Start your strategy' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Start your strategy' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.screenshot({ path: 'test-results/library-empty.png' });
  await done(app);
});

test('a strategy written from blank survives a reload', async () => {
  const app = await fresh();
  const { page } = app;
  await createStrategy(page, 'Test strategy 2026–2029');
  await page.getByLabel('Mission — why do we exist?').fill('Veidot cieņpilnu vidi ikvienam.');
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.getByRole('button', { name: '+ Add: Priority' }).click();
  for (const goal of ['Attīstīt kompetences', 'Uzlabot procesus', 'Stiprināt sadarbību']) {
    await page.getByRole('button', { name: '+ Add: Goal' }).click();
    await page.locator('.outline-item[data-level="goal"]').last().locator(':scope > .outline-head').getByLabel('Title').fill(goal);
  }
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  const goals = await page.locator('.outline-item[data-level="goal"] > .outline-head input').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(goals, ['Attīstīt kompetences', 'Uzlabot procesus', 'Stiprināt sadarbību']);
  await page.getByRole('link', { name: 'Overview' }).click();
  assert.equal(await page.getByLabel('Mission — why do we exist?').inputValue(), 'Veidot cieņpilnu vidi ikvienam.');
  await page.getByTestId('level-counts').filter({ hasText: 'Priority: 1 · Goal: 3 · Result: 0 · Indicator: 0' }).waitFor();
  await done(app);
});

test('rename, duplicate, delete and undo the delete in the library', async () => {
  const app = await fresh();
  const { page } = app;
  await createStrategy(page, 'Plan A');
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New title').fill('Plan B');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Plan B' }).waitFor();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByRole('link', { name: 'Plan B (copy)' }).waitFor();
  await page.getByRole('row', { name: /Plan B \(copy\)/ }).getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Deleted “Plan B (copy)”.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Plan B (copy)' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Plan B (copy)' }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: 'Plan B (copy)' }).waitFor();
  await page.getByRole('link', { name: 'Plan B', exact: true }).waitFor();
  await page.screenshot({ path: 'test-results/library.png' });
  await done(app);
});

test('export, delete, import the file: the same data comes back', async () => {
  const app = await fresh();
  const { page } = app;
  await createStrategy(page, 'Round trip');
  await page.getByLabel('Vision — what do we want to become?').fill('Uzticams partneris 🤝 <b>ikvienam</b>');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  // The library says the browser's copy is the only one, until it is exported.
  await page.getByRole('row', { name: /Round trip/ }).getByText('not exported').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  assert.match(download.suggestedFilename(), /^labklājības-ministrija-round-trip-\d{4}-\d{2}-\d{2}\.json$/);
  await page.getByRole('row', { name: /Round trip/ }).getByText('not exported').waitFor({ state: 'detached' });
  const exported = await readFile(await download.path(), 'utf8');
  const json = JSON.parse(exported);
  assert.equal(json.format, 'strategy-studio');
  assert.equal(json.version, 2);
  assert.equal(json.strategy.vision, 'Uzticams partneris 🤝 <b>ikvienam</b>');

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('heading', { name: 'Start your strategy' }).waitFor();
  await page.getByTestId('import-file').setInputFiles(await tmpFile('plan.json', exported));
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Vision — what do we want to become?').inputValue(), 'Uzticams partneris 🤝 <b>ikvienam</b>');

  // Exporting again gives the same bytes (the same data, in a stable order).
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  assert.equal(await readFile(await again.path(), 'utf8'), exported);

  // Importing it once more asks before touching the stored one.
  await page.getByTestId('import-file').setInputFiles(await tmpFile('plan.json', exported));
  await page.getByText('This strategy is already in this browser: “Round trip”.').waitFor();
  await page.getByRole('button', { name: 'Import as a copy' }).click();
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('link', { name: 'Round trip (copy)' }).waitFor();
  await done(app);
});

test('a file that is not JSON, or is broken, is refused with a reason and nothing changes', async () => {
  const app = await fresh();
  const { page } = app;
  await createStrategy(page, 'Keep me');
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  const before = await storageSnapshot(page);

  await page.getByTestId('import-file').setInputFiles(await tmpFile('notes.txt', 'these are my meeting notes, not a strategy'));
  await page.getByRole('heading', { name: 'This file cannot be imported' }).waitFor();
  await page.getByText('this is not valid JSON').waitFor();
  await page.getByRole('button', { name: 'Close' }).click();

  const broken = {
    format: 'strategy-studio',
    version: 1,
    strategy: { id: 'x', title: 'Broken', priorities: [{ id: 'p1', goals: [{ id: 'g1', results: [{ id: 'r1', indicators: [{ id: 'i1', baseline: { year: 'last year' } }] }] }] }] },
  };
  await page.getByTestId('import-file').setInputFiles(await tmpFile('broken.json', JSON.stringify(broken)));
  await page.getByRole('heading', { name: 'This file cannot be imported' }).waitFor();
  await page.getByText('priorities[0].goals[0].results[0].indicators[0].baseline.year').waitFor();
  await page.screenshot({ path: 'test-results/import-refused.png' });
  await page.keyboard.press('Escape');

  // The same damage in a current file is reported at its place in the tree.
  const brokenTree = {
    format: 'strategy-studio',
    version: 2,
    strategy: { id: 'x', title: 'Broken', items: [{ id: 'p1', level: 'priority', children: [{ id: 'g1', level: 'goal', indicators: [{ id: 'i1', baseline: { year: 'last year' } }] }] }] },
  };
  await page.getByTestId('import-file').setInputFiles(await tmpFile('broken-tree.json', JSON.stringify(brokenTree)));
  await page.getByRole('heading', { name: 'This file cannot be imported' }).waitFor();
  await page.getByText('items[0].children[0].indicators[0].baseline.year').waitFor();
  await page.keyboard.press('Escape');

  const newer = JSON.stringify({ format: 'strategy-studio', version: 9, strategy: {} });
  await page.getByTestId('import-file').setInputFiles(await tmpFile('newer.json', newer));
  await page.getByText(/newer Strategy Studio/).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();

  const after = await storageSnapshot(page);
  assert.equal(after, before, 'storage is untouched');
  await page.getByRole('link', { name: 'Keep me' }).waitFor();
  await done(app);
});

test('pasted JSON text is imported like a file', async () => {
  const app = await fresh();
  const { page } = app;
  const text = JSON.stringify({ format: 'strategy-studio', version: 2, strategy: { id: 'pasted', title: 'Pasted plan' } });
  await page.getByRole('button', { name: 'Paste JSON' }).click();
  await page.getByLabel('JSON text').fill(text);
  await page.getByRole('button', { name: 'Check and import' }).click();
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByTestId('import-counts').filter({ hasText: 'Priority: 0 · Goal: 0 · Result: 0 · Indicator: 0' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Pasted plan');
  await done(app);
});

test('a JSON file dropped onto the page is imported, and ECharts is not loaded before a chart is shown', async () => {
  const app = await fresh();
  const { page } = app;
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const text = JSON.stringify({ format: 'strategy-studio', version: 1, strategy: { id: 'dropped', title: 'Dropped plan' } });
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(requested.filter((p) => p.endsWith('echarts.min.js')).length, 0, 'no chart yet, no ECharts');
  await done(app);
});

test('a version-1 file is converted on import and exported as version 2', async () => {
  const app = await fresh();
  const { page } = app;
  const v1 = resolve(import.meta.dirname, '../../crates/core/tests/fixtures/v1/lm-strategy-2024-2027.json');
  assert.equal(JSON.parse(await readFile(v1, 'utf8')).version, 1);
  await page.getByTestId('import-file').setInputFiles(v1);
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByText('The file is in the older format version 1; it will be converted on import.').waitFor();
  await page.getByTestId('import-counts').filter({ hasText: 'Priority: 3 · Goal: 10' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByTestId('level-counts').filter({ hasText: 'Priority: 3 · Goal: 10' }).waitFor();

  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const exported = await readFile(await download.path(), 'utf8');
  assert.match(exported, /"version": 2/);
  const json = JSON.parse(exported);
  assert.equal(json.version, 2);
  assert.equal(json.strategy.priorities, undefined, 'no version-1 slots are written');
  assert.deepEqual(json.strategy.items.map((p) => p.level), ['priority', 'priority', 'priority']);
  assert.equal(json.strategy.items.flatMap((p) => p.children).length, 10, 'the ten goals under their priorities');
  await done(app);
});
