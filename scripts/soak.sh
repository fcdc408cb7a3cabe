#!/usr/bin/env bash
# The soak run (docs/measurements.md, "Soak and repeated runs"): the features looped in one JVM until
# at least N scenarios have run after a warm-up loop, threads, file descriptors and memory checked flat:
#   bash scripts/soak.sh --scenarios 200
#   bash scripts/soak.sh --features features/call-flow --scenarios 50 --stack janus --markdown reports/soak.md
#   bash scripts/soak.sh --help
# Exit status: 0 passed, 1 a scenario failed / a figure grew beyond its tolerance / a thread lingered, 2 bad input.
#
# It runs in a plain `java` process of its own (the JVM's "main" thread, nothing of Maven's beside it),
# with PULSE_SERVER exported as the pom exports it to Surefire and Failsafe, so the scenarios that
# capture the machine's microphones run instead of being skipped. JAVA_OPTS is passed to that JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
classpath_file=target/soak.classpath
mvn -B -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >&2
export PULSE_SERVER="unix:$PWD/target/pulse/native"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, split on purpose
exec java ${JAVA_OPTS:-} -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  io.trtcsim.soak.SoakRun "$@"
