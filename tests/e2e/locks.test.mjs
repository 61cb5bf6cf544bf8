// End-to-end: locks beyond the workshop's cards, on the 2024–2027 example —
// an indicator locked in Structure keeps its name, baseline and targets
// (read-only in Structure and in the Indicators table, with its mark; the
// result holding it cannot be removed, and a notice says why) while
// Monitoring still takes its actual; and the mission, locked in Overview, is
// read-only there and in the workshop (the capture says it is locked), Alt+L
// unlocks and locks it again, and the lock is kept across a reload. Every
// expected value is read from the example's JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { suite, openExampleCopy, done, storedStrategy } from './harness.mjs';

const env = suite({ before, after });
const LOCKED = 'Locked: read-only until unlocked';
const example = JSON.parse(await readFile(new URL('../../public/examples/lm-strategy-2024-2027.json', import.meta.url), 'utf8')).strategy;
const idOf = (page) => decodeURIComponent(new URL(page.url()).hash.split('/')[2]);

/** The first indicator of the example in document order, and the node holding it. */
function firstIndicator(s) {
  const visit = (n) => (n.indicators?.length ? { owner: n, indicator: n.indicators[0] } : (n.children ?? []).map(visit).find(Boolean));
  return s.items.map(visit).find(Boolean);
}

test('a locked indicator keeps its definition but takes its actual; its result cannot be removed', async () => {
  const app = await openExampleCopy(env.browser, env.url);
  const { page } = app;
  const { owner, indicator } = firstIndicator(example);
  const target = indicator.targets.find((t) => t.year === 2025);
  assert.ok(target, 'the indicator has a 2025 target');
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  const row = page.locator(`.outline-item.indicator[data-item-id="${indicator.id}"]`);
  await row.getByRole('button', { name: `Lock: ${indicator.name}` }).click();
  await row.getByRole('img', { name: LOCKED }).waitFor();
  assert.equal(await row.getByLabel('Indicator', { exact: true }).isEditable(), false, 'the name is read-only');
  assert.equal(await row.getByRole('checkbox', { name: 'Key', exact: true }).isDisabled(), true, 'so is the key mark');
  await row.locator('summary').click();
  const yearField = row.getByLabel('2025', { exact: true });
  assert.equal(await yearField.inputValue(), target.text);
  assert.equal(await yearField.isEditable(), false, 'the 2025 target is read-only');
  assert.equal(await row.getByLabel('Baseline', { exact: true }).isEditable(), false, 'the baseline too');

  // The result holding it stays; a notice says why.
  const result = page.locator(`.outline-item.node[data-item-id="${owner.id}"]`);
  await result.locator(':scope > .outline-head').getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alert').filter({ hasText: 'Cannot remove it: it is locked, or holds a locked item.' }).waitFor();
  assert.equal(await page.locator(`.outline-item.node[data-item-id="${owner.id}"]`).count(), 1, 'the result is still there');

  // The Indicators table: the row has the mark and read-only cells; the next row is editable.
  await page.getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  const lockedRow = page.locator('tr.data-row').filter({ has: page.getByRole('img', { name: LOCKED }) });
  await lockedRow.waitFor();
  assert.equal(await page.locator('tr.data-row').filter({ has: page.getByRole('img', { name: LOCKED }) }).count(), 1, 'one locked row');
  const cells = lockedRow.locator('td input');
  await cells.first().waitFor();
  assert.equal(await cells.first().inputValue(), indicator.name);
  for (const cell of await cells.all()) assert.equal(await cell.isEditable(), false, 'every cell of the locked row is read-only');
  assert.equal(await page.locator('tr.data-row').nth(1).locator('td input').first().isEditable(), true, 'an unlocked row is editable');

  // Monitoring still takes the 2025 actual.
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();
  await page.getByLabel('Reporting year').selectOption('2025');
  const monitored = page.locator('.monitoring-row', { hasText: indicator.name }).first();
  await monitored.getByLabel('Actual').fill('9');
  await monitored.locator('.status-badge', { hasText: 'Achieved' }).waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  const stored = await storedStrategy(page, idOf(page));
  const find = (nodes) => nodes.flatMap((n) => [...(n.indicators ?? []), ...find(n.children ?? [])]);
  const kept = find(stored.items).find((i) => i.id === indicator.id);
  assert.equal(kept.locked, true);
  assert.deepEqual(kept.actuals.map((a) => [a.period.year, a.text]), [[2025, '9']], 'the actual is stored');
  assert.deepEqual(kept.targets.map((t) => t.text), indicator.targets.map((t) => t.text), 'the targets as agreed');
  assert.equal(kept.name, indicator.name);

  // Unlocked, it is editable again.
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await row.getByRole('button', { name: `Unlock: ${indicator.name}` }).click();
  await row.getByRole('img', { name: LOCKED }).waitFor({ state: 'detached' });
  assert.equal(await row.getByLabel('Indicator', { exact: true }).isEditable(), true);
  await done(app);
});

test('the mission locked in Overview is read-only there and in the workshop until Alt+L unlocks it', async () => {
  const app = await openExampleCopy(env.browser, env.url);
  const { page } = app;
  const mission = page.getByLabel('Mission — why do we exist?');
  assert.equal(await mission.inputValue(), example.mission);
  await page.getByRole('button', { name: 'Lock: Mission' }).click();
  const box = page.locator('.lockable-text').filter({ has: mission });
  await box.getByRole('img', { name: LOCKED }).waitFor();
  assert.equal(await mission.isEditable(), false, 'the mission is read-only');
  assert.equal(await page.getByLabel('Vision — what do we want to become?').isEditable(), true, 'the vision is not locked');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await box.getByRole('img', { name: LOCKED }).waitFor();
  assert.equal(await mission.isEditable(), false, 'still locked after a reload');

  // In the workshop: the mission step shows the mark, and the capture is refused with why.
  await page.getByRole('link', { name: 'Start a workshop' }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  const [audience] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Start a workshop' }).click()]);
  await audience.waitForLoadState();
  const step = (name) => audience.getByTestId('audience-step').filter({ hasText: new RegExp(`^${name}$`) });
  await step('Mandate').waitFor();
  await page.keyboard.press('PageDown');
  await step('Mission').waitFor();
  await audience.locator('.ws-text.locked').getByRole('img', { name: LOCKED }).waitFor();
  await page.keyboard.press('Alt+c');
  await page.waitForFunction(() => document.activeElement?.id === 'ws-capture');
  await page.keyboard.type('Mūsu jaunā misija.');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Mission: the text is locked. Unlock it first (Alt+L).' }).waitFor();
  assert.equal(await audience.locator('.ws-text').innerText(), example.mission, 'the mission is unchanged');
  // Alt+L unlocks it; the same line then sets it; Alt+L locks it again.
  await page.keyboard.press('Alt+l');
  await audience.locator('.ws-text:not(.locked)').waitFor();
  await page.keyboard.press('Enter');
  await audience.locator('.ws-text', { hasText: /^Mūsu jaunā misija\.$/ }).waitFor();
  await page.keyboard.press('Alt+l');
  await audience.locator('.ws-text.locked').getByRole('img', { name: LOCKED }).waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  const stored = await storedStrategy(page, idOf(page));
  assert.deepEqual([stored.mission, stored.locked_texts], ['Mūsu jaunā misija.', ['mission']]);
  await audience.close();
  await done(app);
});
