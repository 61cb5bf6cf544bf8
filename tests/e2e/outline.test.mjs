// End-to-end: the Structure outline of a long strategy (1,272 items) builds
// only the items near the view, yet the keyboard moves into items not built
// yet and the find box reaches any item, building it on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, done, bigStrategy } from './harness.mjs';

const env = suite({ before, after });
/** 900 indicators: 12 priorities of 5 goals of 5 results of 3 indicators, 1,272 items. */
const ITEMS = 12 + 60 + 300 + 900;

/** Opens the app in English with the long strategy imported, on its Structure page. */
async function withLongOutline() {
  const app = await withLongStrategy();
  const { page } = app;
  await page.getByRole('link', { name: 'Structure' }).click();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  await page.locator('.outline-item.indicator').first().waitFor();
  return app;
}

/** Opens the app in English with the long strategy imported, on its Overview page. */
async function withLongStrategy() {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  const dir = await mkdtemp(join(tmpdir(), 'strategy-e2e-'));
  await writeFile(join(dir, 'long.json'), bigStrategy({ id: 'long', title: 'Long outline' }));
  await page.getByTestId('import-file').setInputFiles(join(dir, 'long.json'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

/** The ids of the outline items in the page. */
const builtIds = (page) => page.locator('.outline-item').evaluateAll((els) => els.map((e) => e.dataset.itemId));

test('a long outline builds the items near the view; Tab moves on into an item not built yet', async () => {
  const app = await withLongOutline();
  const { page } = app;
  const built = await builtIds(page);
  assert.ok(built.length > 3 && built.length < ITEMS / 2, `only the items near the view are built (${built.length} of ${ITEMS})`);
  assert.equal(await page.locator('[data-item-id="p11"]').count(), 0, 'the last priority is not built at the top');
  assert.ok((await page.locator('.outline-pending').count()) > 0, 'the others wait as placeholders');

  // From the last field before the first placeholder, Tab goes on into the item it stands for.
  await page.evaluate(() => {
    const pending = document.querySelector('.outline-pending');
    const before = [...document.querySelectorAll('.outline-item :is(input, textarea, select, button, summary)')].filter((el) => el.compareDocumentPosition(pending) & Node.DOCUMENT_POSITION_FOLLOWING);
    before.at(-1).focus();
  });
  await page.keyboard.press('Tab');
  await page.waitForFunction((built) => {
    const item = document.activeElement?.closest('.outline-item');
    return item && !built.includes(item.dataset.itemId) && document.activeElement.matches('input');
  }, built);
  await done(app);
});

test('the top of a long outline, down to its first indicators, is built with the page, not as each placeholder is seen', async () => {
  const app = await withLongStrategy();
  const { page } = app;
  // At the first frame that shows the Structure heading, before any
  // placeholder can have been seen: the items built by then.
  await page.evaluate(() => {
    window.__builtAtFirstFrame = new Promise((ok) => {
      const look = () => ([...document.querySelectorAll('h1')].some((h) => h.textContent === 'Structure') ? ok([...document.querySelectorAll('.outline-item')].map((e) => e.dataset.itemId)) : requestAnimationFrame(look));
      requestAnimationFrame(look);
    });
  });
  await page.getByRole('link', { name: 'Structure' }).click();
  const built = await page.evaluate(() => window.__builtAtFirstFrame);
  for (const id of ['p0', 'g0-0', 'r0-0-0', 'i1']) assert.ok(built.includes(id), `${id} is built with the page (${built.join(' ')})`);
  assert.ok(built.length < ITEMS / 4, `the first screen only (${built.length} of ${ITEMS})`);
  await done(app);
});

test('the find box focuses each match in turn, built or not, and the match is edited and saved', async () => {
  const app = await withLongOutline();
  const { page } = app;
  const find = page.getByLabel('Find in the outline');
  // "Prioritāte 1" is in the titles of priorities 1, 10, 11 and 12.
  await find.fill('prioritāte 1');
  await find.press('Enter');
  await page.getByTestId('outline-found').filter({ hasText: 'Match 1 of 4' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item')?.dataset.itemId === 'p0');
  await find.press('Enter');
  await page.getByTestId('outline-found').filter({ hasText: 'Match 2 of 4' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item')?.dataset.itemId === 'p9');

  // A goal deep in the outline, far from the view: built and focused in its title.
  await find.fill('mērķis 58:');
  await find.press('Enter');
  await page.getByTestId('outline-found').filter({ hasText: 'Match 1 of 1' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.outline-item')?.dataset.itemId === 'g11-2');
  assert.equal(await page.evaluate(() => document.activeElement.value), 'Mērķis 58: pilnveidot procesus');
  await page.keyboard.press('End');
  await page.keyboard.type(' un atrasts');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  assert.equal(await page.locator('[data-item-id="g11-2"] > .outline-head input').inputValue(), 'Mērķis 58: pilnveidot procesus un atrasts');

  await find.fill('nothing like this');
  await find.press('Enter');
  await page.getByTestId('outline-found').filter({ hasText: 'No match' }).waitFor();
  await done(app);
});
