#!/usr/bin/env python3
# multiply-extract-output.py — a large corpus's worth of `extract` output from a small one,
# for the scale benchmark (bench-scale.sh), without extracting millions of articles again
#
#   multiply-extract-output.py BASE.jsonl N OUT.jsonl
#
# BASE.jsonl is `dramatis-cli extract --stdin-jsonl` output (article lines carry "text").
# OUT.jsonl gets N articles: copy k of base article i (round robin) is that article with
#   - its own text: " (Copy k.)" appended, so its content hash differs (the store keeps one
#     article per text) and every offset stays valid; "length" counts the added characters;
#   - its own day: the base date moved by k % 1826 days (five years of days, as the views'
#     per-day aggregates see an archive);
#   - a long tail of actors: officials and people are renamed "NAME k%T" in one copy of
#     three (T = N / 8), consistently through the article's mentions and relations, so the
#     corpus grows to tens of thousands of actors as real news does (a 100,000-article
#     corpus of recombined BBC text has 37,008), while the base's hubs stay hubs.
# The same input gives the same output.
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import sys


def read_articles(path):
    articles, current = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["kind"] == "article":
                current = [record, []]
                articles.append(current)
            elif record["kind"] in ("mention", "relation") and current is not None:
                current[1].append(record)
    return articles


def main():
    base_path, n, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    articles = read_articles(base_path)
    tail = max(1, n // 8)
    with open(out_path, "w", encoding="utf-8") as out:
        for k in range(n):
            article, lines = articles[k % len(articles)]
            copy = k // len(articles)
            suffix = f" (Copy {k}.)"
            a = dict(article)
            a["id"] = f"copy-{k}/{article['id']}"
            a["text"] = article["text"] + suffix
            a["length"] = article["length"] + len(suffix)
            if article.get("date"):
                day = datetime.date.fromisoformat(article["date"][:10])
                a["date"] = (day + datetime.timedelta(days=copy % 1826)).isoformat()
            renamed = {}
            if k % 3 == 1:
                for line in lines:
                    if line["kind"] == "mention" and line["type"] in ("official", "person"):
                        renamed[line["actor"]] = f"{line['actor']} {k % tail}"
            out.write(json.dumps(a, ensure_ascii=False, separators=(",", ":")) + "\n")
            for line in lines:
                line = dict(line, article=a["id"])
                for key in ("actor", "source", "target"):
                    if key in line and line[key] in renamed:
                        line[key] = renamed[line[key]]
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
