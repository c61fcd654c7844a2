# dramatis_spark.py — Dramatis extraction as the map step of a Spark job (PySpark, rdd.pipe)
#
# Input: JSON Lines of articles, one {"id": …, "text": …, "title": …, "date": …, "source": …}
# a line (any storage Spark reads: HDFS, S3, local files). Output: the extract contract's
# JSON Lines, one part file per partition, each readable by `dramatis-cli import --jsonl`.
#
#   build-aux/cluster/make-bundle.sh build dramatis.tar.gz
#   spark-submit --archives dramatis.tar.gz#dramatis \
#       build-aux/cluster/dramatis_spark.py hdfs:///news/2025-02/*.jsonl hdfs:///dramatis/2025-02
#   hdfs dfs -getmerge hdfs:///dramatis/2025-02 extracted.jsonl      (or -get the part files)
#   dramatis-cli import --db news.dramatis --jsonl extracted.jsonl
#
# rdd.pipe() starts one `dramatis-cli extract --stdin-jsonl` per partition, writes the
# partition's lines to its standard input and reads its standard output back line by line.
# Every article's lines stay together and in order within a partition (extract writes them in
# input order), and saveAsTextFile keeps the partition's order, so each part file is whole.
# A bad record gives an {"kind":"error",…} line and the exit status stays 0, so one bad
# article does not fail (and retry) the whole task; import --jsonl reports those lines.
#
# Not run in Dramatis's CI (no Spark there): tests/test-shards.sh drives the same mapper
# contract with split + xargs -P.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

import sys

from pyspark.sql import SparkSession


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: dramatis_spark.py INPUT-JSONL OUTPUT-DIR")
    source, target = sys.argv[1], sys.argv[2]

    spark = SparkSession.builder.appName("dramatis-extract").getOrCreate()
    articles = spark.sparkContext.textFile(source)

    # "./dramatis/…": where --archives unpacked the bundle in each executor's work directory.
    # One extract process per partition; it uses up to 4 threads of its own, so give executors
    # cores to match (spark.task.cpus) or keep partitions to one per core.
    extracted = articles.pipe("./dramatis/dramatis-cli extract --stdin-jsonl",
                              env={"LC_ALL": "C.UTF-8"})
    extracted.saveAsTextFile(target)
    spark.stop()


if __name__ == "__main__":
    main()
