/* dm-tagger-private.h — what the tagger shares with its trainer
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-perceptron.h"
#include "dm-tagger.h"

G_BEGIN_DECLS

/* A sentence as the tagger sees it: surface forms (apostrophes made ASCII) and their
 * lower-case versions. */
typedef struct {
  char  **forms;
  char  **lowers;
  guint   n;
} DmTaggerInput;

/* Takes @n NUL-terminated forms (copied). */
void   dm_tagger_input_init      (DmTaggerInput       *input,
                                  const char * const  *forms,
                                  guint                n);
void   dm_tagger_input_clear     (DmTaggerInput       *input);

/* The features of word @i given the tags chosen for the words before it: @tags[0 … i-1]
 * are class names ("VBD/VERB"). */
void   dm_tagger_features        (DmFeatures          *feats,
                                  const DmTaggerInput *input,
                                  guint                i,
                                  const char * const  *tags);

/* The dictionary in the model's extra section: lines "form\tclass\n". */
GHashTable *dm_tagger_dictionary_parse (GBytes              *extra,
                                        const DmPerceptron  *model,
                                        GError             **error);

/* Tags @input with the model: fills @classes (n entries) with class indices. @names
 * (nullable, n entries) restricts the words it marks to the proper noun classes. */
void   dm_tagger_tag_input       (const DmTagger      *self,
                                  const DmTaggerInput *input,
                                  const gboolean      *names,
                                  guint               *classes);

const DmPerceptron *dm_tagger_get_model (const DmTagger *self);

/* A tagger over @model (taken over; freed on error): what dm_tagger_new_from_bytes () does
 * after loading, for a model loaded some other way (dm_perceptron_load_built_in ()). */
DmTagger *dm_tagger_new_for_model (DmPerceptron  *model,
                                   GError       **error);

G_END_DECLS
