#!/usr/bin/env bash
# The load command from the sources (README "Load runs", docs/load.md), its arguments passed on:
#   bash scripts/load-test.sh run --stack embedded --rooms 1 --publishers 1 --subscribers 4 --duration 20s --out reports/load
#   bash scripts/load-test.sh merge --out reports/load-merged shard-0 shard-1
#   bash scripts/load-test.sh run --help
# Its exit status is the command's: 0 passed, 1 not passed (a threshold missed...), 2 bad input, 3 could not run.
#
# Why its own JVM and a build under a lock: shards are often started side by side from one checkout
# (.ci/run does). Run inside Maven (exec:java), the second shard's `mvn compile` could rewrite
# target/classes while the first shard's JVM was still loading classes from it, and the first shard
# then died at its end with "Type io.trtcsim.load.RunCommand not present". Now the first call builds
# (only when a source or the pom is newer than the last build), every later call waits on the lock
# and finds nothing to do, and the command runs in a plain `java` process of its own.
# JAVA_OPTS is passed to that JVM (e.g. JAVA_OPTS=-Xmx8g).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
classpath_file=target/load-test.classpath
{
  flock 9
  if [ ! -s "$classpath_file" ] || [ -n "$(find pom.xml src/main -newer "$classpath_file" -print -quit)" ]; then
    mvn -B -q compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file.tmp" >&2
    mv "$classpath_file.tmp" "$classpath_file"
  fi
} 9>target/load-test.lock
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, split on purpose
exec java ${JAVA_OPTS:-} -cp "target/classes:$(cat "$classpath_file")" io.trtcsim.load.LoadTest "$@"
