# Progress output: one line per step with its duration; a failed step names itself and its log.
# shellcheck shell=bash

step() { # step "what" command...   (output goes to $POS_LOG_DIR/setup/<slug>.log)
  local title="$1"; shift
  local slug log started rc
  slug="$(printf '%s' "$title" | tr 'A-Z' 'a-z' | tr -cs 'a-z0-9' '-' | sed 's/-$//')"
  mkdir -p "$POS_LOG_DIR/setup"
  log="$POS_LOG_DIR/setup/$slug.log"
  started=$(date +%s.%N)
  # On a terminal the "…" line is replaced by the outcome: one line per step.
  if [ -t 1 ]; then printf '  … %s' "$title"; else printf '  … %s\n' "$title"; fi
  if "$@" >"$log" 2>&1; then rc=0; else rc=$?; fi
  local took; took=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  [ -t 1 ] && printf '\r\033[K'
  if [ "$rc" = 0 ]; then
    printf '  ✓ %s (%ss)\n' "$title" "$took"
  else
    printf '  ✗ %s failed after %ss (exit %s); its log: %s\n' "$title" "$took" "$rc" "$log" >&2
    tail -n 15 "$log" | sed 's/^/      /' >&2
    return "$rc"
  fi
}

done_already() { printf '  ✓ %s (cached)\n' "$1"; }

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
