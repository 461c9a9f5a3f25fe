#!/usr/bin/env bash
# Runs apps and their sidecars:   apps.sh up|down [services|probe]
#   services: the six apps of dapr.yaml (the default), each app and each sidecar a supervisord
#             program that is started again when it exits (scripts/lib/supervisor-config.ts)
#   probe:    the two test-only apps of tests/probe/dapr.yaml, under `dapr run -f`
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/daemon.sh"
. "$(dirname "$0")/lib/run-file.sh"

GROUP="${2:-services}"
case "$GROUP" in
  services) RUN_FILE="$POS_ROOT/dapr.yaml"; DAEMON=apps-supervisor ;;
  probe) RUN_FILE="$POS_ROOT/tests/probe/dapr.yaml"; DAEMON=dapr-run-probe ;;
  *) die "unknown app group $GROUP (services or probe)" ;;
esac
# Each app and its daprHTTPPort, as the run file fixes them.
declare -A SIDECAR_PORT=()
APPS=()
APP_DIRS=()
RUN_FILE_APPS=$(run_file_apps "$RUN_FILE") || die "cannot read $RUN_FILE"
while read -r app sidecar _ dir _; do APPS+=("$app"); SIDECAR_PORT[$app]=$sidecar; APP_DIRS+=("$dir"); done <<< "$RUN_FILE_APPS"

# The CLI runs $DAPR_RUNTIME_PATH/.dapr/bin/daprd. This wrapper keeps the listeners that
# dapr.yaml cannot set (metrics, internal gRPC, the address announced over mDNS) on loopback,
# and adds what the run file cannot express: see sidecar_security below.
write_daprd_wrapper() {
  local wrapper="$DAPR_RUNTIME_PATH/.dapr/bin/daprd"
  mkdir -p "$(dirname "$wrapper")"
  cat > "$wrapper" <<EOF
#!/usr/bin/env bash
export DAPR_HOST_IP=127.0.0.1
case "\${1:-}" in --version|-version) exec "$(dapr_binary daprd)" "\$@" ;; esac
$(sidecar_security)
exec "$(dapr_binary daprd)" "\$@" --metrics-listen-address 127.0.0.1 --dapr-internal-grpc-listen-address 127.0.0.1 \\
  --enable-mtls --sentry-address 127.0.0.1:$POS_SENTRY_PORT --control-plane-trust-domain cluster.local --control-plane-namespace default
EOF
  chmod +x "$wrapper"
}

# ── Sidecar security (README, Security) ──────────────────────────────────────────────────
# The wrapper's lines that give each sidecar, found by its --app-id:
# - mTLS: Sentry's root certificate (DAPR_TRUST_ANCHORS); its identity is then
#   spiffe://public/ns/default/<app-id>, certified by Sentry (the flags above);
# - DAPR_API_TOKEN, which its API demands of callers, and APP_API_TOKEN, which it sends its
#   app; both the app's own, from the secrets file (the app gets them from with-app-tokens.sh).
sidecar_security() {
  cat <<EOF
set -euo pipefail  # a sidecar with no token or no trust anchor must not start at all
app_id=""; previous=""
for arg in "\$@"; do if [ "\$previous" = --app-id ]; then app_id="\$arg"; fi; previous="\$arg"; done
secret() { node "$POS_ROOT/scripts/lib/secret.ts" "\$app_id-\$1"; }
DAPR_TRUST_ANCHORS="\$(cat "$SENTRY_CREDENTIALS/ca.crt")"
DAPR_API_TOKEN="\$(secret dapr-api-token)"
APP_API_TOKEN="\$(secret app-api-token)"
export DAPR_TRUST_ANCHORS DAPR_API_TOKEN APP_API_TOKEN NAMESPACE=default
EOF
}
# ── end of sidecar security ──────────────────────────────────────────────────────────────

# dapr run writes <appDirPath>/.dapr/logs; point each such folder into the one log folder.
link_app_logs() {
  local dir name
  for dir in "${APP_DIRS[@]}"; do
    name="$(basename "$dir")"
    mkdir -p "$POS_LOG_DIR/apps/$name"
    # A link is renewed (the log folder may have moved); a real folder is left as it is.
    if [ -L "$dir/.dapr" ] || [ ! -e "$dir/.dapr" ]; then ln -sfn "$POS_LOG_DIR/apps/$name" "$dir/.dapr"; fi
  done
}

RUN_LOG="$POS_LOG_DIR/$DAEMON.log"

# ── The Midtrans simulator (packages/midtrans-simulator) ─────────────────────────────────
# Stands in for Midtrans beside the apps: order reaches it through midtrans-client
# (MIDTRANS_BASE_URL in dapr.yaml) and it posts notifications to order's webhook. It knows the
# server key of the secrets file, as Midtrans knows the merchant's. Its log: midtrans-simulator.log.
MIDTRANS_SIMULATOR_PORT=3900
MIDTRANS_NOTIFICATION_URL=http://127.0.0.1:3005/payments/midtrans/notifications
start_midtrans_simulator() {
  start_daemon midtrans-simulator env MIDTRANS_SIMULATOR_PORT="$MIDTRANS_SIMULATOR_PORT" \
    MIDTRANS_SERVER_KEY="$(node "$POS_ROOT/scripts/lib/secret.ts" midtrans-server-key)" \
    MIDTRANS_NOTIFICATION_URL="$MIDTRANS_NOTIFICATION_URL" node "$POS_ROOT/packages/midtrans-simulator/src/main.ts"
}
midtrans_simulator_up() {
  if running midtrans-simulator; then echo "  ✓ Midtrans simulator already running"
  else step "start the Midtrans simulator (127.0.0.1:$MIDTRANS_SIMULATOR_PORT)" start_midtrans_simulator; fi
  step "Midtrans simulator healthy" wait_up midtrans-simulator 20 curl -fsS --max-time 5 "http://127.0.0.1:$MIDTRANS_SIMULATOR_PORT/_simulator/health"
}
# ── end of the Midtrans simulator ────────────────────────────────────────────────────────

# ── The till's web app (services/till/build.ts) ──────────────────────────────────────────
# Bundled into services/till/dist/, which the till app serves; the build does nothing when its
# inputs have not changed since the last one.
till_web_built() {
  local outcome
  outcome=$(cd "$POS_ROOT/services/till" && node build.ts) || { echo "  ✗ the till's web app did not build: cd services/till && node build.ts" >&2; return 1; }
  echo "  ✓ $outcome"
}
# ── end of the till's web app ────────────────────────────────────────────────────────────

unhealthy_sidecars() {
  local app
  for app in "${APPS[@]}"; do
    curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:${SIDECAR_PORT[$app]}/v1.0/healthz" 2>/dev/null || printf '%s ' "$app"
  done
}

# Fails as soon as an app or a sidecar exits, naming it and its last error, instead of
# waiting out the timeout.
wait_for_sidecars() { # log-offset
  local deadline=$(( $(date +%s) + 120 )) unhealthy died fatal program
  while unhealthy=$(unhealthy_sidecars); [ -n "$unhealthy" ]; do
    died=$(tail -c +"$1" "$RUN_LOG" | grep -m1 "exited with error code" || true)
    fatal=$(fatal_programs)
    if [ -n "$fatal" ]; then
      echo "during start-up these kept exiting: $fatal"
      for program in $fatal; do program=${program#*:}; find "$POS_LOG_DIR/apps" -name "${program%-sidecar}_*_supervised.log" -exec tail -n 3 {} + 2>/dev/null | cut -c1-400; done
      return 1
    fi
    if [ -n "$died" ] || ! running "$DAEMON"; then
      echo "during start-up: ${died:-dapr run exited}"
      find "$POS_LOG_DIR/apps" -name '*daprd*.log' -newer "$PID_DIR/$DAEMON.pid" -exec grep -h 'level=fatal' {} + 2>/dev/null \
        | tail -n 3 | cut -c1-400
      echo "logs: $RUN_LOG and $POS_LOG_DIR/apps/<app>/logs/"
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "not healthy within 120s: $unhealthy(logs: $POS_LOG_DIR/apps/<app>/logs/)"; return 1
    fi
    sleep 0.3
  done
}

# What the running apps were started for: apps of another checkout, or on another POS_ENV's
# databases (a test stack left up, a killed run), must not be taken for ours.
STARTED_FOR="$PID_DIR/$DAEMON.for"
started_for() { echo "POS_ENV=$POS_ENV root=$POS_ROOT"; }

SUPERVISOR_DIR="$POS_STATE_DIR/supervisor"
SUPERVISOR_CONF="$SUPERVISOR_DIR/$GROUP.conf"

start_apps() {
  write_daprd_wrapper
  link_app_logs
  if [ "$DAEMON" = apps-supervisor ]; then
    mkdir -p "$SUPERVISOR_DIR"
    node "$POS_ROOT/scripts/lib/supervisor-config.ts" "$RUN_FILE" "$SUPERVISOR_DIR" "$POS_LOG_DIR" "$DAPR_RUNTIME_PATH/.dapr/bin/daprd" > "$SUPERVISOR_CONF"
    start_daemon "$DAEMON" supervisord -c "$SUPERVISOR_CONF"
  else
    (cd "$(dirname "$RUN_FILE")" && start_daemon "$DAEMON" "$(command -v dapr)" run -f "$(basename "$RUN_FILE")")
  fi
  started_for > "$STARTED_FOR"
}

# Programs supervisord has given up on (they kept dying within seconds of their start).
fatal_programs() {
  [ "$DAEMON" = apps-supervisor ] || return 0
  supervisorctl -c "$SUPERVISOR_CONF" status 2>/dev/null | awk '$2 == "FATAL" { printf "%s ", $1 }'
}

up() {
  if [ "$GROUP" = services ] && running dapr-run; then echo "  … the apps run under dapr run -f (an older checkout); restarting them supervised"; down; fi
  if running "$DAEMON" && [ "$(cat "$STARTED_FOR" 2>/dev/null)" != "$(started_for)" ]; then
    echo "  … $GROUP run for $(cat "$STARTED_FOR" 2>/dev/null || echo 'an unknown checkout'); restarting them for $(started_for)"
    down
  fi
  if [ "$GROUP" = services ]; then midtrans_simulator_up || return 1; till_web_built || return 1; fi
  local offset=$(( $(stat -c %s "$RUN_LOG" 2>/dev/null || echo 0) + 1 ))
  if running "$DAEMON"; then echo "  ✓ $GROUP already running"
  elif [ "$DAEMON" = apps-supervisor ]; then step "start ${APPS[*]} under supervisord, from ${RUN_FILE#"$POS_ROOT"/}" start_apps
  else step "start ${APPS[*]} (dapr run -f ${RUN_FILE#"$POS_ROOT"/})" start_apps; fi
  # A half-started run is stopped, so the next start begins afresh.
  step "sidecars healthy (${APPS[*]})" wait_for_sidecars "$offset" || { down; return 1; }
}

down() {
  stop_daemon "$DAEMON" 60
  # The apps as checkouts before the supervisor ran them: one `dapr run -f`.
  if [ "$GROUP" = services ]; then stop_daemon dapr-run 30; stop_daemon midtrans-simulator 10; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: apps.sh up|down" ;;
esac
