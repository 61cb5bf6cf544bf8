// End-to-end: more of workshop mode, as a facilitator runs it on the
// 2024–2027 example — a SWOT item captured and locked with a key, the ideas
// area (three ideas, two merged into a cluster, the cluster promoted with one
// key into a real priority), the timer's keys as the audience sees them,
// full-screen mode hiding the controls until the key, an indicator with its
// baseline and yearly targets captured in one line (and a wrong line refused
// with what is wrong); then, outside workshop mode, the locked SWOT item and a
// locked value are read-only in Context and Overview until unlocked. The
// audience view is saved at 1920×1080 for three steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { suite, openExampleCopy, done } from './harness.mjs';

const env = suite({ before, after });
const LOCKED = 'Locked: read-only until unlocked';

test('ideas, timer keys, full screen, lock by key and an indicator with its targets in one line', async () => {
  const app = await openExampleCopy(env.browser, env.url);
  const { page } = app;
  await page.getByRole('link', { name: 'Start a workshop' }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  const [audience] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Start a workshop' }).click()]);
  await audience.waitForLoadState();
  await audience.setViewportSize({ width: 1920, height: 1080 });
  const step = (name) => audience.getByTestId('audience-step').filter({ hasText: new RegExp(`^${name}$`) });
  await step('Mandate').waitFor();
  const to = async (names) => {
    for (const name of names) {
      await page.keyboard.press('PageDown');
      await step(name).waitFor();
    }
  };
  const focused = (id) => page.waitForFunction((x) => document.activeElement?.id === x, id);
  await mkdir('test-results', { recursive: true });

  // SWOT: an item captured, then locked with Alt+L; the audience shows the mark.
  await to(['Mission', 'Vision', 'Values', 'Target groups and needs', 'SWOT']);
  await page.keyboard.press('Alt+c');
  await focused('ws-capture');
  await page.keyboard.type('Vecas IT sistēmas');
  await page.keyboard.press('Enter');
  const card = audience.locator('.ws-card', { hasText: 'Vecas IT sistēmas' });
  await card.waitFor();
  await page.keyboard.press('Alt+l');
  await audience.locator('.ws-card.locked', { hasText: 'Vecas IT sistēmas' }).getByRole('img', { name: LOCKED }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await audience.screenshot({ path: 'test-results/workshop-audience-swot.png' });

  // Ideas at the priority step: three captured, two merged, the cluster promoted with Enter.
  await to(['Priority']);
  await page.keyboard.press('Alt+i');
  await focused('ws-idea');
  for (const idea of ['Atvērti dati', 'Datu kvalitāte', 'Mentori']) {
    await page.keyboard.type(idea);
    await page.keyboard.press('Enter');
    await audience.locator('.ws-ideas li', { hasText: idea }).waitFor();
  }
  const idea = (text) => page.locator('.ws-idea').filter({ hasText: text });
  await idea('Datu kvalitāte').focus();
  await page.keyboard.press('m');
  await page.locator('.ws-idea.marked', { hasText: 'Datu kvalitāte' }).waitFor();
  await idea('Atvērti dati').focus();
  await page.keyboard.press('m');
  await audience.locator('.ws-ideas li', { hasText: 'Atvērti dati (+1 merged)' }).waitFor();
  assert.equal(await page.locator('.ws-idea').count(), 2, 'two ideas merged into one cluster');
  await audience.screenshot({ path: 'test-results/workshop-audience-ideas.png' });
  await idea('Atvērti dati').focus();
  await page.keyboard.press('Enter');
  await audience.locator('.ws-card-label', { hasText: 'Atvērti dati; Datu kvalitāte' }).waitFor();
  await audience.locator('.ws-ideas li', { hasText: 'Atvērti dati' }).waitFor({ state: 'detached' });
  assert.deepEqual(await audience.locator('.ws-ideas li').allInnerTexts(), ['Mentori'], 'the promoted cluster left the open ideas');

  // The timer's keys, as the audience sees them: +1 min, start, pause, reset.
  const timer = audience.locator('.ws-timer');
  await timer.filter({ hasText: /^10:00$/ }).waitFor();
  await page.keyboard.press('Alt+m');
  await timer.filter({ hasText: /^11:00$/ }).waitFor();
  await page.keyboard.press('Alt+s');
  await audience.locator('.ws-timer.running').waitFor();
  await timer.filter({ hasText: /^10:5\d$/ }).waitFor();
  await page.keyboard.press('Alt+s');
  await audience.locator('.ws-timer:not(.running)').waitFor();
  await page.keyboard.press('Alt+r');
  await timer.filter({ hasText: /^11:00$/ }).waitFor();
  assert.equal(await audience.locator('.ws-timer.running').count(), 0, 'reset leaves it paused');

  // Full screen hides the controls; Alt+H shows them and hides them again.
  const controls = page.locator('#ws-capture');
  await page.keyboard.press('Alt+b');
  await page.locator('.workshop.full').waitFor();
  await controls.waitFor({ state: 'hidden' });
  await page.keyboard.press('Alt+h');
  await controls.waitFor({ state: 'visible' });
  await page.keyboard.press('Alt+h');
  await controls.waitFor({ state: 'hidden' });
  await page.keyboard.press('Alt+b');
  await page.locator('.workshop.full').waitFor({ state: 'detached' });
  await controls.waitFor({ state: 'visible' });

  // Indicators and targets: one line, one Enter; a wrong line is refused with what is wrong.
  await to(['Goal', 'Result', 'Indicators and targets']);
  await page.keyboard.press('Alt+c');
  await focused('ws-capture');
  await page.keyboard.type('Atvērto datu kopu īpatsvars % ; 2023: 40 ; 2025: 60 ; 2030: 80');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: "2030 is outside the strategy's period 2024–2027." }).waitFor();
  assert.equal(await controls.inputValue(), 'Atvērto datu kopu īpatsvars % ; 2023: 40 ; 2025: 60 ; 2030: 80', 'the refused line stays to be fixed');
  await controls.fill('');
  const line = 'Atvērto datu kopu īpatsvars % ; 2023: 40 ; 2025: 60 ; 2027: 80';
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const indicator = audience.locator('.ws-card', { hasText: 'Atvērto datu kopu īpatsvars' });
  await indicator.locator('.ws-card-detail', { hasText: '2027: 80' }).waitFor();
  assert.deepEqual(await indicator.locator('.ws-card-detail').allInnerTexts(), ['2023: 40', '2025: 60', '2027: 80']);
  assert.equal(await controls.inputValue(), '', 'the field is empty for the next one');
  console.log('workshop indicator with a baseline and 2 targets: 1 keystroke beyond the typed line');
  await indicator.scrollIntoViewIfNeeded();
  await audience.screenshot({ path: 'test-results/workshop-audience-indicators.png' });
  // The key list documents the line (Alt+K: `?` in a field is typed).
  await page.keyboard.press('Alt+k');
  await page.getByRole('dialog', { name: 'Keys' }).getByText('indicator: name [unit] ; year: baseline ; year: target …').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keys' }).waitFor({ state: 'detached' });

  // Finish and export: everything is in the strategy itself.
  await page.keyboard.press('Alt+w');
  await page.waitForFunction(() => document.activeElement?.id === 'ws-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const s = JSON.parse(await readFile(await download.path(), 'utf8')).strategy;
  const all = [];
  const walk = (nodes) => nodes.forEach((n) => (all.push(n), walk(n.children)));
  walk(s.items);
  const ind = all.flatMap((n) => n.indicators).find((i) => i.name === 'Atvērto datu kopu īpatsvars');
  assert.ok(ind, 'the indicator is in the tree');
  assert.equal(ind.unit, '%');
  assert.deepEqual([ind.baseline.text, ind.baseline.year], ['40', 2023]);
  assert.deepEqual(ind.targets.map((t) => [t.year, t.text]), [[2025, '60'], [2027, '80']]);
  assert.ok(ind.targets.every((t) => t.conditions.length > 0), 'the targets are parsed');
  assert.equal(s.swot.find((x) => x.text === 'Vecas IT sistēmas')?.locked, true);
  const promoted = s.items.find((n) => n.title === 'Atvērti dati; Datu kvalitāte');
  assert.ok(promoted, 'the cluster became a priority');
  assert.deepEqual(s.workshop.ideas.filter((i) => i.promoted_to === promoted.id).map((i) => i.text), ['Atvērti dati', 'Datu kvalitāte']);

  // The promoted cluster is a real item in Structure.
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  const titles = page.locator('.outline-item[data-level="priority"] > .outline-head').getByLabel('Title');
  await page.waitForFunction(() => [...document.querySelectorAll('.outline-item[data-level="priority"] > .outline-head input')].some((el) => el.value === 'Atvērti dati; Datu kvalitāte'));
  assert.ok((await titles.count()) >= 4);

  // Outside workshop mode, in Context: the locked SWOT item is read-only until unlocked.
  await page.getByRole('link', { name: 'Context' }).click();
  await page.getByRole('heading', { name: 'Context', level: 1 }).waitFor();
  const unlock = page.getByRole('button', { name: 'Unlock: Vecas IT sistēmas' });
  const row = page.locator(`.list-item[data-item-id="${await page.locator('.list-item').filter({ has: unlock }).getAttribute('data-item-id')}"]`);
  await row.getByRole('img', { name: LOCKED }).waitFor();
  assert.equal(await row.getByLabel('Text', { exact: true }).isEditable(), false, 'a locked SWOT item cannot be edited');
  assert.equal(await row.getByRole('button', { name: 'Remove' }).isDisabled(), true, 'nor removed');
  await unlock.click();
  await row.getByRole('img', { name: LOCKED }).waitFor({ state: 'detached' });
  await row.getByLabel('Text', { exact: true }).fill('Novecojušas IT sistēmas');
  await page.getByRole('button', { name: 'Lock: Novecojušas IT sistēmas' }).waitFor();
  await done(app);
});

test('a value locked outside workshop mode is read-only with its mark until unlocked', async () => {
  const app = await openExampleCopy(env.browser, env.url);
  const { page } = app;
  const lock = page.getByRole('button', { name: 'Lock: Sadarbība' });
  await lock.click();
  const row = page.locator('.list-item').filter({ has: page.getByRole('button', { name: 'Unlock: Sadarbība' }) });
  await row.getByRole('img', { name: LOCKED }).waitFor();
  assert.equal(await row.getByLabel('Value', { exact: true }).isEditable(), false, 'the name cannot be edited');
  assert.equal(await row.getByLabel('Definition', { exact: true }).isEditable(), false, 'nor the definition');
  assert.equal(await row.getByRole('button', { name: 'Move up' }).isDisabled(), true, 'nor moved');
  // It stays locked across a reload (it is kept with the strategy).
  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await row.getByRole('img', { name: LOCKED }).waitFor();
  await page.getByRole('button', { name: 'Unlock: Sadarbība' }).click();
  await page.getByRole('button', { name: 'Lock: Sadarbība' }).waitFor();
  assert.equal(await page.locator('.list-item').filter({ has: lock }).getByLabel('Value', { exact: true }).isEditable(), true, 'editable once unlocked');
  await done(app);
});
