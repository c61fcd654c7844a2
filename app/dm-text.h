/* dm-text.h — sentences and tokens of an article, with byte and code-point offsets
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-types.h"

G_BEGIN_DECLS

typedef enum {
  DM_TOKEN_WORD,         /* letters, digits, inner hyphens/apostrophes, abbreviation dots */
  DM_TOKEN_NUMBER,
  DM_TOKEN_PUNCT,
} DmTokenKind;

typedef struct {
  guint        start, end;     /* bytes in the text */
  guint        cp_start;       /* code points */
  guint        cp_end;
  DmTokenKind  kind;
  guint        sentence;       /* index of its sentence */
  guint        capitalized : 1;  /* first letter upper case */
  guint        all_caps    : 1;
  guint        sentence_start : 1;
} DmToken;

typedef struct {
  guint start, end;            /* bytes, trimmed of surrounding white space */
  guint cp_start, cp_end;
  guint first_token;           /* tokens [first_token, first_token + n_tokens) */
  guint n_tokens;
} DmSentence;

struct _DmTextDoc
{
  const char *text;            /* borrowed */
  gsize       len;             /* bytes */
  GArray     *tokens;          /* DmToken */
  GArray     *sentences;       /* DmSentence */
};

DmTextDoc  *dm_text_doc_new          (const char *text,
                                      gsize       len);
void        dm_text_doc_free         (DmTextDoc  *doc);

/* The code-point offset of byte offset @byte (which must be on a character boundary). */
guint       dm_text_doc_cp_offset    (const DmTextDoc *doc,
                                      guint            byte);

/* A new string with the token's text. */
char       *dm_text_doc_token_text   (const DmTextDoc *doc,
                                      guint            token);

static inline const DmToken *
dm_text_doc_token (const DmTextDoc *doc,
                   guint            i)
{
  return &g_array_index (doc->tokens, DmToken, i);
}

static inline const DmSentence *
dm_text_doc_sentence (const DmTextDoc *doc,
                      guint            i)
{
  return &g_array_index (doc->sentences, DmSentence, i);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmTextDoc, dm_text_doc_free)

/* g_ascii_tolower () without its function call: article words and lexicon keys are
 * lower-cased a byte at a time, at every start and for every token. */
static inline char
dm_text_ascii_tolower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

/* A piece of text: @len bytes at @text, not NUL-terminated. */
typedef struct {
  const char *text;
  gsize       len;
} DmTextSpan;

/* Copies of the @n @spans, in lower case when @lower (as dm_text_strdown_take () would
 * make them), NUL-terminated, in one block that g_free () releases: a NULL-terminated array
 * of them, then their bytes. A sentence's words are copied so, once for each sentence
 * rather than once for each word. */
char      **dm_text_spans_dup         (const DmTextSpan *spans,
                                       guint             n,
                                       gboolean          lower);

/* A copy in @chunk of the @len bytes at @text in lower case: lower-cased byte by byte when
 * they are ASCII (as the lexicon's keys are, whatever the locale), else by g_utf8_strdown ().
 * Article words are lower-cased so, most without g_utf8_strdown ()'s ~500 instructions. */
char       *dm_text_chunk_strdown     (GStringChunk *chunk,
                                       const char   *text,
                                       gsize         len);

/* @text (of @len bytes; this takes it) in lower case, in place when it is ASCII */
char       *dm_text_strdown_take      (char       *text,
                                       gsize       len);

G_END_DECLS
