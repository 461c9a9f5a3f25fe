#!/usr/bin/env bash
# npm run docs:screenshots [-- observability|till]: the README's pictures of a running stack
# (npm start, or the test stack with POS_ENV=test): one checkout, then its trace in Zipkin's UI
# and the RED graphs in Prometheus' (observability), and the till's screens (till), taken by
# headless Chromium (Debian's, installed here when missing) into docs/. Both unless one is
# named. Not part of npm test.
set -euo pipefail
. "$(dirname "$0")/lib/env.sh"
. "$(dirname "$0")/lib/step.sh"
cd "$POS_ROOT"

# Zipkin and Prometheus only for their pictures (all of them unless "till" alone is asked for).
if [ $# -eq 0 ] || [[ " $* " == *" observability "* ]]; then
  [ "$POS_OBSERVE" != 0 ] || die "POS_OBSERVE=0: there is no Zipkin or Prometheus to show"
  curl -fsS -m 2 "http://127.0.0.1:$ZIPKIN_PORT/health" >/dev/null 2>&1 && curl -fsS -m 2 "http://127.0.0.1:$POS_PROMETHEUS_PORT/-/ready" >/dev/null 2>&1 \
    || die "Zipkin or Prometheus does not answer: start the stack first (npm start)"
fi

if [ -x /usr/bin/chromium ]; then done_already "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{ print $2 }')"
else
  # apt's own progress on the terminal: the download is a few hundred MB with its libraries.
  [ "$(id -u)" = 0 ] || die "Chromium is missing: run 'sudo apt-get install -y chromium'"
  echo "  … Chromium from Debian (apt-get install chromium)"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi

node scripts/lib/docs-screenshots.ts docs "$@"
