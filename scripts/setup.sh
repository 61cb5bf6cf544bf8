#!/usr/bin/env bash
# Makes this machine ready to build and test Strategy Studio. Idempotent: each
# step checks first and skips what is already there, so a second run takes
# seconds. Downloads nothing but packages from the package registries
# (crates.io, npm, Debian).
#
# Writes .setup/env, which the other scripts source: it selects the Rust
# toolchain that can build wasm32 on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
STATE=.setup
mkdir -p "$STATE"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
ok() { printf '    %s\n' "$*"; }

APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# --- Rust --------------------------------------------------------------------
step "Rust toolchain"
if command -v cargo >/dev/null && command -v rustc >/dev/null; then
  ok "$(rustc --version)"
else
  ok "no Rust found: installing Debian's rustc and cargo"
  apt_install rustc cargo
fi

# --- wasm32 target -----------------------------------------------------------
# The normal way is `rustup target add`. Where rustup cannot download it, build
# the wasm32 standard library from Debian's rust-web-src with Debian's rustc-web
# and link that as a toolchain named "web" (see shared/TOOLCHAIN.md).
step "wasm32-unknown-unknown target"
has_stock_wasm() { command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }
has_web_toolchain() {
  command -v rustup >/dev/null && rustup toolchain list 2>/dev/null | grep -q '^web' &&
    ls /usr/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib >/dev/null 2>&1
}
TOOLCHAIN=""
if has_stock_wasm; then
  ok "installed with rustup"
elif has_web_toolchain; then
  TOOLCHAIN=web
  ok "toolchain 'web' (Debian rustc-web with a self-built wasm32 std)"
elif command -v rustup >/dev/null && timeout 60 rustup target add wasm32-unknown-unknown; then
  ok "added with rustup"
else
  ok "rustup cannot download it here: building it from Debian's rustc-web (about 2 minutes)"
  apt_install rustc-web cargo-web rust-web-src lld-22
  $SUDO mkdir -p /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin
  $SUDO ln -sf /usr/lib/llvm-22/bin/lld /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
  probe=$(mktemp -d)
  mkdir -p "$probe/src"
  printf '[package]\nname = "wasm-std-probe"\nversion = "0.0.0"\nedition = "2021"\n[lib]\ncrate-type = ["cdylib"]\n' >"$probe/Cargo.toml"
  printf '#[no_mangle]\npub extern "C" fn probe() -> u32 { 1 }\n' >"$probe/src/lib.rs"
  (cd "$probe" && CARGO_PROFILE_RELEASE_LTO=true RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    /usr/bin/cargo build -q --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,test)
  $SUDO mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib
  find "$probe/target/wasm32-unknown-unknown/release/deps" -name 'lib*.rlib' ! -name 'libwasm_std_probe*' \
    -exec $SUDO cp {} /usr/lib/rustlib/wasm32-unknown-unknown/lib/ \;
  rm -rf "$probe"
  rustup toolchain link web /usr
  TOOLCHAIN=web
  ok "toolchain 'web' ready"
fi
if [ -n "$TOOLCHAIN" ]; then
  echo "export RUSTUP_TOOLCHAIN=$TOOLCHAIN" >"$STATE/env.new"
else
  : >"$STATE/env.new"
fi
echo "export CHROMEDRIVER=/usr/bin/chromedriver" >>"$STATE/env.new"
echo "export PATH=\"$HOME/.cargo/bin:$PWD/node_modules/.bin:\$PATH\"" >>"$STATE/env.new"
mv "$STATE/env.new" "$STATE/env"

# --- trunk and wasm-bindgen ----------------------------------------------------
step "trunk 0.21"
if trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  ok "$(trunk --version)"
else
  ok "cargo install trunk (about 10–20 minutes, once)"
  cargo install trunk --version '~0.21' --locked
fi

step "wasm-bindgen CLI 0.2.130 (must match the wasm-bindgen crate)"
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen 0.2.130" ] && command -v wasm-bindgen-test-runner >/dev/null; then
  ok "wasm-bindgen 0.2.130"
else
  ok "cargo install wasm-bindgen-cli (a few minutes, once)"
  cargo install wasm-bindgen-cli --version 0.2.130 --force
fi

# --- browsers ------------------------------------------------------------------
step "Chromium and ChromeDriver"
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  ok "$(chromedriver --version | cut -d' ' -f1-2)"
else
  apt_install chromium chromium-driver fonts-dejavu-core
fi

# The Documents e2e test reads the printed PDF's pages (pdftotext, pdfinfo).
step "poppler-utils (PDF text, for the tests)"
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
  ok "$(pdftotext -v 2>&1 | head -n1)"
else
  apt_install poppler-utils
fi

# --- npm packages ----------------------------------------------------------------
step "npm packages (Playwright, wasm-opt, ECharts) from package-lock.json"
if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  ok "up to date"
else
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi

step "ready"
