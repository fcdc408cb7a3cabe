# Sourced by the scripts that need root (install-system-packages.sh, docker-daemon.sh,
# build-images.sh). Run as root they do their work as they are; run as another user they use sudo
# by themselves, so no instruction says `sudo` (minimal images and root CI runners have none).

# sudo_needed 'SCRIPT [ARG...]': false as root; true for another user when sudo is installed;
# otherwise stops with what to do, instead of a bare "sudo: command not found".
sudo_needed() {
  [ "$(id -u)" -ne 0 ] || return 1
  command -v sudo >/dev/null 2>&1 && return 0
  echo "$1 needs root, but runs as $(id -un) and sudo is not installed: run it as root" \
    "(su root -c 'bash $1'), or install sudo (as root: apt-get install sudo) and allow $(id -un) to use it" >&2
  exit 1
}

# as_root 'SCRIPT [ARG...]' COMMAND [ARG...]: runs COMMAND as root (through sudo when not root).
as_root() {
  local invocation="$1"
  shift
  if sudo_needed "$invocation"; then sudo "$@"; else "$@"; fi
}

# rerun_as_root SCRIPT [ARG...]: when not root, runs SCRIPT again through sudo, with this
# environment (DOCKER_HOST, TRTCSIM_DOCKER_HOME), and exits with its status.
rerun_as_root() {
  local script="$1"
  shift
  if sudo_needed "$script${*:+ $*}"; then exec sudo -E bash "$(realpath "$script")" "$@"; fi
}
