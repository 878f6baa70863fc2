#!/usr/bin/env bash
# The benchmark: builds the release, then prints the first load of /,
# Lighthouse (mobile), the cold start to the home screen's clean-time card
# from the service worker (empty store and ten years of history), Help from a
# fresh profile, and opening a screen not yet visited, as a table (before,
# after, target, met) and as JSON (also written to bench-results/latest.json).
# It measures only; it is not part of the test command and never fails
# because a figure missed its target. Takes about 5 minutes on two cores.
#
# Environment:
#   WAYMARK_DIST=DIR          measure DIR (a release build) instead of
#                             building into dist/
#   WAYMARK_BENCH_BEFORE=DIR  also measure an older build folder, for the
#                             "before" column (passed as --before=DIR)
# Extra arguments go to scripts/bench.mjs (--quick, --journal, --unlock,
# --capacity, --all, --no-lighthouse, --lighthouse-runs=N, --only=empty|ten).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if [ -z "${WAYMARK_DIST:-}" ]; then
  printf '\033[1mbench:\033[0m building the release\n'
  trunk build --release --offline
fi
node scripts/sizes.mjs
# The ten-year history and capacity generator, built natively.
cargo build --release --offline --quiet --example gen_history

before=()
if [ -n "${WAYMARK_BENCH_BEFORE:-}" ]; then
  before=("--before=$WAYMARK_BENCH_BEFORE")
fi
node scripts/bench.mjs ${before[@]+"${before[@]}"} "$@"
