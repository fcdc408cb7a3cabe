#!/usr/bin/env bash
# Installs the system packages the harness needs on Debian/Ubuntu (run as root or with sudo):
#   libpulse0  - webrtc-java's native library links libpulse.so.0; without it loading fails
#                with UnsatisfiedLinkError.
#   iptables   - for the packet-loss steps (real packet loss; needs root).
#   a JDK 17+ and Maven, when missing.
#   with --with-browser: Debian's chromium and chromium-driver, for the test that opens the HTML
#                report in a real browser (skipped, with the reason printed, without them).
#   with --with-janus: Debian's janus, for the Janus stack (-Dharness.stack=janus) and its tests
#                (skipped, with the reason printed, without it).
#   with --with-docker: Debian's docker.io and debootstrap, for the container stacks
#                (-Dharness.stack=janus-container / simulator-container; docs/containers.md).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

needed=()
dpkg -s libpulse0 >/dev/null 2>&1 || needed+=(libpulse0)
command -v javac >/dev/null 2>&1 || needed+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || needed+=(maven)
# iptables: the packet-loss steps drop packets with it (skipped, with the reason, without it).
dpkg -s iptables >/dev/null 2>&1 || needed+=(iptables)
for option in "$@"; do
  case "$option" in
    --with-browser)
      dpkg -s chromium >/dev/null 2>&1 || needed+=(chromium)
      dpkg -s chromium-driver >/dev/null 2>&1 || needed+=(chromium-driver) ;;
    --with-janus)
      dpkg -s janus >/dev/null 2>&1 || needed+=(janus) ;;
    --with-docker)
      dpkg -s docker.io >/dev/null 2>&1 || needed+=(docker.io)
      dpkg -s debootstrap >/dev/null 2>&1 || needed+=(debootstrap) ;;
    *) echo "unknown option $option" >&2; exit 2 ;;
  esac
done

if [ ${#needed[@]} -eq 0 ]; then
  echo "system packages: all present (libpulse0, JDK, Maven $*)"
  exit 0
fi

echo "system packages: installing ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}"
