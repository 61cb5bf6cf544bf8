// End-to-end: the Documents section. The 2020–2023 example's annual report
// for 2023 is previewed with its annex-7 table (a row per result), downloaded
// in every format under its `institution-title-kind-year.ext` name, and
// printed: the PDF of the print preview has several A4 pages, no table row is
// cut across two pages, and the strategy document's goal map has a landscape
// page of its own.
//
// How "no row is cut" is checked: before printing, each row of the preview's
// tables gets a start mark in its first cell and an end mark in its last
// (short words, e.g. QXS7 in its first cell and QXE7 closing every cell); `pdftotext` (poppler-utils) then
// gives the text of each PDF page, and every mark of a row must be on the
// same page. A row cut by a page break would leave them on two pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { suite, openApp, done } from './harness.mjs';

const env = suite({ before, after });

/** Opens the app in Latvian (the seed's terms) on the 2020–2023 example's Documents section. */
async function documents() {
  const app = await openApp(env.browser, env.url);
  const { page } = app;
  await page.getByRole('button', { name: /^Izmantot kā sagatavi: .*2020–2023/ }).click();
  await page.getByRole('link', { name: 'Dokumenti' }).click();
  await page.getByRole('heading', { name: 'Dokumenti', level: 1 }).waitFor();
  return app;
}

/** The files of a zip package (DOCX, XLSX) by name, read from its central directory. */
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip package');
  const files = new Map();
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < buffer.readUInt16LE(end + 10); i += 1) {
    const [method, size, nameLength] = [buffer.readUInt16LE(at + 10), buffer.readUInt32LE(at + 20), buffer.readUInt16LE(at + 28)];
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buffer.readUInt32LE(at + 42);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return files;
}

/** The pages of a PDF file as text, and each page's size in points. */
function pdfPages(path) {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(([, w, h]) => ({ width: Number(w), height: Number(h) }));
  const pages = text.split('\f');
  if (pages.at(-1).trim() === '') pages.pop();
  return { pages, sizes };
}

/** Marks every row of the preview's tables; returns how many were marked.
 * The start mark opens the row's first cell; an end mark closes every cell,
 * so the tallest cell's end shows where the row ends. Marks are short and
 * unbreakable, so even a narrow column holds them on one line. */
async function markRows(page) {
  return page.locator('.doc-preview').evaluate((preview) => {
    // Body rows only: the header rows repeat on every page by design.
    const rows = [...preview.querySelectorAll('tbody tr')];
    rows.forEach((tr, i) => {
      const cells = tr.querySelectorAll('th, td');
      const mark = (text) => Object.assign(document.createElement('span'), { textContent: text, style: 'white-space: nowrap; font-size: 7pt' });
      cells[0].prepend(mark(`QXS${i}`), ' ');
      for (const cell of cells) cell.append(' ', mark(`QXE${i}`));
    });
    return rows.length;
  });
}

/** Prints the page (print media, the stylesheet's own page sizes) to `path`. */
async function printToPdf(page, path) {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
}

/** Asserts that every mark of each of `rows` rows is on one page; returns the pages the rows are on. */
function assertNoRowSplit(pages, rows) {
  const onPages = new Set();
  for (let i = 0; i < rows; i++) {
    const start = pages.findIndex((p) => new RegExp(`QXS${i}(?!\\d)`).test(p));
    const ends = pages.flatMap((p, n) => (new RegExp(`QXE${i}(?!\\d)`).test(p) ? [n] : []));
    assert.ok(start >= 0 && ends.length > 0, `row ${i} is printed`);
    assert.deepEqual(ends, [start], `row ${i} starts on page ${start + 1} and ends on pages ${ends.map((n) => n + 1)}`);
    onPages.add(start);
  }
  return onPages;
}

test('the 2023 annual report: the annex-7 table has a row per result, every format downloads by its name, and the print has no cut row', async () => {
  await mkdir('test-results', { recursive: true });
  const app = await documents();
  const { page } = app;
  await page.getByLabel('Dokuments').selectOption({ label: 'Gada pārskats' });
  await page.getByLabel('Gads').selectOption('2023');
  const annex = page.locator('.doc-preview table').filter({ hasText: 'IZPILDĪTS' }).first();
  await annex.waitFor();
  // A result's cell lists its indicators ("• …"); the overarching goal's key indicators follow them.
  assert.equal(await annex.locator('tbody tr').filter({ hasText: '•' }).count(), 14, 'one row per result of the 2020–2023 strategy');
  await page.screenshot({ path: 'test-results/documents-annual-2023.png', fullPage: true });

  const files = {};
  for (const format of ['DOCX', 'XLSX', 'CSV', 'HTML']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format, exact: true }).click()]);
    const name = download.suggestedFilename();
    assert.match(name, new RegExp(`^lm-.*-annual-report-2023\\.${format.toLowerCase()}$`), `${format} named institution-title-kind-year`);
    files[format] = await readFile(await download.path());
    await writeFile(`test-results/${name}`, files[format]);
  }
  assert.equal(files.DOCX.subarray(0, 2).toString(), 'PK', 'the DOCX is a zip');
  assert.equal(files.XLSX.subarray(0, 2).toString(), 'PK', 'the XLSX is a zip');
  assert.match(files.HTML.toString('utf8'), /^<!DOCTYPE html>/i);
  assert.match(files.HTML.toString('utf8'), /IZPILDĪTS/);
  assert.ok(files.CSV.toString('utf8').split('\n').length > 14, 'the CSV has a line per row');

  const rows = await markRows(page);
  assert.ok(rows > 14, 'the rows are marked');
  await printToPdf(page, 'test-results/annual-2023.pdf');
  const { pages, sizes } = pdfPages('test-results/annual-2023.pdf');
  assert.ok(pages.length > 1, `several pages (${pages.length})`);
  assert.equal(sizes.length, pages.length);
  // A4 throughout: portrait, and landscape for the wide matrices of annex 6.
  const a4 = (s) => Math.abs(Math.min(s.width, s.height) - 595.3) < 2 && Math.abs(Math.max(s.width, s.height) - 841.9) < 2;
  for (const size of sizes) assert.ok(a4(size), `A4: ${size.width} x ${size.height}`);
  assert.ok(sizes[0].width < sizes[0].height, 'the report opens on a portrait page');
  const onPages = assertNoRowSplit(pages, rows);
  assert.ok(onPages.size > 1, 'the table runs over more than one page');
  assert.doesNotMatch(pages.join('\n'), /Lejupielādēt|Drukāt \/ saglabāt PDF|Bibliotēka/, 'only the document is printed, not the app around it');
  await done(app);
});

test('the strategy document prints its goal map on a landscape page and the workbook previews; a failed module load says so and the app keeps working', async () => {
  const app = await documents();
  const { page } = app;
  await page.getByLabel('Dokuments').selectOption({ label: 'Stratēģijas dokuments' });
  await page.locator('.doc-preview .doc-section.landscape img').waitFor();
  await page.screenshot({ path: 'test-results/documents-strategy.png', fullPage: true });
  const rows = await markRows(page);
  await printToPdf(page, 'test-results/strategy.pdf');
  const { pages, sizes } = pdfPages('test-results/strategy.pdf');
  assert.ok(pages.length > 1, `several pages (${pages.length})`);
  assert.ok(sizes.some((s) => s.width > s.height), 'a landscape page (the goal map)');
  assert.ok(sizes.some((s) => s.width < s.height), 'portrait pages');
  assertNoRowSplit(pages, rows);

  // The DOCX carries the goal map as a picture the page drew, with its alt text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'DOCX', exact: true }).click()]);
  assert.match(download.suggestedFilename(), /-strategy\.docx$/);
  const docx = unzip(await readFile(await download.path()));
  const media = [...docx.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name));
  assert.equal(media.length, 1, `one picture: ${[...docx.keys()].join(', ')}`);
  const png = docx.get(media[0]);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.ok(png.readUInt32BE(16) >= 1500, `drawn wide enough to print (${png.readUInt32BE(16)} px)`);
  const xml = docx.get('word/document.xml').toString('utf8');
  assert.match(xml, /<wp:docPr id="1" name="Figure 1" descr="Mērķu karte: [^"]+"/);
  assert.doesNotMatch(xml, /Attēls „Mērķu karte/, 'no note where the picture is');

  await page.getByLabel('Dokuments').selectOption({ label: 'Rādītāju darbgrāmata' });
  await page.locator('.doc-preview table tbody tr').first().waitFor();
  await page.screenshot({ path: 'test-results/documents-workbook.png', fullPage: true });
  await done(app);

  // A fresh page whose documents module cannot be fetched.
  // No service worker there, which would serve the module from its cache.
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'lv-LV', serviceWorkers: 'block' });
  await context.route(/\/lazy\//, (route) => route.abort('failed'));
  const broken = await openApp(env.browser, env.url, { context });
  await broken.page.getByRole('button', { name: /^Izmantot kā sagatavi: .*2020–2023/ }).click();
  await broken.page.getByRole('link', { name: 'Dokumenti' }).click();
  const alert = broken.page.getByRole('alert').filter({ hasText: 'Dokumentu neizdevās sagatavot' });
  await alert.waitFor();
  await broken.page.getByRole('link', { name: 'Pārskats' }).click();
  await broken.page.getByRole('heading', { name: 'Pārskats', level: 1 }).waitFor();
  await done(broken);
});
