#!/usr/bin/env bash
# Removes packet-loss rules a killed run left behind. Each scenario removes its own rules when it
# ends (also when it fails); only a JVM killed outright leaves them. They carry the comment
# "trtcsim-<uuid>" in the INPUT chains of iptables and ip6tables.
set -euo pipefail
removed=0
for program in iptables ip6tables; do
  command -v "$program" >/dev/null 2>&1 || continue
  while read -r rule; do
    [ -n "$rule" ] || continue
    # shellcheck disable=SC2086
    eval "$program -w -D ${rule#-A }" && removed=$((removed + 1))
  done < <("$program" -w -S INPUT 2>/dev/null | grep -- '--comment "\?trtcsim-' || true)
done
echo "packet-loss rules left behind and removed: $removed"
