#!/bin/sh
# test-shards.sh — extraction sharded like a cluster's map step, merged into one corpus
#
# The Spark and Hadoop recipes of build-aux/cluster/ cannot run here; this drives the same
# mapper contract with the shell's own parallelism: 2,000 generated articles as JSON Lines,
# split 4 ways, each shard through `extract --stdin-jsonl` at once (`xargs -P 4`), the shards
# merged with `import --jsonl`. The corpus must equal a direct `import` of the same articles
# (GraphML and CSV exports compared), an `import --jsonl` killed half-way and run again must
# lose nothing and add nothing twice, and the corpus's curation rules must apply to merged
# shards as they do to a direct import.
#
# Usage: test-shards.sh DRAMATIS-CLI WRITE-ARTICLES [N]
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

cli=$1
writer=$2
n=${3:-2000}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

fail () {
  echo "not ok - $*"
  exit 1
}

# What a summary line of import says: "4 files, 2000 articles added, 0 already in the corpus, …"
count () {
  sed -n "s/.* \([0-9][0-9]*\) articles\{0,1\} added, \([0-9][0-9]*\) already.*/\\$2/p" "$1"
}

# Exports $2 as GraphML and CSV (or the formats $4 lists) and compares them with those of $1
# (exported once). The CSV
# has every relation with its evidence (sentence, spans, article); the GraphML every actor with
# its type, role and affiliation, and the pairs between them (one edge per pair: laying out
# one edge per verb would take most of the test's time and say nothing the CSV does not).
#
# Under ASan an export's first neato layout leaves Pango's caches under neato's own leaked
# blocks, which only a full unwind can tell apart (tests/meson.build, test_env_full_unwind);
# only the export unwinds fully, the rest of the test stays fast. No effect without ASan.
export_unwinding_fully () {
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0 "$cli" export "$@"
}

same_exports () {
  for format in ${4:-graphml csv}; do
    [ -s "$1.$format" ] || export_unwinding_fully --db "$1" -f $format --per-pair -o "$1.$format" > /dev/null ||
      fail "export of $1 as $format"
    export_unwinding_fully --db "$2" -f $format --per-pair -o "$2.$format" > /dev/null ||
      fail "export of $2 as $format"
    cmp -s "$1.$format" "$2.$format" || {
      diff "$1.$format" "$2.$format" | head -20
      fail "$3: the $format exports differ"
    }
  done
}

echo "1..4"

"$writer" articles "$n" 1313 articles.jsonl || fail "writing the articles"

# The map step: 4 shards, each through its own extract process, all at once.
split -n l/4 -d articles.jsonl shard.
ls shard.0? | xargs -P 4 -I '{}' sh -c '"$0" extract --stdin-jsonl < "$1" > "$1.jsonl"' "$cli" '{}' ||
  fail "extract on a shard"
lines=$(grep -c '"kind":"article"' shard.0?.jsonl | awk -F: '{ s += $2 } END { print s }')
[ "$lines" -eq "$n" ] || fail "the shards gave $lines article lines for $n articles"
grep -q '"kind":"error"' shard.0?.jsonl && fail "a generated article gave an error line"
echo "ok 1 - $n articles extracted in 4 shards on standard input"

# The merge, against a direct import of the same articles.
"$cli" import --db direct.dramatis articles > direct.out 2>/dev/null || fail "direct import"
"$cli" import --db sharded.dramatis --jsonl shard.0?.jsonl > sharded.out 2>/dev/null ||
  fail "import --jsonl"
[ "$(count sharded.out 1)" -eq "$n" ] || fail "import --jsonl added $(count sharded.out 1) of $n articles"
[ "$(count direct.out 1)" -eq "$n" ] || fail "import added $(count direct.out 1) of $n articles"
same_exports direct.dramatis sharded.dramatis "merged shards against a direct import"
echo "ok 2 - merged shards give the corpus a direct import gives"

# A kill -9 half-way through import --jsonl, then the same command again.
cat shard.0?.jsonl > all.jsonl
"$cli" import --db killed.dramatis --jsonl all.jsonl > /dev/null 2>&1 &
pid=$!
# Wait until the corpus holds some committed articles. (The size of the write-ahead log is
# no sign of that: creating and migrating the schema alone writes several hundred kB.)
committed () {
  sqlite3 -readonly -cmd ".timeout 1000" killed.dramatis "SELECT count(*) FROM articles" 2>/dev/null || echo 0
}
tries=0
while [ "$(committed)" -lt 20 ]; do
  tries=$((tries + 1))
  [ $tries -lt 1000 ] || break
  kill -0 $pid 2>/dev/null || break
  sleep 0.02
done
kill -KILL $pid 2>/dev/null || true
wait $pid 2>/dev/null || true

"$cli" import --db killed.dramatis --jsonl all.jsonl > rerun.out 2>/dev/null || fail "the re-run"
added=$(count rerun.out 1)
already=$(count rerun.out 2)
[ $((added + already)) -eq "$n" ] || fail "the re-run saw $added new and $already known of $n articles"
[ "$already" -gt 0 ] || fail "the kill landed before any article was written (nothing to resume)"
[ "$added" -gt 0 ] || fail "the kill landed after the import ended (nothing was interrupted)"
same_exports direct.dramatis killed.dramatis "killed and re-run import --jsonl"
echo "ok 3 - import --jsonl killed after $already articles and run again: nothing lost or doubled"

# Curation: edits made after the first shard are rules the later imports apply, the same way
# whether the later articles come as texts or as extract output (two shards are enough).
files_of () {
  sed -n 's/^{"kind":"article","id":"\([^"]*\)".*/\1/p' "$1"
}
"$cli" import --db rules-direct.dramatis $(files_of shard.00.jsonl) > /dev/null 2>&1 ||
  fail "direct import of the first shard"
"$cli" import --db rules-sharded.dramatis --jsonl shard.00.jsonl > /dev/null 2>&1 ||
  fail "import --jsonl of the first shard"
for db in rules-direct.dramatis rules-sharded.dramatis; do
  "$cli" edit --db $db merge "Olaf Scholz" "Donald Tusk" > /dev/null || fail "merge in $db"
  "$cli" edit --db $db not-actor "Brazil" > /dev/null || fail "not-actor in $db"
done
"$cli" import --db rules-direct.dramatis $(files_of shard.01.jsonl) > /dev/null 2>&1 ||
  fail "direct import of the second shard"
"$cli" import --db rules-sharded.dramatis --jsonl shard.01.jsonl > /dev/null 2>&1 ||
  fail "import --jsonl of the second shard"
same_exports rules-direct.dramatis rules-sharded.dramatis "curation rules on merged shards" csv
# (the rules did something: neither actor is an end of a relation any more)
awk -F, '$1 == "Donald Tusk" || $2 == "Donald Tusk" || $1 == "Brazil" || $2 == "Brazil"' \
  rules-sharded.dramatis.csv | grep -q . && fail "a merged or removed actor came back"
echo "ok 4 - curation rules apply to merged shards as to a direct import"
