#!/usr/bin/env bash
# Sets up everything that is missing, then runs every test layer:
#   1. formatting and clippy (native and wasm32)
#   2. native unit tests of the domain, content and data layers
#   3. component tests (wasm-bindgen-test) in headless Chromium
#   4. a release build and its size budget
#   5. smoke tests of that build in Firefox and WebKit
#   6. the Playwright end-to-end and accessibility tests in Debian's Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. cargo fmt and clippy (native and wasm32)"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "2. native tests"
cargo test

step "3. component tests in headless Chromium"
cargo test --target wasm32-unknown-unknown --test components

step "4. release build"
trunk build --release --offline

step "5. size budget, the static Help page and the split loader stub"
node scripts/sizes.mjs --check
node --test tests/static-help.test.mjs tests/split-stub.test.mjs

step "6. smoke tests in Firefox and WebKit"
node --test --test-concurrency=1 tests/engines/

step "7. end-to-end and accessibility tests in Chromium"
node --test --test-concurrency=1 tests/e2e/
