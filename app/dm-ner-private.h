/* dm-ner-private.h — what the entity recognizer and its trainer share: tags, features, decoding
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-lexicon-private.h"
#include "dm-ner.h"
#include "dm-perceptron.h"

G_BEGIN_DECLS

/* O, then B-, I-, L-, U- for each of PER, ORG, LOC (DmNerType order). */
#define DM_NER_N_TAGS 13
#define DM_NER_TAG_O  0
/* The first line of the model's extra section: a model trained with other features is
 * refused. The lines after it are the word classes, "word<TAB>class", lower case. */
#define DM_NER_FEATURE_SET "dm-ner-features 2"

/* How a word is used in the treebanks the model was trained with (its lower-case form):
 * mostly a proper noun, often one, a common word; unseen words have no class. */
#define DM_NER_CLASS_PROPER  'P'
#define DM_NER_CLASS_MIXED   'p'
#define DM_NER_CLASS_COMMON  'c'

/* The word classes of an extra section (lower-case word → class), read in place; NULL when
 * the section does not start with DM_NER_FEATURE_SET. Keeps a reference to @extra. */
typedef struct _DmNerClasses DmNerClasses;

DmNerClasses *dm_ner_classes_new    (GBytes             *extra);
void          dm_ner_classes_free   (DmNerClasses       *self);
guint         dm_ner_classes_size   (const DmNerClasses *self);
/* The class of @lower (DM_NER_CLASS_PROPER, …), or 0 for a word the section lacks. */
char          dm_ner_classes_lookup (const DmNerClasses *self,
                                     const char         *lower);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmNerClasses, dm_ner_classes_free)

extern const char * const dm_ner_tag_names[DM_NER_N_TAGS + 1];   /* NULL-terminated */

typedef enum {
  DM_NER_BEGIN,
  DM_NER_INSIDE,
  DM_NER_LAST,
  DM_NER_UNIT,
} DmNerPosition;

static inline guint
dm_ner_tag_make (DmNerType     type,
            DmNerPosition position)
{
  return type == DM_NER_NONE ? DM_NER_TAG_O : 1 + 4 * (type - 1) + position;
}

static inline DmNerType
dm_ner_tag_type (guint tag)
{
  return tag == DM_NER_TAG_O ? DM_NER_NONE : (DmNerType) (1 + (tag - 1) / 4);
}

static inline DmNerPosition
dm_ner_tag_position (guint tag)
{
  return (DmNerPosition) ((tag - 1) % 4);
}

/* One sentence, with what the features read of each token computed once. Reusable: init once,
 * then dm_ner_sentence_set for each sentence. */
typedef struct {
  const DmLexicon    *lexicon;
  const DmNerClasses *classes;   /* word classes, see DM_NER_CLASS_PROPER; nullable */
  const char * const *words;
  guint               n;
  GPtrArray          *lower;     /* char* per token, in chunk */
  GPtrArray          *shape;
  GPtrArray          *gazetteer; /* static strings: "B-COUNTRY", "U-ORG", …, or NULL */
  GArray             *flags;     /* guint per token: NerFlag bits (dm-ner.c) */
  GArray             *wclass;    /* char per token: its word class, or '-' */
  GStringChunk       *chunk;
} DmNerSentence;

void     dm_ner_sentence_init   (DmNerSentence      *s,
                                 const DmLexicon    *lexicon,
                                 const DmNerClasses *classes);
void     dm_ner_sentence_set    (DmNerSentence      *s,
                                 const char * const *words,
                                 guint               n);
void     dm_ner_sentence_clear  (DmNerSentence      *s);

/* Spans from @first_span on (tokens counted from @offset in @s) lose the lower-case
 * preposition, article or conjunction they end on ("Washington of"). */
void     dm_ner_trim_name_ends  (GArray              *spans,
                                 guint                first_span,
                                 const DmNerSentence *s,
                                 guint                offset);

/* FALSE when token @i needs no decision: a word not capitalised, outside a name. */
gboolean dm_ner_needs_decision  (const DmNerSentence *s,
                                 guint                i,
                                 guint                prev_tag);
/* The tags that may follow @prev_tag at token @i (BILOU: no name left open at the end). */
void     dm_ner_allowed         (const DmNerSentence *s,
                                 guint                i,
                                 guint                prev_tag,
                                 gboolean            *allowed);
void     dm_ner_features        (const DmNerSentence *s,
                                 guint                i,
                                 const guint8        *tags,
                                 DmFeatures          *feats);
/* Appends the names of @tags[0..n) as spans, token indices shifted by @offset. */
void     dm_ner_spans_from_tags (const guint8        *tags,
                                 guint                n,
                                 guint                offset,
                                 GArray              *spans);
/* Tags the sentence greedily with a model (@tags: n entries). */
void     dm_ner_decode          (const DmPerceptron  *model,
                                 const DmNerSentence *s,
                                 DmFeatures          *feats,
                                 guint8              *tags);

/* A recognizer over @model (taken over; freed on error): what dm_ner_new_from_bytes () does
 * after loading, for a model loaded some other way (dm_perceptron_load_built_in ()).
 * dm_ner_get_default () passes no @lexicon and sets it after, to read the model while the
 * lexicon loads. */
DmNer   *dm_ner_new_for_model   (DmPerceptron        *model,
                                 const DmLexicon     *lexicon,
                                 GError             **error);

G_END_DECLS
