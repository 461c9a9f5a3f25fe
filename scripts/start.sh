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
# Follow the apps' output, and the supervisors' account of them and of the servers (one that
# exited and was started again), until the supervisor stops (Ctrl-C here, or npm stop elsewhere). One
# that keeps dying right after its start is given up on: that is said so it cannot be missed.
follow_apps() {
  local line
  while IFS= read -r line; do
    printf '%s\n' "$line"
    case "$line" in
      *"gave up: "*)
        printf '\n!!!!!! %s\n!!!!!! It kept exiting right after its start; npm run status names it, its log says why.\n\n' "$line" ;;
    esac
  done
}
tail -q -n 0 -F --pid="$(pid_of apps-supervisor)" "$POS_LOG_DIR/supervisord.log" "$POS_LOG_DIR/servers-supervisord.log" \
  "$POS_LOG_DIR"/apps/*/logs/*_app_supervised.log 2>/dev/null | follow_apps &
wait $! || true
