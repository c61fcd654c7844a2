#!/bin/sh
# check-i18n.sh — the translation template builds from po/POTFILES.in, every source file with
# marked strings is listed there, and every po/*.po passes msgfmt --check.
#
#   check-i18n.sh SOURCE_ROOT
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

root=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dramatis-i18n-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
fail () { echo "FAIL: $*" >&2; status=1; }

cd "$root"
listed=$tmp/listed
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort >"$listed"

# Every listed file exists.
while read -r file; do
  [ -f "$file" ] || fail "po/POTFILES.in lists $file, which does not exist"
done <"$listed"

# Every file with marked strings is listed (else its strings never reach the translators).
{
  grep -lE '(^|[^A-Za-z0-9_])(N_|_|C_|NC_|ngettext|g_dngettext) ?\(' app/*.c ui/*.c ui/*/*.c || true
  grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null || true
} | sort -u >"$tmp/marked"
comm -23 "$tmp/marked" "$listed" | while read -r file; do
  echo "FAIL: $file has marked strings but is not in po/POTFILES.in" >&2
  echo x >>"$tmp/unlisted"
done
[ ! -f "$tmp/unlisted" ] || status=1

# The template builds, with the keywords of meson's glib preset.
xgettext --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format \
  --files-from="$listed" --output="$tmp/dramatis.pot" || fail "xgettext"
n=$(grep -c '^msgid ' "$tmp/dramatis.pot" || true)
echo "# dramatis.pot: $((n - 1)) messages"
[ "$n" -gt 100 ] || fail "the template has only $n messages"

# Every translation compiles, formats match, and it is not stale beyond repair.
for po in po/*.po; do
  msgfmt --check --statistics --output-file=/dev/null "$po" 2>"$tmp/stats" || { cat "$tmp/stats" >&2; fail "msgfmt --check $po"; }
  echo "# $po: $(cat "$tmp/stats")"
  lang=$(basename "$po" .po)
  grep -qx "$lang" po/LINGUAS || fail "$po is not in po/LINGUAS"
done

exit $status
