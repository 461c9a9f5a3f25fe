#!/usr/bin/env bash
# The manifests' real check: a throwaway etcd and kube-apiserver on loopback, with the Dapr,
# Istio, Kong and Prometheus Operator CRDs installed, judge every manifest with `kubectl apply --dry-run=server`
# (strict field validation, the API's enums, CEL rules and Go-coded checks such as a selector
# that does not match its pod labels). Started once, every target checked, then stopped.
#   scripts/check-k8s.sh [TARGET...]   TARGET: a kustomization folder (rendered with kustomize),
#                                      another folder of manifests (every *.yaml under it), or a file.
#                                      Default: every overlay in k8s/overlays.
# Prints "accepted: TARGET" or "rejected: TARGET" and kubectl's reasons; exits 1 if any is rejected.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
cd "$POS_ROOT"

: "${POS_KUBE_ETCD_PORT:=23790}"
: "${POS_KUBE_ETCD_PEER_PORT:=23800}"
: "${POS_KUBE_APISERVER_PORT:=16443}"
APISERVER="$KUBE_HOME/bin/kube-apiserver"
[ -x "$APISERVER" ] && [ -d "$KUBE_HOME/crds/prometheus-operator" ] && command -v etcd >/dev/null \
  || die "kube-apiserver, etcd or the CRDs are missing: run npm run provision"
for port in "$POS_KUBE_ETCD_PORT" "$POS_KUBE_ETCD_PEER_PORT" "$POS_KUBE_APISERVER_PORT"; do
  ! port_open "$port" || die "port $port is taken (another check running?); set POS_KUBE_*_PORT"
done

if [ $# = 0 ]; then set -- k8s/overlays/*/; fi
WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export KUBECONFIG="$WORK/kubeconfig"

start_servers() {
  local token; token=$(openssl rand -hex 16)
  echo "$token,admin,admin-uid,system:masters" > "$WORK/tokens.csv"
  openssl genrsa -out "$WORK/sa.key" 2048 2>/dev/null && openssl rsa -in "$WORK/sa.key" -pubout -out "$WORK/sa.pub" 2>/dev/null
  etcd --data-dir "$WORK/etcd" --unsafe-no-fsync --name default \
    --listen-client-urls "http://127.0.0.1:$POS_KUBE_ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$POS_KUBE_ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$POS_KUBE_ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$POS_KUBE_ETCD_PEER_PORT" \
    --initial-cluster "default=http://127.0.0.1:$POS_KUBE_ETCD_PEER_PORT" > "$WORK/etcd.log" 2>&1 &
  PIDS+=($!)
  "$APISERVER" --etcd-servers "http://127.0.0.1:$POS_KUBE_ETCD_PORT" --bind-address 127.0.0.1 --advertise-address 127.0.0.1 \
    --secure-port "$POS_KUBE_APISERVER_PORT" --cert-dir "$WORK/certs" --endpoint-reconciler-type none \
    --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$WORK/sa.pub" \
    --service-account-signing-key-file "$WORK/sa.key" --token-auth-file "$WORK/tokens.csv" \
    --authorization-mode RBAC --service-cluster-ip-range 10.96.0.0/16 > "$WORK/apiserver.log" 2>&1 &
  PIDS+=($!)
  kubectl config set-cluster check --server "https://127.0.0.1:$POS_KUBE_APISERVER_PORT" --insecure-skip-tls-verify=true >/dev/null
  kubectl config set-credentials admin --token "$token" >/dev/null
  kubectl config set-context check --cluster check --user admin >/dev/null && kubectl config use-context check >/dev/null
  local tries=0
  until kubectl get --raw /readyz >/dev/null 2>&1; do
    tries=$((tries + 1)); [ "$tries" -lt 120 ] || { tail -n 20 "$WORK/apiserver.log" "$WORK/etcd.log"; return 1; }
    sleep 0.5
  done
}

install_crds() {
  kubectl apply --server-side -f "$KUBE_HOME/crds/dapr" -f "$KUBE_HOME/crds/istio" -f "$KUBE_HOME/crds/kong" \
    -f "$KUBE_HOME/crds/prometheus-operator" >/dev/null
  # The chart's Subscription CRD converts v1alpha1 through the operator's webhook, absent here.
  kubectl patch crd subscriptions.dapr.io --type=merge -p '{"spec":{"conversion":{"strategy":"None","webhook":null}}}' >/dev/null
  kubectl wait --for condition=Established crd --all --timeout=120s >/dev/null
}

render() { # target file
  if [ -f "$1/kustomization.yaml" ]; then kubectl kustomize "$1" > "$2"
  elif [ -d "$1" ]; then
    local file; find "$1" -name '*.yaml' -o -name '*.yml' | sort | while read -r file; do cat "$file"; echo "---"; done > "$2"
  else cat "$1" > "$2"; fi
}

# A dry run cannot create what a namespaced object lives in: create its namespaces for real,
# each with the default ServiceAccount that a cluster's controller manager (absent here) adds.
create_namespaces() { # file
  local ns
  for ns in $(grep -hoE '^ *namespace: [a-z0-9-]+' "$1" | awk '{ print $2 }' | sort -u); do
    kubectl get namespace "$ns" >/dev/null 2>&1 && continue
    kubectl create namespace "$ns" --save-config >/dev/null && kubectl -n "$ns" create serviceaccount default >/dev/null
  done
}

step "kube-apiserver $KUBERNETES_VERSION and etcd on 127.0.0.1:$POS_KUBE_APISERVER_PORT" start_servers
step "Dapr, Istio, Kong and Prometheus Operator CRDs installed" install_crds
rejected=0
for target in "$@"; do
  rendered="$WORK/rendered.yaml"
  if render "$target" "$rendered" 2> "$WORK/render.err" && create_namespaces "$rendered" \
    && kubectl apply --dry-run=server -f "$rendered" > "$WORK/apply.out" 2>&1; then
    echo "accepted: ${target%/} ($(grep -c . "$WORK/apply.out") objects)"
  else
    rejected=1
    echo "rejected: ${target%/}"
    cat "$WORK/render.err" "$WORK/apply.out" 2>/dev/null | grep -v ' (server dry run)$' | sed 's/^/    /'
  fi
done
exit "$rejected"
