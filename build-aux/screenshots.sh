#!/usr/bin/env bash
# build-aux/screenshots.sh — takes the screenshots of the metainfo (data/screenshots/*.png)
# from the real program on the sample articles, under Xvfb, at the size the metainfo names.
#
#   build-aux/screenshots.sh [BUILD_DIR]     (default: build; needs xvfb-run, xdotool, ImageMagick)
#
# Each shot starts from a fresh account (the samples are imported on the first run); the
# second one reopens that corpus focused on an actor.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
out=$here/data/screenshots
width=1280 height=800

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 ${width}x${height}x24" "$0" "$build"
fi
for tool in xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is needed" >&2; exit 1; }
done

home=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-shots-XXXXXX")
pid=
cleanup () { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$home"; }
trap cleanup EXIT INT TERM
mkdir -p "$out"

export XDG_DATA_HOME=$home GSETTINGS_BACKEND=memory GTK_A11Y=none
export DBUS_SESSION_BUS_ADDRESS=disabled: GSETTINGS_SCHEMA_DIR=$build/data
export LANGUAGE=en LC_ALL=C.UTF-8

# shoot NAME [ARGS…]: runs dramatis, waits until the graph is drawn, saves the window.
shoot () {
  local name=$1; shift
  local id colours=0 tries=0

  "$build/ui/dramatis" "$@" &
  pid=$!
  id=$(timeout 30 xdotool search --sync --onlyvisible --name Dramatis | head -1)
  xdotool windowsize "$id" "$width" "$height" windowmove "$id" 0 0
  # until the samples are in and the graph is drawn: a drawn graph has hundreds of colours
  while [ "$colours" -lt 400 ] && [ "$tries" -lt 60 ]; do
    sleep 1
    tries=$((tries + 1))
    import -window "$id" "$home/shot.png" 2>/dev/null || continue
    colours=$(convert "$home/shot.png" -format %k info:)
  done
  sleep 2   # the last tiles of the canvas
  import -window "$id" "$out/$name.png"
  echo "$out/$name.png: $(convert "$out/$name.png" -format '%wx%h, %k colours' info:)"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

shoot graph
shoot focus --focus Iran
