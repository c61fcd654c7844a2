#!/bin/sh
# hadoop-streaming.sh — Dramatis extraction as a map-only Hadoop streaming job
#
# Usage: build-aux/cluster/hadoop-streaming.sh INPUT OUTPUT [BUNDLE]
#   INPUT   HDFS path of JSON Lines articles, {"id": …, "text": …, …} a line
#   OUTPUT  HDFS folder for the extract contract's JSON Lines (part-00000, …)
#   BUNDLE  the tarball of build-aux/cluster/make-bundle.sh (default: dramatis.tar.gz)
#
# Map-only (no reducer): each mapper runs `dramatis-cli extract --stdin-jsonl` over its split
# and its output is written as it comes, so every part file holds whole articles in input
# order. Bring the result home and merge it:
#
#   hdfs dfs -get OUTPUT parts && dramatis-cli import --db news.dramatis --jsonl parts/part-*
#
# TextInputFormat hands the mapper each line as it is (no key is added for streaming input);
# TextOutputFormat takes each output line as a key with an empty value and may end it with a
# tab, which import --jsonl reads past (JSON white space).
# and a record that cannot be read gives an error line, not a non-zero exit that would fail
# the task. Not run in Dramatis's CI (no Hadoop there): tests/test-shards.sh drives the same
# mapper contract with split + xargs -P.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

input=${1:?usage: hadoop-streaming.sh INPUT OUTPUT [BUNDLE]}
output=${2:?usage: hadoop-streaming.sh INPUT OUTPUT [BUNDLE]}
bundle=${3:-dramatis.tar.gz}

exec mapred streaming \
  -D mapreduce.job.name=dramatis-extract \
  -D mapreduce.job.reduces=0 \
  -D mapreduce.map.output.compress=false \
  -archives "$bundle#dramatis" \
  -input "$input" \
  -output "$output" \
  -mapper "dramatis/dramatis-cli extract --stdin-jsonl" \
  -cmdenv LC_ALL=C.UTF-8
