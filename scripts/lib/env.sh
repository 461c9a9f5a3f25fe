# Settings shared by every script: where things live and which ports they use.
# Each one can be overridden from the environment; the README lists them.
# shellcheck shell=bash

POS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../versions.env
. "$POS_ROOT/scripts/versions.env"

# Root's home is closed to the unprivileged users that PostgreSQL and
# Elasticsearch must run as, so root keeps builds and state under /var.
if [ "$(id -u)" = 0 ]; then
  : "${POS_CACHE_DIR:=/var/cache/pos-dapr}"
  : "${POS_STATE_DIR:=/var/lib/pos-dapr}"
else
  : "${POS_CACHE_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/pos-dapr}"
  : "${POS_STATE_DIR:=${XDG_STATE_HOME:-$HOME/.local/state}/pos-dapr}"
fi
: "${POS_LOG_DIR:=$POS_STATE_DIR/logs}"
: "${POS_DATA_DIR:=$POS_STATE_DIR/data}"
: "${POS_SECRETS_FILE:=$POS_STATE_DIR/secrets.json}"
: "${POS_INFRA_USER:=posinfra}"
# test: npm test runs the services on databases of their own (pos_user_test, ...).
: "${POS_ENV:=development}"

: "${POS_PG_PORT:=15432}"
: "${POS_MONGO_PORT:=17017}"
: "${POS_MONGO_DEBUG_PORT:=17018}"
: "${POS_KAFKA_PORT:=19092}"
: "${POS_KAFKA_CONTROLLER_PORT:=19093}"
: "${POS_ES_PORT:=19200}"
: "${POS_ES_TRANSPORT_PORT:=19300}"
: "${POS_SCHEDULER_PORT:=16007}"
: "${POS_SCHEDULER_ETCD_PORT:=12381}"
: "${POS_SCHEDULER_ETCD_PEER_PORT:=12382}"
: "${POS_SCHEDULER_HEALTH_PORT:=18083}"
: "${POS_SCHEDULER_METRICS_PORT:=19095}"
: "${POS_SENTRY_PORT:=16010}"
: "${POS_SENTRY_HEALTH_PORT:=18082}"
: "${POS_SENTRY_METRICS_PORT:=19094}"
: "${POS_ES_HEAP:=512m}"
# Zipkin (traces) and Prometheus (metrics, alerts) start with the stack unless POS_OBSERVE=0.
: "${POS_OBSERVE:=1}"
# Zipkin's port is fixed: the sidecar Configurations (components/*.configuration.yaml) name it.
ZIPKIN_PORT=19411
: "${POS_PROMETHEUS_PORT:=19090}"

# POS_INFRA=testcontainers (machines with Docker): the servers run in containers that
# scripts/containers.ts starts; their addresses then come from containers.env.
: "${POS_INFRA:=native}"
if [ "$POS_INFRA" = testcontainers ] && [ -f "$POS_STATE_DIR/containers.env" ]; then
  set -a; . "$POS_STATE_DIR/containers.env"; set +a
fi

# Infrastructure a user already runs: when set, that piece is neither built nor started.
#   POS_POSTGRES_URL  postgres://user:pass@host:port   (a server where we may create databases)
#   POS_MONGO_URL     mongodb://host:port
#   POS_KAFKA_BROKERS host:port[,host:port]
#   POS_ELASTICSEARCH_URL http://host:port
: "${POS_POSTGRES_URL:=}"
: "${POS_MONGO_URL:=}"
: "${POS_KAFKA_BROKERS:=}"
: "${POS_ELASTICSEARCH_URL:=}"

NODE_HOME="$POS_CACHE_DIR/node-$NODE_VERSION"
DAPR_HOME="$POS_CACHE_DIR/dapr-$DAPR_VERSION"
FERRETDB_BIN="$POS_CACHE_DIR/ferretdb-$FERRETDB_VERSION/ferretdb"
KAFKA_HOME="$POS_CACHE_DIR/kafka-$KAFKA_VERSION"
ES_HOME="$POS_CACHE_DIR/elasticsearch-$ELASTICSEARCH_VERSION"
DECK_BIN="$POS_CACHE_DIR/deck-$DECK_VERSION/deck"
ZIPKIN_JAR="$POS_CACHE_DIR/zipkin-$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar"
# kube-apiserver and the CRDs (crds/dapr, crds/istio, crds/kong) that scripts/check-k8s.sh installs.
KUBE_HOME="$POS_CACHE_DIR/kubernetes-$KUBERNETES_VERSION"
PG_BIN="/usr/lib/postgresql/$POSTGRES_MAJOR/bin"
PROMETHEUS_BIN=/usr/bin/prometheus
PROMTOOL_BIN=/usr/bin/promtool
# The dapr CLI runs $DAPR_RUNTIME_PATH/.dapr/bin/daprd; ours is a wrapper that pins every listener to loopback.
DAPR_RUNTIME_PATH="$POS_STATE_DIR/dapr-runtime"
# Sentry's root and issuer certificates (made on its first start, mode 0600, never committed).
SENTRY_CREDENTIALS="$POS_STATE_DIR/sentry"
: "${JAVA_HOME:=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

export POS_ENV POS_INFRA POS_ROOT POS_CACHE_DIR POS_STATE_DIR POS_LOG_DIR POS_DATA_DIR POS_SECRETS_FILE DECK_BIN
export POS_PG_PORT POS_MONGO_PORT POS_KAFKA_PORT POS_ES_PORT POS_SCHEDULER_PORT POS_INFRA_USER
export POS_SENTRY_PORT SENTRY_CREDENTIALS
export POS_POSTGRES_URL POS_MONGO_URL POS_KAFKA_BROKERS POS_ELASTICSEARCH_URL
export DAPR_RUNTIME_PATH JAVA_HOME
export POS_OBSERVE ZIPKIN_PORT POS_PROMETHEUS_PORT PROMTOOL_BIN
# The apps (started by dapr run, which passes this environment on) send their spans to Zipkin;
# @pos/platform/telemetry reads the exporter's standard variable.
if [ "$POS_OBSERVE" != 0 ]; then export OTEL_EXPORTER_ZIPKIN_ENDPOINT="http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans"; fi
export PATH="$NODE_HOME/bin:$DAPR_HOME/bin:$PATH"
