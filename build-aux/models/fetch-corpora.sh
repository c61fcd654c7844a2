#!/bin/sh
# fetch-corpora.sh — the treebanks the tagger and parser are trained on, into a directory
# outside the source tree (they are never committed).
#
#   build-aux/models/fetch-corpora.sh DEST
#
# Universal Dependencies English-EWT (CC BY-SA 4.0)
#   https://github.com/UniversalDependencies/UD_English-EWT.git  at EWT_COMMIT below
# GUM, the Georgetown University Multilayer corpus: only its subsets under CC BY / CC BY-SA
# (academic, bio, court, interview, news, voyage); none of the NC or unclear subsets, and
# none of the 16 news documents the project evaluates on.
#   https://github.com/amir-zeldes/gum.git  at GUM_COMMIT below, files dep/GUM_<genre>_<doc>.conllu
#
# EWT_REPO / GUM_REPO may name local clones (or bare mirrors) to read instead of cloning.
set -eu

dest=${1:?usage: fetch-corpora.sh DEST}
EWT_COMMIT=15d613d8447b3478787d4c278730a1e48a945efb
GUM_COMMIT=72ce5ac14978a324c2fd18d49484e65292cbe316
# The project's evaluation texts: GUM news documents that must never be trained on.
GUM_EXCLUDED="afghan asylum clock defector election flag hackers homeopathic imprisoned
iodine korea nasa questionnaire sensitive taxes worship"
GUM_GENRES="academic bio court interview news voyage"

mkdir -p "$dest/gum"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

repo_for () {  # NAME URL → a git directory holding the commit
  if [ -n "$1" ]; then echo "$1"; return; fi
  git clone --quiet --bare --filter=blob:none "$2" "$work/$(basename "$2")"
  echo "$work/$(basename "$2")"
}

ewt=$(repo_for "${EWT_REPO:-}" https://github.com/UniversalDependencies/UD_English-EWT.git)
for split in train dev test; do
  if git -C "$ewt" cat-file -e "$EWT_COMMIT:en_ewt-ud-$split.conllu" 2>/dev/null; then
    git -C "$ewt" show "$EWT_COMMIT:en_ewt-ud-$split.conllu" > "$dest/ewt-$split.conllu"
  elif git -C "$ewt" cat-file -e "$EWT_COMMIT:not-to-release/file-lists/files.$split" 2>/dev/null; then
    # A partial clone may lack the large split files; the repository also keeps each split
    # as its per-document sources, listed in order, which concatenate to the same sentences.
    for doc in $(git -C "$ewt" show "$EWT_COMMIT:not-to-release/file-lists/files.$split"); do
      git -C "$ewt" show "$EWT_COMMIT:not-to-release/sources/$doc"
    done > "$dest/ewt-$split.conllu"
    echo "fetch-corpora: en_ewt-ud-$split.conllu rebuilt from its per-document sources" >&2
  else
    echo "fetch-corpora: en_ewt-ud-$split.conllu is not in $ewt; skipped" >&2
  fi
done

gum=$(repo_for "${GUM_REPO:-}" https://github.com/amir-zeldes/gum.git)
for path in $(git -C "$gum" ls-tree --name-only "$GUM_COMMIT" dep/); do
  name=$(basename "$path" .conllu)          # GUM_news_crane
  genre=$(echo "$name" | cut -d_ -f2)
  doc=$(echo "$name" | cut -d_ -f3-)
  case " $(echo $GUM_GENRES) " in *" $genre "*) ;; *) continue ;; esac
  case " $(echo $GUM_EXCLUDED) " in *" $doc "*) [ "$genre" = news ] && continue ;; esac
  git -C "$gum" show "$GUM_COMMIT:$path" > "$dest/gum/$name.conllu"
done

echo "fetch-corpora: EWT $EWT_COMMIT, GUM $GUM_COMMIT → $dest ($(ls "$dest/gum" | wc -l) GUM documents)"
