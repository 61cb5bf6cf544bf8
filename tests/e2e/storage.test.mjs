// End-to-end: storage that holds real workloads, through the UI — one
// strategy of 3,000 indicators with four years of actuals, 50 strategies of
// 100, 20 copies of one strategy, one of 10,000 — each imported (or
// duplicated), opened after a reload, edited, saved and seen after another
// reload; documents of the old layout moved from local storage on first
// start; the recently deleted list; an import that does not fit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, done, bigStrategy, storedDocuments, storedMetas, limitQuota } from './harness.mjs';

const env = suite({ before, after });
const MISSION = 'Mission — why do we exist?';

async function tmpFile(name, text) {
  const path = join(await mkdtemp(join(tmpdir(), 'strategy-storage-')), name);
  await writeFile(path, text);
  return path;
}

/** Opens the app in English with an empty library. */
async function fresh() {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('heading', { name: 'Start your strategy' }).waitFor();
  return app;
}

/** Imports `text` through the file picker and waits for its Overview. */
async function importFile(page, text) {
  await page.getByTestId('import-file').setInputFiles(await tmpFile('plan.json', text));
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
}

/** On the open strategy's Overview: reload, edit the mission, see it saved, reload and see it kept. */
async function reopenEditReload(page, mission) {
  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByLabel(MISSION).fill(mission);
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await page.getByLabel(MISSION).inputValue(), mission, 'the edit is kept');
}

/** The rows of the library's table of strategies, once it shows `n`. */
async function waitForRows(page, n) {
  await page.waitForFunction((n) => document.querySelector('table.library-table')?.querySelectorAll('tbody tr').length === n, n);
}

/** The stored documents' total size in MB, for the log. */
async function storedMb(page) {
  const docs = Object.values(await storedDocuments(page));
  return (docs.reduce((sum, t) => sum + t.length, 0) / 1e6).toFixed(1);
}

test('one strategy of 3,000 indicators with four years of actuals is stored, reopened, edited and kept', async () => {
  const app = await fresh();
  const { page } = app;
  const file = bigStrategy({ id: 'w3000', title: 'Workload 3000', indicators: 3000, actualYears: 4 });
  await importFile(page, file);
  await page.getByTestId('level-counts').filter({ hasText: 'Indicator: 3000' }).waitFor();
  await reopenEditReload(page, 'Three thousand indicators, kept.');
  const size = await storedMb(page);
  assert.ok(Object.keys(await storedMetas(page)).length === 1);
  console.log(`# 3,000 indicators × 4 years of actuals: file ${(file.length / 1e6).toFixed(1)} MB, stored ${size} MB`);
  await done(app);
});

test('a strategy of 10,000 indicators is stored, reopened, edited and kept', async () => {
  const app = await fresh();
  const { page } = app;
  const file = bigStrategy({ id: 'w10000', title: 'Workload 10000', indicators: 10_000, actualYears: 2 });
  await importFile(page, file);
  await page.getByTestId('level-counts').filter({ hasText: 'Indicator: 10000' }).waitFor();
  await reopenEditReload(page, 'Ten thousand indicators, kept.');
  console.log(`# 10,000 indicators: file ${(file.length / 1e6).toFixed(1)} MB, stored ${await storedMb(page)} MB`);
  await done(app);
});

/** Imports one strategy and duplicates it in the library until there are `count`. */
async function manyOf(page, file, title, count) {
  await importFile(page, file);
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await waitForRows(page, 1);
  const original = page.locator('table.library-table tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  for (let n = 2; n <= count; n++) {
    await original.getByRole('button', { name: 'Duplicate' }).click();
    await waitForRows(page, n);
  }
  await page.reload();
  await waitForRows(page, count);
}

test('50 strategies of 100 indicators are listed after a reload, and one of them is edited and kept', async () => {
  const app = await fresh();
  const { page } = app;
  await manyOf(page, bigStrategy({ id: 'w100', title: 'Workload 100', indicators: 100 }), 'Workload 100', 50);
  assert.equal(Object.keys(await storedMetas(page)).length, 50);
  await page.getByRole('link', { name: 'Workload 100 (copy)' }).last().click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await reopenEditReload(page, 'One of fifty, kept.');
  console.log(`# 50 strategies × 100 indicators: stored ${await storedMb(page)} MB`);
  await done(app);
});

test('20 copies of one strategy of 1,000 indicators are listed after a reload, and the original is edited and kept', async () => {
  // The app keeps no snapshots of its own: twenty copies of one strategy (as
  // a team keeps a copy per reporting round) are the same load on storage.
  const app = await fresh();
  const { page } = app;
  await manyOf(page, bigStrategy({ id: 'w20', title: 'Workload copies', indicators: 1000 }), 'Workload copies', 20);
  await page.getByRole('link', { name: 'Workload copies', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await reopenEditReload(page, 'The original of twenty, kept.');
  console.log(`# 20 copies × 1,000 indicators: stored ${await storedMb(page)} MB`);
  await done(app);
});

test('a document that local storage held before is moved to IndexedDB on first start, listed and opened', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  // As the previous version left it: a pretty document and its meta in local storage.
  const old = JSON.stringify(JSON.parse(bigStrategy({ id: 'old', title: 'Kept from before', indicators: 30 })), null, 2) + '\n';
  const meta = { id: 'old', title: 'Kept from before', institution: '', start_year: 2024, end_year: 2027, updated: '2026-01-01T10:00:00.000Z', revision: 3, writer: 'tab-old', doc_size: old.length, exported_revision: 0 };
  await page.evaluate(({ old, meta }) => {
    localStorage.setItem('strategy-studio:v1:doc:old', old);
    localStorage.setItem('strategy-studio:v1:meta:old', JSON.stringify(meta));
    localStorage.setItem('strategy-studio:v1:settings', JSON.stringify({ lang: 'en' }));
  }, { old, meta });
  await page.reload();
  await page.getByRole('link', { name: 'Kept from before' }).waitFor();
  // The old key goes once the copy has been read back and compared.
  await page.waitForFunction(() => localStorage.getItem('strategy-studio:v1:doc:old') === null);
  const moved = (await storedMetas(page)).old;
  assert.equal((await storedDocuments(page))[moved.doc], old, 'copied byte for byte');
  assert.deepEqual([moved.revision, moved.writer], [3, 'tab-old']);
  await page.getByRole('link', { name: 'Kept from before' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByTestId('level-counts').filter({ hasText: 'Indicator: 30' }).waitFor();
  await reopenEditReload(page, 'Moved and edited.');
  await done(app);
});

test('a deleted strategy is in the recently deleted list, restored and opened', async () => {
  const app = await fresh();
  const { page } = app;
  await importFile(page, bigStrategy({ id: 'del', title: 'Deleted by mistake', indicators: 9 }));
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('row').filter({ hasText: 'Deleted by mistake' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByText('Deleted “Deleted by mistake”.').waitFor();
  const recovery = page.getByRole('region', { name: 'Recently deleted' });
  await recovery.getByRole('row').filter({ hasText: 'Deleted by mistake' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Deleted by mistake' }).count(), 0, 'not in the library');
  // Still there after a reload, as long as 30 days.
  await page.reload();
  await recovery.getByRole('button', { name: 'Restore' }).click();
  await page.getByRole('link', { name: 'Deleted by mistake' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByTestId('level-counts').filter({ hasText: 'Indicator: 9' }).waitFor();
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('link', { name: 'Deleted by mistake' }).waitFor();
  assert.equal(await recovery.count(), 0, 'the list is gone with its last entry');
  await done(app);
});

test('an import that does not fit says exactly that, with no dialog over it, and stores nothing', async () => {
  const app = await fresh();
  const { page } = app;
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await limitQuota(page);
  await page.getByTestId('import-file').setInputFiles(await tmpFile('big.json', bigStrategy({ id: 'big', title: 'Too big', indicators: 3000 })));
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'so “Too big” was not stored; nothing was changed' });
  await alert.waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'the preview is closed: nothing covers the message');
  assert.equal(await alert.getByRole('button', { name: 'Export now' }).count(), 0, 'nothing is open to export');
  assert.doesNotMatch(await alert.innerText(), /still open here/, 'it does not claim anything is open');
  await page.screenshot({ path: 'test-results/import-does-not-fit.png' });
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before, 'no library entry');
  assert.deepEqual(await storedDocuments(page), {}, 'no document half-stored');
  await page.getByRole('heading', { name: 'Start your strategy' }).waitFor();
  await done(app);
});
