#!/bin/sh
# check-dbus-activation.sh — `gapplication launch APP_ID` starts the built program through
# D-Bus activation: a private session bus (dbus-run-session) whose only service directory
# holds the service file of the build, its Exec pointed at the uninstalled binary. The name
# must then be owned, and `gapplication action APP_ID quit` must end the program.
#
#   check-dbus-activation.sh BUILD_ROOT APP_ID
#
# Exit 77 (skipped) without dbus-run-session, gapplication or a display.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$1
app_id=$2

for tool in dbus-run-session dbus-daemon gapplication gdbus; do
  command -v "$tool" >/dev/null 2>&1 || { echo "# skipped: $tool is not installed (package dbus)"; exit 77; }
done
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || { echo "# skipped: no display (run under xvfb-run)"; exit 77; }

service=$build/data/$app_id.service
binary=$build/ui/dramatis
[ -f "$service" ] || { echo "FAIL: $service was not built" >&2; exit 1; }
grep -qx "Name=$app_id" "$service" || { echo "FAIL: $service does not name $app_id" >&2; exit 1; }
grep -q '^Exec=[^ ]*/dramatis --gapplication-service$' "$service" ||
  { echo "FAIL: $service does not start dramatis as a GApplication service" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-dbus-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/services" "$tmp/data"
# The built service file, run from the build tree instead of the install prefix.
sed "s|^Exec=[^ ]*|Exec=$binary|" "$service" >"$tmp/services/$app_id.service"
cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

# The bus hands its environment to the programs it starts: a fresh account for Dramatis.
export XDG_DATA_HOME="$tmp/data" GSETTINGS_BACKEND=memory GTK_A11Y=none
export GSETTINGS_SCHEMA_DIR="${GSETTINGS_SCHEMA_DIR:-$build/data}"
export APP_ID="$app_id"

dbus-run-session --config-file="$tmp/bus.conf" -- sh -eu -c '
  has_owner () {
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner "$APP_ID"
  }
  case $(has_owner) in *false*) ;; *) echo "FAIL: $APP_ID is running before the launch" >&2; exit 1 ;; esac
  timeout 60 gapplication launch "$APP_ID" || { echo "FAIL: gapplication launch $APP_ID" >&2; exit 1; }
  case $(has_owner) in *true*) ;; *) echo "FAIL: $APP_ID owns no name after the launch" >&2; exit 1 ;; esac
  echo "# launched through D-Bus activation"
  timeout 30 gapplication action "$APP_ID" quit || { echo "FAIL: gapplication action quit" >&2; exit 1; }
  i=0
  while case $(has_owner) in *true*) true ;; *) false ;; esac; do
    i=$((i + 1))
    [ $i -le 100 ] || { echo "FAIL: $APP_ID still runs 20 s after quit" >&2; exit 1; }
    sleep 0.2
  done
  echo "# quit through its action"
'
