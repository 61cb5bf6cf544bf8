// End-to-end: the context real strategies have, on the 2024–2027 example —
// what the strategy calls its target groups (the heading follows it), a
// glossary entry, a reference shown as a link only when it is a web address,
// a risk with its kind and owner, a SWOT item with points under it, linked to
// a goal from the goal's side in Structure; all kept over a reload; unit
// codes explained in the monitoring filter; axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openApp, done, runAxe, formatViolations } from './harness.mjs';

const env = suite({ before, after });

/** Opens the app in English and starts from the 2024–2027 example. */
async function withExample() {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: /^Use as a template: .*2024–2027/ }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

async function openSection(page, name) {
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1, exact: true }).waitFor();
}

/** Clicks an "add" button and returns the new item (the last with `prefix` ids). */
async function addItem(page, button, prefix) {
  const before = await page.locator(`[data-item-id^="${prefix}"]`).count();
  await page.getByRole('button', { name: button }).click();
  await page.waitForFunction(([p, n]) => document.querySelectorAll(`[data-item-id^="${p}"]`).length === n + 1, [prefix, before]);
  return page.locator(`[data-item-id^="${prefix}"]`).last();
}

async function saved(page) {
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
}

/** The first goal's details in the Structure outline, opened. */
async function firstGoalDetails(page) {
  await page.waitForFunction(() => document.querySelectorAll('.outline-item[data-level="goal"]').length >= 10);
  const goal = page.locator('.outline-item[data-level="goal"]').first();
  const details = goal.locator('details.more').first();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  return details;
}

const SWOT_TEXT = 'E2E: the staff know the sector well';

test('glossary, reference, risk, SWOT points and a link from a goal are kept over a reload; the page passes axe', async () => {
  const app = await withExample();
  const { page } = app;
  await openSection(page, 'Context');
  await page.locator('[data-item-id^="tg"]').nth(2).waitFor();

  // What the strategy calls its target groups is the heading of their block.
  await page.getByRole('heading', { name: 'Target groups', level: 2, exact: true }).waitFor();
  await page.getByLabel('What the strategy calls its target groups (English)').fill('Partners');
  await page.getByRole('heading', { name: 'Partners', level: 2, exact: true }).waitFor();

  // The analysis and methodology texts.
  await page.getByLabel('Methodology', { exact: true }).fill('A working group met four times.');

  // A glossary entry.
  const abbreviation = await addItem(page, '+ Add an abbreviation', 'ab');
  await abbreviation.getByLabel('Abbreviation', { exact: true }).fill('KN');
  await abbreviation.getByLabel('In full', { exact: true }).fill('Komunikācijas nodaļa');

  // A reference: its link only when the text is a web address, with a warning otherwise.
  const reference = await addItem(page, '+ Add a reference', 'rf');
  await reference.getByLabel('Title', { exact: true }).fill('Valsts pārvaldes attīstības tēmas');
  const url = reference.getByLabel('Link (http:// or https://)');
  await url.fill('javascript:alert(1)');
  await reference.locator('.problems li').filter({ hasText: 'not a web address' }).waitFor();
  assert.equal(await reference.locator('a').count(), 0, 'no link is made of a javascript: URL');
  await url.fill('https://likumi.lv/ta/id/1');
  await reference.locator('a.external-link').waitFor();
  assert.equal(await reference.locator('a.external-link').getAttribute('href'), 'https://likumi.lv/ta/id/1');
  assert.equal(await reference.locator('a.external-link').getAttribute('rel'), 'noopener noreferrer');
  // Problems are checked again once typing pauses.
  await reference.locator('.problems li').first().waitFor({ state: 'detached' });
  assert.equal(await reference.locator('.problems li').count(), 0, 'the warning goes with the bad link');

  // A risk with its kind and owner.
  const risk = await addItem(page, '+ Add a risk', 'rk');
  await risk.getByLabel('Description', { exact: true }).fill('Staff turnover rises');
  await risk.getByLabel('Internal or external').selectOption('internal');
  await risk.getByLabel('Risk owner').fill('PDPD');

  // A SWOT item with points under it.
  const swot = await addItem(page, '+ Add a factor', 'sw');
  const swotId = await swot.getAttribute('data-item-id');
  await swot.getByLabel('Text', { exact: true }).fill(SWOT_TEXT);
  await swot.getByLabel('Points under it (one per line)').fill('long service\nsector training');
  await saved(page);

  // Axe on the Context page with every new item in it.
  const violations = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(violations, [], `serious or critical axe violations:\n${formatViolations(violations)}`);

  // Link the SWOT item to the first goal from the goal's side.
  await openSection(page, 'Structure');
  let details = await firstGoalDetails(page);
  const swotList = details.getByRole('group', { name: 'SWOT items linked to this item' });
  await swotList.getByLabel(new RegExp(`^strength: ${SWOT_TEXT}`)).check();
  await saved(page);

  // Everything is kept over a reload.
  await page.reload();
  await page.getByRole('heading', { name: 'Structure', level: 1 }).waitFor();
  details = await firstGoalDetails(page);
  assert.equal(await details.getByRole('group', { name: 'SWOT items linked to this item' }).getByLabel(new RegExp(`^strength: ${SWOT_TEXT}`)).isChecked(), true, 'the goal shows its SWOT link');

  await openSection(page, 'Context');
  await page.getByRole('heading', { name: 'Partners', level: 2, exact: true }).waitFor();
  assert.equal(await page.getByLabel('Methodology', { exact: true }).inputValue(), 'A working group met four times.');
  const keptAbbreviation = page.locator('[data-item-id^="ab"]').last();
  assert.equal(await keptAbbreviation.getByLabel('Abbreviation', { exact: true }).inputValue(), 'KN');
  assert.equal(await keptAbbreviation.getByLabel('In full', { exact: true }).inputValue(), 'Komunikācijas nodaļa');
  const keptReference = page.locator('[data-item-id^="rf"]').last();
  assert.equal(await keptReference.getByLabel('Link (http:// or https://)').inputValue(), 'https://likumi.lv/ta/id/1');
  assert.equal(await keptReference.locator('a.external-link').getAttribute('href'), 'https://likumi.lv/ta/id/1');
  const keptRisk = page.locator('[data-item-id^="rk"]').last();
  assert.equal(await keptRisk.getByLabel('Internal or external').inputValue(), 'internal');
  assert.equal(await keptRisk.getByLabel('Risk owner').inputValue(), 'PDPD');
  const keptSwot = page.locator(`[data-item-id="${swotId}"]`);
  assert.equal(await keptSwot.getByLabel('Points under it (one per line)').inputValue(), 'long service\nsector training');
  await keptSwot.locator('details.links summary').filter({ hasText: 'Linked to (1)' }).waitFor();

  // Unit codes are explained where units are chosen by code.
  await openSection(page, 'Monitoring');
  const unitFilter = page.getByRole('combobox', { name: /^Responsible/ });
  await unitFilter.waitFor();
  const options = await unitFilter.locator('option').evaluateAll((os) => os.map((o) => o.textContent));
  assert.ok(options.includes('PDPD — Personāla un dokumentu pārvaldības departaments'), `the unit filter explains its codes: ${options}`);
  await done(app);
});

test('undo takes back a SWOT link made from the goal', async () => {
  const app = await withExample();
  const { page } = app;
  await openSection(page, 'Structure');
  const details = await firstGoalDetails(page);
  const box = details.getByRole('group', { name: 'SWOT items linked to this item' }).getByRole('checkbox').first();
  const was = await box.isChecked();
  await box.setChecked(!was);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await box.isChecked(), was, 'undo restores the link');
  await done(app);
});
