# The apps of a dapr run file, read from the file itself so its ports are written down once.
# shellcheck shell=bash

# Prints "appID daprHTTPPort HTTP_PORT appDir daprInternalGRPCPort" for each app (scripts/lib/run-file.ts parses the YAML).
run_file_apps() { # run-file
  node "$POS_ROOT/scripts/lib/run-file.ts" "$1"
}
