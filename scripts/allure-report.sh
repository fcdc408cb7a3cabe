#!/usr/bin/env bash
# Makes the Allure HTML report as one self-contained file, reports/allure-report/index.html, from one
# or more result folders (several folders = several CI shards merged into one report):
#   bash scripts/allure-report.sh reports/allure-results [shard2/allure-results ...]
# The Allure command line comes from Maven Central (io.qameta.allure:allure-commandline, a zip the
# main job unpacks into target/allure); run `mvn -Pfeatures pre-integration-test` once to unpack it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
allure=$(ls -d "$root"/target/allure/allure-*/bin/allure 2>/dev/null | head -1 || true)
if [ -z "$allure" ]; then
  echo "allure command line not unpacked; run: mvn -Pfeatures pre-integration-test" >&2
  exit 1
fi
results=()
for dir in "$@"; do
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then results+=("$dir"); else echo "no results in $dir, skipped" >&2; fi
done
if [ ${#results[@]} -eq 0 ]; then
  echo "no Allure results to report" >&2
  exit 0
fi
cp "$root/src/test/resources/allure/categories.json" "${results[0]}/categories.json" 2>/dev/null || true
"$allure" generate --single-file --clean -o "$root/reports/allure-report" "${results[@]}" >/dev/null
echo "Allure report: $root/reports/allure-report/index.html"
