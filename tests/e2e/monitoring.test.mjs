// End-to-end: monitoring actuals and the dashboard, on the real examples and
// on a strategy four levels deep with indicators on tasks, and the goal map's
// presentation mode and PNG export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, done } from './harness.mjs';

const env = suite({ before, after });


async function withExample(period) {
  const app = await openApp(env.browser, env.url);
  await app.page.getByLabel('Saskarnes valoda').selectOption('en');
  await app.page.getByRole('button', { name: new RegExp(`^Use as a template: .*darbības stratēģija ${period}`) }).click();
  await app.page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  return app;
}

async function inkPixels(locator) {
  return locator.evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
    return ink;
  });
}

test('the dashboard of the 2020–2023 example matches the annual report, and its charts lead to the items', async () => {
  const app = await withExample('2020–2023');
  const { page } = app;
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByLabel('Reporting year').selectOption('2023');
  await page.getByLabel('Group by').selectOption({ label: 'Priority' });
  await page.getByTestId('level-achieved').filter({ hasText: 'Goal: 5 of 9 achieved' }).waitFor();
  await page.getByTestId('level-achieved').filter({ hasText: 'Result: 13 of 14 achieved' }).waitFor();
  assert.equal(await page.getByTestId('level-achieved').count(), 3, 'one line per declared level');
  await page.getByTestId('key-achieved').filter({ hasText: 'Key indicators: 9 of 10 assessed achieved (10 in all)' }).waitFor();
  const canvases = page.locator('.chart-canvas canvas');
  await canvases.nth(1).waitFor();
  await page.waitForTimeout(300);
  for (let i = 0; i < 2; i++) assert.ok((await inkPixels(canvases.nth(i))) > 500, `chart ${i} draws`);
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

  // A click on a priority's bar opens monitoring filtered to that branch.
  const at = await page.evaluate(() => {
    const el = document.querySelector('.chart-canvas');
    const chart = echarts.getInstanceByDom(el);
    const r = el.getBoundingClientRect();
    return { x: r.left + chart.convertToPixel({ xAxisIndex: 0 }, 0.5), y: r.top + chart.convertToPixel({ yAxisIndex: 0 }, 0) };
  });
  await page.mouse.click(at.x, at.y);
  await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();
  assert.notEqual(await page.getByLabel('Branch').inputValue(), '', 'filtered to the priority');
  await done(app);
});

test('entering the staff turnover for 2025: 9 % is achieved, 14 % is not; an override needs a reason', async () => {
  const app = await withExample('2024–2027');
  const { page } = app;
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await page.getByLabel('Reporting year').selectOption('2025');
  await page.getByTestId('reported').filter({ hasText: '0 of 21 indicators reported for 2025' }).waitFor();
  const row = page.locator('.monitoring-row', { hasText: 'novēršamās personāla mainības līmenis' }).first();
  await row.locator('.target-text', { hasText: 'nepārsniedz 11 % gadā' }).waitFor();
  await row.getByLabel('Actual').fill('9');
  await row.locator('.status-badge', { hasText: 'Achieved' }).waitFor();
  await page.getByTestId('reported').filter({ hasText: '1 of 21 indicators reported for 2025' }).waitFor();
  await row.getByLabel('Actual').fill('14');
  await row.locator('.status-badge', { hasText: 'Not achieved' }).waitFor();
  await row.getByLabel('Comment').fill('Mainība pieauga reorganizācijas dēļ.');

  await row.getByLabel('Status set by hand').selectOption('on_track');
  await row.getByLabel('Reason').fill('Reorganizācija; mērķis saglabājas.');
  await row.locator('.status-badge', { hasText: 'On track ✎' }).waitFor();

  await row.getByRole('button', { name: 'Chart' }).click();
  const canvas = row.locator('.chart-canvas canvas');
  await canvas.waitFor();
  await page.waitForTimeout(300);
  assert.ok((await inkPixels(canvas)) > 1000, 'the chart draws');
  await page.screenshot({ path: 'test-results/monitoring.png' });

  // Filter by status.
  await page.locator('.filters').getByLabel(/^Status/).selectOption('on_track');
  assert.equal(await page.locator('.monitoring-row').count(), 1);
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();
  await page.getByLabel('Reporting year').selectOption('2025');
  const again = page.locator('.monitoring-row', { hasText: 'novēršamās personāla mainības līmenis' }).first();
  assert.equal(await again.getByLabel('Actual').inputValue(), '14', 'the actual survives a reload');
  assert.equal(await again.getByLabel('Reason').inputValue(), 'Reorganizācija; mērķis saglabājas.');
  await done(app);
});

/** Levels priority → action direction → task → step, indicators on a task and on a step. */
const FOUR_LEVELS = {
  format: 'strategy-studio',
  version: 2,
  strategy: {
    id: 'four-levels',
    title: 'Četri līmeņi',
    period: { start_year: 2024, end_year: 2027 },
    levels: [
      { key: 'priority', name: { lv: 'Prioritāte', en: 'Priority' }, numbering: 'hierarchical' },
      { key: 'direction', name: { lv: 'Rīcības virziens', en: 'Action direction' }, numbering: 'hierarchical' },
      { key: 'task', name: { lv: 'Uzdevums', en: 'Task' }, numbering: 'hierarchical' },
      { key: 'step', name: { lv: 'Solis', en: 'Step' }, numbering: 'hierarchical' },
    ],
    items: [
      {
        id: 'p1', level: 'priority', title: 'Cilvēki',
        children: [
          {
            id: 'd1', level: 'direction', title: 'Kompetences',
            children: [
              {
                id: 't1', level: 'task', title: 'Mācības',
                indicators: [{ id: 'i1', name: 'apmācīto darbinieku īpatsvars', unit: '%', targets: [{ year: 2025, text: '≥ 80', conditions: [{ op: 'at_least', value: 80 }] }] }],
                children: [
                  { id: 's1', level: 'step', title: 'Mācību plāns', indicators: [{ id: 'i2', name: 'mācību plāns apstiprināts', kind: 'milestone', targets: [{ year: 2025, text: 'x', conditions: [{ op: 'done_in', year: 2025 }] }] }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
};

test('four levels deep: the task 1.1.1 in the indicator table and in monitoring, and an actual moves the task and its priority', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  const dir = await mkdtemp(join(tmpdir(), 'strategy-e2e-'));
  await writeFile(join(dir, 'four.json'), JSON.stringify(FOUR_LEVELS));
  await page.getByTestId('import-file').setInputFiles(join(dir, 'four.json'));
  await page.getByTestId('import-counts').filter({ hasText: 'Priority: 1 · Action direction: 1 · Task: 1 · Step: 1 · Indicator: 2' }).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

  // The indicator table: each indicator beside its owner's full number and title.
  await page.getByRole('link', { name: 'Indicators' }).click();
  const owner = page.locator('.indicator-table tbody th[scope="row"]');
  await owner.first().waitFor();
  assert.deepEqual(await owner.evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim())), ['1.1.1 ▸ Mācības', '1.1.1.1 ▸ Mācību plāns']);
  await page.getByLabel('Level').selectOption({ label: 'Step' });
  await page.locator('.indicator-table tbody tr').nth(1).waitFor({ state: 'detached' });
  assert.equal(await owner.count(), 1);
  assert.match(await owner.first().textContent(), /1\.1\.1\.1/);
  await page.getByLabel('Level').selectOption('');
  await owner.nth(1).waitFor();
  await page.getByLabel('Branch').selectOption('s1');
  await owner.nth(1).waitFor({ state: 'detached' });
  assert.equal(await owner.count(), 1, 'the branch of the step holds its own indicator');
  await page.getByLabel('Branch').selectOption('');

  // Monitoring, grouped by task: the task with its rolled-up status and its indicators.
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await page.getByLabel('Reporting year').selectOption('2025');
  await page.getByLabel('Group by').selectOption({ label: 'Task' });
  const task = page.locator('.monitoring-group[data-group-id="t1"]');
  await task.locator('.group-head h2', { hasText: '1.1.1. Mācības' }).waitFor();
  assert.equal(await task.locator('.monitoring-row').count(), 2, 'the task’s own indicator and its step’s');
  const row = task.locator('.monitoring-row', { hasText: 'apmācīto darbinieku īpatsvars' });
  await row.locator('.goal-label', { hasText: '1.1.1. Mācības' }).waitFor();
  await row.getByLabel('Actual').fill('85');
  await row.locator('.status-badge', { hasText: 'Achieved' }).waitFor();
  await task.locator('.group-head .status-badge', { hasText: 'Achieved' }).waitFor();

  await page.getByLabel('Group by').selectOption({ label: 'Priority' });
  const priority = page.locator('.monitoring-group[data-group-id="p1"]');
  await priority.locator('.group-head h2', { hasText: '1. Cilvēki' }).waitFor();
  await priority.locator('.group-head .status-badge', { hasText: 'Achieved' }).waitFor();
  await priority.locator('.monitoring-row', { hasText: 'apmācīto darbinieku īpatsvars' }).getByLabel('Actual').fill('70');
  await priority.locator('.group-head .status-badge', { hasText: 'Not achieved' }).waitFor();
  await page.getByLabel('Group by').selectOption({ label: 'Task' });
  await task.locator('.group-head .status-badge', { hasText: 'Not achieved' }).waitFor();
  await page.screenshot({ path: 'test-results/monitoring-four-levels.png' });
  await done(app);
});

test('the goal map exports a 2× PNG, filters by priority and presents priority by priority', async () => {
  const app = await withExample('2024–2027');
  const { page } = app;
  await page.getByRole('link', { name: 'Goal map' }).click();
  await page.locator('svg.goal-map').waitFor();
  const width = Number(await page.locator('svg.goal-map').getAttribute('width'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.equal(png.readUInt32BE(16), width * 2, 'twice the map width');

  // The filter is named after the top level; its options are the top-level items.
  const goals = page.locator('.map-box[data-kind="node"][data-level="goal"]');
  await page.getByLabel(/^Priority/).selectOption({ index: 2 });
  assert.equal(await page.locator('.map-box[data-kind="top"]').count(), 1);
  assert.equal(await goals.count(), 4, 'priority 2 has goals 4–7');
  await page.getByLabel(/^Priority/).selectOption('');

  await page.getByRole('button', { name: 'Present' }).click();
  await page.locator('.presenting-bar', { hasText: '1. Mērķtiecīga cilvēkresursu attīstība' }).waitFor();
  assert.equal(await goals.count(), 3);
  await page.screenshot({ path: 'test-results/presentation.png' });
  await page.locator('.map-viewport').press('ArrowRight');
  await page.locator('.presenting-bar', { hasText: '2. Vieda pārvaldība' }).waitFor();
  await page.locator('.map-viewport').press('ArrowRight');
  await page.locator('.presenting-bar', { hasText: '3. Autoritātes stiprināšana' }).waitFor();
  await page.locator('.map-viewport').press('ArrowLeft');
  await page.locator('.presenting-bar', { hasText: '2. Vieda pārvaldība' }).waitFor();
  await page.locator('.map-viewport').press('Escape');
  await page.locator('.presenting-bar').waitFor({ state: 'detached' });
  assert.equal(await goals.count(), 10);
  await done(app);
});

test('a long monitoring list renders whole only the rows near the view; a row scrolled to is whole and takes an actual', async () => {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  const results = Array.from({ length: 6 }, (_, r) => ({
    id: `r${r}`,
    title: `Rezultāts ${r + 1}`,
    indicators: Array.from({ length: 10 }, (_, i) => ({ id: `i${r * 10 + i + 1}`, name: `Rādītājs nr. ${r * 10 + i + 1}`, unit: '%', targets: [{ year: 2025, text: '≥ 50 %' }] })),
  }));
  const file = { format: 'strategy-studio', version: 1, strategy: { id: 'long-list', title: 'Garš saraksts', period: { start_year: 2024, end_year: 2027 }, priorities: [{ id: 'p1', title: 'P', goals: [{ id: 'g1', title: 'G', results }] }] } };
  const dir = await mkdtemp(join(tmpdir(), 'strategy-e2e-'));
  await writeFile(join(dir, 'long.json'), JSON.stringify(file));
  await page.getByTestId('import-file').setInputFiles(join(dir, 'long.json'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await page.getByLabel('Reporting year').selectOption('2025');
  await page.getByLabel('Group by').selectOption('');
  // Every row has its heading (what find-in-page looks for); the first is whole, the last is not.
  const rows = page.locator('.monitoring-row');
  await rows.first().getByLabel('Actual').waitFor();
  assert.equal(await rows.count(), 60);
  assert.equal(await rows.last().locator('h2').innerText(), 'Rādītājs nr. 60');
  assert.equal(await rows.last().getByLabel('Actual').count(), 0, 'a row far below is rendered light');
  const whole = await page.locator('.monitoring-row:not(.light)').count();
  assert.ok(whole > 0 && whole < 60, `only rows near the view are whole (${whole})`);

  // Scrolled to, the last row is whole and takes an actual.
  await rows.last().scrollIntoViewIfNeeded();
  await rows.last().getByLabel('Actual').fill('70');
  await rows.last().locator('.status-badge', { hasText: 'Achieved' }).waitFor();
  await page.getByTestId('reported').filter({ hasText: '1 of 60 indicators reported for 2025' }).waitFor();
  await done(app);
});
