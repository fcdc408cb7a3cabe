#!/usr/bin/env bash
# Installs the system packages the harness needs on Debian/Ubuntu. Run it as root or as a user who
# may use sudo: it uses sudo by itself when not root, and only when something must be installed
# (then it runs apt-get update first); with everything present it changes nothing.
#   libpulse0  - webrtc-java's native library links libpulse.so.0; without it loading fails
#                with UnsatisfiedLinkError.
#   iptables   - for the packet-loss steps (real packet loss; needs root).
#   pulseaudio - for the scenarios that capture microphones of this machine: the harness starts
#                its own PulseAudio server with pipe-source microphones it feeds (skipped, with
#                the reason printed, without it).
#   a JDK 17+ and Maven, when missing.
#   with --with-browser: Debian's chromium and chromium-driver, for the test that opens the HTML
#                report in a real browser (skipped, with the reason printed, without them).
#   with --with-janus: Debian's janus, for the Janus stack (-Dharness.stack=janus) and its tests
#                (skipped, with the reason printed, without it).
#   with --with-docker: Debian's docker.io and debootstrap, for the container stacks
#                (-Dharness.stack=janus-container / simulator-container; docs/containers.md).
set -euo pipefail
# shellcheck source=as-root.sh
. "$(dirname "$0")/as-root.sh"

# Installed, not merely known to dpkg: 'dpkg -s' also succeeds for a package removed but not
# purged (state config-files).
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q ' ok installed$'; }

invocation="$0${*:+ $*}"
needed=()
installed libpulse0 || needed+=(libpulse0)
command -v javac >/dev/null 2>&1 || needed+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || needed+=(maven)
# iptables: the packet-loss steps drop packets with it (skipped, with the reason, without it).
installed iptables || needed+=(iptables)
# pulseaudio (and its pactl): the harness's own PulseAudio server for machine-microphone scenarios.
installed pulseaudio || needed+=(pulseaudio)
command -v pactl >/dev/null 2>&1 || needed+=(pulseaudio-utils)
for option in "$@"; do
  case "$option" in
    --with-browser)
      installed chromium || needed+=(chromium)
      installed chromium-driver || needed+=(chromium-driver) ;;
    --with-janus)
      installed janus || needed+=(janus) ;;
    --with-docker)
      installed docker.io || needed+=(docker.io)
      installed debootstrap || needed+=(debootstrap) ;;
    *) echo "unknown option $option" >&2; exit 2 ;;
  esac
done

if [ ${#needed[@]} -eq 0 ]; then
  echo "system packages: all present (libpulse0, iptables, JDK, Maven${*:+, $*})"
  exit 0
fi

echo "system packages: installing ${needed[*]}"
# Through env: sudo would drop an exported DEBIAN_FRONTEND, and apt could stop at a debconf question.
as_root "$invocation" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
as_root "$invocation" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}"
