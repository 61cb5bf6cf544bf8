// Renders the app icons' PNG files from their SVG sources with Chromium
// (playwright-core, as the e2e tests use it). Run once after changing an SVG:
//   node scripts/make-icons.mjs
// The PNGs are committed, so a build needs nothing of this.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launch } from '../tests/e2e/harness.mjs';

const DIR = resolve(import.meta.dirname, '../public/icons');
const ICONS = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];

const browser = await launch();
try {
  for (const [source, target, size] of ICONS) {
    const svg = await readFile(resolve(DIR, source), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = 'data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64');
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: resolve(DIR, target), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`${target} (${size}×${size}) from ${source}`);
  }
} finally {
  await browser.close();
}
