/* dm-conllu.h — a reader for CoNLL-U treebanks, the format the trainers and tests read
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Universal Dependencies treebanks (English-EWT, GUM) come as CoNLL-U: one word a line with
 * ten tab-separated fields, sentences separated by blank lines, "# key = value" comments.
 * Multi-word tokens ("3-4	don't") are kept as surface tokens over a range of words;
 * empty nodes of enhanced graphs ("8.1") are skipped.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DM_CONLLU_ERROR (dm_conllu_error_quark ())

typedef enum {
  DM_CONLLU_ERROR_SYNTAX,      /* a line that is not CoNLL-U */
  DM_CONLLU_ERROR_TREE,        /* ids out of order, a head outside the sentence */
} DmConlluError;

GQuark dm_conllu_error_quark (void);

typedef struct {
  int       id;                /* 1-based, as in the file */
  char     *form;
  char     *lemma;
  char     *upos;
  char     *xpos;
  char     *feats;
  int       head;              /* 0 = root */
  char     *deprel;
  char     *misc;
  gboolean  space_after;       /* FALSE when MISC (or its multi-word token's) says SpaceAfter=No */
} DmConlluWord;

typedef struct {
  char     *form;              /* the surface text: "don't" for words "do" "n't" */
  int       first_word;        /* ids of its words, first_word ≤ last_word */
  int       last_word;
  gboolean  space_after;
} DmConlluToken;

typedef struct {
  char      *sent_id;          /* NULL when the file gives none */
  char      *doc_id;           /* from the latest "# newdoc id =", or NULL */
  char      *text;             /* "# text =", or NULL */
  GPtrArray *words;            /* DmConlluWord, words->pdata[i]->id == i + 1 */
  GPtrArray *tokens;           /* DmConlluToken, in order, covering every word once */
  guint      line;             /* line of its first line in the file, for messages */
} DmConlluSentence;

/* The sentences of @data (@len bytes, UTF-8) as DmConlluSentence (the array frees them). */
GPtrArray *dm_conllu_parse           (const char        *data,
                                      gsize              len,
                                      GError           **error);
/* Reads a file and parses it; errors name the file. */
GPtrArray *dm_conllu_load            (const char        *path,
                                      GError           **error);
void       dm_conllu_sentence_free   (DmConlluSentence  *sentence);

static inline DmConlluWord *
dm_conllu_word (const DmConlluSentence *sentence,
                guint                   i)
{
  return g_ptr_array_index (sentence->words, i);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmConlluSentence, dm_conllu_sentence_free)

G_END_DECLS
