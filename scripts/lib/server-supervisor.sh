# The servers of scripts/infra.sh as programs of a supervisord of their own, so a server that
# crashes or is killed (kill -9, the out-of-memory killer) is started again by itself, as the
# apps and sidecars are (scripts/lib/supervisor-config.ts). A supervisord apart from the apps'
# one, because the servers outlive many app restarts (every test run restarts the apps).
# A server stopped on purpose stays stopped: `infra.sh stop NAME` stops its program, and a
# server that ends cleanly on a TERM (exit 0, or 143 from a JVM) is not restarted either.
# Each program writes the pid file scripts/lib/daemon.sh reads, so a checkout from before
# this (it stops a server by its pid file) still finds and stops it.
# shellcheck shell=bash

SERVERS_DIR="$POS_STATE_DIR/supervisor"
SERVERS_CONF="$SERVERS_DIR/servers.conf"
SERVERS_SUPERVISOR=servers-supervisor
SERVER_PROGRAMS=()
SERVER_SECTIONS=""

# supervisord splits a command as shlex does (so printf %q quotes for it) and expands
# %(name)s in it (so a literal % is written twice).
supervisor_line() { local words; printf -v words '%q ' "$@"; printf '%s' "${words% }" | sed 's/%/%%/g'; }

# Records itself as the server's pid file and becomes the server: the pid stays the same.
write_exec_server() {
  mkdir -p "$SERVERS_DIR" "$PID_DIR"
  cat > "$SERVERS_DIR/exec-server" <<'EOF'
#!/usr/bin/env bash
# exec-server PID_FILE command...   (written by scripts/lib/server-supervisor.sh)
set -e
echo "$$ $(sed 's/.*) //' "/proc/$$/stat" | awk '{ print $20 }')" > "$1"
shift
exec "$@"
EOF
  chmod +x "$SERVERS_DIR/exec-server"
}

# server_program NAME command...   adds a program; STOP_SIGNAL, STOP_GROUP (false: signal the
# server alone, not its children) and UMASK set before the call change those.
server_program() {
  local name="$1"; shift
  SERVER_PROGRAMS+=("$name")
  SERVER_SECTIONS+="[program:$name]
command=$(supervisor_line "$SERVERS_DIR/exec-server" "$PID_DIR/$name.pid" "$@")
directory=$POS_STATE_DIR
priority=${#SERVER_PROGRAMS[@]}
umask=${UMASK:-022}
autostart=true
autorestart=unexpected
exitcodes=0,143
startsecs=5
startretries=8
stopsignal=${STOP_SIGNAL:-TERM}
stopwaitsecs=60
stopasgroup=${STOP_GROUP:-true}
killasgroup=true
redirect_stderr=true
stdout_logfile=$POS_LOG_DIR/$name.log
stdout_logfile_maxbytes=50MB
stdout_logfile_backups=2

"
}

# The config of the programs added so far. No path in it names the checkout, so every
# checkout of the machine writes the same one (a changed program is restarted: servers_up).
write_servers_config() {
  write_exec_server
  cat > "$SERVERS_CONF.new" <<EOF
[supervisord]
nodaemon=true
logfile=$POS_LOG_DIR/servers-supervisord.log
logfile_maxbytes=20MB
pidfile=$SERVERS_DIR/servers-supervisord.pid
childlogdir=$POS_LOG_DIR

[unix_http_server]
file=$SERVERS_DIR/servers.sock
chmod=0700

[supervisorctl]
serverurl=unix://$SERVERS_DIR/servers.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

$SERVER_SECTIONS
EOF
  mv "$SERVERS_CONF.new" "$SERVERS_CONF"
}

servers_ctl() { supervisorctl -c "$SERVERS_CONF" "$@"; }
# RUNNING, STARTING, BACKOFF (exited, to be started again), STOPPED, EXITED, FATAL (a crash loop), or nothing.
server_state() { servers_ctl status "$1" 2>/dev/null | awk '{ print $2 }'; }
supervised_pid() { local pid; pid=$(servers_ctl pid "$1" 2>/dev/null) || true; [[ "$pid" =~ ^[1-9][0-9]*$ ]] && echo "$pid"; }

# Starts the supervisor, or brings the running one to the config and starts what is stopped.
servers_up() {
  if ! running "$SERVERS_SUPERVISOR"; then
    start_daemon "$SERVERS_SUPERVISOR" supervisord -c "$SERVERS_CONF"
    local deadline=$(( $(date +%s) + 20 ))
    until servers_ctl pid >/dev/null 2>&1; do
      running "$SERVERS_SUPERVISOR" || { tail -n 20 "$POS_LOG_DIR/$SERVERS_SUPERVISOR.log"; return 1; }
      [ "$(date +%s)" -lt "$deadline" ] || { echo "supervisord did not answer within 20s"; return 1; }
      sleep 0.2
    done
    return 0
  fi
  servers_ctl update
  local name
  for name in "${SERVER_PROGRAMS[@]}"; do
    case "$(server_state "$name")" in
      RUNNING|STARTING|BACKOFF) ;;
      *) servers_ctl start "$name" || true ;;  # wait_server names one that does not come up
    esac
  done
}

# Waits until a check passes; fails at once, with the server's last log lines, once its
# supervisor has stopped it or given up on it.
wait_server() { # name seconds command...
  local name="$1" seconds="$2"; shift 2
  local deadline=$(( $(date +%s) + seconds )) log="$POS_LOG_DIR/$name.log" state
  until "$@" >/dev/null 2>&1; do
    state=$(server_state "$name")
    case "$state" in
      RUNNING|STARTING|BACKOFF) ;;
      *) echo "$name is ${state:-not supervised}; the end of its log ($log):"; tail -n 20 "$log"; return 1 ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "$name did not come up within ${seconds}s; its log: $log"; return 1
    fi
    sleep 0.3
  done
}
