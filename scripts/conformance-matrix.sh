#!/usr/bin/env bash
# Runs every feature against each stack, measures the basic call on each in one benchmark run, and
# writes the conformance matrix (scenario × stack, then the call's figures side by side) to
# reports/conformance-matrix.md and docs/conformance-matrix.md:
#   bash scripts/conformance-matrix.sh [stack ...]   (default: embedded janus janus-container simulator-container)
# Each stack's reports go to reports/stacks/<stack>/ (Allure report, Cucumber report, JUnit XML,
# the run's log). 'embedded' runs last, so reports/ itself ends up holding the main job's reports.
# The container stacks need a Docker daemon and the images (docs/containers.md); where they are
# missing their scenarios are skipped with the reason. A scenario failing on a stack does not stop
# the script: the matrix shows it, and the script exits non-zero at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(embedded janus janus-container simulator-container)
ordered=()
for stack in "${stacks[@]}"; do [ "$stack" = embedded ] || ordered+=("$stack"); done
for stack in "${stacks[@]}"; do [ "$stack" != embedded ] || ordered+=("$stack"); done

status=0
mkdir -p reports
for stack in "${ordered[@]}"; do
  out="reports/stacks/$stack"
  rm -rf "$out" && mkdir -p "$out"
  started=$(date +%s)
  mvn -B -Pfeatures verify -Dharness.stack="$stack" > "$out/features.log" 2>&1 || status=1
  echo "$stack: $(grep -E '^scenarios:' "$out/features.log" | tail -1) ($(( $(date +%s) - started )) s; log $out/features.log)"
  # Which scenarios failed, with the first line of each error (RunSummary prints them after its summary).
  grep -E '^failed: ' "$out/features.log" | sed "s|^|$stack: |" || true
  # A JVM that died in native code leaves the marker of the scenario it was running.
  if [ -f reports/scenario-running.txt ]; then
    echo "$stack: the features' JVM died while running $(cat reports/scenario-running.txt)" >&2
    status=1
  fi
  cp reports/junit.xml "$out/junit.xml" 2>/dev/null || { echo "$stack: no JUnit XML written" >&2; status=1; }
  cp reports/cucumber.html "$out/" 2>/dev/null || true
  cp -r reports/allure-report "$out/" 2>/dev/null || true
done

pairs=()
for stack in "${stacks[@]}"; do pairs+=("$stack=reports/stacks/$stack/junit.xml"); done
stack_list="$(IFS=,; echo "${stacks[*]}")"
mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.bench.CallBenchmark \
  -Dexec.args="--rounds 3 --seconds 5 --stacks $stack_list --markdown reports/basic-call-by-stack.md" \
  > reports/basic-call-by-stack.log 2>&1 || { echo "the basic-call benchmark failed; see reports/basic-call-by-stack.log" >&2; status=1; }
append=()
[ -f reports/basic-call-by-stack.md ] && append=(--append reports/basic-call-by-stack.md)
mvn -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.trtcsim.report.ConformanceMatrix \
  -Dexec.args="reports/conformance-matrix.md ${pairs[*]} ${append[*]}" || status=1
cp reports/conformance-matrix.md docs/conformance-matrix.md
grep -E '^- [a-z-]+: [0-9]+ passed' reports/conformance-matrix.md || true
exit $status
