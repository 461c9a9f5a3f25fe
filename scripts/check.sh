#!/usr/bin/env bash
# Static checks: generated gRPC types up to date, TypeScript (strict, no emit), ESLint, layer rules.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
cd "$POS_ROOT"
# The committed types must be what proto/ gives today: regenerate aside and compare.
fresh_proto_types() {
  local fresh rc=0
  fresh="$(mktemp -d)"
  bash scripts/gen-proto.sh "$fresh/generated"
  diff -r "$fresh/generated" packages/platform/src/grpc/generated || rc=$?
  rm -rf "$fresh"
  [ "$rc" = 0 ] || echo "stale: run npm run gen:proto and commit the result" >&2
  return "$rc"
}
step "generated gRPC types match proto/" fresh_proto_types
step "k8s/ manifests match components/ and dapr.yaml" node scripts/gen-k8s.ts --check
step "typecheck (tsc)" node node_modules/typescript/bin/tsc -p tsconfig.json
step "typecheck the till's web app (tsc, DOM)" node node_modules/typescript/bin/tsc -p services/till/web/tsconfig.json
step "typecheck the till's service worker (tsc, WebWorker)" node node_modules/typescript/bin/tsc -p services/till/web/sw/tsconfig.json
step "lint (eslint)" node node_modules/eslint/bin/eslint.js .
step "layer rules (dependency-cruiser)" node node_modules/dependency-cruiser/bin/dependency-cruiser.mjs \
  --config .dependency-cruiser.cjs packages services tests scripts
