# The apps of a dapr run file, read from the file itself so its ports are written down once.
# shellcheck shell=bash

# Prints "appID daprHTTPPort HTTP_PORT" for each app. Each app block in the run file ends
# with its `command:` line; HTTP_PORT comes from the block's env.
run_file_apps() { # run-file
  awk '
    /appID:/        { id = $NF }
    /daprHTTPPort:/ { sidecar = $NF }
    /HTTP_PORT:/    { match($0, /HTTP_PORT: "[0-9]+"/); http = substr($0, RSTART + 12, RLENGTH - 13) }
    /command:/      { print id, sidecar, http }
  ' "$1"
}
