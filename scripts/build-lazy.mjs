// trunk build hook (Trunk.toml, stage "build"): builds the documents module,
// crates/lazy, the app's second wasm module, into the staged build as
// lazy/strategy-lazy.js + lazy/strategy-lazy_bg.wasm.
//
// Rule: the module is built like the app's own wasm — the same profile
// (release: opt-level z, LTO, one codegen unit, panic abort, from the
// workspace), the same wasm-bindgen 0.2.130 (target "web") and, in release,
// the same `wasm-opt -Oz` — and it lands in the staging folder before the
// post_build hook lists the files, so the service worker precaches it and
// offline keeps working. src/lazy.rs loads it on first use.
//
// Run by trunk with TRUNK_STAGING_DIR and TRUNK_PROFILE set; by hand:
// TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node scripts/build-lazy.mjs
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('build-lazy: TRUNK_STAGING_DIR is not set (run by trunk, or set it to a built folder)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const run = (command, args) => execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });

run('cargo', ['build', '-p', 'strategy-lazy', '--lib', '--target', 'wasm32-unknown-unknown', ...(release ? ['--release'] : [])]);
const target = resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'strategy_lazy.wasm');
const out = join(staging, 'lazy');
await mkdir(out, { recursive: true });
run('wasm-bindgen', ['--target=web', '--no-typescript', `--out-dir=${out}`, '--out-name=strategy-lazy', built]);
const wasm = join(out, 'strategy-lazy_bg.wasm');
if (release) run('wasm-opt', [`--output=${wasm}`, '-Oz', wasm]);
console.log(`build-lazy: ${out} (${release ? 'release, wasm-opt -Oz' : 'debug'})`);
