/* dm-train-rekey-private.h — what rekey-parser and rekey-tagger share: a model's keys
 * found again by hashing every feature its strings can make both ways
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-perceptron-private.h"

G_BEGIN_DECLS

/* The model's keys, found by their high bits (they are mixed hashes), each with its new key
 * once found (0 until then). */
typedef struct {
  guint64 *old_keys;
  guint64 *new_keys;
  guint    bits;
  guint    n_keys, n_found, n_conflicts;
} DmRekeySet;

typedef struct {
  const char *s;
  guint64     hash;      /* dm_features_string_hash () */
} DmRekeyString;

typedef struct {
  DmRekeySet  keys;
  GArray     *lists[128];   /* DmRekeyString, by kind letter */
  DmFeatures  feats;
} DmRekey;

/* The model of @kind in the file at @path. */
DmPerceptron *dm_rekey_read_model (const char         *path,
                                   const char         *kind,
                                   GError            **error);
/* The model's keys to find, empty lists. */
void     dm_rekey_init       (DmRekey            *r,
                              const DmPerceptron *model);
/* Appends @s (and its dm_features_string_hash ()) to @list. */
void     dm_rekey_add_string (GArray             *list,
                              const char         *s);
/* Enumerates the features of templates 1 … @n_templates - 1 (@templates: the kinds of their
 * strings, letters naming @r's lists, in the order the features hash them) and writes @model
 * with the new keys and @extra, or fails unless every key of the model was found, none with
 * two new keys. Words of one sentence (@sentence_words: a DmRekeyString list each) make the
 * features with two words ("WW"). Frees @r's lists and keys. */
GBytes  *dm_rekey_finish     (DmRekey            *r,
                              const char         *command,
                              const DmPerceptron *model,
                              const char * const *templates,
                              guint               n_templates,
                              GPtrArray          *sentence_words,
                              GBytes             *extra,
                              GError            **error);

G_END_DECLS
