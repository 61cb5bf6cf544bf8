// End-to-end: axe-core on every page and editor section, in both interface
// languages: no violation of impact "serious" or "critical". axe is injected
// from the vendored npm package (no request leaves the origin).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openApp, done, runAxe, formatViolations } from './harness.mjs';

const env = suite({ before, after });

// The interface's words the test needs, per language (from crates/core/src/i18n.rs).
const WORDS = {
  lv: {
    start: 'Sāciet savu stratēģiju',
    library: 'Stratēģijas šajā pārlūkā',
    newStrategy: 'Jauna stratēģija',
    pasteJson: 'Ielīmēt JSON',
    jsonText: 'JSON teksts',
    check: 'Pārbaudīt un importēt',
    preview: 'Importa priekšskatījums',
    refused: 'Šo failu nevar importēt',
    cancel: 'Atcelt',
    close: 'Aizvērt',
    template: 'Izmantot kā sagatavi',
    sections: {
      overview: 'Pārskats',
      structure: 'Struktūra',
      context: 'Konteksts',
      indicators: 'Rādītāji',
      monitoring: 'Uzraudzība',
      dashboard: 'Informācijas panelis',
      map: 'Mērķu karte',
      checks: 'Pārbaude',
      documents: 'Dokumenti',
    },
  },
  en: {
    start: 'Start your strategy',
    library: 'Strategies in this browser',
    newStrategy: 'New strategy',
    pasteJson: 'Paste JSON',
    jsonText: 'JSON text',
    check: 'Check and import',
    preview: 'Import preview',
    refused: 'This file cannot be imported',
    cancel: 'Cancel',
    close: 'Close',
    template: 'Use as a template',
    sections: {
      overview: 'Overview',
      structure: 'Structure',
      context: 'Context',
      indicators: 'Indicators',
      monitoring: 'Monitoring',
      dashboard: 'Dashboard',
      map: 'Goal map',
      checks: 'Checks',
      documents: 'Documents',
    },
  },
};

/** What shows that a section's content (not only its heading) is there. */
const CONTENT = {
  overview: () => [...document.querySelectorAll('main input')].some((i) => i.value.trim() !== ''),
  // The 2024–2027 example has 30 nodes (3 priorities, 10 goals, 17 results), each an item of the outline.
  structure: () => document.querySelectorAll('main [data-item-id]').length >= 30,
  context: () => document.querySelectorAll('[data-item-id^="tg"]').length >= 3,
  indicators: () => document.querySelectorAll('.indicator-table tbody tr').length > 0,
  monitoring: () => document.querySelectorAll('.monitoring-row').length > 0,
  dashboard: () => document.querySelectorAll('[data-testid="level-achieved"]').length === 3 && document.querySelectorAll('.chart-canvas canvas').length === 2,
  map: () => document.querySelectorAll('svg.goal-map .map-box[data-kind="node"][data-level="goal"]').length === 10,
  checks: () => document.querySelectorAll('main .problems li, main .ok-text').length > 0,
  // The annual report's preview, made by the documents module.
  documents: () => document.querySelectorAll('.doc-preview .doc table tbody tr').length > 0,
};

/** An importable file with problems: an unknown field and a target year outside the period. */
const WITH_PROBLEMS = JSON.stringify({
  format: 'strategy-studio',
  version: 1,
  strategy: {
    id: 'a11y-problems',
    title: 'Ar problēmām',
    period: { start_year: 2024, end_year: 2027 },
    colour: 'zaļš',
    priorities: [{ id: 'p1', title: 'P', goals: [{ id: 'g1', title: 'G', results: [{ id: 'r1', title: 'R', indicators: [{ id: 'i1', name: 'I', targets: [{ year: 2031, text: '5' }] }] }] }] }],
  },
});

/**
 * Runs axe on the page as it is, logs the counts per impact, and records
 * serious or critical violations in `failures`.
 */
async function check(page, lang, name, failures) {
  const violations = await runAxe(page);
  const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  for (const v of violations) counts[v.impact] = (counts[v.impact] ?? 0) + 1;
  const ids = violations.map((v) => `${v.id}(${v.impact}, ${v.nodes.length})`).join(' ');
  console.log(`axe ${lang} ${name}: ${violations.length} violations — minor ${counts.minor}, moderate ${counts.moderate}, serious ${counts.serious}, critical ${counts.critical}${ids ? ' — ' + ids : ''}`);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) failures.push(`${lang} ${name}:\n${formatViolations(bad)}`);
}

async function waitFor(page, predicate) {
  await page.waitForFunction(predicate, null, { timeout: 20_000 });
}

for (const lang of ['lv', 'en']) {
  test(`axe finds no serious or critical violation on any page (${lang})`, async () => {
    const w = WORDS[lang];
    const failures = [];
    const app = await openApp(env.browser, env.url);
    const { page } = app;
    // The language select is labelled in the current language; the app starts in Latvian.
    await page.getByLabel('Saskarnes valoda').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);

    // The empty library.
    await page.getByRole('heading', { name: w.start, level: 1 }).waitFor();
    await waitFor(page, () => document.querySelectorAll('.example-list li').length >= 3);
    await check(page, lang, 'library (empty)', failures);

    // The new-strategy form.
    await page.getByRole('button', { name: w.newStrategy }).click();
    await page.getByRole('heading', { name: w.newStrategy, level: 2 }).waitFor();
    await waitFor(page, () => document.querySelectorAll('form.new-strategy input').length === 4);
    await check(page, lang, 'new-strategy form', failures);
    await page.locator('form.new-strategy').getByRole('button', { name: w.cancel }).click();

    // The paste-JSON dialog, then the import preview with problems shown.
    await page.getByRole('button', { name: w.pasteJson }).click();
    await page.getByRole('dialog', { name: w.pasteJson }).waitFor();
    await page.getByLabel(w.jsonText).fill(WITH_PROBLEMS);
    await check(page, lang, 'paste-JSON dialog', failures);
    await page.getByRole('button', { name: w.check }).click();
    await page.getByRole('heading', { name: w.preview }).waitFor();
    await waitFor(page, () => document.querySelectorAll('.dialog .problems li').length >= 2);
    await check(page, lang, 'import preview with problems', failures);
    await page.getByRole('dialog').getByRole('button', { name: w.cancel }).click();

    // A refused import.
    await page.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "strategy-studio", "version": 1, "strategy": {"priorities": 7}}') });
    await page.getByRole('heading', { name: w.refused }).waitFor();
    await waitFor(page, () => document.querySelectorAll('.dialog .problems li').length >= 1);
    await check(page, lang, 'import refused', failures);
    await page.getByRole('dialog').getByRole('button', { name: w.close }).click();

    // Every editor section of the 2024–2027 example.
    await page.getByRole('button', { name: new RegExp(`^${w.template}: .*2024–2027`) }).click();
    await page.getByRole('heading', { name: w.sections.overview, level: 1 }).waitFor();
    for (const [slug, heading] of Object.entries(w.sections)) {
      await page.locator(`nav.sections a[href$="/${slug}"]`).click();
      await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
      await page.waitForURL(new RegExp(`/${slug}$`));
      await waitFor(page, CONTENT[slug]);
      await check(page, lang, `editor: ${heading}`, failures);
      if (slug === 'monitoring') await page.screenshot({ path: `test-results/a11y-monitoring-${lang}.png` });
    }

    // The library with strategies.
    await page.locator('.app-header a.brand').click();
    await page.getByRole('heading', { name: w.library, level: 1 }).waitFor();
    await waitFor(page, () => document.querySelectorAll('.library-table tbody tr').length > 0);
    await check(page, lang, 'library (with strategies)', failures);

    assert.deepEqual(failures, [], `serious or critical axe violations:\n${failures.join('\n')}`);
    await done(app);
  });
}
