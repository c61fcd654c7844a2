#!/usr/bin/env bash
# build-aux/dev.sh — set up a fresh Debian 12 machine, build Dramatis, run it or test it.
#
#   build-aux/dev.sh run [ARGS…]   install packages, build, open Dramatis on the sample corpus
#   build-aux/dev.sh test          install packages, build, run the whole suite headless
#
# Packages are installed with apt-get when missing (as root, or through sudo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libgraphviz-dev graphviz libsqlite3-dev sqlite3 libxml2-dev libxml2-utils
  desktop-file-utils appstream xvfb xauth xdotool imagemagick python3
)

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_packages
    build build
    if [ -x build/ui/dramatis ]; then
      # Uninstalled: the GSettings schema is compiled into build/data.
      GSETTINGS_SCHEMA_DIR="$here/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
        exec build/ui/dramatis "$@"
    fi
    echo "The desktop explorer is not built; showing the sample corpus with dramatis-cli." >&2
    build/app/dramatis-cli import --db "${TMPDIR:-/tmp}/dramatis-samples.dramatis" data/samples
    exec build/app/dramatis-cli stats --db "${TMPDIR:-/tmp}/dramatis-samples.dramatis"
    ;;
  test)
    install_packages
    build build-test
    xvfb-run -a -s "-screen 0 1280x1024x24" meson test -C build-test --print-errorlogs "$@"
    ;;
  *)
    echo "usage: build-aux/dev.sh run|test" >&2
    exit 2
    ;;
esac
