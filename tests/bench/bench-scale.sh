#!/bin/sh
# bench-scale.sh — a corpus of N articles (100,000 to 1,000,000) built the way a cluster's
# output comes home, and what its user waits for: the import, the file, `stats`, the window's
# first view. Not run in CI (minutes to an hour); run by hand:
#
#   meson test -C build --benchmark scale                   # N = 100,000
#   tests/bench/bench-scale.sh build N [WORKDIR]            # any N; WORKDIR keeps the files
#
# 1. 2,000 generated articles (tests/write-articles) through `extract --stdin-jsonl`;
# 2. that output multiplied to N articles (multiply-extract-output.py: each copy its own text,
#    day and long tail of officials, so N articles give tens of thousands of actors);
# 3. `import --jsonl` of the N articles into a new corpus: wall and CPU time, peak memory,
#    the corpus's size;
# 4. `dramatis-cli stats`, then bench-overview on the corpus: its stats, the overview the
#    window opens on and the heaviest actor's ego view (build = the query, then the layout).
# Needs some 1.5 GB of disk per 100,000 articles for the multiplied output and the corpus.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build=$(cd "$1" && pwd)
n=${2:-100000}
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 3 ]; then
  work=$3
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
cd "$work"
cli=$build/app/dramatis-cli

# "$2…" with its output in $1; prints its wall time, user + system CPU and peak RSS
timed () {
  out=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o timing "$@" > "$out"
  awk '{ printf "wall %.1f s, cpu %.1f s, peak %.0f MB", $1, $2 + $3, $4 / 1024 }' timing
}

if [ ! -s base.out ]; then
  "$build/tests/write-articles" articles 2000 4242 articles.jsonl
  "$cli" extract --stdin-jsonl < articles.jsonl > base.out
fi
if [ ! -s "articles-$n.out" ]; then
  python3 "$here/multiply-extract-output.py" base.out "$n" "articles-$n.out"
fi

rm -f "corpus-$n.dramatis"*
echo "# $n articles ($(du -h "articles-$n.out" | cut -f1) of extract output)"
echo "import --jsonl: $(timed import.out "$cli" import --db "corpus-$n.dramatis" --jsonl "articles-$n.out")"
tail -1 import.out
echo "corpus: $(du -h "corpus-$n.dramatis" | cut -f1) ($(ls "corpus-$n.dramatis"* | wc -l) files)"
echo "dramatis-cli stats: $(timed stats.out "$cli" stats --db "corpus-$n.dramatis")"
sed -n '2,4p' stats.out
"$build/tests/bench/bench-overview" "corpus-$n.dramatis"
