#!/usr/bin/env bash
# npm run gen:kong: regenerates kong/kong.yml and kong/k8s/gateway.yaml from the services'
# route lists (no stack needed; decK is provisioned first if missing).
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
cd "$POS_ROOT"
[ -x "$DECK_BIN" ] || bash scripts/provision.sh
export DECK_BIN PATH="$NODE_HOME/bin:$PATH"
node scripts/gen-kong.ts
