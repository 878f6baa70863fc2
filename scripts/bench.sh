#!/usr/bin/env bash
# The benchmark: builds the release, then prints the sizes, Lighthouse
# (mobile), the journal's speed with an empty store and with ten years of
# history at 1x and 4x CPU slowdown, and how many years fit in the storage
# quota, as a table and as JSON (also written to bench-results/latest.json).
# It measures only; it is not part of the test command and never fails
# because a figure missed its target. Takes about 15 minutes on two cores.
# Extra arguments go to scripts/bench.mjs (--quick, --no-lighthouse,
# --no-capacity, --only=empty|ten).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

printf '\033[1mbench:\033[0m building the release\n'
trunk build --release --offline
node scripts/sizes.mjs
# The ten-year history and capacity generator, built natively.
cargo build --release --offline --quiet --example gen_history
node scripts/bench.mjs "$@"
