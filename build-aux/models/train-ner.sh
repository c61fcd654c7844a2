#!/bin/sh
# train-ner.sh — re-trains data/models/ner.model, the entity recognizer's model (see
# data/models/ner.md for the sources, their licences and the held-out scores).
#
#   build-aux/models/train-ner.sh BUILD_DIR [UNER_GIT_DIR GUM_GIT_DIR EWT_GIT_DIR]
#
# The three are git directories (bare or not) of https://github.com/UniversalNER/UNER_English-EWT,
# https://github.com/amir-zeldes/gum and https://github.com/UniversalDependencies/UD_English-EWT;
# without them they are cloned into ${XDG_CACHE_HOME:-$HOME/.cache}/dramatis-corpora.
# The corpora stay outside the tree: nothing of them is committed, only the trained weights.
#
# Training data: UniversalNER English-EWT (CC BY-SA 4.0) — the splits named in
# UNER_TRAIN_SPLITS (default "train dev"; a split whose file cannot be read is left out with a
# warning), held out: its test split — and GUM (CC BY / CC BY-SA 4.0) documents of the genres
# academic, bio, court, interview, news and voyage only (the other genres are under NC
# licences or are not edited prose), without the 16 news documents the project evaluates its
# extractor on; every fifth remaining document (in name order) is held out. Word classes
# (how often a word is a proper noun) are counted on the GUM training documents and on the
# UD English-EWT (CC BY-SA 4.0) documents of its train and dev lists (never its test list,
# whose sentences are UniversalNER's held-out split).
set -eu

build=${1:?usage: train-ner.sh BUILD_DIR [UNER_GIT_DIR GUM_GIT_DIR EWT_GIT_DIR]}
uner=${2:-}
gum=${3:-}
ewt=${4:-}
splits=${UNER_TRAIN_SPLITS:-train dev}
epochs=${NER_EPOCHS:-10}
top=$(cd "$(dirname "$0")/../.." && pwd)
trainer="$build/app/dramatis-train"

if [ -z "$uner" ] || [ -z "$gum" ] || [ -z "$ewt" ]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/dramatis-corpora
  mkdir -p "$cache"
  [ -d "$cache/UNER_English-EWT" ] || git clone --depth 1 https://github.com/UniversalNER/UNER_English-EWT "$cache/UNER_English-EWT"
  [ -d "$cache/gum" ] || git clone --depth 1 https://github.com/amir-zeldes/gum "$cache/gum"
  [ -d "$cache/UD_English-EWT" ] || git clone --depth 1 https://github.com/UniversalDependencies/UD_English-EWT "$cache/UD_English-EWT"
  uner="$cache/UNER_English-EWT"
  gum="$cache/gum"
  ewt="$cache/UD_English-EWT"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

args=""
for split in $splits; do
  if git -C "$uner" show "HEAD:en_ewt-ud-$split.iob2" > "$work/uner-$split.iob2" 2>/dev/null; then
    args="$args --uner $work/uner-$split.iob2"
  else
    echo "train-ner.sh: warning: UniversalNER split '$split' cannot be read; left out" >&2
  fi
done
git -C "$uner" show HEAD:en_ewt-ud-test.iob2 > "$work/uner-test.iob2"
args="$args --test-uner $work/uner-test.iob2"

# The Wikinews documents of GUM that the project's extraction evaluation reads.
evaluated="afghan asylum clock defector election flag hackers homeopathic imprisoned iodine
korea nasa questionnaire sensitive taxes worship"

n=0
for path in $(git -C "$gum" ls-tree --name-only HEAD dep/ | grep -E '^dep/GUM_(academic|bio|court|interview|news|voyage)_[^/]*\.conllu$' | sort); do
  doc=$(basename "$path" .conllu)
  case "$doc" in GUM_news_*)
    name=${doc#GUM_news_}
    if echo " $(echo $evaluated) " | grep -q " $name "; then continue; fi ;;
  esac
  git -C "$gum" show "HEAD:$path" > "$work/$doc.conllu"
  n=$((n + 1))
  if [ $((n % 5)) -eq 0 ]; then
    args="$args --test-gum $work/$doc.conllu"
  else
    args="$args --gum $work/$doc.conllu"
  fi
done

for list in train dev; do
  for doc in $(git -C "$ewt" show "HEAD:not-to-release/file-lists/files.$list"); do
    out="$work/ewt-$(echo "$doc" | tr '/' '_')"
    if git -C "$ewt" show "HEAD:not-to-release/sources/$doc" > "$out" 2>/dev/null; then
      args="$args --text $out"
    fi
  done
done

# shellcheck disable=SC2086
"$trainer" ner --epochs "$epochs" --output "$top/data/models/ner.model" $args
