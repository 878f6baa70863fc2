#!/usr/bin/env bash
# Installs what Waymark needs to build and test, and only what is missing or at
# the wrong version. Every tool comes from a package registry (rustup, crates.io,
# npm, Debian's apt); nothing is downloaded from anywhere else.
# Safe to run again: with everything present it finishes in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The splitter cargo-leptos uses for --split; its binary is wasm-split-cli.
WASM_SPLIT_VERSION=0.2.4
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    rustup component add "$comp"
  fi
done

# 2. Debian packages: Chromium and its driver for the browser tests; brotli
#    for the size budget.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
# Firefox (driven over WebDriver BiDi) and WebKit (WebKitWebDriver under Xvfb)
# for the cross-engine smoke tests.
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt+=(xvfb)
command -v xauth >/dev/null || need_apt+=(xauth)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# 3. Trunk, at exactly the version this project is built with. A debug build
#    of Trunk compiles in about half the time of a release one (Trunk's own
#    profile asks for fat LTO) and builds the app just as fast: its time goes
#    to rustc and wasm-opt, not to Trunk itself.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug
fi

# 3b. wasm-split-cli, which cuts the linked .wasm into a main module and one
#     lazily loaded chunk per screen (scripts/post-build.mjs runs it). A light
#     release profile: it is built once and runs for a fraction of a second.
if [ "$(cat "$HOME/.cargo/.waymark-wasm-split" 2>/dev/null)" != "$WASM_SPLIT_VERSION" ] || ! command -v wasm-split-cli >/dev/null; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
  echo "$WASM_SPLIT_VERSION" > "$HOME/.cargo/.waymark-wasm-split"
fi

# 4. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#    (a mismatch makes Trunk try to download its own copy, which fails here).
if [ -f Cargo.lock ]; then
  WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  if [ -n "$WB_VERSION" ] && ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WB_VERSION"; then
    log "installing wasm-bindgen-cli $WB_VERSION"
    # --locked fails for this crate (its lockfile names a yanked version).
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
  fi
  # Trunk.toml must pin the same version, or Trunk will try to download.
  if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
    echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WB_VERSION\" (the version in Cargo.lock)" >&2
    exit 1
  fi
fi

# 5. npm packages (playwright-core, binaryen's wasm-opt, axe-core, ...).
#    playwright-core never downloads a browser; we drive Debian's Chromium.
if [ -f package-lock.json ]; then
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.waymark-lock; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.waymark-lock
  fi
fi

# 6. Every crate the build needs, so later steps can run with --offline.
cargo fetch --locked --quiet

log "ready"
