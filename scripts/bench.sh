#!/usr/bin/env bash
# npm run bench: starts what the benchmarks need, runs each bench/*.bench.ts, prints figures.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
cd "$POS_ROOT"
bash scripts/provision.sh >/dev/null
bash scripts/infra.sh up >/dev/null
bash scripts/apps.sh up >/dev/null
bash scripts/apps.sh up probe >/dev/null
for bench in bench/*.bench.ts; do node "$bench"; done
