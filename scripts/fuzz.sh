#!/usr/bin/env bash
# The fuzz command from the sources (docs/fuzzing.md), its arguments passed on:
#   bash scripts/fuzz.sh --url ws://127.0.0.1:7788/signal --messages 100000 --connections 50 --seed 1 --out reports/fuzz
#   bash scripts/fuzz.sh --help
# Its exit status is the command's: 0 passed, 1 a finding (crash, hang, disturbed sentinel, slow /health),
# 2 bad input, 3 could not run (nothing answers at the URL, or the sentinel could not join).
#
# Built once under a lock and run in a JVM of its own, as scripts/load-test.sh is (scripts/classpath.sh):
# a build started meanwhile (a load shard's) cannot rewrite the classes this JVM loads.
# JAVA_OPTS is passed to that JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath=$(bash scripts/classpath.sh)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, split on purpose
exec java ${JAVA_OPTS:-} -cp "$classpath" io.trtcsim.fuzz.FuzzCommand "$@"
