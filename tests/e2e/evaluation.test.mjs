// End-to-end: the evaluation section on the 2020–2023 example, as a person
// uses it — the seed's 2023 final evaluation shown (criteria, matrices,
// relevance, effectiveness); a matrix cell toggled with the keyboard, a
// relevance light set, suggested coherence links accepted, a recommendation
// written; all kept over a reload; undo takes a change back; a new record
// starts with the eight criteria named; removing one is undone; screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openApp, done, storedStrategy, runAxe, formatViolations } from './harness.mjs';

const env = suite({ before, after });

/** Opens the app in English from the 2020–2023 example, at its evaluation. */
async function evaluationOfExample() {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: /^Use as a template: .*2020–2023/ }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await app.page.getByRole('link', { name: 'Evaluation', exact: true }).click();
  await app.page.getByRole('heading', { name: 'Evaluation', level: 1 }).waitFor();
  return app;
}

async function saved(page) {
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
}

const picker = (page) => page.getByRole('combobox', { name: 'Evaluation record', exact: true });

/** Waits until the record picker shows `label`. */
async function showing(page, label) {
  await page.waitForFunction((l) => [...document.querySelectorAll('select')].some((s) => s.selectedOptions[0]?.textContent === l && s.closest('.evaluation-records')), label);
}

const cell = (page, name) => page.getByRole('button', { name, exact: true });

test('the 2023 evaluation: a cell toggled by keyboard, a light, suggestions, a recommendation — kept over a reload, and undone', async () => {
  const app = await evaluationOfExample();
  const { page } = app;
  await showing(page, '2023, final');
  // The seed's criteria and reasoning.
  await page.getByRole('heading', { name: 'Mission criteria' }).waitFor();
  assert.equal(await page.getByLabel('oriģināla: met').isChecked(), true);
  assert.match(await page.getByLabel('neaizmirstama: reasoning').inputValue(), /formulēta pietiekami īsi/);
  assert.equal(await page.getByLabel('aprakstoša: met').isChecked(), true);
  // The seed's matrix: every value supports priorities 2 and 3.
  const first = cell(page, 'Value “Cilvēks” supports Priority 1');
  await first.waitFor();
  assert.equal(await first.getAttribute('aria-pressed'), 'false');
  assert.equal(await cell(page, 'Value “Cilvēks” supports Priority 2').getAttribute('aria-pressed'), 'true');
  // The seed's relevance: goals 4 and 7 only partly fit (red), goal 3 orange.
  const goal = (n) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });
  assert.equal(await goal(4).getByLabel('red — the results only partly fit').isChecked(), true);
  assert.equal(await goal(3).getByLabel('orange — they fit, but could be more precise').isChecked(), true);
  assert.equal(await page.locator('fieldset.relevance[data-light="red"]').count(), 2);
  // Effectiveness from the 2023 statuses.
  await page.getByTestId('effectiveness').filter({ hasText: '5 of 9 goals and 13 of 14 results achieved' }).waitFor();
  // The seed's values survey and recommendations.
  assert.equal(await page.getByLabel('Row 3: Statement or count').inputValue(), 'Ir informēti par ministrijas vērtībām');
  assert.equal(await page.getByLabel('Row 3: Number').inputValue(), '91');
  assert.match(await page.getByLabel('Recommendation 4', { exact: true }).inputValue(), /^paredzēt tādus rezultātus/);
  await page.screenshot({ path: 'test-results/evaluation.png', fullPage: true });

  // Keyboard: the grid (priorities in rows, values in columns, as in the
  // report) is one tab stop; arrows move, Space toggles.
  const active = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await first.focus();
  assert.equal(await first.getAttribute('tabindex'), '0');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), 'Value “Cilvēks” supports Priority 2');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  const target = cell(page, 'Value “Sadarbība” supports Priority 1');
  assert.equal(await active(), 'Value “Sadarbība” supports Priority 1');
  assert.equal(await target.getAttribute('tabindex'), '0', 'the focused cell is the tab stop');
  assert.equal(await first.getAttribute('tabindex'), '-1');
  await page.keyboard.press('Space');
  await page.locator('button[aria-label="Value “Sadarbība” supports Priority 1"][aria-pressed="true"]').waitFor();
  assert.equal(await active(), 'Value “Sadarbība” supports Priority 1', 'focus stays on the cell');

  // A light: goal 9 turns orange.
  await goal(9).getByLabel('orange — they fit, but could be more precise').check();
  await page.locator('fieldset.relevance[data-light="orange"]').nth(1).waitFor();

  // Coherence: the seed marks exactly the goals' own links to policy
  // documents; a link cleared is offered again as a suggestion, dotted.
  const coherence = page.locator('table.matrix').nth(2);
  await page.getByRole('button', { name: 'Accept suggestions (0)' }).waitFor();
  const marked = await coherence.locator('[aria-pressed="true"]').count();
  assert.equal(marked, 17);
  const linked = coherence.locator('[aria-pressed="true"]').first();
  const name = await linked.getAttribute('aria-label');
  assert.match(name, /^Goal 1 is coherent with “/);
  await linked.click();
  await cell(page, `${name} (suggested)`).waitFor();
  assert.equal(await cell(page, `${name} (suggested)`).getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.matrix-cell.suggested').count(), 1);
  await page.getByRole('button', { name: 'Accept suggestions (1)' }).click();
  await page.getByRole('button', { name: 'Accept suggestions (0)' }).waitFor();
  assert.equal(await cell(page, name).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.matrix-cell.suggested').count(), 0);
  const coherenceAfter = marked;

  // A recommendation added, then moved up to be the first.
  await page.getByRole('button', { name: '+ Add recommendation' }).click();
  const added = page.getByLabel('Recommendation 5', { exact: true });
  await added.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Recommendation 5', 'the new one has focus');
  await added.fill('Formulēt precīzākus rezultātus 4. un 7. mērķim.');
  for (const n of [5, 4, 3, 2]) await page.getByRole('button', { name: `Move recommendation ${n} up` }).click();
  await page.waitForFunction(() => document.querySelector('[aria-label="Recommendation 1"]').value.startsWith('Formulēt'));
  assert.equal(await page.getByRole('button', { name: 'Move recommendation 1 up' }).isDisabled(), true);
  // A survey figure.
  await page.getByRole('button', { name: '+ Add a row' }).click();
  await page.getByLabel('Row 9: Statement or count').fill('Zina vērtības');
  await page.getByLabel('Row 9: Number').fill('88,5');
  await page.getByLabel('Row 9: Unit').fill('%');
  await page.getByLabel('Row 9: Unit').press('Tab');
  await saved(page);
  let stored = await storedStrategy(page);
  let ev = stored.evaluations.find((e) => e.year === 2023);
  assert.ok(ev.values_priorities.some((l) => l.from_id === 'v2' && l.to_id === 'p1'));
  assert.equal(ev.relevance.find((r) => r.goal_id === 'g9').light, 'orange');
  assert.equal(ev.coherence.length, coherenceAfter);
  assert.equal(ev.recommendations.length, 5);
  assert.equal(ev.recommendations[0], 'Formulēt precīzākus rezultātus 4. un 7. mērķim.');
  assert.deepEqual(ev.values_survey.at(-1), { id: 'vs9', label: 'Zina vērtības', value: 88.5, unit: '%' });

  await page.reload();
  await page.getByRole('heading', { name: 'Evaluation', level: 1 }).waitFor();
  await page.locator('button[aria-label="Value “Sadarbība” supports Priority 1"][aria-pressed="true"]').waitFor();
  assert.equal(await goal(9).getByLabel('orange — they fit, but could be more precise').isChecked(), true);
  assert.equal(await page.getByLabel('Recommendation 1', { exact: true }).inputValue(), 'Formulēt precīzākus rezultātus 4. un 7. mērķim.');
  assert.equal(await page.getByLabel('Row 9: Number').inputValue(), '88.5');
  await page.getByRole('button', { name: 'Accept suggestions (0)' }).waitFor();

  // Undo takes a change back, and that is saved too: a removed recommendation returns.
  await page.getByRole('button', { name: 'Remove recommendation 1' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-label="Recommendation 5"]'));
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByLabel('Recommendation 5', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Recommendation 1', { exact: true }).inputValue(), 'Formulēt precīzākus rezultātus 4. un 7. mērķim.');
  await target.click();
  await page.locator('button[aria-label="Value “Sadarbība” supports Priority 1"][aria-pressed="false"]').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('button[aria-label="Value “Sadarbība” supports Priority 1"][aria-pressed="true"]').waitFor();
  await saved(page);
  stored = await storedStrategy(page);
  ev = stored.evaluations.find((e) => e.year === 2023);
  assert.ok(ev.values_priorities.some((l) => l.from_id === 'v2' && l.to_id === 'p1'));

  const axe = await runAxe(page);
  const serious = axe.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], formatViolations(serious));
  await done(app);
});

test('a new record starts with the eight criteria named; removing it is undone', async () => {
  const app = await evaluationOfExample();
  const { page } = app;
  await page.getByRole('button', { name: '+ Add evaluation' }).click();
  await showing(page, '2022, annual');
  for (const name of ['oriģināla', 'fundamentāla', 'uzrunājoša', 'neaizmirstama', 'nākotnē vērsta', 'norādoša', 'ambicioza', 'aprakstoša']) {
    assert.equal(await page.getByLabel(`${name}: met`).isChecked(), false, name);
  }
  assert.equal(await page.locator('fieldset.relevance[data-light="none"]').count(), 9, 'no goal assessed yet');
  await page.getByLabel('uzrunājoša: met').check();
  await page.getByLabel('uzrunājoša: reasoning').fill('Nav nolikuma kopija.');
  await saved(page);
  assert.equal((await storedStrategy(page)).evaluations.length, 2);

  await page.getByRole('button', { name: 'Remove this evaluation' }).click();
  await showing(page, '2023, final');
  assert.equal(await picker(page).locator('option').count(), 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.evaluation-records option').length === 2);
  await picker(page).selectOption({ label: '2022, annual' });
  await showing(page, '2022, annual');
  assert.equal(await page.getByLabel('uzrunājoša: reasoning').inputValue(), 'Nav nolikuma kopija.');
  await saved(page);
  assert.equal((await storedStrategy(page)).evaluations.length, 2);

  // Latvian interface: the section's own term.
  await page.getByLabel('Interface language').selectOption('lv');
  await page.getByRole('heading', { name: 'Izvērtēšana', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Vērtība “Cilvēks” atbalsta: Prioritārais virziens 1' }).waitFor();
  await page.screenshot({ path: 'test-results/evaluation-new-lv.png', fullPage: true });
  await done(app);
});
