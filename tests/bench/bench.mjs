// Timing benchmarks in headless Chromium on the release build. Prints
// figures; asserts nothing (budgets are read by people, not by flaky tests).
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, openApp } from '../e2e/harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A strategy of the size the goal-map budget names: 12 priorities, 60 goals, 300 results, 900 indicators. */
function bigStrategy() {
  let n = 0;
  const id = (p) => `${p}${++n}`;
  const priorities = Array.from({ length: 12 }, (_, p) => ({
    id: id('p'),
    title: `Prioritāte ${p + 1}: cilvēkresursu attīstība un pārvaldība`,
    goals: Array.from({ length: 5 }, (_, g) => ({
      id: id('g'),
      title: `Mērķis ${p * 5 + g + 1}: pilnveidot iekšējo procesu efektivitāti`,
      results: Array.from({ length: 5 }, (_, r) => ({
        id: id('r'),
        title: `Rezultāts ${r + 1}: samazinās vai paliek nemainīgs mainības līmenis*`,
        indicators: Array.from({ length: 3 }, (_, i) => ({
          id: id('i'),
          name: `Rādītājs ${i + 1}: novēršamās personāla mainības līmenis nepārsniedz 11 % gadā`,
          key: i === 0,
          unit: '%',
          targets: [2024, 2025, 2026, 2027].map((year) => ({ year, text: '≤ 11 %', conditions: [{ op: 'at_most', value: 11 }] })),
          actuals: [2024, 2025].map((year) => ({ period: { year, half: null }, value: 8 + ((i + r + year) % 6) })),
        })),
      })),
    })),
  }));
  return { format: 'strategy-studio', version: 1, strategy: { id: 'bench', title: 'Benchmark strategy', period: { start_year: 2024, end_year: 2027 }, mission: 'Misija', vision: 'Vīzija', priorities } };
}

const { server, url } = await startServer();
const browser = await launch();
try {
  // First load to a usable app.
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForSelector('.app-header');
    loads.push(Date.now() - t0);
    await ctx.close();
  }
  loads.sort((a, b) => a - b);
  console.log(`App ready (navigation to header shown), median of 5: ${loads[2]} ms`);

  // The big goal map.
  const file = bigStrategy();
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const path = join(dir, 'big.json');
  writeFileSync(path, JSON.stringify(file));
  const svg = execFileSync('target/release/strategy', ['render-map', path], { maxBuffer: 64 << 20 }).toString();
  const { ctx, page } = await openApp(browser, url);
  const text = JSON.stringify(file);
  await page.evaluate((text) => {
    localStorage.setItem('strategy-studio:v1:doc:bench', text);
  }, text);
  await page.goto(url + '#/s/bench/overview');
  await page.waitForSelector('h1');
  const render = [];
  const plain = [];
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => (location.hash = '#/s/bench/overview'));
    await page.waitForSelector('.sections');
    await page.waitForTimeout(200);
    render.push(
      await page.evaluate(
        () =>
          new Promise((done) => {
            const t0 = performance.now();
            location.hash = '#/s/bench/map';
            const check = () => (document.querySelectorAll('.map-box').length >= 1272 ? requestAnimationFrame(() => done(performance.now() - t0)) : requestAnimationFrame(check));
            check();
          }),
      ),
    );
    plain.push(
      await page.evaluate(
        (svg) =>
          new Promise((done) => {
            const host = document.createElement('div');
            document.body.appendChild(host);
            const t0 = performance.now();
            host.innerHTML = svg;
            requestAnimationFrame(() => {
              const t = performance.now() - t0;
              host.remove();
              done(t);
            });
          }),
        svg,
      ),
    );
  }
  const [r, p] = [median(render), median(plain)];
  console.log(`Goal map, 12 priorities / 60 goals / 300 results / 900 indicators (${(svg.length / 1024).toFixed(0)} KB of SVG):`);
  console.log(`  render in the app:            ${r.toFixed(0)} ms`);
  console.log(`  insert the same SVG as text:  ${p.toFixed(0)} ms`);
  console.log(`  ratio:                        ${(r / p).toFixed(1)}×`);
  const hover = await page.evaluate(
    () =>
      new Promise((done) => {
        const goal = document.querySelector('.map-box[data-kind="node"][data-level="goal"]');
        const t0 = performance.now();
        goal.dispatchEvent(new MouseEvent('mouseenter'));
        requestAnimationFrame(() =>
          done({ ms: performance.now() - t0, dimmed: [...document.querySelectorAll('.map-box')].filter((g) => Number(getComputedStyle(g).opacity) < 0.5).length }),
        );
      }),
  );
  console.log(`  hover highlight to next frame: ${hover.ms.toFixed(1)} ms (${hover.dimmed} boxes dimmed; one frame is 16.7 ms)`);
  await ctx.close();

  // The dashboard of a strategy with 3,000 indicators and 4 years of actuals.
  const dash = bigStrategy();
  let k = 0;
  dash.strategy.id = 'dash';
  dash.strategy.priorities = dash.strategy.priorities.map((p) => ({
    ...p,
    goals: p.goals.map((g) => ({
      ...g,
      results: g.results.map((r) => ({
        ...r,
        indicators: Array.from({ length: 10 }, (_, i) => ({
          ...r.indicators[i % 3],
          id: `d${++k}`,
          actuals: [2024, 2025, 2026, 2027].map((year) => ({ period: { year, half: null }, value: 6 + ((i + year) % 9) })),
        })),
      })),
    })),
  }));
  const { ctx: ctx2, page: page2 } = await openApp(browser, url);
  await page2.evaluate((text) => localStorage.setItem('strategy-studio:v1:doc:dash', text), JSON.stringify(dash));
  await page2.goto(url + '#/s/dash/overview');
  await page2.waitForSelector('.sections');
  const open = [];
  for (let i = 0; i < 3; i++) {
    await page2.evaluate(() => (location.hash = '#/s/dash/overview'));
    await page2.waitForTimeout(300);
    open.push(
      await page2.evaluate(
        () =>
          new Promise((done) => {
            const t0 = performance.now();
            location.hash = '#/s/dash/dashboard';
            const check = () => (document.querySelectorAll('.chart-canvas canvas').length >= 2 && document.querySelector('[data-testid="level-achieved"]') ? requestAnimationFrame(() => done(performance.now() - t0)) : setTimeout(check, 5));
            check();
          }),
      ),
    );
  }
  console.log(`Dashboard, ${k} indicators with 4 years of actuals: opens in ${median(open).toFixed(0)} ms (to its two charts drawn)`);

  // One actual edit updating its chart (monitoring view, chart open).
  await page2.evaluate(() => (location.hash = '#/s/dash/monitoring'));
  await page2.waitForSelector('.monitoring-row');
  const row = page2.locator('.monitoring-row').first();
  await row.getByRole('button').last().click();
  await row.locator('.chart-canvas canvas').waitFor();
  const edit = [];
  for (const value of ['7', '12', '9']) {
    edit.push(
      await row.getByRole('textbox').first().evaluate(
        (input, value) =>
          new Promise((done) => {
            const row = input.closest('.monitoring-row');
            const image = () => row.querySelector('.chart-canvas canvas')?.toDataURL();
            const before = image();
            const t0 = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            // A redraw may replace the canvas: compare whatever canvas is there now.
            const check = () => {
              const now = image();
              if (now && now !== before) done(performance.now() - t0);
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        value,
      ),
    );
  }
  console.log(`One actual edit to its chart redrawn: ${median(edit).toFixed(0)} ms`);
  await ctx2.close();
} finally {
  await browser.close();
  server.close();
}
