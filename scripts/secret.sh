#!/usr/bin/env bash
# npm run -s secret <key>: one value from the local secrets file (e.g. admin-email), read with
# the project's own Node.js, whatever node the shell has.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
exec node "$POS_ROOT/scripts/lib/secret.ts" "$@"
