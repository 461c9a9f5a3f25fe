#!/usr/bin/env bash
# Static checks: TypeScript (strict, no emit) and ESLint.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
cd "$POS_ROOT"
step "typecheck (tsc)" node node_modules/typescript/bin/tsc -p tsconfig.json
step "lint (eslint)" node node_modules/eslint/bin/eslint.js .
step "layer rules (dependency-cruiser)" node node_modules/dependency-cruiser/bin/dependency-cruiser.mjs \
  --config .dependency-cruiser.cjs packages services tests scripts
