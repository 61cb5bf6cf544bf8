// End-to-end: the windowed indicator table of a strategy with 320 indicators:
// only the rows in view are in the page, yet the last row can be scrolled to
// and edited, the find box finds any row, and the keyboard moves into rows
// that were not rendered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, done } from './harness.mjs';

const env = suite({ before, after });
const COUNT = 320;

/** A strategy of COUNT indicators, 10 on each of 32 results, each named by its number. */
function bigTable() {
  let k = 0;
  const goals = Array.from({ length: 8 }, (_, g) => ({
    id: `g${g}`,
    title: `Mērķis ${g + 1}`,
    results: Array.from({ length: 4 }, (_, r) => ({
      id: `g${g}r${r}`,
      title: `Rezultāts ${g + 1}.${r + 1}`,
      indicators: Array.from({ length: 10 }, () => {
        k++;
        return { id: `i${k}`, name: `Rādītājs nr. ${k}: pakalpojumu pieejamība`, unit: '%', targets: [{ year: 2025, text: '≥ 50 %' }] };
      }),
    })),
  }));
  return { format: 'strategy-studio', version: 1, strategy: { id: 'big-table', title: 'Liela tabula', period: { start_year: 2024, end_year: 2027 }, priorities: [{ id: 'p1', title: 'Prioritāte', goals }] } };
}

/** Opens the app in English with the big strategy imported, on its Indicators page. */
async function withBigTable() {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  const dir = await mkdtemp(join(tmpdir(), 'strategy-e2e-'));
  await writeFile(join(dir, 'big.json'), JSON.stringify(bigTable()));
  await page.getByTestId('import-file').setInputFiles(join(dir, 'big.json'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Indicators' }).click();
  await page.getByTestId('rows-shown').filter({ hasText: `Indicators: ${COUNT} of ${COUNT}` }).waitFor();
  await page.locator('[data-cell="0-0"]').waitFor();
  return app;
}

test('a table of 320 indicators renders the rows in view; scrolled to the end, its last row is edited and kept', async () => {
  const app = await withBigTable();
  const { page } = app;
  const rendered = await page.locator('.indicator-table tbody tr').count();
  assert.ok(rendered > 5 && rendered < 100, `only the rows in view and a margin are rendered (${rendered})`);
  assert.equal(await page.locator('.indicator-table').getAttribute('aria-rowcount'), String(COUNT + 1), 'the table says how many rows it has');
  assert.equal(await page.locator(`[data-cell="${COUNT - 1}-0"]`).count(), 0, 'the last row is not rendered at the top');

  // The scrollbar is true to the whole table: scrolling to its end shows the last row.
  await page.locator('.table-wrap').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.locator(`[data-cell="${COUNT - 1}-0"]`);
  await last.waitFor();
  assert.equal(await last.inputValue(), `Rādītājs nr. ${COUNT}: pakalpojumu pieejamība`);
  assert.equal(await page.locator('[data-cell="0-0"]').count(), 0, 'the first row has left the page');
  await last.fill('Pēdējais rādītājs');
  await last.press('Tab');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();

  // Kept over a reload, and found again with the find box.
  await page.reload();
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  await page.getByLabel('Find').fill('pēdējais');
  await page.getByTestId('rows-shown').filter({ hasText: `Indicators: 1 of ${COUNT}` }).waitFor();
  assert.equal(await page.locator('[data-cell="0-0"]').inputValue(), 'Pēdējais rādītājs');
  await done(app);
});

test('the find box finds a row by its name, its item’s number or title, wherever it is in the table', async () => {
  const app = await withBigTable();
  const { page } = app;
  const find = page.getByLabel('Find');
  await find.fill('nr. 257:');
  await page.getByTestId('rows-shown').filter({ hasText: `Indicators: 1 of ${COUNT}` }).waitFor();
  assert.equal(await page.locator('.indicator-table tbody tr').count(), 1);
  assert.equal(await page.locator('[data-cell="0-0"]').inputValue(), 'Rādītājs nr. 257: pakalpojumu pieejamība');
  // An edit of the found row goes to that indicator.
  await page.locator('[data-cell="0-1"]').fill('cilvēki');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();

  // By the title of its item: result 7.2 holds indicators 251–260.
  await find.fill('rezultāts 7.2');
  await page.getByTestId('rows-shown').filter({ hasText: `Indicators: 10 of ${COUNT}` }).waitFor();
  const units = await page.locator('.indicator-table tbody tr td:nth-of-type(2) input').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(units, ['%', '%', '%', '%', '%', '%', 'cilvēki', '%', '%', '%']);
  // Nothing matches: said so; cleared: every row again.
  await find.fill('nekas tāds');
  await page.getByText('No indicator matches the filter.').waitFor();
  await find.fill('');
  await page.getByTestId('rows-shown').filter({ hasText: `Indicators: ${COUNT} of ${COUNT}` }).waitFor();
  await done(app);
});

test('the keyboard moves into rows that were not rendered: ↓ and Enter down, ↑ back, Tab from a row’s last cell', async () => {
  const app = await withBigTable();
  const { page } = app;
  const rendered = await page.locator('.indicator-table tbody tr').count();
  const target = rendered + 5;
  assert.equal(await page.locator(`[data-cell="${target}-1"]`).count(), 0, `row ${target} is not rendered yet`);
  await page.locator('[data-cell="0-1"]').focus();
  for (let row = 1; row <= target; row++) {
    await page.keyboard.press(row % 2 ? 'ArrowDown' : 'Enter');
    await page.waitForFunction((cell) => document.activeElement?.dataset?.cell === cell, `${row}-1`);
  }
  const cell = page.locator(`[data-cell="${target}-1"]`);
  assert.ok(await cell.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const view = el.closest('.table-wrap').getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  }), 'the focused cell is in view');
  assert.equal(await page.locator('[data-cell="0-1"]').count(), 0, 'the first rows have left the page');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction((cell) => document.activeElement?.dataset?.cell === cell, `${target - 1}-1`);

  // Tab from the last cell of a row goes to the first cell of the next; Shift+Tab back.
  const columns = await page.locator('.indicator-table thead th').count() - 1;
  await page.locator(`[data-cell="${target - 1}-${columns - 1}"]`).focus();
  await page.keyboard.press('Tab');
  await page.waitForFunction((cell) => document.activeElement?.dataset?.cell === cell, `${target}-0`);
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction((cell) => document.activeElement?.dataset?.cell === cell, `${target - 1}-${columns - 1}`);

  // Far from the start: typing in the focused cell (the responsible units, kept on Enter) edits that row's indicator.
  await page.keyboard.type(' kopā');
  await page.keyboard.press('Enter');
  await page.waitForFunction((cell) => document.activeElement?.dataset?.cell === cell, `${target}-${columns - 1}`);
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.getByLabel('Find').fill(`nr. ${target}:`);
  await page.getByTestId('rows-shown').filter({ hasText: `Indicators: 1 of ${COUNT}` }).waitFor();
  assert.match(await page.locator(`[data-cell="0-${columns - 1}"]`).inputValue(), /kopā$/);
  await done(app);
});
