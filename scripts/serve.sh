#!/usr/bin/env bash
# Sets up everything that is missing, then serves Waymark at
# http://127.0.0.1:8080 with trunk (rebuilds on change).
# Pass --release to serve the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline "$@"
