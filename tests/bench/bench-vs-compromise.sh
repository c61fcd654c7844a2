#!/bin/sh
# bench-vs-compromise.sh — `dramatis-cli extract` against the compromise NLP library on the
# same articles (the issue's bound: Dramatis stays at least 10× as fast). Not run in CI:
#
#   meson test -C build --benchmark vs-compromise      # 1,000 generated articles
#   tests/bench/bench-vs-compromise.sh build N [ROUNDS]
#
# N articles from tests/write-articles; compromise (npm, MIT) is installed into
# BUILD/bench-npm on first use and never committed; without node and npm the benchmark is
# skipped (exit 77). Each side runs ROUNDS times (default 5), alternating, and the medians of
# its processor time (user + system, whole process) and wall clock are printed, then their
# ratio. Dramatis is timed as a user runs it, start-up and model loading included; compromise
# also without Node's start-up, as the script itself measures it (compromise-extract.mjs).
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build=$(cd "$1" && pwd)
n=${2:-1000}
rounds=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
modules=$build/bench-npm/node_modules

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "skipped: node and npm are needed to run compromise"
  exit 77
fi
if [ ! -d "$modules/compromise" ]; then
  if ! npm install --silent --no-audit --no-fund --prefix "$build/bench-npm" compromise@14 > /dev/null 2>&1; then
    echo "skipped: npm could not install compromise"
    exit 77
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/write-articles" "$work/articles" "$n" 4242 "$work/articles.jsonl"
set -- "$work"/articles/*.txt
bytes=$(cat "$@" | wc -c)
echo "# $n articles, $((bytes / 1024)) KB; compromise $(node -p "require('$modules/compromise/package.json').version"), node $(node --version)"

# runs "$@" with its output in $work/out; appends "wall cpu" in seconds to the file $1
timed () {
  log=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$work/timing" "$@" > "$work/out"
  awk '{ print $1, $2 + $3 }' "$work/timing" >> "$log"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

: > "$work/dramatis"
: > "$work/compromise"
: > "$work/compromise-inner"
i=0
while [ "$i" -lt "$rounds" ]; do
  timed "$work/dramatis" "$build/app/dramatis-cli" extract "$@"
  relations=$(grep -c '"kind":"relation"' "$work/out" || true)
  timed "$work/compromise" node "$here/compromise-extract.mjs" "$modules" "$@"
  sed 's/.*cpu-ms //' "$work/out" | awk '{ print $1 / 1000 }' >> "$work/compromise-inner"
  summary=$(cat "$work/out")
  i=$((i + 1))
done

d_wall=$(cut -d' ' -f1 "$work/dramatis" | median)
d_cpu=$(cut -d' ' -f2 "$work/dramatis" | median)
c_wall=$(cut -d' ' -f1 "$work/compromise" | median)
c_cpu=$(cut -d' ' -f2 "$work/compromise" | median)
c_inner=$(median < "$work/compromise-inner")
echo "dramatis-cli extract: $relations relations; median of $rounds: cpu $d_cpu s, wall $d_wall s ($(awk -v b="$bytes" -v t="$d_cpu" 'BEGIN { printf "%.0f", b / 1024 / t }') KB/s of cpu)"
echo "compromise: $summary"
echo "compromise: median of $rounds: cpu $c_cpu s (without start-up $c_inner s), wall $c_wall s"
awk -v d="$d_cpu" -v c="$c_cpu" -v ci="$c_inner" -v dw="$d_wall" -v cw="$c_wall" 'BEGIN {
  printf "ratio compromise / dramatis: cpu %.1fx (without compromise start-up %.1fx), wall %.1fx\n", c / d, ci / d, cw / dw }'
