#!/usr/bin/env bash
# The load command from the sources (README "Load runs", docs/load.md), its arguments passed on:
#   bash scripts/load-test.sh run --stack embedded --rooms 1 --publishers 1 --subscribers 4 --duration 20s --out reports/load
#   bash scripts/load-test.sh merge --out reports/load-merged shard-0 shard-1
#   bash scripts/load-test.sh run --help
# Its exit status is the command's: 0 passed, 1 not passed (a threshold missed...), 2 bad input, 3 could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
# exec.args is split by Maven, which keeps double-quoted words whole: an argument with a space survives.
args=()
for arg in "$@"; do
  args+=("\"${arg//\"/\\\"}\"")
done
exec mvn -q compile exec:java -Dexec.mainClass=io.trtcsim.load.LoadTest -Dexec.args="${args[*]}"
