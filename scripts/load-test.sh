#!/usr/bin/env bash
# The load command from the sources (README "Load runs", docs/load.md), its arguments passed on:
#   bash scripts/load-test.sh run --stack embedded --rooms 1 --publishers 1 --subscribers 4 --duration 20s --out reports/load
#   bash scripts/load-test.sh merge --out reports/load-merged shard-0 shard-1
#   bash scripts/load-test.sh run --help
# Its exit status is the command's: 0 passed, 1 not passed (a threshold missed...), 2 bad input, 3 could not run.
#
# Built once under a lock and run in a JVM of its own (scripts/classpath.sh says why: shards started
# side by side from one checkout must not rewrite the classes a running shard loads).
# JAVA_OPTS is passed to that JVM (e.g. JAVA_OPTS=-Xmx8g).
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(bash scripts/classpath.sh)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, split on purpose
exec java ${JAVA_OPTS:-} -cp "$classpath" io.trtcsim.load.LoadTest "$@"
