#!/usr/bin/env bash
# Runs every feature against each stack and writes the conformance matrix (scenario × stack) to
# docs/conformance-matrix.md and reports/conformance-matrix.md:
#   bash scripts/conformance-matrix.sh [stack ...]      (default: embedded janus)
# A scenario failing on a stack does not stop the script: the matrix shows it, and the script
# exits non-zero at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(embedded janus)
pairs=()
status=0
for stack in "${stacks[@]}"; do
  mvn -B -q -Pfeatures verify -Dharness.stack="$stack" > "reports/features-$stack.log" 2>&1 || status=1
  echo "$stack: $(grep -E '^scenarios:' "reports/features-$stack.log" | tail -1)"
  cp reports/junit.xml "reports/junit-$stack.xml"
  pairs+=("$stack=reports/junit-$stack.xml")
done
mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.report.ConformanceMatrix \
  -Dexec.args="reports/conformance-matrix.md ${pairs[*]}"
cp reports/conformance-matrix.md docs/conformance-matrix.md
exit $status
