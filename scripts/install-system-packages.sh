#!/usr/bin/env bash
# Installs the system packages the harness needs on Debian/Ubuntu (run as root or with sudo):
#   libpulse0  - webrtc-java's native library links libpulse.so.0; without it loading fails
#                with UnsatisfiedLinkError.
#   a JDK 17+ and Maven, when missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

needed=()
dpkg -s libpulse0 >/dev/null 2>&1 || needed+=(libpulse0)
command -v javac >/dev/null 2>&1 || needed+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || needed+=(maven)

if [ ${#needed[@]} -eq 0 ]; then
  echo "system packages: all present (libpulse0, JDK, Maven)"
  exit 0
fi

echo "system packages: installing ${needed[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}"
