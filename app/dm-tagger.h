/* dm-tagger.h — part-of-speech tagger: UD tags and Penn Treebank tags for parse tokens
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A greedy left-to-right averaged perceptron (the classic fast tagger): word, prefixes and
 * suffixes, shape, the two previous tags and the neighbouring words, with a dictionary of
 * frequent unambiguous words. Each class is a pair "XPOS/UPOS" ("VBN/VERB"), so one pass
 * gives both the universal tag and the Penn tag the parser reads.
 */

#pragma once

#include <glib.h>

#include "dm-parse.h"
#include "dm-text.h"

G_BEGIN_DECLS

typedef struct _DmTagger DmTagger;

/* A tagger from a model file (kind "tagger"); a GError (DM_MODEL_ERROR) when the file is
 * not one. */
DmTagger   *dm_tagger_new_from_bytes  (GBytes          *bytes,
                                       GError         **error);
void        dm_tagger_free            (DmTagger        *self);

/* Sets upos and xpos of the tokens of sentence @sentence of @parse (filled from @doc by
 * dm_parse_tokens_fill ()). @names (nullable; one per token of the sentence) marks the
 * words of recognised names (dm_name_tags_mark ()): they get a proper noun's tag. */
void        dm_tagger_tag             (const DmTagger  *self,
                                       const DmTextDoc *doc,
                                       DmParse         *parse,
                                       guint            sentence,
                                       const gboolean  *names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmTagger, dm_tagger_free)

G_END_DECLS
