#!/usr/bin/env bash
# Writes the TypeScript types of every contract in proto/ (messages, clients, handlers) with
# @grpc/proto-loader's generator. Usage: gen-proto.sh [OUT_DIR]; by default the committed
# folder packages/platform/src/grpc/generated, which `npm run check` compares to a fresh run.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
cd "$POS_ROOT"
out="${1:-packages/platform/src/grpc/generated}"
mapfile -t files < <(cd proto && find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort)
rm -rf "$out"
# These options must match the loader's (packages/platform/src/grpc/proto.ts), or the types
# would describe other objects than the ones the server and clients really handle.
node node_modules/@grpc/proto-loader/build/bin/proto-loader-gen-types.js \
  --longs=String --enums=String --defaults --oneofs --grpcLib=@grpc/grpc-js \
  --importFileExtension=.ts -I proto -O "$out" "${files[@]}"
