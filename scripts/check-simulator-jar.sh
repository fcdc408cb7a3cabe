#!/usr/bin/env bash
# Checks the standalone simulator jar that `mvn package` builds (maven-shade-plugin, classifier
# 'simulator'); scripts/build-images.sh runs it before it builds the simulator image from the jar.
#   1. none of the harness's tools are inside: Cucumber, WireMock, Testcontainers, docker-java,
#      webrtc-java, nor the harness's own packages;
#   2. the simulator's own classes name no class the jar lacks (jdeps), e.g. an SDK class it
#      started to use;
#   3. it runs: --help exits 0, and it starts with the project's fixtures, prints its ready line and
#      answers GET /health.
# Usage: bash scripts/check-simulator-jar.sh [target/trtc-flow-harness-<version>-simulator.jar]
# Exit code non-zero, with what is wrong, when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

jar="${1:-$(ls target/trtc-flow-harness-*-simulator.jar 2>/dev/null | head -1)}"
[ -n "$jar" ] && [ -f "$jar" ] || { echo "no simulator jar${1:+ at $1}; build it with 'mvn -q package -DskipTests'" >&2; exit 1; }
# jdeps beside the java that runs the jar (a JDK's bin folder).
java_bin="$(dirname "$(readlink -f "$(command -v java)")")"
failures=0
fail() { echo "check-simulator-jar: $*" >&2; failures=$((failures + 1)); }

# 1. Entries that belong to the harness, not to the simulator. Of the project's own packages only
# the simulator, UserSig and TRTC's vocabulary belong.
stray="$("$java_bin/jar" tf "$jar" | grep -Ei '^(io/cucumber|com/github/tomakehurst|org/testcontainers|com/github/dockerjava|dev/onvoid)/|wiremock' || true)"
[ -z "$stray" ] || fail "$jar carries the harness's tools ($(wc -l <<<"$stray") entries), e.g.: $(head -5 <<<"$stray" | tr '\n' ' ')"
own="$("$java_bin/jar" tf "$jar" | grep '^io/trtcsim/.*[^/]$' \
  | grep -Ev '^io/trtcsim/(simulator|usersig|trtc|network)/' || true)"
[ -z "$own" ] || fail "$jar carries harness classes: $(head -5 <<<"$own" | tr '\n' ' ')"

# 2. jdeps lists a simulator class's reference to a class not in the jar (nothing when all resolve).
missing="$("$java_bin/jdeps" --multi-release 17 --missing-deps -include 'io\.trtcsim\..*' "$jar" 2>&1 || true)"
[ -z "$missing" ] || fail "the simulator's classes need classes the jar lacks:"$'\n'"$missing"

# 3. It runs.
help="$("$java_bin/java" -jar "$jar" --help 2>&1)" || fail "'java -jar $jar --help' failed: $help"
grep -q -- '--fixtures' <<<"$help" || fail "'--help' does not list the options: $help"

log="$(mktemp /tmp/check-simulator-jar.XXXXXX)"
"$java_bin/java" -jar "$jar" --host 127.0.0.1 --port 0 --fixtures fixtures > "$log" 2>&1 &
simulator=$!
trap 'kill "$simulator" 2>/dev/null || true; rm -f "$log"' EXIT
port=""
# Its start takes a few seconds (the media plane's SRTP warm-up); 60 s at most, as the container stack allows.
for _ in $(seq 1 300); do
  port="$(grep -m1 -oE 'TRTC simulator ready: signaling ws://127\.0\.0\.1:[0-9]+' "$log" | grep -oE '[0-9]+$' || true)"
  [ -z "$port" ] && kill -0 "$simulator" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$port" ]; then
  fail "the simulator did not print its ready line; its log ends:"$'\n'"$(tail -20 "$log")"
else
  # bash's own TCP, so the check needs no HTTP client.
  health="$(exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /health HTTP/1.0\r\n\r\n' >&3 && cat <&3)" || true
  grep -q '"status":"up"' <<<"$health" || fail "GET /health on port $port answered: ${health:-nothing}"
fi

if [ "$failures" -gt 0 ]; then
  echo "check-simulator-jar: $failures check(s) failed for $jar" >&2
  exit 1
fi
echo "check-simulator-jar: $jar ($(du -h "$jar" | cut -f1)): no harness tools or classes, every simulator class resolves, runs (--help, ready, /health)"
