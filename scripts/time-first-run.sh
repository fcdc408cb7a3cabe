#!/usr/bin/env bash
# Times a new user's first run, as README's "First run on a fresh machine" reports it: a clean clone
# into a temporary folder, built with an empty Maven local repository (-Dmaven.repo.local), so that
# every dependency and plugin is downloaded as on a new machine. It measures
#   (a) bash scripts/install-system-packages.sh (packages already present are said so);
#   (b) the first mvn -B -q -Pfeatures verify: download, compile, every feature on the embedded
#       stack and the Allure report;
#   (c) the download volume: the size of that Maven repository;
# and prints a Markdown table of the figures with the machine (cores, memory, java -version, date),
# the load average before, during and after, and the CPU time other work took during (b) (other
# work on the machine inflates the figures).
# Usage: bash scripts/time-first-run.sh [REPOSITORY]
#   REPOSITORY: a path or URL to clone; by default this checkout, at its HEAD commit (uncommitted
#   changes are not measured).
# The temporary folder is removed, and every process running from it ended, however the script ends.
# Exit status: that of the Maven run.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
source_repo="${1:-$here}"
revision=""
[ $# -gt 0 ] || revision="$(git -C "$here" rev-parse HEAD)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/trtcsim-first-run.XXXXXX")"
clone="$tmp/clone"
m2="$tmp/m2"
child=""
sampler=""

# Every process whose working folder or command line is in the temporary folder (Maven, the forked
# test JVM, the Allure command line), whatever its parent.
processes_in_tmp() {
  local dir pid cwd cmdline
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [ "$pid" != $$ ] && [ "$pid" != "$BASHPID" ] || continue
    # A process may end while it is read: its files vanish (the braces make 2> cover the <).
    cwd="$(readlink "$dir/cwd" 2>/dev/null || true)"
    cmdline="$({ tr '\0' ' ' < "$dir/cmdline"; } 2>/dev/null || true)"
    if [[ "$cwd" == "$tmp"* || "$cmdline" == *"$tmp/"* ]]; then echo "$pid"; fi
  done
}

cleanup() {
  local status=$? pids
  trap - EXIT INT TERM
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
  [ -z "$child" ] || kill "$child" 2>/dev/null || true
  pids="$(processes_in_tmp)"
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086
    kill $pids 2>/dev/null || true
    sleep 2
    pids="$(processes_in_tmp)"
    # shellcheck disable=SC2086
    [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds (user + system) of this shell's finished children, Maven's JVMs included.
child_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print ($14 + $15) / hz }' /proc/$$/stat; }
# CPU seconds the whole machine has been busy (every process, this run's and others').
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat; }

# run LOG DIR COMMAND...: runs COMMAND in DIR in the background (so that a signal reaches the trap at
# once), output to LOG; returns its exit status.
run() {
  local log="$1" dir="$2" status=0
  shift 2
  (cd "$dir" && exec "$@") > "$log" 2>&1 &
  child=$!
  wait "$child" || status=$?
  child=""
  return "$status"
}

load_before="$(load)"
date_started="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "cloning $source_repo${revision:+ at ${revision:0:7}} into $tmp" >&2
git clone -q "$source_repo" "$clone"
if [ -n "$revision" ]; then
  git -C "$clone" checkout -q --detach "$revision" 2>/dev/null \
    || { echo "HEAD ($revision) is on no branch of $source_repo: commit it on a branch first" >&2; exit 1; }
fi

echo "(a) bash scripts/install-system-packages.sh" >&2
started="$(now)"
run "$tmp/install.log" "$clone" bash scripts/install-system-packages.sh \
  || { cat "$tmp/install.log" >&2; echo "the install script failed" >&2; exit 1; }
install_seconds="$(seconds "$started" "$(now)")"
if grep -q "all present" "$tmp/install.log"; then
  install_note="all already present, nothing installed"
else
  install_note="installed: $(sed -n 's/^system packages: installing //p' "$tmp/install.log")"
fi

echo "(b) mvn -B -q -Pfeatures verify -Dmaven.repo.local=$m2" >&2
# The 1-minute load average every 5 s while Maven runs.
(
  trap 'kill "$nap" 2>/dev/null; exit 0' TERM
  while :; do
    cut -d' ' -f1 /proc/loadavg
    sleep 5 & nap=$!
    wait "$nap"
  done
) > "$tmp/load.samples" &
sampler=$!
cpu_before="$(child_cpu)"
machine_before="$(machine_cpu)"
started="$(now)"
mvn_status=0
run "$tmp/mvn.log" "$clone" mvn -B -q -Pfeatures verify -Dmaven.repo.local="$m2" || mvn_status=$?
mvn_seconds="$(seconds "$started" "$(now)")"
mvn_cpu="$(awk -v a="$cpu_before" -v b="$(child_cpu)" 'BEGIN { printf "%.0f", b - a }')"
# What other work took meanwhile: the machine's busy time less this run's.
others_cpu="$(awk -v a="$machine_before" -v b="$(machine_cpu)" -v own="$mvn_cpu" 'BEGIN { o = b - a - own; printf "%.0f", o < 0 ? 0 : o }')"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=""
load_during="$(awk '{ s += $1; if ($1 > m) m = $1 } END { if (NR) printf "mean %.2f, max %.2f", s / NR, m; else printf "not sampled" }' "$tmp/load.samples")"
left="$(processes_in_tmp | wc -l)"
if [ "$mvn_status" -ne 0 ]; then
  tail -40 "$tmp/mvn.log" >&2
  echo "mvn -Pfeatures verify exited with $mvn_status" >&2
fi
scenarios="$(grep -ao 'scenarios: [0-9]* passed, [0-9]* failed, [0-9]* skipped' "$tmp/mvn.log" | tail -1 || true)"
report="no"
[ -s "$clone/reports/allure-report/index.html" ] && report="yes ($(du -h "$clone/reports/allure-report/index.html" | cut -f1))"

echo "(c) the download volume" >&2
m2_size="$(du -sm "$m2" | cut -f1)"
m2_files="$(find "$m2" -type f \( -name '*.jar' -o -name '*.zip' -o -name '*.pom' \) | wc -l)"
load_after="$(load)"

cat <<TABLE
| what | figure |
|---|---|
| (a) \`bash scripts/install-system-packages.sh\` | ${install_seconds} s ($install_note) |
| (b) first \`mvn -B -q -Pfeatures verify\` | ${mvn_seconds} s wall, ${mvn_cpu} s CPU; exit $mvn_status; ${scenarios:-no scenario line in its output}; Allure report written: $report |
| (c) downloaded into the empty Maven repository | ${m2_size} MB ($m2_files jars, zips and POMs) |
| machine | $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory |
| Java, Maven | $(java -version 2>&1 | head -1 | tr -d '"'); $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g') |
| date | $date_started |
| load average (1, 5, 15 min) | before $load_before; during (b), 1 min, $load_during (this run included); after $load_after |
| CPU taken by other work during (b) | ${others_cpu} s of the $(( $(nproc) * mvn_seconds )) s the cores had |
| processes left in the temporary folder after (b) | $left |
TABLE
exit "$mvn_status"
