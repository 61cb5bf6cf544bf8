// End-to-end: workshop mode as a facilitator runs it — a presenter page and
// its audience window (two pages of one context, kept in step over a
// BroadcastChannel), a draft built from blank with the keyboard alone (the
// keystrokes beyond the typed text are counted and reported), dot-voting
// tallied and secret with the reveal, a locked item, two snapshots compared,
// and the finish with its export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { suite, openApp, openExampleCopy, done } from './harness.mjs';

const env = suite({ before, after });

/** Opens the app in English with a new blank strategy. */
async function blank(title) {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  await page.getByRole('button', { name: 'New strategy' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

/** From the overview, starts the workshop; returns the audience window it opens. */
async function startWorkshop(page) {
  await page.getByRole('link', { name: 'Start a workshop' }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  const [audience] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Start a workshop' }).click()]);
  await audience.waitForLoadState();
  await audience.getByTestId('audience-step').filter({ hasText: 'Mandate' }).waitFor();
  return audience;
}

/** Waits until the audience window shows step `name`. */
async function audienceShows(audience, name) {
  await audience.getByTestId('audience-step').filter({ hasText: new RegExp(`^${name}$`) }).waitFor();
}

test('the audience follows every step; a draft is built from blank with the keyboard only', async () => {
  const app = await blank('Workshop draft');
  const { page } = app;
  const audience = await startWorkshop(page);
  let keys = 0;
  let items = 0;
  const press = async (key) => {
    keys += 1;
    await page.keyboard.press(key);
  };
  const type = (text) => page.keyboard.type(text);
  /** Types an item and presses Enter; waits until the audience shows it. */
  const add = async (text, shown = true) => {
    await type(text);
    await press('Enter');
    items += 1;
    if (shown) await audience.locator('.ws-card-label', { hasText: text }).first().waitFor();
  };
  const next = async (name) => {
    await press('PageDown');
    await audienceShows(audience, name);
    await page.locator('.ws-stage [data-testid="audience-step"]', { hasText: name }).waitFor();
  };

  await press('Alt+c');
  await next('Mission');
  await type('Veidot cieņpilnu vidi ikvienam.');
  await press('Enter');
  items += 1;
  await audience.locator('.ws-text', { hasText: 'Veidot cieņpilnu vidi ikvienam.' }).waitFor();
  await next('Vision');
  await type('Uzticams partneris.');
  await press('Enter');
  items += 1;
  await audience.locator('.ws-text', { hasText: 'Uzticams partneris.' }).waitFor();
  await next('Values');
  for (const v of ['Cilvēks', 'Sadarbība', 'Atbildība', 'Profesionalitāte']) await add(v);
  await next('Target groups and needs');
  await next('SWOT');
  const swot = [['Pieredze', 'Zinoši darbinieki'], ['Lēni procesi', 'Maz datu'], ['ES fondi'], ['Mainība']];
  for (const [q, list] of swot.entries()) {
    if (q > 0) {
      await press('Alt+ArrowDown');
      await audience.locator('.ws-context', { hasText: ['Strength', 'Weakness', 'Opportunity', 'Threat'][q] }).waitFor();
    }
    for (const s of list) await add(s);
  }
  await next('Priority');
  for (const p of ['Cilvēki', 'Procesi', 'Vide']) await add(p);
  await next('Goal');
  for (let p = 0; p < 3; p++) {
    if (p > 0) await press('Alt+ArrowDown');
    await audience.locator('.ws-context', { hasText: `Under: ${p + 1}. ` }).waitFor();
    for (let g = 1; g <= 3; g++) await add(`Mērķis ${p * 3 + g}`);
  }
  await next('Result');
  for (let g = 0; g < 9; g++) {
    if (g > 0) await press('Alt+ArrowDown');
    await audience.locator('.ws-context', { hasText: `Under: ${g + 1}. Mērķis ${g + 1}` }).waitFor();
    for (let r = 1; r <= 2; r++) await add(`Rezultāts ${g + 1}.${r}`);
  }
  const perItem = keys / items;
  console.log(`workshop keystrokes beyond the typed text: ${keys} for ${items} items = ${perItem.toFixed(2)} per item`);
  assert.equal(items, 1 + 1 + 4 + 6 + 3 + 9 + 18);
  assert.ok(perItem <= 2, `at most 2 keystrokes per item (${perItem.toFixed(2)})`);

  // Tab puts the next item under the one above it (a result under a new goal, from the goal step).
  await press('PageUp');
  await audienceShows(audience, 'Goal');
  await type('Mērķis 10');
  await press('Enter');
  await type('Rezultāts 10.1');
  await press('Tab');
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('level-counts').filter({ hasText: 'Priority: 3 · Goal: 10 · Result: 19' }).waitFor();
  assert.equal(await page.getByLabel('Mission — why do we exist?').inputValue(), 'Veidot cieņpilnu vidi ikvienam.');
  await page.getByRole('link', { name: 'Context' }).click();
  await page.getByRole('heading', { name: 'Context', level: 1 }).waitFor();

  // Undo reaches what the workshop did.
  await page.keyboard.press('Control+z');
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByTestId('level-counts').filter({ hasText: 'Priority: 3 · Goal: 10 · Result: 18' }).waitFor();

  // The audience window closed and opened again asks for the state and resumes.
  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  // The running workshop's controls are there (the key works once they are).
  await page.locator('button[aria-keyshortcuts="Alt+A"]').waitFor();
  const audienceState = page.getByTestId('audience-state');
  await audienceState.filter({ hasText: 'The audience window is open' }).waitFor();
  await audience.close();
  await audienceState.filter({ hasText: 'The audience window is closed' }).waitFor();
  const [again] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Alt+a')]);
  await audienceShows(again, 'Goal');
  await again.setViewportSize({ width: 1920, height: 1080 });
  const body = await again.locator('.ws-card-label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(body >= 28, `card text is at least 28 px at 1920×1080 (${body})`);
  await mkdir('test-results', { recursive: true });
  await again.screenshot({ path: 'test-results/workshop-audience-goals.png' });

  // The ? overlay lists the keys.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keys' }).getByText('next / previous step').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Keys' }).waitFor({ state: 'detached' });
  await done(app);
});

test('dot-voting tallied and secret with the reveal, a lock, two snapshots compared, finish and export', async () => {
  const app = await openExampleCopy(env.browser, env.url);
  const { page } = app;
  const audience = await startWorkshop(page);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  for (const step of ['Mission', 'Vision', 'Values']) {
    await page.keyboard.press('PageDown');
    await audienceShows(audience, step);
  }
  await audience.locator('.ws-card-label', { hasText: 'Profesionalitāte' }).waitFor();

  // A snapshot before the room adds a value.
  await page.keyboard.press('Alt+n');
  await page.waitForFunction((id) => document.activeElement?.id === id, 'ws-snapshot');
  await page.keyboard.type('after values');
  await page.keyboard.press('Enter');
  await page.locator('.ws-snapshots li', { hasText: 'after values' }).waitFor();

  // Tally from the room: +/− per card, the audience sees the dots at once.
  await page.keyboard.press('Alt+v');
  await page.getByLabel('Dots per person').waitFor();
  await page.getByRole('button', { name: 'Start a vote' }).click();
  await audience.locator('.ws-vote', { hasText: 'Dot-voting' }).waitFor();
  const plus = (name) => page.locator('.ws-stage').getByRole('button', { name: `+ ${name}`, exact: true }).click();
  await plus('Sadarbība');
  await plus('Sadarbība');
  await plus('Atbildība');
  await audience.locator('.ws-card', { hasText: 'Sadarbība' }).locator('[data-dots="2"]').waitFor();
  await page.locator('.ws-stage').getByRole('button', { name: '− Atbildība', exact: true }).click();
  await audience.locator('.ws-card', { hasText: 'Atbildība' }).locator('[data-dots="0"]').waitFor();
  await page.getByRole('button', { name: 'Reveal the result' }).click();
  await audience.locator('.ws-vote', { hasText: 'Vote result' }).waitFor();
  assert.equal(await audience.locator('.ws-card-label').first().innerText(), 'Sadarbība', 'the ranking puts the most dots first');
  await page.getByRole('button', { name: 'End the vote' }).click();

  // Secret round: each participant votes on a screen that hides the earlier votes.
  await page.keyboard.press('Alt+v');
  await page.getByLabel('Secret, pass the laptop').check();
  await page.getByRole('button', { name: 'Start a vote' }).click();
  const ballot = page.locator('.ws-ballot');
  const give = async (name, n) => {
    for (let i = 0; i < n; i++) await ballot.getByRole('button', { name: `+ ${name}`, exact: true }).click();
  };
  await page.getByText('Participant 1: earlier votes are hidden').waitFor();
  await give('Cilvēks', 2);
  await give('Profesionalitāte', 1);
  await page.getByText('Dots left: 0').waitFor();
  assert.ok(await ballot.getByRole('button', { name: '+ Atbildība', exact: true }).isDisabled(), 'no dot beyond the budget');
  await page.getByRole('button', { name: 'Cast the ballot' }).click();
  await page.getByText('Participant 2: earlier votes are hidden').waitFor();
  assert.deepEqual(await ballot.locator('output').allInnerTexts(), ['0', '0', '0', '0'], 'the next participant sees no earlier vote');
  await give('Profesionalitāte', 2);
  await give('Atbildība', 1);
  await page.getByRole('button', { name: 'Cast the ballot' }).click();
  await audience.locator('.ws-vote', { hasText: 'Ballots cast: 2' }).waitFor();
  assert.equal(await audience.locator('[data-dots]').count(), 0, 'the result stays hidden until revealed');
  assert.equal(await page.locator('.ws-stage [data-dots]').count(), 0, 'hidden on the laptop too');
  await page.getByLabel('Keep the top').fill('2');
  await page.getByLabel('Keep the top').press('Tab');
  await page.getByRole('button', { name: 'Reveal the result' }).click();
  await audience.locator('.ws-vote', { hasText: 'Vote result' }).waitFor();
  assert.deepEqual(await audience.locator('.ws-card-label').allInnerTexts(), ['Profesionalitāte', 'Cilvēks', 'Atbildība', 'Sadarbība']);
  assert.equal(await audience.locator('.ws-card.kept').count(), 2, 'the top 2 are kept');
  await audience.screenshot({ path: 'test-results/workshop-audience-vote.png' });
  await page.getByRole('button', { name: 'End the vote' }).click();

  // The room adds a value, and a second snapshot is compared with the first.
  await page.keyboard.press('Alt+c');
  await page.waitForFunction((id) => document.activeElement?.id === id, 'ws-capture');
  await page.keyboard.type('Atvērtība');
  await page.keyboard.press('Enter');
  await audience.locator('.ws-card-label', { hasText: 'Atvērtība' }).waitFor();
  await page.keyboard.press('Alt+n');
  await page.waitForFunction((id) => document.activeElement?.id === id, 'ws-snapshot');
  await page.keyboard.type('end of day 1');
  await page.keyboard.press('Enter');
  await page.getByLabel('Compare: after values').check();
  await page.getByLabel('Compare: end of day 1').check();
  const rows = page.locator('.compare-table tbody tr');
  await rows.first().waitFor();
  assert.deepEqual(await page.locator('.compare-table tr[data-kind="added"] td:nth-child(2)').allInnerTexts(), ['Atvērtība']);

  // Lock a priority from its card: the editor refuses to edit it until unlocked.
  for (const step of ['Target groups and needs', 'SWOT', 'Priority']) {
    await page.keyboard.press('PageDown');
    await audienceShows(audience, step);
  }
  const first = (await audience.locator('.ws-card-label').first().innerText()).trim();
  await page.locator('.ws-stage .ws-card').first().getByRole('button', { name: /^Lock / }).click();
  await audience.locator('.ws-card.locked').first().waitFor();
  await page.getByRole('link', { name: 'Structure' }).click();
  const head = page.locator('.outline-item[data-level="priority"]').first().locator(':scope > .outline-head');
  await head.getByRole('img', { name: 'Locked: read-only until unlocked' }).waitFor();
  assert.equal(await head.getByLabel('Title').isEditable(), false, 'a locked item cannot be edited');
  assert.ok(first.endsWith(await head.getByLabel('Title').inputValue()));
  await head.getByRole('button', { name: 'Unlock', exact: true }).click();
  await head.getByRole('img', { name: 'Locked: read-only until unlocked' }).waitFor({ state: 'detached' });
  assert.equal(await head.getByLabel('Title').isEditable(), true, 'unlocked, it can be edited again');
  await head.getByRole('button', { name: 'Lock', exact: true }).click();
  await head.getByRole('img', { name: 'Locked: read-only until unlocked' }).waitFor();

  // Finish: the summary, and the export offered at once (Enter on the focused button).
  await page.getByRole('link', { name: 'Workshop', exact: true }).click();
  await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
  await page.keyboard.press('Alt+w');
  await page.getByRole('heading', { name: /^Workshop summary/ }).waitFor();
  await page.getByText('Items added: 1').waitFor();
  await page.getByText('Votes: 2').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'ws-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.strategy.workshop.rounds.length, 2);
  assert.deepEqual(file.strategy.workshop.rounds[1].kept.length, 2);
  assert.deepEqual(file.strategy.snapshots.map((s) => s.name), ['after values', 'end of day 1']);
  assert.equal(file.strategy.items[0].locked, true);
  assert.ok(file.strategy.values.some((v) => v.name === 'Atvērtība'));
  await done(app);
});
