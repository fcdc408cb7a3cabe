#!/usr/bin/env bash
# One Janus for several harness processes to share — the shards of a load run (docs/load.md,
# "Shards"), or feature runs — started with the harness's own configuration (the JanusConfig and
# JanusProcess that -Dharness.stack=janus uses, through io.trtcsim.stack.janus.SharedJanus):
#   bash scripts/janus.sh start [--port 8188] [--http-port 8088] [--network]
#        starts it in the background, waits until janus listens, prints the stack value for the
#        shards on stdout (janus+ws://127.0.0.1:8188/): STACK=$(bash scripts/janus.sh start)
#        --network: listen on every interface, for shards on other machines (the URL then names
#        this machine's IPv4 address); without it, loopback only.
#   bash scripts/janus.sh url     prints the stack value of the one running
#   bash scripts/janus.sh stop    stops it (SIGTERM to its JVM, which stops janus and deletes its folder)
# Needs Debian's janus (bash scripts/install-system-packages.sh --with-janus), JDK 17 and Maven.
# State under $TRTCSIM_JANUS_HOME (default /var/tmp/trtcsim-janus): PID, URL, class path, log.
set -euo pipefail
cd "$(dirname "$0")/.."

home="${TRTCSIM_JANUS_HOME:-/var/tmp/trtcsim-janus}"
pidfile="$home/shared-janus.pid"
urlfile="$home/shared-janus.url"
log="$home/shared-janus.log"
main=io.trtcsim.stack.janus.SharedJanus
ready_line='shared janus ready: '   # SharedJanus.READY

# The PID in the PID file, if that process is still our SharedJanus (not a PID reused since).
running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile")
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$main" && echo "$pid"
}

start() {
  if pid=$(running_pid); then
    echo "a shared Janus already runs (pid $pid): $(cat "$urlfile"); stop it first (bash scripts/janus.sh stop)" >&2
    exit 1
  fi
  command -v janus >/dev/null || { echo "no 'janus' on the PATH: bash scripts/install-system-packages.sh --with-janus" >&2; exit 3; }
  mkdir -p "$home"
  mvn -q compile dependency:build-classpath -Dmdep.outputFile="$home/classpath" >&2
  : > "$log"
  # nohup: it outlives this script and the terminal; in the background it also ignores Ctrl-C there.
  nohup java -Djava.awt.headless=true -cp "target/classes:$(cat "$home/classpath")" "$main" "$@" \
    > "$log" 2>&1 < /dev/null &
  local pid=$!
  local deadline=$((SECONDS + 60))
  until grep -q "^$ready_line" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the shared Janus did not start; its output ($log):" >&2
      cat "$log" >&2
      exit 3
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "the shared Janus did not get ready within 60 s; stopping it. Its output ($log):" >&2
      cat "$log" >&2
      kill -TERM "$pid"
      exit 3
    fi
    sleep 0.2
  done
  echo "$pid" > "$pidfile"
  sed -n "s/^$ready_line//p" "$log" > "$urlfile"
  grep -v "^$ready_line" "$log" >&2 || true
  cat "$urlfile"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    echo "no shared Janus runs (nothing alive in $pidfile)" >&2
    rm -f "$pidfile" "$urlfile"
    return 0
  fi
  # janus's own PID, from the JVM's first line: it must go too if the JVM has to be killed.
  local janus_pid
  janus_pid=$(sed -n 's/^janus pid \([0-9]*\),.*/\1/p' "$log" | head -1)
  kill -TERM "$pid"
  local deadline=$((SECONDS + 15))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "the shared Janus (pid $pid) did not stop within 15 s of SIGTERM; killing it and janus (pid $janus_pid)" >&2
    kill -KILL "$pid"
    [ -n "$janus_pid" ] && kill -KILL "$janus_pid" 2>/dev/null || true
  fi
  rm -f "$pidfile" "$urlfile"
  echo "stopped the shared Janus (pid $pid, janus pid ${janus_pid:-?})" >&2
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  url)
    running_pid >/dev/null || { echo "no shared Janus runs (bash scripts/janus.sh start)" >&2; exit 1; }
    cat "$urlfile" ;;
  *) echo "usage: bash scripts/janus.sh start [--port 8188] [--http-port 8088] [--network] | url | stop" >&2; exit 2 ;;
esac
