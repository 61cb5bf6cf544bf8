#!/usr/bin/env bash
# Prints the sizes of the release build (raw and gzipped), then the budget
# table of issue 13 (tests/bench/bench.mjs: timings in Chromium, and the
# two size budgets from here), every row `figure  budget  measured  ok|over`.
set -euo pipefail
cd "$(dirname "$0")/.."

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
row() { printf '%-28s %10s %10s\n' "$1" "$2" "$3"; }

# BENCH_DIST: measure another build than dist/ (e.g. a copy of the previous one).
dist=${BENCH_DIST:-dist}
wasm=$(ls "$dist"/*_bg.wasm)
js=$(ls "$dist"/strategy-studio-*.js | grep -v _bg)
echo "Release build sizes (bytes)"
row "file" "raw" "gzip -9"
row "app wasm" "$(size "$wasm")" "$(gz "$wasm")"
row "app JS glue" "$(size "$js")" "$(gz "$js")"
first_raw=$(( $(size "$wasm") + $(size "$js") + $(size "$dist"/index.html) ))
first_gz=$(( $(gz "$wasm") + $(gz "$js") + $(gz "$dist"/index.html) ))
for css in "$dist"/*.css; do
  [ -e "$css" ] || continue
  row "CSS $(basename "$css" | sed 's/-[0-9a-f]*\.css$//')" "$(size "$css")" "$(gz "$css")"
  first_raw=$(( first_raw + $(size "$css") ))
  first_gz=$(( first_gz + $(gz "$css") ))
done
row "first load (html+js+wasm+css)" "$first_raw" "$first_gz"
row "ECharts (loaded on demand)" "$(size "$dist"/vendor/echarts.min.js)" "$(gz "$dist"/vendor/echarts.min.js)"
# The documents module (crates/lazy), loaded when a document is first made.
if [ -e "$dist"/lazy/strategy-lazy_bg.wasm ]; then
  row "lazy module gzip (wasm)" "$(size "$dist"/lazy/strategy-lazy_bg.wasm)" "$(gz "$dist"/lazy/strategy-lazy_bg.wasm)"
  row "lazy module glue (JS)" "$(size "$dist"/lazy/strategy-lazy.js)" "$(gz "$dist"/lazy/strategy-lazy.js)"
fi

echo
cargo build -q -p strategy-cli --release --bin strategy
BENCH_WASM_GZ=$(gz "$wasm") BENCH_FIRST_GZ=$first_gz node tests/bench/bench.mjs
