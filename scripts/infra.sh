#!/usr/bin/env bash
# Starts and stops the infrastructure on 127.0.0.1: PostgreSQL, FerretDB, Kafka (KRaft),
# Elasticsearch, the Dapr scheduler, Dapr Sentry (the mTLS certificate authority), and
# Zipkin and Prometheus unless POS_OBSERVE=0.   infra.sh up | down | stop <server>
# Each server is a program of a supervisord (scripts/lib/server-supervisor.sh): one that
# crashes is started again by itself. A piece given by a POS_*_URL variable is the user's own
# and is left alone.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
. "$(dirname "$0")/lib/daemon.sh"
. "$(dirname "$0")/lib/server-supervisor.sh"

PG_DATA="$POS_DATA_DIR/postgres"
ES_DATA="$POS_DATA_DIR/elasticsearch"
ES_CONF="$POS_STATE_DIR/elasticsearch-config"
# Kafka's and the scheduler's stores remember their own addresses: a new port starts a new store.
KAFKA_DATA="$POS_DATA_DIR/kafka-$POS_KAFKA_CONTROLLER_PORT"
SCHEDULER_DATA="$POS_DATA_DIR/scheduler-$POS_SCHEDULER_ETCD_PEER_PORT"
KAFKA_CONF="$POS_STATE_DIR/kafka"

write_secrets() { node "$POS_ROOT/scripts/lib/write-secrets.ts"; }
secret() { node "$POS_ROOT/scripts/lib/secret.ts" "$1"; }

# The user a server runs as, when we are root: a prefix that execs the command (same pid).
as_user() { if [ "$(id -u)" = 0 ]; then echo setpriv "--reuid=$1" "--regid=$1" --clear-groups; fi; }

# The postmaster in the foreground. Its pid file (postmaster.pid) is its own; a kill -9 of it
# is a crash that the next start recovers from (the data is safe). It is stopped by SIGINT
# (a fast shutdown) sent to it alone: its children get their signals from it.
postgres_program() {
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp); secret postgres-password > "$pwfile"
    mkdir -p "$PG_DATA" && owned_by_postgres "$PG_DATA" "$pwfile"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U pos -A scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
      > "$POS_LOG_DIR/setup/initdb.log"
    rm -f "$pwfile"
  fi
  # shellcheck disable=SC2046
  STOP_SIGNAL=INT STOP_GROUP=false server_program postgres $(as_user postgres) "$PG_BIN/postgres" -D "$PG_DATA" \
    -p "$POS_PG_PORT" -k /tmp -c listen_addresses=127.0.0.1
}
postgres_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$POS_PG_PORT"; }

create_databases() { node "$POS_ROOT/scripts/lib/create-databases.ts"; }

ferretdb_program() {
  # --state-dir: FerretDB writes its state.json there, by default into whatever folder we start it from.
  mkdir -p "$POS_DATA_DIR/ferretdb" "$POS_DATA_DIR/ferretdb-state"
  server_program ferretdb "$FERRETDB_BIN" --handler=sqlite "--sqlite-url=file:$POS_DATA_DIR/ferretdb/" \
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

kafka_program() {
  write_kafka_config
  local java=(java -Xms256m -Xmx512m "-Dlog4j.configuration=file:$KAFKA_CONF/log4j.properties" -cp "$KAFKA_HOME/libs/*")
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    "${java[@]}" kafka.tools.StorageTool format -t "$("${java[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$KAFKA_CONF/server.properties" >> "$POS_LOG_DIR/kafka.log" 2>&1
  fi
  server_program kafka "${java[@]}" kafka.Kafka "$KAFKA_CONF/server.properties"
}

elasticsearch_program() {
  if [ ! -d "$ES_CONF" ]; then cp -r "$ES_HOME/config" "$ES_CONF"; fi
  mkdir -p "$ES_DATA" "$POS_LOG_DIR/elasticsearch"
  owned_by_infra_user "$ES_CONF" "$ES_DATA" "$POS_LOG_DIR/elasticsearch"
  # shellcheck disable=SC2046
  server_program elasticsearch env ES_PATH_CONF="$ES_CONF" ES_JAVA_HOME="$JAVA_HOME" ES_JAVA_OPTS="-Xms$POS_ES_HEAP -Xmx$POS_ES_HEAP" \
    $(as_user "$POS_INFRA_USER") "$ES_HOME/bin/elasticsearch" \
    -E discovery.type=single-node -E xpack.security.enabled=false -E network.host=127.0.0.1 \
    -E http.port="$POS_ES_PORT" -E transport.port="$POS_ES_TRANSPORT_PORT" \
    -E path.data="$ES_DATA" -E path.logs="$POS_LOG_DIR/elasticsearch" \
    -E cluster.routing.allocation.disk.threshold_enabled=false
}

# Sidecars with mTLS talk mTLS to the scheduler too: it takes its identity from Sentry
# (so Sentry starts first). It runs as daemon "scheduler-mtls" on ports of its own, so a
# plaintext scheduler that an older checkout started on the shared machine can coexist.
scheduler_program() {
  mkdir -p "$SCHEDULER_DATA" "$POS_STATE_DIR/scheduler-identity" && chmod 700 "$POS_STATE_DIR/scheduler-identity"
  # 1.16.5 ignores the healthz/metrics listen-address flags: those two ports bind all interfaces.
  server_program scheduler-mtls env NAMESPACE=default "$(dapr_binary scheduler)" --port "$POS_SCHEDULER_PORT" --listen-address 127.0.0.1 \
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
# $SENTRY_CREDENTIALS; the umask keeps them 0600. Sidecars trust ca.crt (apps.sh). Its
# Configuration is copied beside them, so no server's command names this checkout.
sentry_program() {
  mkdir -p "$SENTRY_CREDENTIALS" && chmod 700 "$SENTRY_CREDENTIALS"
  cp "$POS_ROOT/components/sentry/daprsystem.yaml" "$POS_STATE_DIR/sentry-daprsystem.yaml"
  UMASK=077 server_program sentry "$(dapr_binary sentry)" --issuer-credentials "$SENTRY_CREDENTIALS" \
    --trust-domain cluster.local --config "$POS_STATE_DIR/sentry-daprsystem.yaml" \
    --port "$POS_SENTRY_PORT" --listen-address 127.0.0.1 \
    --healthz-port "$POS_SENTRY_HEALTH_PORT" --healthz-listen-address 127.0.0.1 \
    --metrics-port "$POS_SENTRY_METRICS_PORT" --metrics-listen-address 127.0.0.1
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
zipkin_program() {
  server_program zipkin env MEM_MAX_SPANS=25000 java -Xms64m -Xmx384m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
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
prometheus_program() {
  step "Prometheus configuration from dapr.yaml" write_prometheus_config
  mkdir -p "$POS_DATA_DIR/prometheus" && owned_by_infra_user "$POS_DATA_DIR/prometheus" "$PROMETHEUS_CONF"
  # shellcheck disable=SC2046
  server_program prometheus $(as_user "$POS_INFRA_USER") "$PROMETHEUS_BIN" --config.file="$PROMETHEUS_CONF/prometheus.yml" \
    --web.listen-address="127.0.0.1:$POS_PROMETHEUS_PORT" --storage.tsdb.path="$POS_DATA_DIR/prometheus" \
    --storage.tsdb.retention.time=7d
}
prometheus_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_PROMETHEUS_PORT/-/ready"; }

observability_up() {
  step "Prometheus ready on :$POS_PROMETHEUS_PORT" wait_server prometheus 30 prometheus_healthy
  step "Zipkin healthy on :$ZIPKIN_PORT" wait_server zipkin 60 zipkin_healthy
}
# ── end of observability ───────────────────────────────────────────────────────────────

es_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s"; }
scheduler_healthy() { curl -fsS --max-time 5 "http://127.0.0.1:$POS_SCHEDULER_HEALTH_PORT/healthz"; }

start_containers() {
  rm -f "$POS_STATE_DIR/containers.env"
  start_daemon containers node "$POS_ROOT/scripts/containers.ts"
}

# Every server this machine runs itself, as a program; all start at once, PostgreSQL first
# (and so stopped last).
server_programs() {
  if [ -z "$POS_POSTGRES_URL" ]; then postgres_program; fi
  if [ -z "$POS_ELASTICSEARCH_URL" ]; then elasticsearch_program; fi
  if [ -z "$POS_KAFKA_BROKERS" ]; then kafka_program; fi
  if [ -z "$POS_MONGO_URL" ]; then ferretdb_program; fi
  if [ "$POS_OBSERVE" != 0 ]; then zipkin_program; fi
  sentry_program
  scheduler_program
  if [ "$POS_OBSERVE" != 0 ]; then prometheus_program; fi
  write_servers_config
}

stop_postgres() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null; }
postgres_running() { [ -f "$PG_DATA/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# A server running as a plain daemon (an older checkout started it, or it outlived a
# supervisord killed with -9) holds its port: it is stopped, so that its program can start.
stop_unsupervised() {
  local name
  for name in "${SERVER_PROGRAMS[@]}"; do
    if [ "$name" = postgres ]; then
      if postgres_running && [ "$(head -n 1 "$PG_DATA/postmaster.pid")" != "$(supervised_pid postgres)" ]; then
        echo "stopping the PostgreSQL that runs outside supervision"; stop_postgres
      fi
    elif running "$name" && [ "$(pid_of "$name")" != "$(supervised_pid "$name")" ]; then
      echo "stopping the $name that runs outside supervision"; stop_daemon "$name" 60
    fi
  done
}

up() {
  mkdir -p "$POS_LOG_DIR/setup" "$POS_DATA_DIR"
  if [ "$POS_INFRA" = testcontainers ]; then
    running containers || step "start containers (Testcontainers)" start_containers
    step "containers ready" wait_up containers 300 test -f "$POS_STATE_DIR/containers.env"
    set -a; . "$POS_STATE_DIR/containers.env"; set +a
  fi
  step "secret store file" write_secrets
  server_programs
  step "servers outside supervision stopped" stop_unsupervised
  step "servers under supervisord: ${SERVER_PROGRAMS[*]}" servers_up
  [ -n "$POS_POSTGRES_URL" ] || step "PostgreSQL answers on :$POS_PG_PORT" wait_server postgres 60 postgres_ready
  step "databases" create_databases
  [ -n "$POS_MONGO_URL" ] || step "FerretDB answers on :$POS_MONGO_PORT" wait_server ferretdb 30 port_open "$POS_MONGO_PORT"
  [ -n "$POS_KAFKA_BROKERS" ] || step "Kafka answers on :$POS_KAFKA_PORT" wait_server kafka 90 port_open "$POS_KAFKA_PORT"
  step "Dapr Sentry healthy on :$POS_SENTRY_PORT" wait_server sentry 30 sentry_healthy
  step "Dapr scheduler healthy on :$POS_SCHEDULER_PORT" wait_server scheduler-mtls 30 scheduler_healthy
  [ -n "$POS_ELASTICSEARCH_URL" ] || step "Elasticsearch healthy on :$POS_ES_PORT" wait_server elasticsearch 180 es_healthy
  [ "$POS_OBSERVE" = 0 ] || observability_up
}

down() {
  stop_daemon containers 60
  # supervisord stops its programs one after another, the last started first.
  stop_daemon "$SERVERS_SUPERVISOR" 240
  # Plain daemons that an older checkout started (scheduler: its plaintext one), if any are left.
  local name
  for name in prometheus zipkin scheduler-mtls scheduler sentry elasticsearch kafka ferretdb; do stop_daemon "$name"; done
  if postgres_running; then stop_postgres; fi
}

# One server, as an operator stops it (tests of outages): `infra.sh stop postgres|kafka|…`.
# Its program stays stopped until `infra.sh up` starts it.
stop_one() {
  if running "$SERVERS_SUPERVISOR"; then servers_ctl stop "$1" >/dev/null || true; fi
  case "$1" in  # one an older checkout started
    postgres) if postgres_running; then stop_postgres; fi ;;
    *) stop_daemon "$1" ;;
  esac
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  stop) [[ "${2:-}" =~ ^[a-z-]+$ ]] || die "usage: infra.sh stop <server>"; stop_one "$2" ;;
  *) die "usage: infra.sh up|down|stop <server>" ;;
esac
