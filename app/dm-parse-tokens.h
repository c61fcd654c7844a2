/* dm-parse-tokens.h — Universal Dependencies tokens from an article's tokens
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tagger and the parser were trained on UD English, which splits clitics off their host
 * word: "they're" → "they" "'re", "don't" → "do" "n't", "cannot" → "can" "not", "Jones'" →
 * "Jones" "'". DmTextDoc keeps some of these in one token; this splits them again, each
 * piece pointing back to the DmToken it came from.
 */

#pragma once

#include <glib.h>

#include "dm-parse.h"
#include "dm-text.h"

G_BEGIN_DECLS

/* Where UD English cuts @word (@len bytes): fills @cuts with the byte offsets of the pieces
 * after the first, in order, and returns the number of pieces (1: no cut). */
guint     dm_parse_tokens_split_word (const char      *word,
                                      gsize            len,
                                      guint            cuts[2]);

/* Appends one DmParseSentence per sentence of @doc to @parse, with its UD tokens: untagged
 * (DM_UPOS_X), unparsed (head -1, DM_DEP_DEP). @parse must be empty. */
void      dm_parse_tokens_fill       (DmParse         *parse,
                                      const DmTextDoc *doc);

/* A new DmParse filled from @doc. */
DmParse  *dm_parse_tokens_new        (const DmTextDoc *doc);

/* @form (@len bytes, or -1: NUL-terminated) with ’ and ‘ written ', as the models read
 * words: both spellings of "'s" and "n't" are one word to them. */
char     *dm_parse_tokens_ascii_apostrophes (const char *form,
                                             gssize      len);

/* The text of a parse token (borrowed from the document), and its length in bytes. */
static inline const char *
dm_parse_token_text (const DmTextDoc    *doc,
                     const DmParseToken *token,
                     gsize              *len)
{
  *len = token->end - token->start;
  return doc->text + token->start;
}

G_END_DECLS
