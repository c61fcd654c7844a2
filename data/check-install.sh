#!/bin/sh
# check-install.sh — installs the build into a temporary prefix (meson install --destdir) and
# checks what the desktop will see there: desktop file, metainfo, MIME type, D-Bus service,
# man pages. Run by `meson test --suite data`; each check prints what it looks at.
#
#   check-install.sh BUILD_DIR PREFIX APP_ID
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$1 prefix=$2 app_id=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
root=$tmp/root
share=$root$prefix/share
status=0

fail () { echo "FAIL: $*" >&2; status=1; }
need () { command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 is not installed ($2)" >&2; return 1; }; }

meson install -C "$build" --destdir "$root" --no-rebuild --quiet >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "meson install"; exit 1; }

# Desktop file: valid, names the corpus type, claims no plain text or HTML.
desktop=$share/applications/$app_id.desktop
echo "# $desktop"
if need desktop-file-validate desktop-file-utils; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
fi
grep -q '^MimeType=.*application/x-dramatis;' "$desktop" || fail "$desktop: MimeType lacks application/x-dramatis"
! grep -Eq '^MimeType=.*(text/plain|text/html)' "$desktop" || fail "$desktop: claims text/plain or text/html"
grep -q '^DBusActivatable=true$' "$desktop" || fail "$desktop: not DBusActivatable"

# Metainfo
metainfo=$share/metainfo/$app_id.metainfo.xml
echo "# $metainfo"
if need appstreamcli appstream; then
  appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate $metainfo"
fi

# D-Bus service: present, under the application id, starting the installed program.
service=$share/dbus-1/services/$app_id.service
echo "# $service"
if [ -f "$service" ]; then
  grep -qx "Name=$app_id" "$service" || fail "$service: Name is not $app_id"
  exec_path=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$service")
  [ -x "$root$exec_path" ] || fail "$service: Exec $exec_path is not the installed program"
else
  fail "no D-Bus service file $service"
fi

# MIME type: well-formed XML that update-mime-database takes without a word, after which
# a corpus is application/x-dramatis by name and by content, another SQLite file is not.
mime_xml=$share/mime/packages/$app_id.xml
echo "# $mime_xml"
xmllint --noout "$mime_xml" || fail "xmllint $mime_xml"
if need update-mime-database shared-mime-info && need gio libglib2.0-bin && need python3 python3; then
  XDG_DATA_DIRS="$share:/usr/share" update-mime-database "$share/mime" >"$tmp/umd.log" 2>&1 || fail "update-mime-database"
  if [ -s "$tmp/umd.log" ]; then cat "$tmp/umd.log" >&2; fail "update-mime-database complained"; fi

  "$build/app/dramatis-cli" import --db "$tmp/news.dramatis" "$(dirname "$0")/samples/nato-summit-ankara.txt" >/dev/null ||
    fail "dramatis-cli import"
  cp "$tmp/news.dramatis" "$tmp/renamed-corpus"
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE t (x)"); c.commit()' "$tmp/other.db"

  mkdir -p "$tmp/home/mime"
  for pair in news.dramatis:application/x-dramatis renamed-corpus:application/x-dramatis other.db:application/vnd.sqlite3; do
    file=${pair%%:*} want=${pair#*:}
    got=$(XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$share:/usr/share" \
          gio info -a standard::content-type "$tmp/$file" | sed -n 's/^ *standard::content-type: //p')
    echo "# $file: $got"
    [ "$got" = "$want" ] || fail "$file is $got, not $want"
  done
fi

# Man pages render without warnings.
for page in dramatis.1 dramatis-cli.1; do
  path=$share/man/man1/$page
  echo "# $path"
  if [ ! -f "$path" ]; then fail "no man page $path"; continue; fi
  if need man man-db; then
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$path" >"$tmp/man.out" 2>"$tmp/man.err" || fail "man -l $path"
    if [ -s "$tmp/man.err" ]; then cat "$tmp/man.err" >&2; fail "$page: warnings"; fi
    grep -q 'EXIT STATUS' "$tmp/man.out" || fail "$page: no EXIT STATUS section"
  fi
done

exit $status
