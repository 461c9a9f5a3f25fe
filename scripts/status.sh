#!/usr/bin/env bash
# npm run status: what runs, on which port, and whether it answers its health check.
set -uo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/run-file.sh"

row() { # name port healthy?(command...)
  local name="$1" port="$2"; shift 2
  local state
  if "$@" >/dev/null 2>&1; then state="healthy"; elif port_open "$port"; then state="up, not healthy"; else state="down"; fi
  printf '  %-22s 127.0.0.1:%-6s %s\n' "$name" "$port" "$state"
}
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

echo "Infrastructure (logs: $POS_LOG_DIR)"
if [ -n "$POS_POSTGRES_URL" ]; then echo "  PostgreSQL             POS_POSTGRES_URL (yours)"
else row PostgreSQL "$POS_PG_PORT" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$POS_PG_PORT"; fi
if [ -n "$POS_MONGO_URL" ]; then echo "  MongoDB                POS_MONGO_URL (yours)"
else row "FerretDB (MongoDB)" "$POS_MONGO_PORT" port_open "$POS_MONGO_PORT"; fi
if [ -n "$POS_KAFKA_BROKERS" ]; then echo "  Kafka                  POS_KAFKA_BROKERS (yours)"
else row Kafka "$POS_KAFKA_PORT" port_open "$POS_KAFKA_PORT"; fi
if [ -n "$POS_ELASTICSEARCH_URL" ]; then echo "  Elasticsearch          POS_ELASTICSEARCH_URL (yours)"
else row Elasticsearch "$POS_ES_PORT" http_ok "http://127.0.0.1:$POS_ES_PORT/_cluster/health"; fi
row "Dapr scheduler" "$POS_SCHEDULER_PORT" http_ok "http://127.0.0.1:$POS_SCHEDULER_HEALTH_PORT/healthz"
row "Dapr Sentry (mTLS CA)" "$POS_SENTRY_PORT" http_ok "http://127.0.0.1:$POS_SENTRY_HEALTH_PORT/healthz"

# ── Sidecar identities (mTLS) ────────────────────────────────────────────────────────────
# The SPIFFE id in the certificate a sidecar presents on its internal gRPC port: the
# identity Sentry gave it, which the callees' access policies name.
internal_port() { # app
  awk -v app="$1" '/appID:/ { id = $NF } /daprInternalGRPCPort:/ && id == app { print $NF; exit }' "$POS_ROOT/dapr.yaml"
}
sidecar_identity() { # app
  local port; port=$(internal_port "$1")
  openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null \
    | openssl x509 -noout -ext subjectAltName 2>/dev/null | grep -o 'spiffe://[^, ]*' || echo "no mTLS identity"
}
# ── end of sidecar identities ────────────────────────────────────────────────────────────

echo "Apps (app port / sidecar HTTP port)"
while read -r app sidecar http _; do
  row "$app app" "$http" http_ok "http://127.0.0.1:$http/healthz"
  row "$app sidecar" "$sidecar" http_ok "http://127.0.0.1:$sidecar/v1.0/healthz"
  if port_open "$sidecar"; then printf '  %-22s %s\n' "" "identity: $(sidecar_identity "$app")"; fi
done < <(run_file_apps "$POS_ROOT/dapr.yaml")
