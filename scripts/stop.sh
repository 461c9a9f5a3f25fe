#!/usr/bin/env bash
# npm stop: stops the apps, their sidecars and the infrastructure that npm start or npm test started.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"

echo "Stopping the POS stack"
step "stop the test-only probe apps" bash "$POS_ROOT/scripts/apps.sh" down probe
step "stop the apps and sidecars" bash "$POS_ROOT/scripts/apps.sh" down
step "stop the infrastructure" bash "$POS_ROOT/scripts/infra.sh" down
