// End-to-end: a strategy kept in a real file. "Save to file…" with the File
// System Access API (its picker stands in for the user's choice of a file:
// a handle that keeps what is written, installed before the app loads),
// every save written to that file, the header's Export, and the reminder
// after a working session whose changes are in no file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { suite, openApp, done } from './harness.mjs';

const env = suite({ before, after });

/** The picker's answer: a handle named `plan.json` that records every write in `window.__writes`. */
function installFilePicker() {
  window.__writes = [];
  const handle = {
    name: 'plan.json',
    kind: 'file',
    createWritable: async () => {
      let text = '';
      return { write: async (t) => { text += t; }, close: async () => { window.__writes.push(text); } };
    },
  };
  window.showSaveFilePicker = async () => handle;
}

async function withExample(context) {
  const app = await openApp(env.browser, env.url, { context });
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: /^Use as a template: .*darbības stratēģija 2024–2027/ }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

const writes = (page) => page.evaluate(() => window.__writes);

async function typeAndSave(page, label, text) {
  await page.getByLabel(label).fill(text);
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
}

test('Save to file… keeps the strategy in a real file, and every save writes it', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'lv-LV' });
  await context.addInitScript(installFilePicker);
  const app = await withExample(context);
  const { page } = app;
  await page.getByRole('button', { name: 'Save to file…' }).click();
  await page.getByTestId('file-state').filter({ hasText: 'Saved to plan.json' }).waitFor();
  const [first] = await writes(page);
  assert.equal(JSON.parse(first).format, 'strategy-studio', 'the file is the strategy in the file format');

  await typeAndSave(page, 'Mission — why do we exist?', 'Written to the shared folder too.');
  await page.waitForFunction(() => window.__writes.at(-1).includes('Written to the shared folder too.'));
  await page.getByTestId('file-state').filter({ hasText: 'Saved to plan.json' }).waitFor();
  await page.screenshot({ path: 'test-results/saved-to-file.png' });

  // The file counts as an export: the library does not ask for one.
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  const row = page.getByRole('row').filter({ hasText: 'darbības stratēģija 2024.–2027. gadam' });
  await row.first().waitFor();
  assert.equal(await row.getByText('not exported').count(), 0);
  assert.equal(await page.getByText('has changes kept only in this browser').count(), 0, 'no reminder: the file has every change');
  await done(app);
});

test('the header exports the open strategy, and a working session left in the browser only ends with a reminder', async () => {
  const app = await withExample();
  const { page } = app;
  for (const n of [1, 2, 3]) await typeAndSave(page, 'Vision — what do we want to become?', `Vision, draft ${n}`);

  // Leaving it: the reminder offers an export, which clears the library's mark.
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  const reminder = page.getByRole('status').filter({ hasText: 'has changes kept only in this browser' });
  await reminder.waitFor();
  const row = page.getByRole('row').filter({ hasText: 'darbības stratēģija 2024.–2027. gadam' });
  await row.getByText('not exported').waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), reminder.getByRole('button', { name: 'Export' }).click()]);
  assert.match(await readFile(await file.path(), 'utf8'), /Vision, draft 3/);
  await row.getByText('not exported').waitFor({ state: 'detached' });

  // In the editor, Export downloads it as well; a short visit brings no reminder.
  await row.getByRole('button', { name: /^Open/ }).first().click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  const [again] = await Promise.all([page.waitForEvent('download'), page.locator('.file-buttons').getByRole('button', { name: 'Export' }).click()]);
  assert.match(again.suggestedFilename(), /\.json$/);
  await typeAndSave(page, 'Vision — what do we want to become?', 'One more word');
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await row.getByText('not exported').waitFor();
  assert.equal(await page.getByText('has changes kept only in this browser').count(), 0, 'one save is no working session');
  await done(app);
});
