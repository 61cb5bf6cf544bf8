// End-to-end: nothing is lost and nothing breaks when the browser works
// against the user — a killed tab while typing, a full storage quota, two
// tabs saving in the same instant, a damaged stored document, an inverted
// period — each as a person (or a crash) would cause it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { suite, openApp, done, fillStorage, freeStorage, storedStrategy, storedMetas, storedDocuments, writeDocument } from './harness.mjs';

const env = suite({ before, after });
const MISSION = 'Mission — why do we exist?';

/** Opens the app in English with a new blank strategy; returns it with the strategy's URL. */
async function blankStrategy(context) {
  const app = await openApp(env.browser, env.url, { context });
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByRole('button', { name: 'New strategy' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Safety plan');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return { ...app, url: page.url() };
}

/** The stored strategy (its document in IndexedDB, as its library entry names it), or null. */
const stored = (page) => storedStrategy(page);

/** Whether the element is within the visible part of the window. */
async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

test('a tab killed during steady typing keeps what was typed up to its last periodic save', async () => {
  const app = await blankStrategy();
  const { page, ctx } = app;
  await page.getByLabel(MISSION).click();
  // Keys every ~100 ms, never the pause that would trigger a save after
  // typing stops: the saves seen here come from the maximum wait.
  let typed = '';
  let savedWhileTyping = 0;
  let lastSaved = '';
  const started = Date.now();
  while ((savedWhileTyping < 2 || typed.length < 30) && typed.length < 200) {
    const ch = 'abcdefghijklmnopqrstuvwxyz'[typed.length % 26];
    await page.keyboard.type(ch, { delay: 100 });
    typed += ch;
    const mission = (await stored(page))?.mission ?? '';
    if (mission !== lastSaved) {
      savedWhileTyping++;
      lastSaved = mission;
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  assert.ok(savedWhileTyping >= 2, `saved ${savedWhileTyping} times during ${typed.length} keys of steady typing`);
  // The renderer dies at once, with no page hide and no unload.
  const crashed = new Promise((ok) => page.once('crash', ok));
  const cdp = await ctx.newCDPSession(page);
  cdp.send('Page.crash').catch(() => {});
  await crashed;

  const again = await ctx.newPage();
  await again.goto(app.url);
  await again.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  const kept = await again.getByLabel(MISSION).inputValue();
  assert.ok(typed.startsWith(kept), `kept text is what was typed: ${kept}`);
  assert.ok(kept.length >= lastSaved.length && kept.length > 0, `kept ${kept.length} of ${typed.length}`);
  console.log(`# crash while typing: kept ${kept.length} of ${typed.length} keys typed over ${seconds} s (${savedWhileTyping} saves while typing)`);
  await done(app);
});

test('an edit made while storage was full is saved on close once space is freed; the message stays in view', async () => {
  const app = await blankStrategy();
  const { page, ctx } = app;
  // The library's index (local storage) is full: the edited title does not fit in its entry.
  await fillStorage(page);
  const title = 'Safety plan, renamed while the storage was full. '.repeat(20).trim();
  await page.getByLabel('Title', { exact: true }).fill(title);
  const alert = page.getByRole('alert').filter({ hasText: "The browser's storage is full" });
  await alert.waitFor();
  assert.ok(await inView(alert), 'the storage-full message is in view beside the edit');
  assert.equal(await page.getByTestId('save-state').innerText(), 'Not saved');
  await page.screenshot({ path: 'test-results/quota-in-view.png' });
  // Space is freed without any further edit, then the tab is closed (its
  // save may not finish: the edit is kept in the index at once as well).
  await freeStorage(page);
  await page.close({ runBeforeUnload: true });

  const again = await ctx.newPage();
  await again.goto(app.url);
  await again.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await again.getByLabel('Title', { exact: true }).inputValue(), title, 'the edit made while full was saved on close');
  await again.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await done(app);
});

test('creating from a template while storage is full says so, with no dialog over the message', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await fillStorage(page);
  await page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'was not stored; nothing was changed' });
  await alert.waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'no preview left open over the message');
  assert.equal(await alert.getByRole('button', { name: 'Export now' }).count(), 0, 'no export of nothing');
  assert.ok(await inView(alert));
  await freeStorage(page);
  await page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await done(app);
});

test('without Web Locks, two tabs saving in the same instant: every edit is either stored or its tab shows the conflict', async () => {
  // Browsers with Web Locks let one tab edit a strategy at a time; without
  // them, conflicts are caught after the fact, even at the same instant.
  const ctx = await env.browser.newContext({ locale: 'lv-LV' });
  await ctx.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
  const a = await blankStrategy(ctx);
  const b = await openApp(env.browser, a.url, { context: a.ctx });
  const pages = [a.page, b.page];
  const ROUNDS = 12;
  const outcome = { aStored: 0, bStored: 0, bothWarned: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of pages) {
      await p.reload();
      await p.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    }
    const texts = [`Tab A, round ${round}.`, `Tab B, round ${round}.`];
    await Promise.all(pages.map((p, i) => p.getByLabel(MISSION).fill(texts[i])));
    // Both save at once (the page-hide save, as when both windows lose focus together).
    await Promise.all(pages.map((p) => p.evaluate(() => window.dispatchEvent(new Event('pagehide')))));
    // Each tab's view of storage converges on the write that landed last
    // (the loser's own write is acknowledged before the winner's lands, so
    // the loser is sent the winner's change, with its storage event).
    let final;
    for (const deadline = Date.now() + 15_000; ; ) {
      assert.ok(Date.now() < deadline, `round ${round}: the tabs' storage never agreed`);
      const views = await Promise.all(pages.map(async (p) => (await stored(p))?.mission));
      if (views[0] === views[1] && texts.includes(views[0])) {
        final = views[0];
        break;
      }
      await a.page.waitForTimeout(25);
    }
    const banner = (p) => p.getByText('This strategy was changed in another tab.');
    const loser = pages[texts.indexOf(final) === 0 ? 1 : 0];
    // The tab whose edit is not stored is told so (and keeps its edit on screen).
    await banner(loser).waitFor({ timeout: 10_000 });
    assert.equal(await loser.getByLabel(MISSION).inputValue(), texts[pages.indexOf(loser)], `round ${round}: the loser keeps its edit`);
    const [ra, rb] = await Promise.all(pages.map(async (p) => ((await banner(p).count()) > 0 ? 'warned' : 'stored')));
    if (ra === 'warned' && rb === 'warned') outcome.bothWarned++;
    else if (final === texts[0]) outcome.aStored++;
    else outcome.bStored++;
  }
  await a.page.screenshot({ path: 'test-results/two-tabs-same-instant.png' });
  console.log(`# two tabs saving at once, ${ROUNDS} rounds: A stored ${outcome.aStored}, B stored ${outcome.bStored}, both warned ${outcome.bothWarned}`);
  await done(b);
  await done(a);
});

test('a damaged document whose library entry is intact is marked damaged when opened, with its raw text to download', async () => {
  const app = await blankStrategy();
  const { page } = app;
  await page.getByLabel(MISSION).fill('Soon damaged.');
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.getByRole('link', { name: 'Strategy Studio' }).click();
  await page.getByRole('link', { name: 'Safety plan' }).waitFor();
  // The document is cut in half (a crashed write, a disk error); its library entry is untouched.
  const [meta] = Object.values(await storedMetas(page));
  const text = (await storedDocuments(page))[meta.doc];
  await writeDocument(page, meta.doc, text.slice(0, text.length / 2));
  await page.reload();
  // The library lists from its index alone; opening reads the document and finds it damaged.
  await page.getByRole('link', { name: 'Safety plan' }).click();
  await page.getByRole('alert').filter({ hasText: 'ends too early' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Damaged entry' });
  await row.waitFor();
  assert.equal(await page.getByRole('link', { name: 'Safety plan' }).count(), 0, 'not listed as a sound strategy');
  await page.reload();
  await row.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download raw data' }).click()]);
  assert.equal(await readFile(await download.path(), 'utf8'), text.slice(0, text.length / 2), 'the raw text as stored');
  assert.match(download.suggestedFilename(), /raw\.json$/);
  await done(app);
});

test('a start year after the end year is a problem beside the field, and every section still renders', async () => {
  const app = await blankStrategy();
  const { page } = app;
  // Moving the plan to a new period: the new start year is typed first.
  const end = Number(await page.getByLabel('End year').inputValue());
  await page.getByLabel('Start year').fill(String(end + 4));
  const problem = `the period starts (${end + 4}) after it ends (${end})`;
  await page.getByText(problem).waitFor();
  const basics = page.locator('section.card').first();
  assert.equal(await basics.getByText(problem).count(), 1, 'shown in the card of the period fields');
  const sections = ['Overview', 'Structure', 'Context', 'Indicators', 'Monitoring', 'Dashboard', 'Goal map', 'Checks'];
  for (const name of sections) {
    await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }
  await page.getByRole('link', { name: /^Monitoring/ }).click();
  await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();
  const year = page.getByLabel('Reporting year');
  assert.equal(await year.isDisabled(), true, 'no years to pick');
  assert.match(await year.innerText(), /No years/);
  await page.getByLabel('Interface language').selectOption('lv');
  for (const name of ['Pārskats', 'Uzraudzība', 'Informācijas panelis', 'Mērķu karte']) {
    await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }
  // The end year follows; everything is whole again.
  await page.getByRole('link', { name: /^Pārskats/ }).click();
  await page.getByLabel('Beigu gads').fill(String(end + 8));
  await page.getByRole('link', { name: /^Uzraudzība/ }).click();
  assert.equal(await page.getByLabel('Pārskata gads').isDisabled(), false);
  await done(app);
});
