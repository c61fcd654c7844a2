/* dm-ner.h — named-entity recognizer: persons, organisations and places in an article
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A greedy left-to-right tagger (BILOU tags, averaged perceptron from dm-perceptron) over the
 * tokens of a DmTextDoc. It finds the names the gazetteers do not know ("Lama Fakih",
 * "Syrian Computer Society"); the lexicon stays the authority for what a name stands for.
 * The model (data/models/ner.model, trained by `dramatis-train ner`) is compiled into the
 * engine; see data/models/ner.md.
 */

#pragma once

#include <glib.h>

#include "dm-lexicon.h"
#include "dm-text.h"

G_BEGIN_DECLS

typedef enum {
  DM_NER_NONE,
  DM_NER_PERSON,
  DM_NER_ORGANIZATION,
  DM_NER_PLACE,
} DmNerType;

typedef struct {
  guint     first, last;   /* tokens of the document, inclusive */
  DmNerType type;
} DmNerSpan;

typedef struct _DmNer DmNer;

/* A recognizer from a model file's bytes; gazetteer features are read from @lexicon, which
 * must outlive it (and should be the lexicon the model was trained with). */
DmNer      *dm_ner_new_from_bytes (GBytes          *bytes,
                                   const DmLexicon *lexicon,
                                   GError         **error);
/* The model compiled into the engine over the default lexicon, loaded once; NULL (with a
 * warning) only when the build's model is broken. */
const DmNer *dm_ner_get_default   (void);
void        dm_ner_free           (DmNer           *self);

/* The names in @doc, in text order; @words holds each token's text (as dm_text_doc_token_text
 * would give it). Returns a GArray of DmNerSpan. */
GArray     *dm_ner_tag            (const DmNer     *self,
                                   const DmTextDoc *doc,
                                   char * const    *words);

/* Whether @lower (a lower-case word) is a common word in the model's treebanks: "dam",
 * "west", "resolve" — a word a person's name does not usually hold. */
gboolean    dm_ner_is_common_word (const DmNer     *self,
                                   const char      *lower);

const char *dm_ner_type_name      (DmNerType        type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmNer, dm_ner_free)

G_END_DECLS
