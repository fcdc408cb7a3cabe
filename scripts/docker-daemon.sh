#!/usr/bin/env bash
# A Docker daemon of the harness's own (Debian's docker.io), for the container stacks
# (-Dharness.stack=janus-container / simulator-container) on machines where no daemon runs:
#   bash scripts/docker-daemon.sh start   starts dockerd, waits until it answers, prints its socket
#   bash scripts/docker-daemon.sh stop    stops it by the PID it recorded and removes docker0
#   bash scripts/docker-daemon.sh env     prints the exports Testcontainers needs to reach it
# Everything lives under $TRTCSIM_DOCKER_HOME (default /var/tmp/trtcsim-docker): configuration,
# socket, PID file, log and image store, so images survive a stop and later runs reuse them.
# Published ports bind to 127.0.0.1 only. start and stop need root (dockerd changes iptables and
# creates docker0): run as another user, the script uses sudo by itself.
set -euo pipefail
# shellcheck source=as-root.sh
. "$(dirname "$0")/as-root.sh"
case "${1:-}" in start|stop) rerun_as_root "$0" "$@" ;; esac

home="${TRTCSIM_DOCKER_HOME:-/var/tmp/trtcsim-docker}"
socket="$home/docker.sock"
pidfile="$home/dockerd.pid"
# Debian's client by its full path: another docker client may come first on PATH, with an API too
# new for Debian's daemon.
client=/usr/bin/docker

# Alive and not a zombie (a killed daemon whose parent is gone may never be reaped here).
running() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid="$(cat "$pidfile")"
  [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status"
}

# dockerd leaves its network namespace (exec/netns/default) mounted when it stops, and everything
# when it is killed; a folder with those cannot be deleted and a later daemon trips over them.
unmount_leftovers() {
  awk -v home="$home/" 'index($2, home) == 1 {print $2}' /proc/mounts | sort -r | while read -r mount; do
    umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true
  done
}

print_env() {
  # Testcontainers: reach this daemon, never start Ryuk (its image cannot be pulled here), and take
  # mapped ports on localhost (these machines carry /.dockerenv, which otherwise makes Testcontainers
  # look for the host at the bridge gateway).
  echo "export DOCKER_HOST=unix://$socket"
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
}

case "${1:-}" in
  start)
    command -v dockerd >/dev/null || { echo "dockerd is not installed (Debian package docker.io)" >&2; exit 1; }
    if running; then
      echo "dockerd already running (pid $(cat "$pidfile")), socket $socket"
      exit 0
    fi
    # A daemon killed without 'stop' (a session that ended) left its mounts and PID file.
    unmount_leftovers
    rm -f "$pidfile"
    mkdir -p "$home/data" "$home/exec"
    cat > "$home/daemon.json" <<JSON
{
  "data-root": "$home/data",
  "exec-root": "$home/exec",
  "pidfile": "$pidfile",
  "hosts": ["unix://$socket"],
  "ip": "127.0.0.1"
}
JSON
    nohup dockerd --config-file "$home/daemon.json" > "$home/dockerd.log" 2>&1 &
    for _ in $(seq 1 100); do
      if "$client" -H "unix://$socket" version >/dev/null 2>&1; then
        echo "dockerd running (pid $(cat "$pidfile")), socket $socket, log $home/dockerd.log"
        exit 0
      fi
      sleep 0.1
    done
    echo "dockerd did not answer within 10 s; its log ($home/dockerd.log) ends:" >&2
    tail -20 "$home/dockerd.log" >&2
    exit 1
    ;;
  stop)
    if ! running; then
      echo "dockerd is not running"
    else
      pid="$(cat "$pidfile")"
      # Containers a failed run left behind go first, so dockerd can release their mounts.
      ids="$("$client" -H "unix://$socket" ps -aq 2>/dev/null || true)"
      [ -z "$ids" ] || "$client" -H "unix://$socket" rm -f $ids >/dev/null 2>&1 || true
      kill "$pid"
      for _ in $(seq 1 150); do running || break; sleep 0.1; done
      if running; then
        echo "dockerd (pid $pid) did not stop within 15 s; killing it" >&2
        kill -9 "$pid" || true
      fi
      echo "dockerd (pid $pid) stopped"
    fi
    unmount_leftovers
    ip link delete docker0 2>/dev/null || true
    ;;
  env)
    print_env
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac
