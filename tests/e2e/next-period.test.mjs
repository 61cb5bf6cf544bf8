// End-to-end: starting the next period from the 2020–2023 example and
// comparing, as a person does it with the keyboard — the dialog (a modal:
// Esc closes it and gives the focus back; unticking a priority drops its
// goals; one goal dropped), the draft opened as a new strategy with the
// period 2024–2027, without the dropped goal, each kept indicator's baseline
// in the Indicators table equal to that indicator's last actual in the
// source and marked as carried; Compare, by default with the source, lists
// the dropped items as removed and the carried baselines as changed; then a
// snapshot is kept, exactly two edits are made (a goal renamed, a target
// set) and Compare with the snapshot lists exactly those two. Every expected
// value is computed here from the example's JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { suite, openApp, done, storedStrategy, runAxe, formatViolations } from './harness.mjs';

const env = suite({ before, after });

const example = JSON.parse(await readFile(new URL('../../public/examples/lm-strategy-2020-2023.json', import.meta.url), 'utf8')).strategy;

/** Every node of a strategy in document order (the overarching goal first), with its parent. */
function nodes(s) {
  const out = [];
  const visit = (n, parent) => {
    out.push({ node: n, parent });
    for (const c of n.children ?? []) visit(c, n);
  };
  if (s.overarching_goal) visit(s.overarching_goal, null);
  for (const n of s.items) visit(n, null);
  return out;
}

/** The last actual of an indicator up to `year` (the whole year over its halves), as `strategy_core::carry::last_actual`. */
function lastActual(ind, year) {
  const rank = (a) => [a.period.year, a.period.half ?? 3];
  return (ind.actuals ?? [])
    .filter((a) => a.period.year <= year)
    .reduce((best, a) => (!best || rank(a)[0] > rank(best)[0] || (rank(a)[0] === rank(best)[0] && rank(a)[1] > rank(best)[1]) ? a : best), null);
}

/** What a text input shows of a text: its line breaks stripped (HTML's value sanitization). */
const asInput = (text) => text.replace(/[\r\n]/g, '');

/** Fails on any serious or critical axe-core violation of the page as it is. */
async function accessible(page, what) {
  const bad = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}:\n${formatViolations(bad)}`);
}

const idOf = (page) => decodeURIComponent(new URL(page.url()).hash.split('/')[2]);

test('next period: the dialog, the draft with carried baselines, and Compare listing exactly the edits', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  // Tall enough that the windowed indicator table renders every row.
  await page.setViewportSize({ width: 1400, height: 2400 });
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByRole('button', { name: /^Use as a template: .*2020–2023/ }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  const sourceId = idOf(page);
  const source = await storedStrategy(page, sourceId);
  assert.equal(source.items.length, example.items.length, 'the template is the example');

  // The dialog opens from the keyboard; Esc closes it and the focus returns.
  const opener = page.getByRole('button', { name: 'Start the next period from this strategy' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: "The next period's strategy" });
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.matches(':modal')), true, 'a modal dialog: the page behind is inert');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Start the next period from this strategy');

  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await dialog.getByTestId('next-period').filter({ hasText: 'New period: 2024–2027' }).waitFor();
  const boxes = dialog.getByRole('checkbox');
  const priorities = example.items;
  const goals = priorities.flatMap((p) => p.children ?? []);
  assert.equal(await boxes.count(), priorities.length + goals.length, 'the top two levels');
  for (const box of await boxes.all()) assert.equal(await box.isChecked(), true, 'all kept at first');
  await accessible(page, 'the next-period dialog');
  await page.screenshot({ path: 'test-results/next-period-dialog.png' });
  // Unticking the last priority drops its goals (unticked, not offered); ticking it again brings them back.
  const lastPriority = priorities.at(-1);
  const priorityBox = dialog.getByRole('checkbox', { name: new RegExp(`^(\\d+\\. )?${escape(lastPriority.title)}$`) });
  await priorityBox.focus();
  await page.keyboard.press('Space');
  for (const g of lastPriority.children) {
    const box = dialog.getByRole('checkbox', { name: new RegExp(`^(\\d+\\. )?${escape(g.title)}$`) });
    assert.equal(await box.isChecked(), false);
    assert.equal(await box.isDisabled(), true);
  }
  await page.keyboard.press('Space');
  assert.equal(await dialog.getByRole('checkbox', { name: new RegExp(`^(\\d+\\. )?${escape(lastPriority.children[0].title)}$`) }).isChecked(), true);
  // Drop goal 4 (with its result and indicator).
  const dropped = goals[3];
  const goalBox = dialog.getByRole('checkbox', { name: new RegExp(`^4\\. ${escape(dropped.title)}$`) });
  await goalBox.focus();
  await page.keyboard.press('Space');
  assert.equal(await goalBox.isChecked(), false);
  await dialog.getByRole('button', { name: 'Create the draft' }).focus();
  await page.keyboard.press('Enter');
  // The notice says what was carried (it shows at once, and fades after a while).
  const droppedIds = new Set();
  const collect = (n) => (droppedIds.add(n.id), (n.indicators ?? []).forEach((i) => droppedIds.add(i.id)), (n.children ?? []).forEach(collect));
  collect(dropped);
  const kept = nodes(example).filter(({ node }) => !droppedIds.has(node.id));
  const keptIndicators = kept.flatMap(({ node }) => (node.indicators ?? []).map((ind) => ({ ind, owner: node })));
  const today = new Date().getFullYear();
  const carried = keptIndicators.filter(({ ind }) => lastActual(ind, today));
  await page.getByRole('status').filter({ hasText: `${carried.length} indicators carried with their last actual as baseline` }).waitFor();

  // The draft opens as a new strategy.
  await page.waitForFunction((id) => !location.hash.includes(`/s/${encodeURIComponent(id)}/`), sourceId);
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  const draftId = idOf(page);
  assert.notEqual(draftId, sourceId);
  await page.waitForFunction(() => document.querySelector('input[type=number]')?.value === '2024');
  assert.equal(await page.getByLabel('Start year').inputValue(), '2024');
  assert.equal(await page.getByLabel('End year').inputValue(), '2027');
  assert.match(await page.getByLabel('Title', { exact: true }).first().inputValue(), /2024–2027/);

  // The dropped goal is not in the structure; the others are.
  await page.getByRole('link', { name: 'Structure', exact: true }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await page.locator('.outline-head input').first().waitFor();
  const titles = await page.locator('.outline-head input').evaluateAll((els) => els.map((e) => e.value));
  assert.equal(titles.includes(dropped.title), false, 'the dropped goal is gone');
  for (const c of dropped.children ?? []) assert.equal(titles.includes(c.title), false, 'with its results');
  assert.ok(titles.includes(goals[2].title) && titles.includes(goals[4].title));

  // Each kept indicator's baseline is its last actual (text and year), marked as carried.
  await page.getByRole('link', { name: 'Indicators', exact: true }).click();
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  const rows = page.locator('.indicator-table tbody tr.data-row');
  await page.getByTestId('rows-shown').filter({ hasText: `${keptIndicators.length} of ${keptIndicators.length}` }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.indicator-table tbody tr.data-row').length === n, keptIndicators.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      owner: tr.querySelector('.owner-title').textContent,
      name: tr.querySelector('input[aria-label="Indicator"]').value,
      baseline: tr.querySelector('input[aria-label="Baseline"]').value,
      year: tr.querySelector('input[aria-label="Baseline year"]').value,
      mark: tr.querySelector('.carried-mark')?.getAttribute('title') ?? null,
    })),
  );
  const sourceTitle = source.title;
  assert.equal(shown.length, keptIndicators.length);
  keptIndicators.forEach(({ ind, owner }, i) => {
    const row = shown[i];
    assert.equal(row.owner, owner.title, `row ${i + 1}: the indicators in document order`);
    assert.equal(row.name, ind.name);
    const last = lastActual(ind, today);
    if (last) {
      assert.equal(row.baseline, asInput(last.text), `${ind.id}: the baseline is the last actual`);
      assert.equal(row.year, String(last.period.year), `${ind.id}: in its year`);
      assert.equal(row.mark, `carried from “${sourceTitle}”, ${last.period.year}`, `${ind.id}: marked as carried`);
    } else {
      assert.equal(row.mark, null, `${ind.id}: never measured, not carried`);
    }
  });
  await page.screenshot({ path: 'test-results/next-period-indicators.png' });

  // Compare: by default with the source — the dropped items removed (and the
  // SWOT and risks, left to the new period), nothing added, the baselines changed.
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
  const picker = page.getByRole('combobox', { name: 'Compare with' });
  const counts = page.getByTestId('compare-counts');
  const removedCount = droppedIds.size + (example.swot ?? []).length + (example.risks ?? []).length;
  await counts.filter({ hasText: `0 added, ${removedCount} removed` }).waitFor();
  assert.match(await picker.evaluate((s) => s.selectedOptions[0].textContent), /\(source\)$/);
  const table = page.locator('table.compare-table');
  const removed = await table.locator('tr[data-kind="removed"] td:nth-child(2)').allInnerTexts();
  assert.equal(removed.length, removedCount);
  assert.ok(removed.some((label) => label.endsWith(`. ${dropped.title}`)), 'the dropped goal is removed');
  for (const c of dropped.children ?? []) assert.ok(removed.some((label) => label.endsWith(`. ${c.title}`)), 'with its results');
  const changed = await table.locator('tr[data-kind="changed"]').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText)));
  const period = changed.find((c) => c[2] === 'period');
  assert.deepEqual(period?.slice(3), ['2020–2023', '2024–2027']);
  const baselines = changed.filter((c) => c[2].endsWith('.baseline'));
  assert.equal(baselines.length, carried.length, 'every carried baseline is a change');
  await accessible(page, 'Compare');
  await page.screenshot({ path: 'test-results/next-period-compare.png', fullPage: true });

  // A snapshot of the draft as it is, then exactly two edits.
  const name = page.getByLabel('Snapshot name');
  await name.focus();
  await page.keyboard.type('as carried');
  await page.keyboard.press('Enter');
  await counts.filter({ hasText: '0 added, 0 removed, 0 changed' }).waitFor();
  await page.getByText('No differences.').waitFor();

  // Edit 1: goal 1 renamed.
  const renamed = goals[0];
  await page.getByRole('link', { name: 'Structure', exact: true }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await page.locator('.outline-head input').first().waitFor();
  const at = await page.locator('.outline-head input').evaluateAll((els, t) => els.findIndex((e) => e.value === t), renamed.title);
  assert.ok(at >= 0);
  const field = page.locator('.outline-head input').nth(at);
  await field.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' (renamed)');
  // Edit 2: the first indicator's 2024 target.
  await page.getByRole('link', { name: 'Indicators', exact: true }).click();
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  const first = keptIndicators[0].ind;
  const target = rows.first().getByLabel('2024', { exact: true });
  await target.focus();
  await page.keyboard.type('≥ 95 %');
  await page.keyboard.press('Tab');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();

  // Compare with the snapshot: exactly those two.
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
  await picker.selectOption({ label: (await picker.locator('option', { hasText: /^as carried — / }).textContent()) });
  await counts.filter({ hasText: '0 added, 0 removed, 2 changed' }).waitFor();
  const two = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText)));
  assert.equal(two.length, 2);
  const title = two.find((c) => c[2].endsWith('.title'));
  assert.deepEqual(title?.slice(3), [renamed.title, `${renamed.title} (renamed)`]);
  const set = two.find((c) => c[2].endsWith('.target.2024'));
  assert.equal(set?.[1], first.name);
  assert.deepEqual(set?.slice(3), ['', '≥ 95 %']);

  // Stored as shown: the draft names its source, and the snapshot is kept.
  const draft = await storedStrategy(page, draftId);
  assert.equal(draft.source_strategy, sourceId);
  assert.deepEqual(draft.snapshots.map((s) => s.name), ['as carried']);
  await done(app);
});

/** `s` as a literal part of a regular expression. */
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
