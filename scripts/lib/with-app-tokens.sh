#!/usr/bin/env bash
# Runs an app's command from a dapr run file with the app's own API tokens in its environment:
#   DAPR_API_TOKEN  sent with every call to its sidecar
#   APP_API_TOKEN   expected on every call from its sidecar
# dapr run -f gives all apps the same environment and the run file is committed, so neither
# can carry a per-app secret; this reads them from the secrets file at start. APP_ID is set
# by dapr run. On Kubernetes the Deployment takes both from the app's Secret instead.
set -euo pipefail
secret() { node "$(dirname "$0")/secret.ts" "$APP_ID-$1"; }
DAPR_API_TOKEN=$(secret dapr-api-token)
APP_API_TOKEN=$(secret app-api-token)
export DAPR_API_TOKEN APP_API_TOKEN
exec "$@"
