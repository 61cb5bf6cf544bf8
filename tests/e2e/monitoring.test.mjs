// End-to-end: monitoring actuals and the dashboard, on the real examples,
// and the goal map's presentation mode and PNG export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
  await page.getByTestId('goals-achieved').filter({ hasText: '5 of 9 goals achieved' }).waitFor();
  await page.getByTestId('results-achieved').filter({ hasText: '13 of 14 results achieved' }).waitFor();
  await page.getByTestId('key-achieved').filter({ hasText: 'Key indicators: 9 of 10 assessed achieved (10 in all)' }).waitFor();
  const canvases = page.locator('.chart-canvas canvas');
  await canvases.nth(2).waitFor();
  await page.waitForTimeout(300);
  for (let i = 0; i < 3; i++) assert.ok((await inkPixels(canvases.nth(i))) > 500, `chart ${i} draws`);
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

  // A click on a priority's bar opens monitoring filtered to that priority.
  const at = await page.evaluate(() => {
    const el = document.querySelector('.chart-canvas');
    const chart = echarts.getInstanceByDom(el);
    const r = el.getBoundingClientRect();
    return { x: r.left + chart.convertToPixel({ xAxisIndex: 0 }, 0.5), y: r.top + chart.convertToPixel({ yAxisIndex: 0 }, 0) };
  });
  await page.mouse.click(at.x, at.y);
  await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();
  assert.notEqual(await page.getByLabel('Priority').inputValue(), '', 'filtered to the priority');
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

  await page.getByLabel(/^Priorities/).selectOption({ index: 2 });
  assert.equal(await page.locator('.map-box[data-kind="priority"]').count(), 1);
  assert.equal(await page.locator('.map-box[data-kind="goal"]').count(), 4, 'priority 2 has goals 4–7');
  await page.getByLabel(/^Priorities/).selectOption('');

  await page.getByRole('button', { name: 'Present' }).click();
  await page.locator('.presenting-bar', { hasText: '1 Mērķtiecīga cilvēkresursu attīstība' }).waitFor();
  assert.equal(await page.locator('.map-box[data-kind="goal"]').count(), 3);
  await page.screenshot({ path: 'test-results/presentation.png' });
  await page.locator('.map-viewport').press('ArrowRight');
  await page.locator('.presenting-bar', { hasText: '2 Vieda pārvaldība' }).waitFor();
  await page.locator('.map-viewport').press('ArrowRight');
  await page.locator('.presenting-bar', { hasText: '3 Autoritātes stiprināšana' }).waitFor();
  await page.locator('.map-viewport').press('ArrowLeft');
  await page.locator('.presenting-bar', { hasText: '2 Vieda pārvaldība' }).waitFor();
  await page.locator('.map-viewport').press('Escape');
  await page.locator('.presenting-bar').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.map-box[data-kind="goal"]').count(), 10);
  await done(app);
});
