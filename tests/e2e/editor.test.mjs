// End-to-end: working in the editor on a real strategy: the indicator table,
// undo, the chart, the goal map, two tabs, a full storage quota, and the
// structure outline by keyboard and by dragging at any depth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { suite, openApp, done, fillStorage, freeStorage, canvasInkPixels } from './harness.mjs';

const env = suite({ before, after });


/** Opens the app in English and starts from the 2024–2027 example. */
async function withExample(name = 'lm-strategy-2024-2027') {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: new RegExp(`^Use as a template: .*${name.includes('2020') ? '2020–2023' : name.includes('guidelines') ? 'pamatnostādnes' : '2024–2027'}`) }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

/** Waits until the field shows `value` (another tab's save arriving). */
async function valueBecomes(field, value) {
  const seen = await field.evaluate((el, v) => new Promise((ok) => {
    const until = Date.now() + 15000;
    const check = () => (el.value === v ? ok(true) : Date.now() > until ? ok(el.value) : requestAnimationFrame(check));
    check();
  }), value);
  assert.equal(seen, true, `the field shows ${value} (it shows ${seen})`);
}

/** The row index of the indicator whose name starts with `prefix`. */
async function rowOf(page, prefix) {
  const names = await page.locator('.indicator-table tbody tr td:first-of-type input').evaluateAll((els) => els.map((e) => e.value.toLowerCase()));
  const i = names.findIndex((n) => n.startsWith(prefix.toLowerCase()));
  assert.ok(i >= 0, `no indicator starting with ${prefix}`);
  return i;
}

test('edit a target in the indicator table of the 2024–2027 example, undo it, see its chart', async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByRole('link', { name: 'Indicators' }).click();
  await page.getByRole('heading', { name: 'Indicators', level: 1 }).waitFor();
  const row = await rowOf(page, 'novēršamās personāla mainības');
  const cell = page.locator(`[data-cell="${row}-6"]`); // column 6 = 2025
  assert.equal(await page.locator('.indicator-table thead th').nth(7).innerText(), '2025');
  const original = await cell.inputValue();
  assert.match(original, /11 %/);
  await cell.fill('≤ 10 %');
  await cell.press('Tab');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.keyboard.press('Control+z');
  assert.equal(await cell.inputValue(), original, 'undo restores the target');
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await cell.inputValue(), '≤ 10 %', 'redo applies it again');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await cell.inputValue(), original);

  // Text that is not understood is kept and marked.
  await cell.fill('kaut kad drīz');
  await page.locator(`[data-cell="${row}-6"]`).press('Enter');
  assert.ok(await page.locator(`td.not-understood [data-cell="${row}-6"]`).count(), 'marked as not understood');
  assert.equal(await page.locator(`[data-cell="${row + 1}-6"]`).evaluate((e) => e === document.activeElement), true, 'Enter moves down');

  // The chart of the selected indicator draws.
  await page.locator('.indicator-table tbody tr').nth(row).getByRole('button').click();
  await page.locator('.chart-canvas canvas').first().waitFor();
  await page.waitForTimeout(300);
  assert.ok((await canvasInkPixels(page)) > 1000, 'the chart canvas has drawn pixels');
  await page.screenshot({ path: 'test-results/indicators.png', fullPage: false });
  await done(app);
});

test('pasting rows from a spreadsheet fills the cells', async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByRole('link', { name: 'Indicators' }).click();
  const first = page.locator('[data-cell="0-1"]');
  await first.focus();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '%\t*\n#\t');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  assert.equal(await page.locator('[data-cell="0-1"]').inputValue(), '%');
  assert.equal(await page.locator('[data-cell="1-1"]').inputValue(), '#');
  assert.equal(await page.locator('[data-cell="1-2"]').inputValue(), '');
  await done(app);
});

test('the goal map of the 2024–2027 example: 3 priority columns, 10 goals, highlight, open, SVG export', async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByRole('link', { name: 'Goal map' }).click();
  await page.locator('svg.goal-map').waitFor();
  assert.equal(await page.locator('.map-box[data-kind="top"]').count(), 3);
  assert.equal(await page.locator('.map-box[data-kind="node"][data-level="goal"]').count(), 10);
  const xs = await page.locator('.map-box[data-kind="top"] rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('x'))));
  assert.equal(new Set(xs).size, 3, 'three columns');

  const goal = page.locator('.map-box[data-kind="node"][data-level="goal"]').first();
  await goal.hover();
  await page.waitForTimeout(100);
  const dimmed = () => page.locator('.map-box').evaluateAll((gs) => gs.filter((g) => Number(getComputedStyle(g).opacity) < 0.5).map((g) => g.dataset.id));
  const dim = await dimmed();
  assert.ok(dim.length > 10, 'the rest is dimmed');
  assert.ok(!dim.includes(await goal.getAttribute('data-id')), 'the goal stays lit');
  const firstResult = page.locator('.map-box[data-kind="node"][data-level="result"]').first();
  assert.ok(!dim.includes(await firstResult.getAttribute('data-id')), 'its results stay lit');
  assert.ok(!dim.includes('mission'), 'the header band stays lit');
  await page.mouse.move(1, 1);
  await page.waitForTimeout(100);
  assert.equal((await dimmed()).length, 0, 'leaving the goal lights everything again');
  await goal.hover();
  await page.screenshot({ path: 'test-results/goal-map.png' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const svg = await readFile(await download.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(svg.trim().endsWith('</svg>'));
  const parsed = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('parsererror').length, svg);
  assert.equal(parsed, 0, 'the SVG file is well-formed');

  await goal.click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await done(app);
});

test('a second tab on the same strategy is read-only, follows the writer, and can take over editing', async () => {
  const a = await withExample();
  const hash = new URL(a.page.url()).hash;
  const b = await a.ctx.newPage();
  const foreignB = [];
  b.on('request', (r) => {
    if (!r.url().startsWith(new URL(env.url).origin)) foreignB.push(r.url());
  });
  await b.goto(env.url + hash);
  await b.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await b.getByTestId('read-only').waitFor();
  assert.equal(await b.getByLabel('Mission — why do we exist?').isDisabled(), true, 'the second tab cannot edit');
  assert.equal(await a.page.getByTestId('read-only').count(), 0, 'the first tab is the writer');

  // B follows what A saves.
  await a.page.getByLabel('Mission — why do we exist?').fill('Tab A wrote this.');
  await a.page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await valueBecomes(b.getByLabel('Mission — why do we exist?'), 'Tab A wrote this.');
  await b.screenshot({ path: 'test-results/two-tabs.png' });

  // Reading needs no lock: in B the goal map's views and exports still work.
  await b.getByRole('link', { name: 'Goal map', exact: true }).click();
  await b.locator('.map-box[data-kind="node"]').first().waitFor();
  await b.getByTestId('read-only').waitFor();
  await b.getByLabel(/^Priority/).selectOption({ index: 1 });
  await b.locator('.map-box[data-kind="top"]').nth(1).waitFor({ state: 'detached' });
  const [svg] = await Promise.all([b.waitForEvent('download'), b.getByRole('button', { name: 'SVG' }).click()]);
  assert.match(svg.suggestedFilename(), /\.svg$/);
  await b.getByRole('link', { name: 'Overview', exact: true }).click();
  await b.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

  // B takes over: A saves, steps back and follows B.
  await b.getByRole('button', { name: 'Take over editing' }).click();
  await a.page.getByTestId('read-only').waitFor();
  await b.getByTestId('read-only').waitFor({ state: 'detached' });
  assert.equal(await b.getByLabel('Mission — why do we exist?').inputValue(), 'Tab A wrote this.', 'nothing A wrote is lost');
  await b.getByLabel('Vision — what do we want to become?').fill('Tab B took over.');
  await b.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await valueBecomes(a.page.getByLabel('Vision — what do we want to become?'), 'Tab B took over.');

  // B closes: A becomes the writer again, with B's edit.
  await b.close();
  await a.page.getByTestId('read-only').waitFor({ state: 'detached' });
  assert.equal(await a.page.getByLabel('Vision — what do we want to become?').isDisabled(), false);
  assert.equal(await a.page.getByLabel('Vision — what do we want to become?').inputValue(), 'Tab B took over.');
  assert.deepEqual(foreignB, []);
  await done(a);
});

test('a full storage quota shows a message, keeps the edit on screen and offers export', async () => {
  const app = await withExample();
  const { page } = app;
  // The library's index (local storage) is full: the longer title does not fit in its entry.
  await fillStorage(page);
  const long = 'Typed while the storage is full. '.repeat(40).trim();
  await page.getByLabel('Title', { exact: true }).fill(long);
  await page.getByText("The browser's storage is full").waitFor();
  assert.equal(await page.getByTestId('save-state').innerText(), 'Not saved');
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), long, 'the edit stays on screen');
  await page.screenshot({ path: 'test-results/quota.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export now' }).click()]);
  assert.match(await readFile(await download.path(), 'utf8'), /Typed while the storage is full\./);
  // Room again: the next edit is saved and the message goes.
  await freeStorage(page);
  await page.getByLabel('Vision — what do we want to become?').fill('Room again.');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await page.getByText("The browser's storage is full").count(), 0);
  await done(app);
});

test('a reload right after typing keeps what was typed', async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByLabel('Mission — why do we exist?').fill('Typed just before the reload.');
  await page.reload();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Mission — why do we exist?').inputValue(), 'Typed just before the reload.');
  await done(app);
});

test('every section of the 2024–2027 example renders in both languages', async () => {
  const app = await withExample();
  const { page } = app;
  const sections = [
    ['Overview', 'overview'],
    ['Structure', 'structure'],
    ['Context', 'context'],
    ['Indicators', 'indicators'],
    ['Monitoring', 'monitoring'],
    ['Dashboard', 'dashboard'],
    ['Goal map', 'map'],
    ['Checks', 'checks'],
  ];
  for (const [name, slug] of sections) {
    await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    assert.match(page.url(), new RegExp(`/${slug}$`));
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/section-${slug}.png` });
  }
  // The values, target groups and goals of the document are all there:
  // counted once the section that holds them has rendered all of them.
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.outline-item[data-level="goal"]').length >= 10);
  assert.equal(await page.locator('.outline-item[data-level="goal"]').count(), 10);
  assert.equal(await page.locator('.outline-item[data-level="priority"]').count(), 3);
  await page.getByRole('link', { name: 'Context' }).click();
  await page.getByRole('heading', { name: 'Context', level: 1 }).waitFor();
  await page.locator('[data-item-id^="tg"]').nth(2).waitFor();
  assert.ok((await page.locator('[data-item-id^="tg"]').count()) >= 3, 'target groups are listed');
  await page.getByLabel('Interface language').selectOption('lv');
  await page.getByRole('heading', { name: 'Konteksts', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Mērķu karte' }).click();
  await page.getByRole('heading', { name: 'Mērķu karte', level: 1 }).waitFor();
  await done(app);
});

const GOAL_TITLES = '.outline-item[data-level="goal"] > .outline-head input';

test('goals reorder with Alt+↓, move to another priority, and undo puts them back', async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.locator(GOAL_TITLES).nth(9).waitFor();
  const titles = () => page.locator(GOAL_TITLES).evaluateAll((els) => els.map((e) => e.value));
  const before = await titles();
  await page.locator(GOAL_TITLES).first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForFunction((sel) => document.querySelectorAll(sel)[1] === document.activeElement, GOAL_TITLES);
  const after = await titles();
  assert.deepEqual(after.slice(0, 2), [before[1], before[0]], 'the first goal moved down');
  await page.getByRole('status').filter({ hasText: 'Now: Goal 2' }).waitFor();
  await page.keyboard.press('Control+z');
  assert.deepEqual(await titles(), before);

  // Move goal 1 to the third priority: it becomes the last goal there.
  const firstGoal = page.locator('.outline-item[data-level="goal"]').first();
  const details = firstGoal.locator(':scope > .node-body > details');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await firstGoal.getByLabel('Move to').selectOption({ index: 2 });
  const third = page.locator('.outline-item[data-level="priority"]').nth(2);
  await page.waitForFunction(() => document.querySelectorAll('.outline-item[data-level="priority"]')[0].querySelectorAll('.outline-item[data-level="goal"]').length === 2);
  const moved = await third.locator(GOAL_TITLES).last().inputValue();
  assert.equal(moved, before[0]);
  assert.equal(await third.locator(GOAL_TITLES).last().evaluate((e) => e === document.activeElement), true, 'focus follows the moved goal');
  await done(app);
});

/**
 * Drags `source` onto `target` with the HTML drag-and-drop events a browser
 * sends (Playwright's mouse drag does not start an HTML drag in headless Chromium).
 */
async function drag(page, source, target) {
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await source.dispatchEvent('dragstart', { dataTransfer });
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
  await page.evaluate(() => document.querySelector('.drag-handle')?.dispatchEvent(new DragEvent('dragend', { bubbles: true })));
}

test('drag a goal into another priority and a result among goals; collapse a branch', async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.locator(GOAL_TITLES).nth(9).waitFor();
  const priorities = page.locator('.outline-item[data-level="priority"]');
  const firstGoal = await page.locator(GOAL_TITLES).first().inputValue();
  // Onto the lower part of the third priority: the goal goes under it, last.
  await drag(page, page.locator('.outline-item[data-level="goal"] > .outline-head .drag-handle').first(), priorities.nth(2).locator(':scope > .node-body > .toolbar'));
  await page.waitForFunction(() => document.querySelectorAll('.outline-item[data-level="priority"]')[0].querySelectorAll('.outline-item[data-level="goal"]').length === 2);
  assert.equal(await priorities.nth(2).locator(GOAL_TITLES).last().inputValue(), firstGoal);

  // A result dropped onto a goal goes before it, as a goal (with its indicators).
  const result = page.locator('.outline-item[data-level="result"]').first();
  const resultId = await result.getAttribute('data-item-id');
  const indicators = await result.locator('.outline-item.indicator').count();
  const target = page.locator('.outline-item[data-level="goal"]').nth(1);
  const targetId = await target.getAttribute('data-item-id');
  await drag(page, result.locator(':scope > .outline-head .drag-handle'), target.locator(':scope > .outline-head .item-number'));
  const moved = page.locator(`[data-item-id="${resultId}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-item-id="${id}"]`)?.dataset.level === 'goal', resultId);
  assert.equal(await moved.locator('.outline-item.indicator').count(), indicators, 'its indicators came with it');
  assert.equal(await moved.evaluate((e, id) => e.nextElementSibling?.dataset.itemId === id, targetId), true, 'it is just before the goal');
  assert.equal(await page.locator('.outline-item[data-level="goal"]').count(), 11);

  // Collapsing a priority hides its branch; the document is unchanged.
  const toggle = priorities.first().locator(':scope > .outline-head button[aria-expanded]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await priorities.first().locator(':scope > .node-body').isHidden(), true);
  await toggle.click();
  assert.equal(await priorities.first().locator(':scope > .node-body').isVisible(), true);
  await done(app);
});

/** The accessible name of the focused element, roughly: its aria-label, its field's label, or its text. */
function focusedName(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    const label = e?.closest('label')?.querySelector('.field-label')?.textContent;
    return (e?.getAttribute('aria-label') || label || e?.textContent || '').trim();
  });
}

/** Whether the focused element is a node's title (where Tab moves the node). */
function inNodeTitle(page) {
  return page.evaluate(() => !!document.activeElement?.closest('.outline-item.node > .outline-head'));
}

/** Presses Tab until the focused element's name is `name` (Esc first in a title, as the outline's hint says). */
async function tabTo(page, name, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await inNodeTitle(page)) await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (name instanceof RegExp ? name.test(now) : now === name) return;
  }
  assert.fail(`Tab never reached "${name}"`);
}

/** Replaces the focused field's text by typing. */
async function retype(page, text) {
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** The value of the focused field. */
const focusedValue = (page) => page.evaluate(() => document.activeElement?.value);

test('keyboard only: levels Priority → Action direction → Task, then a priority, action direction, task and indicator', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await tabTo(page, 'New strategy');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Title');
  await page.keyboard.type('Keyboard strategy');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await tabTo(page, 'Structure');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();

  // The levels: the second becomes "Action direction", numbered under its
  // parent; the third "Task".
  await tabTo(page, 'Levels');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Name in Latvian');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await retype(page, 'Rīcības virziens');
  await page.keyboard.press('Tab');
  await retype(page, 'Action direction');
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(page), 'Numbering');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'hierarchical');
  await page.keyboard.press('Tab');
  await retype(page, 'Uzdevums');
  await page.keyboard.press('Tab');
  await retype(page, 'Task');

  // Priority → (Enter, Tab) action direction → (Enter, Tab) task → indicator.
  await tabTo(page, '+ Add: Priority');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item[data-level="priority"]'));
  await page.keyboard.type('Care for people');
  await page.keyboard.press('Tab');
  await page.getByRole('status').filter({ hasText: 'It cannot move there.' }).waitFor();
  assert.equal(await focusedValue(page), 'Care for people', 'a refused indent leaves focus in the title');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.outline-item[data-level="priority"]').length === 2 && document.activeElement?.value === '');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item[data-level="goal"]'));
  await page.keyboard.type('Support at home');
  await page.getByRole('status').filter({ hasText: 'Now: Action direction 1.1' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.outline-item[data-level="goal"]').length === 2 && document.activeElement?.value === '');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item[data-level="result"]'));
  await page.keyboard.type('Open a day centre');
  await tabTo(page, '+ Add: Indicator');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item.indicator'));
  await page.keyboard.type('Families served');

  const task = page.locator('.outline-item[data-depth="2"]');
  const check = async () => {
    assert.equal(await page.locator('.outline-item.node').count(), 3);
    assert.equal(await task.locator(':scope > .outline-head .item-number').innerText(), 'Task 1.1.1');
    assert.equal(await task.locator(':scope > .outline-head input').inputValue(), 'Open a day centre');
    assert.equal(await page.locator('.outline-item[data-depth="1"] > .outline-head .item-number').innerText(), 'Action direction 1.1');
    assert.equal(await task.locator('.outline-item.indicator input').first().inputValue(), 'Families served');
  };
  await check();
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await task.waitFor();
  await check();
  await page.screenshot({ path: 'test-results/structure-keyboard.png', fullPage: true });
  await done(app);
});

test("a target's parsed conditions stand beside its text and can be corrected, undone and kept", async () => {
  const app = await withExample();
  const { page } = app;
  await page.getByRole('link', { name: 'Structure', exact: true }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  const indicator = page.locator('.outline-item.indicator').first();
  await indicator.waitFor();
  await indicator.locator('summary', { hasText: 'Targets' }).click();
  await indicator.locator('summary', { hasText: 'Conditions read' }).click();
  const editor = indicator.locator('.condition-editor').first();
  await editor.waitFor();
  const written = await editor.locator('q').textContent();
  assert.ok(written.trim().length > 0, 'the verbatim text is shown');
  const row = editor.locator('.condition-row').first();
  const operator = row.getByLabel('Operator');
  const before = await operator.inputValue();
  const value = row.getByLabel(/^(Value|Year)$/);
  const old = await value.inputValue();
  await value.fill('12.5');
  await value.press('Tab');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.keyboard.press('Control+z');
  await page.waitForFunction((old) => document.querySelector('.condition-editor .condition-row input[type=number]')?.value === old, old);
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.querySelector('.condition-editor .condition-row input[type=number]')?.value === '12.5');
  await operator.selectOption('less_than');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  const again = page.locator('.outline-item.indicator').first();
  await again.locator('summary', { hasText: 'Targets' }).click();
  await again.locator('summary', { hasText: 'Conditions read' }).click();
  const kept = again.locator('.condition-editor').first().locator('.condition-row').first();
  assert.equal(await kept.getByLabel('Operator').inputValue(), 'less_than', `the corrected operator is kept (was ${before})`);
  assert.equal(await kept.getByLabel(/^(Value|Year)$/).inputValue(), '12.5', 'and its value');
  assert.equal(await again.locator('.condition-editor q').first().textContent(), written, 'the verbatim text is unchanged');
  await done(app);
});
