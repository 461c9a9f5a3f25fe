#!/usr/bin/env bash
# npm start: provisions what is missing, starts the infrastructure and the six apps, and
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
echo "All six apps and sidecars are healthy after $(( $(date +%s) - started ))s. Ctrl-C stops everything."
bash "$POS_ROOT/scripts/status.sh" || true
# The till's port, as dapr.yaml gives it (scripts/lib/run-file.ts prints app, sidecar, HTTP port).
till_port=$(node "$POS_ROOT/scripts/lib/run-file.ts" "$POS_ROOT/dapr.yaml" | awk '$1 == "till" { print $3 }')
echo
echo "The till (the cashier's web app): http://127.0.0.1:$till_port/"
echo
# Follow the apps' output until dapr run ends (Ctrl-C here, or npm stop elsewhere). dapr run
# neither restarts an app that exits nor stops: that line is repeated so it cannot be missed.
follow_apps() {
  local line
  while IFS= read -r line; do
    printf '%s\n' "$line"
    case "$line" in
      *"The App process exited with error code"*)
        printf '\n!!!!!! AN APP HAS DIED and will not be restarted: %s\n!!!!!! npm run status names it; npm stop, then npm start.\n\n' "$line" ;;
    esac
  done
}
tail -n 0 -f --pid="$(pid_of dapr-run)" "$POS_LOG_DIR/dapr-run.log" | follow_apps &
wait $! || true
