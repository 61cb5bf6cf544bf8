// End-to-end fuzzing of the import: mutated copies of the built-in examples
// and of their version-1 forms (which go through the migration), imported through the UI as a person would (pasted JSON, or a file for
// byte-level damage). Each must end in a preview or a refusal — no hang, no
// panic, no change to storage before the user confirms — and every problem
// shown must name a JSON path or concern the whole file.
// FUZZ_SEED=<n> replays another seed; FUZZ_COUNT=<n> changes the number of files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { suite, openApp, done, storageSnapshot } from './harness.mjs';

const env = suite({ before, after });

const EXAMPLES_DIR = resolve(import.meta.dirname, '../../public/examples');
/** The examples in file format version 1, as older exports have them. */
const V1_DIR = resolve(import.meta.dirname, '../../crates/core/tests/fixtures/v1');
const SEED = Number(process.env.FUZZ_SEED ?? 20250601) >>> 0;
const COUNT = Number(process.env.FUZZ_COUNT ?? 200);
const PER_FILE_MS = 20_000;

/** mulberry32: a small seeded PRNG, the same sequence on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] };
}

/** Every [parent, key, path] in a JSON tree; `path` is as the app writes it. */
function slots(value, path = '', out = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      const p = `${path}[${i}]`;
      out.push([value, i, p]);
      slots(v, p, out);
    });
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const p = path ? `${path}.${k}` : k;
      out.push([value, k, p]);
      slots(value[k], p, out);
    }
  }
  return out;
}

const objects = (root) => [['', root], ...slots(root).filter(([pa, k]) => pa[k] && typeof pa[k] === 'object' && !Array.isArray(pa[k])).map(([pa, k, p]) => [p, pa[k]])];

const HOSTILE = [
  ']){}*{background:url(https://evil.example/x)}',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '../../../../etc/passwd',
  '#/s/x/map',
  '%E0%A4%A',
  '\u202e\u0000\ufffe',
  '',
  ' ',
];

const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
function wrongValue(rng, old) {
  const options = [
    ['string', () => rng.pick(['', 'x', '42', 'null', '[]', 'ļoti garš teksts ✓'])],
    ['number', () => rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308])],
    ['null', () => null],
    ['array', () => rng.pick([[], [1, 'a', null], [{}]])],
    ['object', () => rng.pick([{}, { id: 'x' }, { type: 'nope' }])],
    ['boolean', () => rng.next() < 0.5],
  ].filter(([t]) => t !== typeOf(old));
  const [t, make] = rng.pick(options);
  return [t, make()];
}

const enc = (doc) => JSON.stringify(doc, null, 2);

/**
 * The mutations: each takes (rng, doc — a fresh deep copy of an example) and
 * returns { what, text } or { what, bytes } (bytes go through the file input).
 */
const MUTATIONS = {
  'delete a key': (rng, doc) => {
    const [pa, k, p] = rng.pick(slots(doc));
    if (Array.isArray(pa)) pa.splice(k, 1);
    else delete pa[k];
    return { what: p, text: enc(doc) };
  },
  'wrong type': (rng, doc) => {
    const [pa, k, p] = rng.pick(slots(doc));
    const [t, v] = wrongValue(rng, pa[k]);
    pa[k] = v;
    return { what: `${p} → ${t}`, text: enc(doc) };
  },
  'truncate at a byte': (rng, doc) => {
    const bytes = Buffer.from(enc(doc));
    const at = rng.int(bytes.length);
    return { what: `at byte ${at} of ${bytes.length}`, bytes: bytes.subarray(0, at) };
  },
  'duplicate an id': (rng, doc) => {
    const withId = objects(doc).filter(([, o]) => typeof o.id === 'string');
    const [pa] = rng.pick(withId);
    const [pb, b] = rng.pick(withId);
    const a = withId.find(([p]) => p === pa)[1];
    a.id = b.id;
    return { what: `${pa}.id = ${pb}.id (${JSON.stringify(b.id)})`, text: enc(doc) };
  },
  'huge string': (rng, doc) => {
    const strings = slots(doc).filter(([pa, k]) => typeof pa[k] === 'string');
    const [pa, k, p] = rng.pick(strings);
    const n = rng.pick([100_000, 500_000, 1_000_000]);
    const unit = rng.pick(['x', 'ā', '𝕏 ', '\n']);
    pa[k] = unit.repeat(n);
    // A file, as big texts come: Chromium needs minutes to paste a million
    // non-ASCII characters into a text area (its editing, not the app).
    return { what: `${p} = ${JSON.stringify(unit)} × ${n}`, bytes: Buffer.from(enc(doc)) };
  },
  'version': (rng, doc) => {
    const v = rng.pick([0, 2, 99, '1', -1, 1.5, null, 4294967296]);
    doc.version = v;
    return { what: `version ${JSON.stringify(v)}`, text: enc(doc) };
  },
  'no envelope': (rng, doc) => ({ what: 'bare strategy', text: enc(doc.strategy) }),
  'unknown fields': (rng, doc) => {
    const [p, o] = rng.pick(objects(doc));
    const key = rng.pick(['colour', 'x-extra', '__proto__', 'constructor', 'ID', 'Ļ']);
    // defineProperty, so that "__proto__" becomes a key like any other.
    Object.defineProperty(o, key, { value: rng.pick([1, 'two', [3], { four: 4 }, null]), enumerable: true, writable: true, configurable: true });
    return { what: `${p || '(root)'}.${key}`, text: enc(doc) };
  },
  'swap start and end years': (rng, doc) => {
    const s = doc.strategy;
    [s.period.start_year, s.period.end_year] = [s.period.end_year, s.period.start_year];
    return { what: `${s.period.start_year}–${s.period.end_year}`, text: enc(doc) };
  },
  'target years out of range': (rng, doc) => {
    const targets = slots(doc).filter(([pa, k, p]) => /targets\[\d+\]$/.test(p) && pa[k] && typeof pa[k] === 'object');
    const year = rng.pick([0, 1900, 2031, 3000, -2025, 65536]);
    const chosen = targets.filter(() => rng.next() < 0.3);
    for (const [pa, k] of chosen.length ? chosen : targets.slice(0, 1)) pa[k].year = year;
    return { what: `${chosen.length || 1} targets → ${year}`, text: enc(doc) };
  },
  'deep nesting': (rng, doc) => {
    const depth = rng.pick([20, 126, 127, 128, 129, 1000, 100_000]);
    const [p, o] = rng.pick(objects(doc));
    const open = rng.next() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
    const marker = '"__deep__"';
    o.__deep__ = 0;
    const text = enc(doc).replace(`${marker}: 0`, `${marker}: ${open[0].repeat(depth)}1${open[1].repeat(depth)}`);
    return { what: `${p || '(root)'}.__deep__ depth ${depth}`, text };
  },
  'odd escapes': (rng, doc) => {
    const strings = slots(doc).filter(([pa, k]) => typeof pa[k] === 'string');
    const [pa, k, p] = rng.pick(strings);
    const escape = rng.pick(['\\ud800', '\\udfff', '\\ud83d\\u0041', '\\u0000', '\\xff', '\\uZZZZ', '\\u00', '\\/\\b\\f', '\\uFEFF', '\\u202e']);
    pa[k] = '@@ESC@@';
    return { what: `${p} ← "${escape}"`, text: enc(doc).replace('"@@ESC@@"', `"a${escape}b"`) };
  },
  'raw bytes': (rng, doc) => {
    const text = enc(doc);
    const bytes = Buffer.from(text);
    const at = rng.int(bytes.length);
    const junk = Buffer.from(rng.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xfe, 0xff], [0x00], [0xe2, 0x82]]));
    return { what: `${junk.toString('hex')} at byte ${at}`, bytes: Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]) };
  },
  'a BOM': (rng, doc) => {
    const kind = rng.pick(['utf-8', 'two utf-8', 'utf-16le', 'after whitespace']);
    const text = enc(doc);
    if (kind === 'utf-16le') return { what: kind, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
    const prefix = { 'utf-8': '\ufeff', 'two utf-8': '\ufeff\ufeff', 'after whitespace': '\n\ufeff' }[kind];
    return { what: kind, bytes: Buffer.from(prefix + text) };
  },
  'hostile ids': (rng, doc) => {
    const withId = objects(doc).filter(([, o]) => typeof o.id === 'string');
    const chosen = [rng.pick(withId), rng.pick(withId), ...(rng.next() < 0.5 ? [['strategy', doc.strategy]] : [])];
    const hostile = rng.pick(HOSTILE);
    for (const [, o] of chosen) o.id = hostile;
    if (rng.next() < 0.5) doc.strategy.title = hostile;
    return { what: `${chosen.map(([p]) => p).join(', ')} ← ${JSON.stringify(hostile)}`, text: enc(doc) };
  },
};

/** Pastes `text` into the paste-JSON dialog and asks for the import. */
async function paste(page, text) {
  await page.getByRole('button', { name: 'Paste JSON' }).click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const area = page.getByLabel('JSON text');
  await area.press('Control+v');
  const length = await area.evaluate((e) => e.value.length);
  assert.equal(length, text.length, 'the whole text was pasted');
  await page.getByRole('button', { name: 'Check and import' }).click();
}

/** Messages of problems that concern the whole file (they have no path). */
const WHOLE_FILE = /not valid JSON|ends too early|expected a JSON object|not a Strategy Studio file|too large|not UTF-8 text|is in UTF-16/;

test(`${COUNT} mutated examples imported through the UI: a preview or a refusal, never a hang, a panic or a change to storage`, { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  console.log(`fuzz seed ${SEED} (set FUZZ_SEED to replay another), ${COUNT} files`);
  const rng = prng(SEED);
  const read = async (dir, prefix) => {
    const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.json')).sort();
    return Promise.all(names.map(async (n) => [prefix + n.replace(/\.json$/, ''), await readFile(join(dir, n), 'utf8')]));
  };
  const examples = [...(await read(EXAMPLES_DIR, '')), ...(await read(V1_DIR, 'v1/'))];
  const kinds = Object.keys(MUTATIONS);
  const cases = [];
  for (let i = 0; i < COUNT; i++) {
    const kind = kinds[i % kinds.length];
    const [example, text] = rng.pick(examples);
    const m = MUTATIONS[kind](rng, JSON.parse(text));
    cases.push({ kind, name: `#${i} ${kind} (${example}): ${m.what.slice(0, 160)}`, ...m });
  }

  // Pasting is done as a person does it: the text on the clipboard, then Ctrl+V
  // (Playwright's fill() types a 150 kB text in 40 s; a paste takes a fraction of a second).
  const context = await env.browser.newContext({ locale: 'lv-LV', permissions: ['clipboard-read', 'clipboard-write'] });
  const first = await openApp(env.browser, env.url, { context });
  const panics = [];
  const watch = (page) =>
    page.on('console', (msg) => {
      if (msg.type() === 'error' && msg.text().includes('panicked')) panics.push(msg.text());
    });
  let app = first;
  let page = app.page;
  watch(page);
  const apps = [first];
  await page.getByLabel('Saskarnes valoda').selectOption('en');
  // One example stored under its own id, so mutated copies of it meet "already in this browser".
  await paste(page, examples.find(([n]) => n === 'lm-strategy-2024-2027')[1]);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
  await page.locator('.app-header a.brand').click();
  await page.getByRole('heading', { name: 'Strategies in this browser' }).waitFor();

  const storage = () => storageSnapshot(page);
  const outcomes = { preview: 0, refused: 0 };
  const byKind = Object.fromEntries(kinds.map((k) => [k, { preview: 0, refused: 0 }]));
  let problemsShown = 0;
  const failures = [];
  for (const [i, c] of cases.entries()) {
    const { errors } = app;
    const title = page.locator('.dialog #import-title');
    const seen = { errors: errors.length, panics: panics.length };
    const fail = (why) => {
      failures.push(`${c.name}: ${why}`);
      console.log(`FAIL ${c.name}: ${why}`);
    };
    try {
      const before = await storage();
      if (c.bytes) {
        await page.getByTestId('import-file').setInputFiles({ name: 'fuzz.json', mimeType: 'application/json', buffer: c.bytes });
      } else {
        await paste(page, c.text);
      }
      await title.waitFor({ timeout: PER_FILE_MS });
      const heading = await title.innerText();
      const problems = await page.locator('.dialog .problems li').evaluateAll((lis) => lis.map((li) => ({ path: li.querySelector('code')?.textContent ?? '', text: li.textContent })));
      problemsShown += problems.length;
      if (heading === 'Import preview') {
        outcomes.preview++;
        byKind[c.kind].preview++;
      } else if (heading === 'This file cannot be imported') {
        outcomes.refused++;
        byKind[c.kind].refused++;
        if (!problems.length) fail('refused without a reason');
      } else fail(`unexpected dialog "${heading}"`);
      for (const p of problems) if (!p.path.trim() && !WHOLE_FILE.test(p.text)) fail(`a problem names no JSON path: ${p.text.slice(0, 200)}`);
      if ((await storage()) !== before) fail('storage changed before the import was confirmed');
      await page.locator('.dialog').getByRole('button', { name: heading === 'Import preview' ? 'Cancel' : 'Close', exact: true }).click();
      await title.waitFor({ state: 'detached', timeout: PER_FILE_MS });
    } catch (e) {
      fail(`no preview or refusal within ${PER_FILE_MS / 1000} s or the dialog did not close: ${String(e.message ?? e).split('\n')[0]}`);
    }
    if (errors.length > seen.errors || panics.length > seen.panics) {
      fail(`page error: ${[...errors.slice(seen.errors), ...panics.slice(seen.panics)].join(' | ').slice(0, 500)}`);
    }
    if (failures.length && failures.at(-1).startsWith(c.name)) {
      // The app may be dead or busy after a failure: go on in a fresh page of the same browser context.
      await page.close({ runBeforeUnload: false }).catch(() => {});
      app = await openApp(env.browser, env.url, { context: first.ctx });
      apps.push(app);
      page = app.page;
      watch(page);
      await page.getByRole('heading', { name: 'Strategies in this browser' }).waitFor();
    }
    if ((i + 1) % 50 === 0) console.log(`fuzz: ${i + 1} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const elapsed = ((Date.now() - started) / 1000).toFixed(1);
  for (const [k, o] of Object.entries(byKind)) console.log(`fuzz:   ${k}: ${o.preview} previews, ${o.refused} refused`);
  console.log(`fuzz: ${cases.length} files — ${outcomes.preview} previews, ${outcomes.refused} refused, ${problemsShown} problems shown, ${failures.length} failures; ${elapsed} s (seed ${SEED})`);
  assert.deepEqual(failures, [], `failures with seed ${SEED}:\n${failures.join('\n')}`);
  await done({ ctx: first.ctx, foreign: apps.flatMap((a) => a.foreign), errors: apps.flatMap((a) => a.errors) });
});
