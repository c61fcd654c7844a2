/* dm-tagger-private.h — what the tagger shares with its trainer
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-perceptron.h"
#include "dm-tagger.h"

G_BEGIN_DECLS

/* The hashes (dm_features_string_hash ()) of what a word's neighbours' features take from
 * it, once per word of a sentence. */
typedef struct {
  guint64 lower;
  guint64 suffix3;
  guint64 shape;
} DmTaggerWordHashes;

/* A sentence as the tagger sees it: surface forms (apostrophes made ASCII) and their
 * lower-case versions. */
typedef struct {
  char               **forms;
  char               **lowers;
  DmTaggerWordHashes  *hashes;
  guint                n;
} DmTaggerInput;

/* The tagger model's extra section begins with this line, which names the key scheme its
 * features were trained with (then the dictionary, lines "form\tclass\n"). A tagger
 * keyed the earlier way, by FNV over every string's bytes, has no such line. */
#define DM_TAGGER_KEYS "dramatis-tagger-keys 2: per-string hashes\n"

/* Takes @n NUL-terminated forms (copied). */
void   dm_tagger_input_init      (DmTaggerInput       *input,
                                  const char * const  *forms,
                                  guint                n);
void   dm_tagger_input_clear     (DmTaggerInput       *input);

/* The features of word @i given the tags chosen for the words before it: @tags[0 … i-1]
 * are class names ("VBD/VERB"), @tag_hashes[0 … i-1] their dm_features_string_hash (). */
void   dm_tagger_features        (DmFeatures          *feats,
                                  const DmTaggerInput *input,
                                  guint                i,
                                  const char * const  *tags,
                                  const guint64       *tag_hashes);

/* The kinds of strings each feature template combines (letters; see dm-tagger.c), indexed
 * by template number from 1 (dramatis-train rekey-tagger). */
const char * const *dm_tagger_template_strings (guint *n_templates);
/* "Washington" → "Xx", "U.S." → "X.X.", "1,200" → "d,d": character classes, runs folded. */
void        dm_tagger_word_shape         (const char *form,
                                          char        shape[12]);
/* The irregular-verb columns @lower is in ("pp": past and participle), as the features see
 * them, or NULL. */
const char *dm_tagger_verb_form          (const char *lower);

/* The first line of @extra, the key scheme, after which the dictionary starts; NULL (and a
 * DM_MODEL_ERROR_VERSION) for a tagger keyed the earlier way. */
const char *dm_tagger_keys_skip  (GBytes              *extra,
                                  GError             **error);

/* The dictionary in the model's extra section: lines "form\tclass\n" after DM_TAGGER_KEYS. */
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
