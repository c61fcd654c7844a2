/* dm-train-private.h — what the parts of dramatis-train share
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-conllu.h"
#include "dm-parser.h"
#include "dm-tagger.h"

G_BEGIN_DECLS

/* A named set of held-out sentences ("ewt-test", "gum-heldout"). */
typedef struct {
  char      *label;
  GPtrArray *sentences;   /* DmConlluSentence */
} DmTrainSet;

void        dm_train_set_free        (DmTrainSet  *set);

/* The sentences of every file in @paths, in order. */
GPtrArray  *dm_train_load_files      (const char * const *paths,
                                      GError     **error);
/* Held-out sets from "LABEL:FILE[,FILE…]" specifications. */
GPtrArray  *dm_train_load_sets       (const char * const *specs,
                                      GError     **error);
/* The word forms of @sentence, NULL-terminated; the strings are the sentence's. */
const char **dm_train_forms          (const DmConlluSentence *sentence);
/* Writes @bytes to @path and says how large it is. */
gboolean    dm_train_write_model     (const char  *path,
                                      GBytes      *bytes,
                                      GError     **error);
/* A deterministic shuffle of @array (fixed seed per epoch, so training is repeatable). */
void        dm_train_shuffle         (GPtrArray   *array,
                                      guint        epoch);

/* The tagger's trainer: a model file trained on @train, reporting per-epoch accuracy on
 * @heldout (DmTrainSet) when @verbose. */
GBytes     *dm_train_tagger          (GPtrArray   *train,
                                      guint        epochs,
                                      float        min_weight,
                                      GPtrArray   *heldout,
                                      gboolean     verbose);
/* Sets each word's upos/xpos fields in copies: the tags @tagger gives @sentence, as
 * "XPOS/UPOS" class names in @tags (n words). */
void        dm_train_tag_sentence    (const DmTagger         *tagger,
                                      const DmConlluSentence *sentence,
                                      const char            **tags);

/* The contents of the file at @path. */
GBytes     *dm_train_read_file       (const char  *path,
                                      GError     **error);
/* Reads the model file @path as the model @name ("tagger.model"), see dm_models_load_one (). */
gpointer    dm_train_load_model      (const char  *name,
                                      const char  *path,
                                      GError     **error);
/* Print held-out scores: UPOS/XPOS accuracy; UAS/LAS with tags from @tagger. */
void        dm_train_report_tagging  (const DmTagger   *tagger,
                                      const DmTrainSet *set);
void        dm_train_report_parsing  (const DmParser   *parser,
                                      const DmTagger   *tagger,
                                      const DmTrainSet *set);

int         dm_train_tagger_main     (int          argc,
                                      char       **argv);
int         dm_train_parser_main     (int          argc,
                                      char       **argv);
int         dm_train_evaluate_main   (int          argc,
                                      char       **argv);
int         dm_train_prune_main      (int          argc,
                                      char       **argv);
int         dm_train_rekey_parser_main (int        argc,
                                        char     **argv);
int         dm_train_rekey_tagger_main (int        argc,
                                        char     **argv);
int         dm_train_convert_main    (int          argc,
                                      char       **argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmTrainSet, dm_train_set_free)

G_END_DECLS
