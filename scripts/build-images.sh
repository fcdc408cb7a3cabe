#!/usr/bin/env bash
# Builds the harness's container images locally, with no registry:
#   trtcsim/debian:bookworm    debootstrap --variant=minbase, imported (made once, kept)
#   trtcsim/janus:local        Debian's janus on that base (src/main/docker/janus)
#   trtcsim/simulator:local    the reference simulator on that base (src/main/docker/simulator)
# Usage: bash scripts/build-images.sh [janus] [simulator]     (default: both)
# Talks to the daemon at $DOCKER_HOST (eval "$(bash scripts/docker-daemon.sh env)" for the
# harness's own daemon). Needs root for debootstrap (run as another user, the script uses sudo by
# itself, keeping DOCKER_HOST); Debian packages debootstrap and docker.io.
set -euo pipefail
# shellcheck source=as-root.sh
. "$(dirname "$0")/as-root.sh"
rerun_as_root "$0" "$@"
cd "$(dirname "$0")/.."

docker_cli=/usr/bin/docker
[ -x "$docker_cli" ] || docker_cli="$(command -v docker)"
images=("$@")
[ ${#images[@]} -gt 0 ] || images=(janus simulator)

if ! "$docker_cli" version >/dev/null 2>&1; then
  echo "no Docker daemon answers at ${DOCKER_HOST:-the default socket}; start one with" \
    "'bash scripts/docker-daemon.sh start' and 'eval \"\$(bash scripts/docker-daemon.sh env)\"'" >&2
  exit 1
fi

base=trtcsim/debian:bookworm
if ! "$docker_cli" image inspect "$base" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "debootstrap is not installed (Debian package debootstrap)" >&2; exit 1; }
  # The mirror this machine's apt already uses, so the image reaches the same one.
  mirror="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -E '^(URIs:|deb )' | grep -oE 'https?://[^ ]+' | grep -v security | head -1 || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  rootfs="$(mktemp -d /var/tmp/trtcsim-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  echo "building $base: debootstrap from $mirror"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" > "$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; rm -f "$rootfs.log"; exit 1; }
  rm -f "$rootfs.log"
  tar -C "$rootfs" -c . | "$docker_cli" import - "$base" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

for image in "${images[@]}"; do
  case "$image" in
    janus)
      "$docker_cli" build -q -t trtcsim/janus:local src/main/docker/janus >/dev/null
      ;;
    simulator)
      context=target/docker/simulator
      rm -rf "$context"
      mkdir -p "$context"
      # The simulator's own jar (maven-shade-plugin in 'package'): the simulator and only what it
      # needs, no Cucumber, WireMock, Testcontainers or webrtc-java. Checked before it goes in.
      mvn -B -q -Dmaven.test.skip=true package
      jar="$(ls -t target/trtc-flow-harness-*-simulator.jar | head -1)"
      bash scripts/check-simulator-jar.sh "$jar"
      cp "$jar" "$context/simulator.jar"
      cp -r fixtures "$context/fixtures"
      cp src/main/docker/simulator/Dockerfile "$context/"
      "$docker_cli" build -q -t trtcsim/simulator:local "$context" >/dev/null
      ;;
    *) echo "unknown image '$image' (janus or simulator)" >&2; exit 2 ;;
  esac
  echo "built trtcsim/$image:local"
done
# Each rebuild of the simulator leaves the previous image untagged: drop those.
"$docker_cli" image prune -f >/dev/null
