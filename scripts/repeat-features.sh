#!/usr/bin/env bash
# Repeated runs of the feature suite (docs/measurements.md, "Soak and repeated runs"): N runs in a
# row per stack, each a fresh `mvn -B -Pfeatures verify -Dharness.stack=STACK`, then passed and failed
# per run and every scenario that failed in any run, with the runs it failed in.
#   bash scripts/repeat-features.sh 10                          # embedded, 10 runs
#   bash scripts/repeat-features.sh 5 embedded janus            # 5 runs on each
#   FEATURES=features/call-flow/mute.feature bash scripts/repeat-features.sh 2
# Environment: FEATURES (passed as -Dcucumber.features: a file, a folder or several, comma-separated),
# MVN_ARGS (more Maven arguments, e.g. "-o" offline or "-Dcucumber.filter.tags=@smoke").
# Each stack's reports/repeat/<stack>/ is emptied first and then holds run-<i>.xml (that run's
# reports/junit.xml) and run-<i>.log (its Maven output); reports/repeat/summary.md is the summary
# as Markdown, for docs/measurements.md.
# Exit status: 0 when every run of every stack passed, 1 when any failed, 2 for a wrong command line.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bash scripts/repeat-features.sh N [STACK...]   (STACK: embedded (default), janus, janus-container, simulator-container)"
if [ $# -lt 1 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
  echo "repeat-features: the number of runs must come first and be at least 1, not '${1:-}'" >&2
  echo "$usage" >&2
  exit 2
fi
runs=$1
shift
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(embedded)
# shellcheck disable=SC2206 # MVN_ARGS is a list of arguments, split on purpose
maven=(mvn -B ${MVN_ARGS:-} -Pfeatures verify)
[ -z "${FEATURES:-}" ] || maven+=("-Dcucumber.features=$FEATURES")

status=0
folders=()
for stack in "${stacks[@]}"; do
  folder="reports/repeat/$stack"
  rm -rf "$folder"
  mkdir -p "$folder"
  folders+=("$folder")
  for i in $(seq "$runs"); do
    rm -f reports/junit.xml
    started=$(date +%s)
    if "${maven[@]}" "-Dharness.stack=$stack" >"$folder/run-$i.log" 2>&1; then verdict=passed; else verdict=FAILED; status=1; fi
    summary=$(grep -ho "scenarios: [0-9]* passed, [0-9]* failed, [0-9]* skipped" "$folder/run-$i.log" | tail -1 || true)
    if [ -f reports/junit.xml ]; then
      cp reports/junit.xml "$folder/run-$i.xml"
    else
      summary="no reports/junit.xml: the run broke before its scenarios ended (see $folder/run-$i.log)"
    fi
    echo "$stack run $i/$runs: $verdict in $(( $(date +%s) - started )) s; ${summary:-no summary line in $folder/run-$i.log}"
    grep -E '^failed: ' "$folder/run-$i.log" | sed "s|^|  |" || true
  done
done

# The summary needs only the JDK and the compiled test classes (the runs above compiled them).
summary_folders=()
for folder in "${folders[@]}"; do
  if compgen -G "$folder/run-*.xml" >/dev/null; then summary_folders+=("$folder"); else echo "$folder: no JUnit report of any run" >&2; status=1; fi
done
if [ ${#summary_folders[@]} -gt 0 ]; then
  java -cp target/test-classes io.trtcsim.soak.RepeatSummary --markdown reports/repeat/summary.md "${summary_folders[@]}" || status=1
fi
exit "$status"
