#!/usr/bin/env bash
# npm run status: what runs, on which port, and whether it answers its health check.
set -uo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/run-file.sh"
. "$(dirname "$0")/lib/daemon.sh"
. "$(dirname "$0")/lib/server-supervisor.sh"

row() { # name port healthy?(command...)
  local name="$1" port="$2"; shift 2
  local state
  if "$@" >/dev/null 2>&1; then state="healthy"; elif port_open "$port"; then state="up, not healthy"; else state="down"; fi
  printf '  %-22s 127.0.0.1:%-6s %s\n' "$name" "$port" "$state"
}
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }
# What the servers' supervisord says of one (RUNNING, BACKOFF, STOPPED, FATAL …), under its row.
server_row() { # name port program check...
  local name="$1" port="$2" program="$3" said; shift 3
  row "$name" "$port" "$@"
  said=$(servers_ctl status "$program" 2>/dev/null | awk '$1 == "'"$program"'" { $1 = ""; sub(/^ +/, ""); print }')
  printf '  %-22s %s\n' "" "supervised: ${said:-no (infra.sh up starts it under supervisord)}"
}

echo "Infrastructure (logs: $POS_LOG_DIR)"
if [ -n "$POS_POSTGRES_URL" ]; then echo "  PostgreSQL             POS_POSTGRES_URL (yours)"
else server_row PostgreSQL "$POS_PG_PORT" postgres "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$POS_PG_PORT"; fi
if [ -n "$POS_MONGO_URL" ]; then echo "  MongoDB                POS_MONGO_URL (yours)"
else server_row "FerretDB (MongoDB)" "$POS_MONGO_PORT" ferretdb port_open "$POS_MONGO_PORT"; fi
if [ -n "$POS_KAFKA_BROKERS" ]; then echo "  Kafka                  POS_KAFKA_BROKERS (yours)"
else server_row Kafka "$POS_KAFKA_PORT" kafka port_open "$POS_KAFKA_PORT"; fi
if [ -n "$POS_ELASTICSEARCH_URL" ]; then echo "  Elasticsearch          POS_ELASTICSEARCH_URL (yours)"
else server_row Elasticsearch "$POS_ES_PORT" elasticsearch http_ok "http://127.0.0.1:$POS_ES_PORT/_cluster/health"; fi
server_row "Dapr scheduler" "$POS_SCHEDULER_PORT" scheduler-mtls http_ok "http://127.0.0.1:$POS_SCHEDULER_HEALTH_PORT/healthz"
server_row "Dapr Sentry (mTLS CA)" "$POS_SENTRY_PORT" sentry http_ok "http://127.0.0.1:$POS_SENTRY_HEALTH_PORT/healthz"

if [ "$POS_OBSERVE" = 0 ]; then echo "Observability: off (POS_OBSERVE=0)"
else
  echo "Observability"
  server_row Zipkin "$ZIPKIN_PORT" zipkin http_ok "http://127.0.0.1:$ZIPKIN_PORT/health"
  printf '  %-22s %s\n' "" "traces: http://127.0.0.1:$ZIPKIN_PORT/zipkin/"
  server_row Prometheus "$POS_PROMETHEUS_PORT" prometheus http_ok "http://127.0.0.1:$POS_PROMETHEUS_PORT/-/ready"
  printf '  %-22s %s\n' "" "graphs: http://127.0.0.1:$POS_PROMETHEUS_PORT/graph  alerts: http://127.0.0.1:$POS_PROMETHEUS_PORT/alerts"
fi

# ── Sidecar identities (mTLS) ────────────────────────────────────────────────────────────
# The SPIFFE id in the certificate a sidecar presents on its internal gRPC port: the
# identity Sentry gave it, which the callees' access policies name.
sidecar_identity() { # internal-grpc-port
  local id
  # s_client fails the handshake (it has no client certificate) after printing the sidecar's.
  id=$(openssl s_client -connect "127.0.0.1:$1" </dev/null 2>/dev/null \
    | openssl x509 -noout -ext subjectAltName 2>/dev/null | grep -o 'spiffe://[^, ]*' | head -n 1)
  echo "${id:-no mTLS identity}"
}
# ── end of sidecar identities ────────────────────────────────────────────────────────────

# dapr run does not restart an app whose process ended, and its sidecar still answers
# healthy: such an app is named loudly, with the end of its log.
newest_app_log() { ls -t "$POS_LOG_DIR"/apps/*/logs/"$1"_app_*.log 2>/dev/null | head -n 1; }
app_exited() { # app
  local log; log=$(newest_app_log "$1")
  [ -n "$log" ] && grep -q "The App process exited with error code\|Exited App successfully" "$log"
}

# What supervisord says of a program: RUNNING (pid, uptime), BACKOFF (exited, to be started
# again), FATAL (it kept exiting right after its start: a crash loop, given up on).
supervised() { # program
  supervisorctl -c "$POS_STATE_DIR/supervisor/services.conf" status "$1" 2>/dev/null | awk '{ $1 = ""; sub(/^ +/, ""); print }'
}

apps_of() { # run-file daemon
  local app sidecar http internal
  while read -r app sidecar http _ internal; do
    if [ "$2" = apps-supervisor ]; then
      row "$app app" "$http" http_ok "http://127.0.0.1:$http/healthz"
      printf '  %-22s %s\n' "" "supervised: $(supervised "apps:$app")"
      row "$app sidecar" "$sidecar" http_ok "http://127.0.0.1:$sidecar/v1.0/healthz"
      printf '  %-22s %s\n' "" "supervised: $(supervised "sidecars:$app-sidecar")"
    elif running "$2" && app_exited "$app"; then
      printf '  %-22s 127.0.0.1:%-6s %s\n' "$app app" "$http" "DIED: dapr run does not restart it (npm stop, then npm start)"
      tail -n 5 "$(newest_app_log "$app")" | cut -c1-300 | sed 's/^/      | /'
    else
      row "$app app" "$http" http_ok "http://127.0.0.1:$http/healthz"
    fi
    if [ "$2" != apps-supervisor ]; then row "$app sidecar" "$sidecar" http_ok "http://127.0.0.1:$sidecar/v1.0/healthz"; fi
    if port_open "$sidecar"; then printf '  %-22s %s\n' "" "identity: $(sidecar_identity "$internal")"; fi
  done < <(run_file_apps "$1")
}

echo "Midtrans simulator (log: $POS_LOG_DIR/midtrans-simulator.log)"
row "Midtrans simulator" 3900 http_ok "http://127.0.0.1:3900/_simulator/health"

echo "Apps (app port / sidecar HTTP port)"
apps_of "$POS_ROOT/dapr.yaml" apps-supervisor
echo "Dapr dashboard view (each sidecar's metadata API; on Kubernetes: k8s/dashboard)"
node "$POS_ROOT/scripts/lib/sidecar-metadata.ts" "$POS_ROOT/dapr.yaml"
if running dapr-run-probe; then
  echo "Test-only probe apps"
  apps_of "$POS_ROOT/tests/probe/dapr.yaml" dapr-run-probe
fi
