#!/usr/bin/env bash
# Prints the classpath of the project's main code (target/classes and its runtime dependencies) for a
# command run in a plain `java` process of its own: scripts/load-test.sh and scripts/fuzz.sh.
#
# Why its own JVM and a build under a lock: shards are often started side by side from one checkout
# (.ci/run does). Run inside Maven (exec:java), the second shard's `mvn compile` could rewrite
# target/classes while the first shard's JVM was still loading classes from it, and the first shard
# then died at its end with "Type io.trtcsim.load.RunCommand not present". Now the first call builds
# (only when a source or the pom is newer than the last build), every later call waits on the lock
# and finds nothing to do. Maven's output goes to stderr; stdout is the classpath alone.
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
echo "target/classes:$(cat "$classpath_file")"
