#!/usr/bin/env bash
# Starts and stops the infrastructure on 127.0.0.1: PostgreSQL, FerretDB, Kafka (KRaft),
# Elasticsearch, the Dapr scheduler, Dapr Sentry (the mTLS certificate authority), and
# Zipkin and Prometheus unless POS_OBSERVE=0.   infra.sh up | down
# A piece given by a POS_*_URL variable is the user's own and is left alone.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/daemon.sh"

PG_DATA="$POS_DATA_DIR/postgres"
ES_DATA="$POS_DATA_DIR/elasticsearch"
ES_CONF="$POS_STATE_DIR/elasticsearch-config"
# Kafka's and the scheduler's stores remember their own addresses: a new port starts a new store.
KAFKA_DATA="$POS_DATA_DIR/kafka-$POS_KAFKA_CONTROLLER_PORT"
SCHEDULER_DATA="$POS_DATA_DIR/scheduler-$POS_SCHEDULER_ETCD_PEER_PORT"
KAFKA_CONF="$POS_STATE_DIR/kafka"

write_secrets() { node "$POS_ROOT/scripts/lib/write-secrets.ts"; }
secret() { node "$POS_ROOT/scripts/lib/secret.ts" "$1"; }

start_postgres() {
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp); secret postgres-password > "$pwfile"
    mkdir -p "$PG_DATA" && owned_by_postgres "$PG_DATA" "$pwfile"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U pos -A scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8
    rm -f "$pwfile"
  fi
  touch "$POS_LOG_DIR/postgres.log" && owned_by_postgres "$POS_LOG_DIR/postgres.log"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$POS_LOG_DIR/postgres.log" -w -t 60 start \
    -o "-p $POS_PG_PORT -k /tmp -c listen_addresses=127.0.0.1"
}

create_databases() { node "$POS_ROOT/scripts/lib/create-databases.ts"; }

start_ferretdb() {
  # --state-dir: FerretDB writes its state.json there, by default into whatever folder we start it from.
  mkdir -p "$POS_DATA_DIR/ferretdb" "$POS_DATA_DIR/ferretdb-state"
  start_daemon ferretdb "$FERRETDB_BIN" --handler=sqlite "--sqlite-url=file:$POS_DATA_DIR/ferretdb/" \
    "--state-dir=$POS_DATA_DIR/ferretdb-state" \
    "--listen-addr=127.0.0.1:$POS_MONGO_PORT" "--debug-addr=127.0.0.1:$POS_MONGO_DEBUG_PORT" --telemetry=disable --log-level=warn
}

write_kafka_config() {
  mkdir -p "$KAFKA_CONF" "$KAFKA_DATA"
  cat > "$KAFKA_CONF/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$POS_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$POS_KAFKA_PORT,CONTROLLER://127.0.0.1:$POS_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$POS_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  cat > "$KAFKA_CONF/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF
}

start_kafka() {
  write_kafka_config
  local java=(java -Xms256m -Xmx512m "-Dlog4j.configuration=file:$KAFKA_CONF/log4j.properties" -cp "$KAFKA_HOME/libs/*")
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    "${java[@]}" kafka.tools.StorageTool format -t "$("${java[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$KAFKA_CONF/server.properties" >> "$POS_LOG_DIR/kafka.log" 2>&1
  fi
  start_daemon kafka "${java[@]}" kafka.Kafka "$KAFKA_CONF/server.properties"
}

start_elasticsearch() {
  if [ ! -d "$ES_CONF" ]; then cp -r "$ES_HOME/config" "$ES_CONF"; fi
  mkdir -p "$ES_DATA" "$POS_LOG_DIR/elasticsearch"
  owned_by_infra_user "$ES_CONF" "$ES_DATA" "$POS_LOG_DIR/elasticsearch"
  ES_PATH_CONF="$ES_CONF" ES_JAVA_HOME="$JAVA_HOME" ES_JAVA_OPTS="-Xms$POS_ES_HEAP -Xmx$POS_ES_HEAP" \
    start_daemon_as_infra_user elasticsearch "$ES_HOME/bin/elasticsearch" \
    -E discovery.type=single-node -E xpack.security.enabled=false -E network.host=127.0.0.1 \
    -E http.port="$POS_ES_PORT" -E transport.port="$POS_ES_TRANSPORT_PORT" \
    -E path.data="$ES_DATA" -E path.logs="$POS_LOG_DIR/elasticsearch" \
    -E cluster.routing.allocation.disk.threshold_enabled=false
}

# Sidecars with mTLS talk mTLS to the scheduler too: it takes its identity from Sentry
# (so Sentry starts first). It runs as daemon "scheduler-mtls" on ports of its own, so a
# plaintext scheduler that an older checkout started on the shared machine can coexist.
start_scheduler() {
  mkdir -p "$SCHEDULER_DATA" "$POS_STATE_DIR/scheduler-identity" && chmod 700 "$POS_STATE_DIR/scheduler-identity"
  # 1.16.5 ignores the healthz/metrics listen-address flags: those two ports bind all interfaces.
  NAMESPACE=default start_daemon scheduler-mtls "$(dapr_binary scheduler)" --port "$POS_SCHEDULER_PORT" --listen-address 127.0.0.1 \
    --etcd-data-dir "$SCHEDULER_DATA" --id dapr-scheduler-server-0 \
    --etcd-client-port "$POS_SCHEDULER_ETCD_PORT" --etcd-client-listen-address 127.0.0.1 \
    --etcd-initial-cluster "dapr-scheduler-server-0=http://127.0.0.1:$POS_SCHEDULER_ETCD_PEER_PORT" \
    --override-broadcast-host-port "127.0.0.1:$POS_SCHEDULER_PORT" \
    --healthz-port "$POS_SCHEDULER_HEALTH_PORT" --metrics-port "$POS_SCHEDULER_METRICS_PORT" \
    --tls-enabled --trust-domain cluster.local --trust-anchors-file "$SENTRY_CREDENTIALS/ca.crt" \
    --sentry-address "127.0.0.1:$POS_SENTRY_PORT" --identity-directory-write "$POS_STATE_DIR/scheduler-identity/current"
}

# ── Dapr Sentry: the certificate authority behind the sidecars' mTLS ─────────────────────
# On its first start it writes a root (ca.crt) and an issuer certificate and key into
# $SENTRY_CREDENTIALS; the umask keeps them 0600. Sidecars trust ca.crt (apps.sh).
start_sentry() {
  mkdir -p "$SENTRY_CREDENTIALS" && chmod 700 "$SENTRY_CREDENTIALS"
  (umask 077 && start_daemon sentry "$(dapr_binary sentry)" --issuer-credentials "$SENTRY_CREDENTIALS" \
    --trust-domain cluster.local --config "$POS_ROOT/components/sentry/daprsystem.yaml" \
    --port "$POS_SENTRY_PORT" --listen-address 127.0.0.1 \
    --healthz-port "$POS_SENTRY_HEALTH_PORT" --healthz-listen-address 127.0.0.1 \
    --metrics-port "$POS_SENTRY_METRICS_PORT" --metrics-listen-address 127.0.0.1)
}
# Every probe has a time limit: a server that accepts and never answers (Zipkin out of memory
# did) would otherwise hold the start for ever.
sentry_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_SENTRY_HEALTH_PORT/healthz" && [ -s "$SENTRY_CREDENTIALS/ca.crt" ]; }
# ── end of Dapr Sentry ─────────────────────────────────────────────────────────────────

# ── Observability: Zipkin (traces) and Prometheus (metrics, alerts); POS_OBSERVE=0 leaves them out ──
# Zipkin keeps spans in memory, capped so its heap holds them: an app's span carries its
# resource's tags (process, host), 5–7 KB of heap each (50 000 filled 370 MB); 100 000 in a
# 256 MB heap ran out and left Zipkin alive but unhealthy, so every start waited on it. 25 000
# spans are a few minutes of a full test run. Should it still run out, it exits, and the next
# start replaces it. C1 only, to start fast on few cores. Its server is Armeria's: --server.address is
# ignored (it listened on every interface).
# Its server closes a keep-alive connection idle for 15 s, while the sidecars' exporters (Go)
# keep theirs for 90 s: a batch posted on a connection just closed failed with EOF and its spans
# were lost; 3 minutes outlast the clients.
start_zipkin() {
  MEM_MAX_SPANS=25000 start_daemon zipkin java -Xms64m -Xmx384m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dcom.linecorp.armeria.defaultServerIdleTimeoutMillis=180000 \
    -jar "$ZIPKIN_JAR" '--armeria.ports[0].ip=127.0.0.1' "--armeria.ports[0].port=$ZIPKIN_PORT" '--armeria.ports[0].protocols=http'
}
zipkin_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$ZIPKIN_PORT/health"; }

# The scrape targets come from dapr.yaml (scripts/lib/prometheus-config.ts); the rules are
# copied beside them, where the unprivileged server may read them. A running server reloads.
PROMETHEUS_CONF="$POS_STATE_DIR/prometheus"
write_prometheus_config() {
  mkdir -p "$PROMETHEUS_CONF/rules"
  rm -f "$PROMETHEUS_CONF"/rules/*.yml && cp "$POS_ROOT"/observability/prometheus/rules/*.yml "$PROMETHEUS_CONF/rules/"
  node "$POS_ROOT/scripts/lib/prometheus-config.ts" "$POS_ROOT/dapr.yaml" "$PROMETHEUS_CONF/rules/*.yml" > "$PROMETHEUS_CONF/prometheus.yml"
  "$PROMTOOL_BIN" check config "$PROMETHEUS_CONF/prometheus.yml"
  if running prometheus; then kill -HUP "$(pid_of prometheus)"; fi
}
start_prometheus() {
  mkdir -p "$POS_DATA_DIR/prometheus" && owned_by_infra_user "$POS_DATA_DIR/prometheus" "$PROMETHEUS_CONF"
  start_daemon_as_infra_user prometheus "$PROMETHEUS_BIN" --config.file="$PROMETHEUS_CONF/prometheus.yml" \
    --web.listen-address="127.0.0.1:$POS_PROMETHEUS_PORT" --storage.tsdb.path="$POS_DATA_DIR/prometheus" \
    --storage.tsdb.retention.time=7d
}
prometheus_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_PROMETHEUS_PORT/-/ready"; }

# Zipkin was started early on, beside the other slow ones.
observability_up() {
  step "Prometheus configuration from dapr.yaml" write_prometheus_config
  running prometheus || step "start Prometheus" start_prometheus
  step "Prometheus ready on :$POS_PROMETHEUS_PORT" wait_up prometheus 30 prometheus_healthy
  step "Zipkin healthy on :$ZIPKIN_PORT" wait_up zipkin 60 zipkin_healthy
}
# ── end of observability ───────────────────────────────────────────────────────────────

es_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s"; }
scheduler_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_SCHEDULER_HEALTH_PORT/healthz"; }

start_containers() {
  rm -f "$POS_STATE_DIR/containers.env"
  start_daemon containers node "$POS_ROOT/scripts/containers.ts"
}

up() {
  mkdir -p "$POS_LOG_DIR" "$POS_DATA_DIR"
  if [ "$POS_INFRA" = testcontainers ]; then
    running containers || step "start containers (Testcontainers)" start_containers
    step "containers ready" wait_up containers 300 test -f "$POS_STATE_DIR/containers.env"
    set -a; . "$POS_STATE_DIR/containers.env"; set +a
  fi
  step "secret store file" write_secrets
  # Start the slow ones first so they come up while the others start.
  if [ -z "$POS_ELASTICSEARCH_URL" ]; then running elasticsearch || step "start Elasticsearch" start_elasticsearch; fi
  if [ -z "$POS_KAFKA_BROKERS" ]; then running kafka || step "start Kafka" start_kafka; fi
  if [ -z "$POS_MONGO_URL" ]; then running ferretdb || step "start FerretDB" start_ferretdb; fi
  if [ "$POS_OBSERVE" != 0 ]; then running zipkin || step "start Zipkin" start_zipkin; fi
  running sentry || step "start Dapr Sentry (mTLS CA)" start_sentry
  step "Dapr Sentry healthy on :$POS_SENTRY_PORT" wait_up sentry 30 sentry_healthy
  running scheduler-mtls || step "start Dapr scheduler" start_scheduler
  if [ -z "$POS_POSTGRES_URL" ]; then
    postgres_running || step "start PostgreSQL" start_postgres
  fi
  step "databases" create_databases
  [ -n "$POS_MONGO_URL" ] || step "FerretDB answers on :$POS_MONGO_PORT" wait_up ferretdb 30 port_open "$POS_MONGO_PORT"
  [ -n "$POS_KAFKA_BROKERS" ] || step "Kafka answers on :$POS_KAFKA_PORT" wait_up kafka 90 port_open "$POS_KAFKA_PORT"
  step "Dapr scheduler healthy on :$POS_SCHEDULER_PORT" wait_up scheduler-mtls 30 scheduler_healthy
  [ -n "$POS_ELASTICSEARCH_URL" ] || step "Elasticsearch healthy on :$POS_ES_PORT" wait_up elasticsearch 180 es_healthy
  [ "$POS_OBSERVE" = 0 ] || observability_up
}

down() {
  stop_daemon containers 60
  stop_daemon prometheus
  stop_daemon zipkin
  stop_daemon scheduler-mtls
  stop_daemon scheduler  # the plaintext one of older checkouts, if one is left
  stop_daemon sentry
  stop_daemon elasticsearch
  stop_daemon kafka
  stop_daemon ferretdb
  if postgres_running; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; fi
}

postgres_running() { [ -f "$PG_DATA/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# One server, as an operator stops it (tests of outages): `infra.sh stop postgres|kafka|…`.
stop_one() {
  case "$1" in
    postgres) if postgres_running; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; fi ;;
    *) stop_daemon "$1" ;;
  esac
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  stop) [[ "${2:-}" =~ ^[a-z-]+$ ]] || die "usage: infra.sh stop <server>"; stop_one "$2" ;;
  *) die "usage: infra.sh up|down|stop <server>" ;;
esac
