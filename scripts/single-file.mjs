// One-file build (make single-file): turns the release build in dist/ into
// dist-single/strategy-studio.html, one HTML file that needs nothing else and
// works when opened from file:// with no network.
//
// Rule: the page makes no request at all, and its Content-Security-Policy
// stays the hosted one (no 'unsafe-inline' for scripts, no new sources): only
// the script-src hashes change, to those of the page's own inline scripts.
//
// What goes in, and how:
// - the CSS: a <style> element (style-src already allows inline styles);
// - ECharts (npm, node_modules/echarts): a classic inline <script>, so that
//   window.echarts exists before the app starts (web::load_echarts then uses
//   it instead of loading vendor/echarts.min.js);
// - the wasm and the built-in examples: gzip + base64 in one JSON data block
//   (<script type="application/json">, never executed, so outside the CSP),
//   served to the app by a small inline script that wraps window.fetch for
//   exactly those relative paths (examples/….json, the .wasm) and leaves
//   every other request alone. It decodes with DecompressionStream, in the
//   page: nothing is fetched, no data: or blob: URL is needed;
// - the JS glue of wasm-bindgen and its snippets: one inline module script,
//   their exports turned into local names, which starts the wasm as trunk's
//   loader does;
// - the documents module (lazy/, built by scripts/build-lazy.mjs): its glue
//   joins that module script, and its wasm the data block; the script sets
//   globalThis.__strategyStudioLazy, which src/lazy.rs calls instead of
//   import() (a page from file:// cannot import another file), so the wasm
//   is still decoded and started only when a document is first made.
// Left out, as a page opened from a file cannot use them: the manifest and its
// icons (no install from file://), sw.js (no service worker on file://; the
// app skips registering it there) and schema/ (documentation, never read by
// the app). The favicon is a data: URL in index.html already.
//
// Reads dist/ (run `trunk build --release` first; `make single-file` does).
// Only node built-ins. Usage: node scripts/single-file.mjs [dist [out.html]]
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
// Optional arguments: the built folder and the file to write.
const DIST = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const OUT = resolve(process.argv[3] ?? join(ROOT, 'dist-single', 'strategy-studio.html'));

const fail = (message) => {
  console.error(`single-file: ${message}`);
  process.exit(1);
};
const sha256 = (text) => createHash('sha256').update(text).digest('base64');
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

let html;
try {
  html = await readFile(join(DIST, 'index.html'), 'utf8');
} catch {
  fail('dist/index.html is missing: run `trunk build --release` first (make single-file does)');
}
html = html.replace(/\r\n?/g, '\n');

/** Replaces the one match of `pattern` in the page, failing if there is none. */
function replaceOnce(pattern, replacement, what) {
  if (!pattern.test(html)) fail(`dist/index.html: ${what} not found`);
  html = html.replace(pattern, replacement);
}

/** Text that can stand inside a <script> or <style> element as it is. */
function inlineSafe(text, where, tag = 'script') {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) fail(`${where} contains "</${tag}" or "<!--" and cannot be inlined as it is`);
  return text;
}

// --- trunk's loader: which glue and which wasm ------------------------------------
const loaderPattern = /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/([^']+\.wasm)' \}\);[\s\S]*?<\/script>/;
const loader = html.match(loaderPattern);
if (!loader) fail("dist/index.html: trunk's loader script (import init … module_or_path) not found");
const [, glueName, wasmName] = loader;

// --- the wasm-bindgen glue and its snippets as one module ----------------------
const EXPORT_DECL = /^export\s+((?:async\s+)?(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*))/gm;

/** A module's text with its `export` keywords removed, and the names it exported. */
function unexport(text, where) {
  const names = [...text.matchAll(EXPORT_DECL)].map((m) => m[2]);
  let body = text.replace(EXPORT_DECL, '$1');
  const lists = [...body.matchAll(/^export\s*\{([^}]*)\};?[ \t]*$/gm)];
  for (const [, list] of lists) {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, exported = local] = item.split(/\s+as\s+/);
      names.push(exported === local ? local : `${exported}: ${local}`);
    }
  }
  body = body.replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '');
  if (/^\s*export\b/m.test(body)) fail(`${where}: an export form this script does not handle`);
  return { body, names };
}

let glue = await readFile(join(DIST, glueName), 'utf8');
const parts = [];
// wasm-bindgen writes both `import { a } from './snippets/…';` and
// `import * as importN from "./snippets/…"` (double quotes, no semicolon).
glue = glue.replace(/^import\s+(\{[^}]*\}|\*\s+as\s+[A-Za-z_$][\w$]*)\s+from\s+(['"])\.\/(snippets\/[^'"]+)\2;?[ \t]*$/gm, (_, what, _quote, path) => {
  parts.push({ what, path });
  return '';
});
if (/^\s*import\s/m.test(glue)) fail(`${glueName}: an import this script does not handle`);
// Each snippet file runs once, however many imports name it.
const snippetCode = [];
const modules = new Map();
for (const { what, path } of parts) {
  if (!modules.has(path)) {
    const { body, names } = unexport(await readFile(join(DIST, path), 'utf8'), path);
    const module = `__snippet${modules.size}`;
    modules.set(path, module);
    snippetCode.push(`// ${path}\nconst ${module} = (() => {\n${body.trim()}\nreturn { ${names.join(', ')} };\n})();`);
  }
  const module = modules.get(path);
  if (what.startsWith('*')) snippetCode.push(`const ${what.replace(/^\*\s+as\s+/, '')} = ${module};`);
  else snippetCode.push(`const ${what.replace(/\b([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)/g, '$1: $2')} = ${module};`);
}
const { body: glueBody, names: glueNames } = unexport(glue, glueName);
if (!glueNames.includes('default: __wbg_init')) fail(`${glueName}: no default export __wbg_init (a wasm-bindgen "web" target glue)`);

// The documents module's glue (it imports nothing).
const LAZY_GLUE = 'lazy/strategy-lazy.js';
const LAZY_WASM = 'lazy/strategy-lazy_bg.wasm';
let lazyGlue;
try {
  lazyGlue = await readFile(join(DIST, LAZY_GLUE), 'utf8');
} catch {
  fail(`dist/${LAZY_GLUE} is missing (the trunk hook scripts/build-lazy.mjs builds it)`);
}
if (/^\s*import\s/m.test(lazyGlue)) fail(`${LAZY_GLUE}: an import this script does not handle`);
const { body: lazyBody, names: lazyNames } = unexport(lazyGlue, LAZY_GLUE);
if (!lazyNames.includes('default: __wbg_init')) fail(`${LAZY_GLUE}: no default export __wbg_init`);

const appModule = `
// Strategy Studio, one-file build: the wasm-bindgen glue (${glueName}) and its snippets.
${snippetCode.join('\n')}
const __glue = (() => {
${glueBody.trim()}
return { ${glueNames.join(', ')} };
})();
// The documents module (${LAZY_GLUE}): started on first use (src/lazy.rs).
const __lazy = (() => {
${lazyBody.trim()}
return { ${lazyNames.join(', ')} };
})();
let __lazyStarted = null;
globalThis.__strategyStudioLazy = () =>
  (__lazyStarted ??= (async () => {
    const lazyBytes = await (await fetch('./${LAZY_WASM}')).arrayBuffer();
    await __lazy.default({ module_or_path: lazyBytes });
    return __lazy;
  })().catch((e) => {
    __lazyStarted = null;
    throw e;
  }));
// As trunk's loader: start the wasm (its bytes come from the inlined files).
const bytes = await (await fetch('./${wasmName}')).arrayBuffer();
const wasm = await __glue.default({ module_or_path: bytes });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;

// --- the inlined files, and the fetch that serves them ---------------------------
const files = {};
const fileTypes = {};
async function inlineFile(relative, type) {
  const bytes = await readFile(join(DIST, relative));
  files[relative] = gzipSync(bytes, { level: 9 }).toString('base64');
  fileTypes[relative] = type;
  return bytes.length;
}
const wasmBytes = await inlineFile(wasmName, 'application/wasm');
const lazyBytes = await inlineFile(LAZY_WASM, 'application/wasm');
let exampleBytes = 0;
const examples = (await readdir(join(DIST, 'examples'))).filter((f) => f.endsWith('.json')).sort();
if (examples.length === 0) fail('dist/examples/ has no examples');
for (const name of examples) exampleBytes += await inlineFile(`examples/${name}`, 'application/json');
const filesBlock = JSON.stringify({ types: fileTypes, gzipBase64: files });

// Runs before the app: fetch(url) for an inlined file answers from the page.
const fetchShim = `
// Strategy Studio, one-file build: the app's own files (examples, the wasm)
// are in the page (#strategy-studio-files, gzip + base64); fetch() answers
// for exactly those relative paths and passes every other request on.
(() => {
  const { types, gzipBase64 } = JSON.parse(document.getElementById('strategy-studio-files').textContent);
  const decode = (text) => (Uint8Array.fromBase64 ? Uint8Array.fromBase64(text) : Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  const base = new URL('./', document.baseURI).href;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
    url.hash = '';
    const path = url.href.startsWith(base) ? decodeURIComponent(url.href.slice(base.length)) : null;
    if (path === null || !Object.hasOwn(gzipBase64, path)) return fetchFromNetwork(input, init);
    const body = new Blob([decode(gzipBase64[path])]).stream().pipeThrough(new DecompressionStream('gzip'));
    return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': types[path] } }));
  };
})();
`;

// --- ECharts ------------------------------------------------------------------------
const echartsPath = join(DIST, 'vendor', 'echarts.min.js');
let echarts;
try {
  echarts = await readFile(echartsPath, 'utf8');
} catch {
  fail('dist/vendor/echarts.min.js is missing (index.html copies it from node_modules/echarts)');
}
echarts = echarts.replace(/\r\n?/g, '\n');

// --- the page -------------------------------------------------------------------------
html = html.replace(loaderPattern, '');
replaceOnce(/\s*<link rel="modulepreload"[^>]*>/g, '', 'the modulepreload links');
html = html.replace(/\s*<link rel="preload"[^>]*>/g, '');
replaceOnce(/\s*<link rel="manifest"[^>]*>/, '', 'the manifest link');
const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*\/?>/g)];
if (cssLinks.length === 0) fail('dist/index.html: no stylesheet link found');
let cssBytes = 0;
for (const [link, name] of cssLinks) {
  const css = inlineSafe((await readFile(join(DIST, name), 'utf8')).replace(/\r\n?/g, '\n'), name, 'style');
  cssBytes += css.length;
  html = html.replace(link, () => `<style>\n${css}</style>`);
}
replaceOnce(
  /<!-- The post-build hook[^>]*-->/,
  '<!-- One-file build (scripts/single-file.mjs): everything is inlined; script-src lists the hashes of the inline scripts. -->',
  'the CSP comment',
);
html = html.replace(/\n(?:[ \t]*\n)+/g, '\n');

const scripts = [
  { attrs: '', body: inlineSafe(fetchShim, 'the fetch shim') },
  { attrs: '', body: inlineSafe(echarts, 'echarts.min.js') },
  { attrs: ' type="module"', body: inlineSafe(appModule, glueName) },
];
const inlined =
  `<script type="application/json" id="strategy-studio-files">${filesBlock}</script>\n` +
  scripts.map((s) => `<script${s.attrs}>${s.body}</script>\n`).join('');
replaceOnce(/<\/head>/, () => `${inlined}</head>`, '</head>');

// --- Content-Security-Policy: the hashes of exactly these inline scripts ------------
// As scripts/post-build.mjs: the browser hashes the text after newline
// normalisation (done above), and no 'unsafe-inline' is added.
const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
const meta = html.match(cspMeta);
if (!meta) fail('dist/index.html has no Content-Security-Policy <meta>');
const directives = meta[2].split(';').map((d) => d.trim()).filter(Boolean);
const i = directives.findIndex((d) => d.split(/\s+/)[0] === 'script-src');
if (i < 0) fail('the CSP has no script-src directive');
const sources = directives[i].split(/\s+/).filter((s) => !s.startsWith("'sha256-"));
if (sources.includes("'unsafe-inline'")) fail("the CSP allows 'unsafe-inline' scripts");
if (!sources.includes("'wasm-unsafe-eval'")) fail("the CSP lacks 'wasm-unsafe-eval'");
directives[i] = [...sources, ...scripts.map((s) => `'sha256-${sha256(s.body)}'`)].join(' ');
html = html.replace(cspMeta, (_, a, _old, c) => a + directives.join('; ') + c);

// --- checks: every script is one of ours, nothing refers to another file ------------
const executable = [...html.matchAll(/<script\b([^>]*)>/gi)].filter(([, attrs]) => !/type="application\/json"/.test(attrs));
if (executable.length !== scripts.length) fail(`expected ${scripts.length} executable scripts, found ${executable.length}`);
const head = html.slice(0, html.indexOf('<script type="application/json"'));
const refs = [...head.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
if (refs.length) fail(`the page still refers to other files: ${refs.join(', ')}`);

await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, html);
const size = Buffer.byteLength(html);
console.log(
  `single-file: ${OUT} ${kib(size)} — wasm ${kib(wasmBytes)} (gzip+base64 ${kib(files[wasmName].length)}), ` +
    `documents module ${kib(lazyBytes)} (gzip+base64 ${kib(files[LAZY_WASM].length)}), ` +
    `ECharts ${kib(echarts.length)}, ${examples.length} examples ${kib(exampleBytes)}, CSS ${kib(cssBytes)}, glue ${kib(appModule.length)}`,
);
