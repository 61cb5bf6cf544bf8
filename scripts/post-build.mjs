// trunk post_build hook (Trunk.toml): finishes the staged build before trunk
// moves it to dist/.
//
// 1. Content-Security-Policy: trunk writes an inline <script type="module">
//    loader into index.html whose text names this build's hashed files. Its
//    SHA-256 (and that of any other inline script) is added to the
//    script-src directive of the CSP <meta> in index.html, so no
//    'unsafe-inline' is needed.
// 2. Service worker: sw.js gets the list of every staged file (index.html as
//    "./") and a VERSION hashed from their names and contents, so each
//    deployment with any change is a new worker that precaches exactly its
//    own files.
//
// Run by trunk with TRUNK_STAGING_DIR set; also runnable by hand on a built
// folder: TRUNK_STAGING_DIR=dist node scripts/post-build.mjs
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk, or set it to a built folder)');
  process.exit(1);
}
const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};
const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

// --- 1. CSP hashes of inline scripts ------------------------------------------
const indexPath = join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');
const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
const meta = html.match(cspMeta);
if (!meta) fail('index.html has no <meta http-equiv="Content-Security-Policy" content="…">');

const hashes = [];
for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(attrs)) continue;
  if (body.includes('{{__TRUNK_')) {
    // trunk serve's autoreload script is filled in per request: it cannot be
    // hashed here, so the CSP blocks it (reload by hand under trunk serve).
    console.warn('post-build: trunk serve autoreload script left out of the CSP');
    continue;
  }
  // The browser hashes the script text after newline normalisation.
  hashes.push(`'sha256-${sha256(body.replace(/\r\n?/g, '\n'), 'base64')}'`);
}
const directives = meta[2].split(';').map((d) => d.trim()).filter(Boolean);
const i = directives.findIndex((d) => d.split(/\s+/)[0] === 'script-src');
if (i < 0) fail('the CSP has no script-src directive');
const sources = directives[i].split(/\s+/).filter((s) => !s.startsWith("'sha256-"));
directives[i] = [...sources, ...hashes].join(' ');
html = html.replace(cspMeta, (_, a, _old, c) => a + directives.join('; ') + c);
await writeFile(indexPath, html);
console.log(`post-build: CSP script-src has ${hashes.length} inline script hash(es)`);

// --- 2. The service worker's file list and version ------------------------------
async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
const files = [];
for (const path of await walk(staging)) {
  const name = relative(staging, path).split(sep).join('/');
  if (name === 'sw.js') continue;
  files.push({ name: name === 'index.html' ? './' : name, digest: sha256(await readFile(path), 'hex') });
}
files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const version = sha256(files.map((f) => `${f.name}\0${f.digest}\n`).join(''), 'hex').slice(0, 16);

const swPath = join(staging, 'sw.js');
let sw;
try {
  sw = await readFile(swPath, 'utf8');
} catch {
  fail('sw.js is not in the staged build (index.html copies public/sw.js)');
}
const versionLine = /^const VERSION = .*$/m;
const filesLine = /^const FILES = .*$/m;
if (!versionLine.test(sw) || !filesLine.test(sw)) fail('sw.js lacks the "const VERSION = …" / "const FILES = …" lines');
sw = sw
  .replace(versionLine, () => `const VERSION = ${JSON.stringify(version)};`)
  .replace(filesLine, () => `const FILES = ${JSON.stringify(files.map((f) => f.name))};`);
await writeFile(swPath, sw);
console.log(`post-build: sw.js version ${version}, ${files.length} files to precache`);
