#!/usr/bin/env bash
# build-aux/dev.sh — set up a fresh Debian 12 machine, build Dramatis, run it or test it.
#
#   build-aux/dev.sh run [ARGS…]   install packages, build, open Dramatis on the sample corpus
#   build-aux/dev.sh test          install packages, build, run the whole suite headless; then
#                                  build again with AddressSanitizer + UBSan (build-asan) and
#                                  run the whole suite there too; both must pass
#
# Packages are installed with apt-get when missing (as root, or through sudo).
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libgraphviz-dev graphviz libsqlite3-dev sqlite3 libxml2-dev libxml2-utils
  desktop-file-utils appstream xvfb xauth xdotool imagemagick python3
  gettext itstool shared-mime-info libglib2.0-bin man-db python3-networkx dbus-daemon
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
    status=0
    SECONDS=0
    build build-test
    xvfb-run -a -s "-screen 0 1280x1024x24" meson test -C build-test --print-errorlogs "$@" || status=1
    echo "Suite: ${SECONDS} s" >&2

    # The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (the CLI the tests
    # spawn is built with them too). Any UB aborts; leaks fail the test unless they are a
    # library's own, listed with reasons in tests/lsan.supp. The widget tests draw with GTK's
    # cairo renderer and any GL context is Mesa's softpipe: llvmpipe's JIT and caches are not
    # ours to check (and ASan's slow unwinder, fast_unwind_on_malloc=0, deadlocks on its JIT).
    SECONDS=0
    build build-asan -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false \
      "-Dc_args=-fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:print_stacktrace=1 \
    LSAN_OPTIONS=suppressions=$here/tests/lsan.supp:print_suppressions=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    G_SLICE=always-malloc GSK_RENDERER=cairo GALLIUM_DRIVER=softpipe \
      xvfb-run -a -s "-screen 0 1280x1024x24" \
        meson test -C build-asan --print-errorlogs --timeout-multiplier 3 "$@" || status=1
    echo "Sanitizer suite: ${SECONDS} s" >&2
    exit $status
    ;;
  *)
    echo "usage: build-aux/dev.sh run|test" >&2
    exit 2
    ;;
esac
