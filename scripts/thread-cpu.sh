#!/usr/bin/env bash
# CPU per thread name of one process over a window, from /proc/<pid>/task/*/stat: what JDK Flight
# Recorder cannot show, since libwebrtc's native threads that never call into Java are not sampled by
# it. Thread names are grouped with their trailing digits removed (DecodingQueue, sfu-rx-, ...).
#
#   scripts/thread-cpu.sh <pid> <seconds>
#
# Prints, per group, the threads in it and the cores they used over the window (CPU seconds per
# wall second), largest first, then the total. Threads that start or end inside the window count
# from zero or are missed.
set -euo pipefail
pid=${1:?pid}
seconds=${2:?seconds}
hz=$(getconf CLK_TCK)

snapshot() {
    for stat in /proc/"$pid"/task/*/stat; do
        # comm may hold spaces: take it between the first '(' and the last ')'.
        line=$(cat "$stat" 2>/dev/null) || continue
        tid=${line%% *}
        comm=${line#*(}; comm=${comm%)*}
        rest=${line##*) }
        set -- $rest
        # fields after comm: state(1) ... utime is field 14 of stat = 12th after comm, stime the 13th
        echo "$tid ${comm// /_} $(( ${12} + ${13} ))"
    done
}

before=$(mktemp); after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snapshot > "$before"
sleep "$seconds"
snapshot > "$after"

awk -v hz="$hz" -v secs="$seconds" '
    NR == FNR { start[$1] = $3; next }
    {
        used = $3 - ($1 in start ? start[$1] : 0)
        group = $2; sub(/[-_]?[0-9]+$/, "", group)
        ticks[group] += used; count[group]++
        total += used
    }
    END {
        for (g in ticks) printf "%8.3f cores  %4d threads  %s\n", ticks[g] / hz / secs, count[g], g
        printf "%8.3f cores  total\n", total / hz / secs > "/dev/stderr"
    }' "$before" "$after" | sort -rn
