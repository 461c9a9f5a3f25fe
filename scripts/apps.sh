#!/usr/bin/env bash
# Runs the five apps and their sidecars with `dapr run -f dapr.yaml`.   apps.sh up | down
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/daemon.sh"

APPS=(user product inventory product-query order)
# daprHTTPPort of each app, as dapr.yaml fixes them.
declare -A SIDECAR_PORT=([user]=3501 [product]=3502 [inventory]=3503 [product-query]=3504 [order]=3505)

# The CLI runs $DAPR_RUNTIME_PATH/.dapr/bin/daprd. This wrapper keeps the listeners that
# dapr.yaml cannot set (metrics, internal gRPC, the address announced over mDNS) on loopback.
write_daprd_wrapper() {
  local wrapper="$DAPR_RUNTIME_PATH/.dapr/bin/daprd"
  mkdir -p "$(dirname "$wrapper")"
  cat > "$wrapper" <<EOF
#!/usr/bin/env bash
export DAPR_HOST_IP=127.0.0.1
case "\${1:-}" in --version|-version) exec "$(dapr_binary daprd)" "\$@" ;; esac
exec "$(dapr_binary daprd)" "\$@" --metrics-listen-address 127.0.0.1 --dapr-internal-grpc-listen-address 127.0.0.1
EOF
  chmod +x "$wrapper"
}

# dapr run writes <app>/.dapr/logs; point that folder into the one log folder.
link_app_logs() {
  local app
  for app in "${APPS[@]}"; do
    mkdir -p "$POS_LOG_DIR/apps/$app"
    [ -e "$POS_ROOT/services/$app/.dapr" ] || ln -s "$POS_LOG_DIR/apps/$app" "$POS_ROOT/services/$app/.dapr"
  done
}

sidecars_healthy() {
  local app
  for app in "${APPS[@]}"; do
    curl -fsS -o /dev/null "http://127.0.0.1:${SIDECAR_PORT[$app]}/v1.0/healthz" || return 1
  done
}

start_apps() {
  write_daprd_wrapper
  link_app_logs
  (cd "$POS_ROOT" && start_daemon dapr-run "$(command -v dapr)" run -f dapr.yaml)
}

up() {
  if running dapr-run; then echo "  ✓ apps already running"; else step "start the apps (dapr run -f dapr.yaml)" start_apps; fi
  step "all sidecars healthy (${APPS[*]})" wait_up dapr-run 120 sidecars_healthy
}

down() {
  stop_daemon dapr-run 30
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: apps.sh up|down" ;;
esac
