#!/usr/bin/env bash
# npm start: provisions what is missing, starts the infrastructure and the five apps, and
# stays in the foreground showing the apps' output. Ctrl-C (or npm stop) stops all of it.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/daemon.sh"

stop_all() {
  trap - INT TERM EXIT
  echo
  local stopped=0
  bash "$POS_ROOT/scripts/stop.sh" || stopped=$?
  rm -f "$NPM_START_MARKER"
  return "$stopped"
}
trap stop_all INT TERM EXIT
# Tells npm test that a person runs this stack, so it leaves it alone (scripts/test.sh).
mark_npm_start

started=$(date +%s)
bash "$POS_ROOT/scripts/provision.sh"
echo "Starting the infrastructure (logs: $POS_LOG_DIR)"
bash "$POS_ROOT/scripts/infra.sh" up
echo "Starting the apps"
bash "$POS_ROOT/scripts/apps.sh" up
echo "All five apps and sidecars are healthy after $(( $(date +%s) - started ))s. Ctrl-C stops everything."
bash "$POS_ROOT/scripts/status.sh" || true
# Follow the apps' output until dapr run ends (Ctrl-C here, or npm stop elsewhere).
tail -n 0 -f --pid="$(pid_of dapr-run)" "$POS_LOG_DIR/dapr-run.log" &
wait $! || true
