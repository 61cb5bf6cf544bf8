// End-to-end: the goal map's safety and modes: hostile ids from an imported
// file, presentation (full screen, keys, Esc, opening a goal), zoom, filter,
// levels shown, per-branch collapse, status colours, exports, the boxes'
// accessible names, and a strategy whose indicators hang on tasks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite, openApp, done } from './harness.mjs';

const env = suite({ before, after });
const EXAMPLE = resolve(import.meta.dirname, '../../public/examples/lm-strategy-2024-2027.json');

/** Opens the app in English, starts from the 2024–2027 example and opens its goal map. */
async function exampleMap() {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: /^Use as a template: .*darbības stratēģija 2024–2027/ }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await openMap(app.page);
  return app;
}

async function openMap(page) {
  await page.getByRole('link', { name: 'Goal map' }).click();
  await page.locator('svg.goal-map').waitFor();
  await page.locator('.map-box[data-kind="node"]').first().waitFor();
}

/** The boxes of the second-level nodes (the goals of the 2024–2027 example). */
const goalBoxes = (page) => page.locator('.map-box[data-kind="node"][data-level="goal"]');

/** Replaces every string equal to `from` in `value` by `to`. */
function replaceId(value, from, to) {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => replaceId(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceId(v, from, to)]));
  return value;
}

const opacity = (locator) => locator.evaluate((el) => Number(getComputedStyle(el).opacity));

test('hostile goal ids from an imported file build no CSS and reach no other origin; the highlight still works', async () => {
  let json = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  // Ids that try to end the highlight's selector and add a rule of their own;
  // the second starts with a newline, which ends a CSS string.
  json = replaceId(json, 'g1', ']){}*{background:url(https://evil.example/x)}');
  json = replaceId(json, 'g2', '\n]){}*{background:url(https://evil.example/y)}');
  const dir = await mkdtemp(join(tmpdir(), 'strategy-e2e-'));
  const path = join(dir, 'hostile.json');
  await writeFile(path, JSON.stringify(json, null, 2));

  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await openMap(page);

  const goals = goalBoxes(page);
  assert.equal(await goals.count(), 10);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundImage);
  const highlighted = () => page.waitForFunction(() => [...document.querySelectorAll('.map-box')].some((g) => Number(getComputedStyle(g).opacity) < 1));
  for (let i = 0; i < 10; i++) {
    await goals.nth(i).hover();
    await goals.nth(i).focus();
    await highlighted();
    assert.equal(await background(), 'none', `goal ${i + 1} leaves the page's style alone`);
  }

  // The highlight of each hostile goal: the goal and its result stay lit,
  // another priority's goal is dimmed.
  const last = goals.nth(9);
  for (const i of [0, 1]) {
    const goal = goals.nth(i);
    await page.mouse.move(1, 1);
    await goal.hover();
    await page.waitForFunction((el) => Number(getComputedStyle(el).opacity) < 1, await last.elementHandle());
    assert.equal(await opacity(goal), 1, `goal ${i + 1} stays lit`);
    const resultId = json.strategy.items[0].children[i].children[0].id;
    assert.equal(await opacity(page.locator(`.map-box[data-id="${resultId}"]`)), 1, `the result ${resultId} of goal ${i + 1} stays lit`);
  }
  await page.mouse.move(1, 1);
  await page.waitForFunction((el) => Number(getComputedStyle(el).opacity) === 1, await last.elementHandle());
  assert.equal(await background(), 'none');
  await done(app);
});

test('present → click → arrows → Esc, every map mode', async () => {
  const app = await exampleMap();
  const { page } = app;
  const goals = goalBoxes(page);
  const scale = () => page.locator('.map-canvas').evaluate((c) => Number(/scale\(([\d.]+)\)/.exec(c.style.transform)[1]));

  // Zoom in, out and fit.
  const fitted = await scale();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert.ok((await scale()) > fitted * 1.1, 'zoomed in');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  assert.ok((await scale()) < fitted, 'zoomed out');
  await page.getByRole('button', { name: 'Fit to screen' }).click();
  assert.ok(Math.abs((await scale()) - fitted) < 1e-3, 'fitted again');

  // Filter by priority (the filter is named by the strategy's top level).
  await page.getByLabel(/^Priority/).selectOption({ index: 3 });
  await page.locator('.map-box[data-level="goal"][data-id="g10"]').waitFor();
  assert.equal(await goals.count(), 3, 'priority 3 has goals 8–10');
  assert.equal(await page.locator('.map-box[data-kind="top"]').count(), 1);
  await page.getByLabel(/^Priority/).selectOption('');
  await page.locator('.map-box[data-level="goal"][data-id="g1"]').waitFor();
  assert.equal(await goals.count(), 10);

  // Status colours for a year, with a legend.
  const fill = () => page.locator('.map-box[data-id="g1"] rect').getAttribute('fill');
  const plain = await fill();
  await page.getByLabel('Show status colours').check();
  await page.getByLabel(/^Year/).selectOption('2024');
  await page.locator('.map-legend li').first().waitFor();
  assert.notEqual(await fill(), plain, 'the goal takes its status colour');

  // SVG and PNG export.
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  assert.match(svgFile.suggestedFilename(), /\.svg$/);
  const svg = await readFile(await svgFile.path(), 'utf8');
  const errors = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('parsererror').length, svg);
  assert.equal(errors, 0, 'the SVG file is well-formed');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  assert.match(pngFile.suggestedFilename(), /\.png$/);
  const png = await readFile(await pngFile.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');

  // Enter on a focused box opens it.
  await goals.nth(1).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await openMap(page);

  // Present: the bar is inside the full-screen element, keys work at once.
  const bar = page.locator('.presenting-bar');
  const title = bar.locator('strong');
  await page.getByRole('button', { name: 'Present' }).click();
  await bar.filter({ hasText: '1. Mērķtiecīga cilvēkresursu attīstība' }).waitFor();
  await page.waitForFunction(() => document.fullscreenElement?.querySelector('.presenting-bar'));
  assert.ok(await bar.isVisible(), 'the bar is visible');
  for (const name of ['Previous priority', 'Next priority', 'Close']) assert.ok(await bar.getByRole('button', { name }).isVisible(), name);
  assert.equal(await goals.count(), 3);
  await page.screenshot({ path: 'test-results/map-presentation.png' });
  await goals.first().hover();
  await page.keyboard.press('ArrowRight');
  await title.filter({ hasText: '2. Vieda pārvaldība' }).waitFor();
  await page.locator('.map-box[data-level="goal"][data-id="g4"]').waitFor();
  const dimmed = await page.locator('.map-box').evaluateAll((gs) => gs.filter((g) => Number(getComputedStyle(g).opacity) < 1).length);
  assert.equal(dimmed, 0, 'the next priority is not dimmed by the goal hovered before');
  await page.keyboard.press('ArrowRight');
  await title.filter({ hasText: '3. Autoritātes stiprināšana' }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await title.filter({ hasText: '2. Vieda pārvaldība' }).waitFor();
  await page.keyboard.press('Escape');
  await bar.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.locator('.map-box[data-level="goal"][data-id="g1"]').waitFor();
  assert.equal(await goals.count(), 10);

  // The browser leaving full screen by itself ends the presentation too.
  await page.getByRole('button', { name: 'Present' }).click();
  await page.waitForFunction(() => document.fullscreenElement?.querySelector('.presenting-bar'));
  await page.evaluate(() => document.exitFullscreen());
  await bar.waitFor({ state: 'detached' });
  assert.equal(await goals.count(), 10);

  // Present again and open a goal: lands on Structure, no page error.
  await page.getByRole('button', { name: 'Present' }).click();
  await page.waitForFunction(() => document.fullscreenElement?.querySelector('.presenting-bar'));
  await page.keyboard.press('ArrowRight');
  await title.filter({ hasText: '2. Vieda pārvaldība' }).waitFor();
  await page.locator('.map-box[data-level="goal"][data-id="g5"]').click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await page.waitForFunction(() => document.fullscreenElement === null);
  // Give frames scheduled by the map a chance to run after it is gone.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await done(app);
});

test('each goal-map box is named by the text it shows, lines apart', async () => {
  const app = await exampleMap();
  const { page } = app;
  const boxes = page.locator('.map-box[role="button"]');
  const texts = await boxes.evaluateAll((gs) => gs.map((g) => g.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(texts.length > 50);
  assert.ok(texts.some((t) => t.startsWith('1. Vadīta profesionālo (fokusā digitālo) kompetenču')), 'the lines of goal 1 read with spaces between them');
  // The accessible name of every box is exactly its visible text.
  for (const [i, text] of texts.entries()) {
    assert.equal(await boxes.nth(i).getAttribute('aria-label'), null, `box ${i} is named by its content`);
    assert.ok((await page.getByRole('button', { name: text, exact: true }).count()) >= 1, `a button named ${JSON.stringify(text)}`);
  }
  await done(app);
});

test('levels shown and per-branch collapse, by mouse and keyboard', async () => {
  const app = await exampleMap();
  const { page } = app;
  const results = page.locator('.map-box[data-level="result"]');
  const total = await results.count();
  assert.ok(total >= 17, `every result is drawn (${total})`);

  // Levels shown: the choices are named by the levels.
  const levels = page.getByLabel('Levels shown');
  const choices = await levels.locator('option').allTextContents();
  assert.deepEqual(choices, ['Priority', 'Priority → Goal', 'Priority → Goal → Result']);
  assert.equal(await levels.inputValue(), '3', 'a three-level strategy shows all its levels');
  await levels.selectOption('2');
  await results.first().waitFor({ state: 'detached' });
  assert.equal(await goalBoxes(page).count(), 10);
  const g1 = page.locator('.map-box[data-id="g1"][data-kind="node"]');
  assert.match(await g1.textContent(), /\+\d+$/, 'a goal marks what is hidden under it');
  await levels.selectOption('3');
  await results.first().waitFor();
  assert.equal(await results.count(), total);

  // Collapse goal 1 with the mouse: its results go, the toggle says so.
  const toggle = page.locator('.map-toggle[data-for="g1"]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.match(await toggle.getAttribute('aria-label'), /^Collapse: 1\. /);
  await toggle.click();
  await page.locator('.map-box[data-id="r1"]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.map-toggle[data-for="g1"]').getAttribute('aria-expanded'), 'false');
  assert.match(await g1.textContent(), /\+\d+$/);
  assert.ok((await results.count()) < total);

  // Expand it again from the keyboard: the focus stays on the toggle.
  await page.locator('.map-toggle[data-for="g1"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('.map-box[data-id="r1"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-for') === 'g1');
  assert.equal(await page.locator('.map-toggle[data-for="g1"]').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press(' ');
  await page.locator('.map-box[data-id="r1"]').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-for') === 'g1');

  // A collapsed priority keeps only its heading; the exported SVG has no toggles.
  await page.locator('.map-toggle[data-for="p1"]').click();
  await page.locator('.map-box[data-id="g1"]').waitFor({ state: 'detached' });
  assert.equal(await goalBoxes(page).count(), 7, 'goals 4–10 remain');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
  const svg = await readFile(await svgFile.path(), 'utf8');
  assert.ok(!svg.includes('map-toggle') && !svg.includes('data-id="g1"'), 'the export shows the map as it is, without controls');
  await done(app);
});

/** The example with the most levels whose deepest level holds indicators (the tasks), and that level's key. */
async function deepestExample() {
  const dir = resolve(import.meta.dirname, '../../public/examples');
  const found = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const { strategy } = JSON.parse(await readFile(join(dir, name), 'utf8'));
    const last = strategy.levels?.at(-1)?.key;
    const nodes = (list) => (list ?? []).flatMap((n) => [n, ...nodes(n.children)]);
    if (nodes(strategy.items).some((n) => n.level === last && n.indicators?.length)) found.push({ path: join(dir, name), levels: strategy.levels.length, last });
  }
  found.sort((a, b) => b.levels - a.levels);
  assert.ok(found.length > 0, 'an example with indicators on its deepest level');
  return found[0];
}

test('a strategy whose indicators hang on tasks maps every level, indented', async () => {
  const example = await deepestExample();
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByTestId('import-file').setInputFiles(example.path);
  await page.getByRole('heading', { name: 'Import preview' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await openMap(page);
  const levels = page.getByLabel('Levels shown');
  const count = await levels.locator('option').count();
  assert.equal(count, example.levels, 'a choice per level');
  // The deepest level holds the tasks with the indicators.
  await levels.selectOption(String(count));
  const tasks = page.locator(`.map-box[data-level="${example.last}"]`);
  await tasks.first().waitFor();
  assert.ok((await page.locator('.map-box[data-kind="indicator"]').count()) >= 10);
  // A task's indicators follow its box, one indent further in.
  const indented = await page.evaluate((last) => {
    const boxes = [...document.querySelectorAll('.map-box')];
    const x = (g) => Number(g.querySelector('rect').getAttribute('x'));
    return boxes
      .map((g, i) => [g, boxes[i + 1]])
      .filter(([g, next]) => g.dataset.level === last && next?.dataset.kind === 'indicator')
      .map(([g, next]) => x(next) - x(g));
  }, example.last);
  assert.ok(indented.length > 0 && indented.every((d) => d > 0), `indicators indented under their tasks: ${indented}`);
  // The overarching goal is a band above the columns.
  const band = page.locator('.map-box[data-kind="overarching"]');
  if (await band.count()) {
    const y = (locator) => locator.locator('rect').first().evaluate((r) => Number(r.getAttribute('y')));
    assert.ok((await y(band)) < (await y(page.locator('.map-box[data-kind="top"]').first())), 'the overarching goal is above the columns');
  }
  // Fewer levels hide the tasks and their indicators.
  await levels.selectOption(String(count - 1));
  await tasks.first().waitFor({ state: 'detached' });
  await done(app);
});
