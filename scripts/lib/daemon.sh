# Background servers with pid files, and the unprivileged users they run as when we are root.
# shellcheck shell=bash

PID_DIR="$POS_STATE_DIR/pids"

# A pid file holds the pid and the process's start time, so a pid that the system has
# since given to another process (after a crash or a reboot) is not taken for our server.
pid_of() { local pid _; [ -f "$PID_DIR/$1.pid" ] && read -r pid _ < "$PID_DIR/$1.pid" && echo "$pid"; }
started_at() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $20 }'; }  # field 22; the name in () may hold spaces

running() {
  local pid started
  [ -f "$PID_DIR/$1.pid" ] && read -r pid started < "$PID_DIR/$1.pid" || return 1
  [ -n "$pid" ] && [ "$(started_at "$pid")" = "$started" ]
}

# npm start records itself here (pid and start time, like a pid file), so that npm test can
# refuse to restart the apps on test databases and stop a stack that a person is using.
NPM_START_MARKER="$PID_DIR/npm-start.pid"
mark_npm_start() { mkdir -p "$PID_DIR"; echo "$$ $(started_at $$)" > "$NPM_START_MARKER"; }
npm_start_running() { running npm-start; }

# Each server leads its own session, so Ctrl-C in a terminal never reaches it half-way:
# we stop the whole group ourselves, in order.
start_daemon() { # name command...
  local name="$1"; shift
  mkdir -p "$PID_DIR" "$POS_LOG_DIR"
  setsid "$@" >>"$POS_LOG_DIR/$name.log" 2>&1 </dev/null &
  echo "$! $(started_at $!)" > "$PID_DIR/$name.pid"
}

stop_daemon() { # name [seconds]
  local name="$1" seconds="${2:-30}" pid
  running "$name" || { rm -f "$PID_DIR/$name.pid"; return 0; }
  pid=$(pid_of "$name")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( $(date +%s) + seconds ))
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name did not stop within ${seconds}s; killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/$name.pid"
}

# Waits until a check passes; fails at once, with the server's last log lines, if it exits.
wait_up() { # name seconds command...
  local name="$1" seconds="$2"; shift 2
  local deadline=$(( $(date +%s) + seconds )) log="$POS_LOG_DIR/$name.log"
  until "$@" >/dev/null 2>&1; do
    if ! running "$name"; then
      echo "$name exited; the end of its log ($log):"; tail -n 20 "$log"; return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "$name did not come up within ${seconds}s; its log: $log"; return 1
    fi
    sleep 0.3
  done
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

owned_by_postgres() { [ "$(id -u)" != 0 ] || chown -R postgres:postgres "$@"; }
owned_by_infra_user() { [ "$(id -u)" != 0 ] || chown -R "$POS_INFRA_USER:$POS_INFRA_USER" "$@"; }

# Our own build, or the runtime of a 'dapr init --slim' when that is what provisioning chose.
dapr_binary() {
  if [ -x "$DAPR_HOME/bin/$1" ]; then echo "$DAPR_HOME/bin/$1"; else echo "$HOME/.dapr/bin/$1"; fi
}
