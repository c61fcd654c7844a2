/* dm-parser-private.h — the transition system and features the parser shares with its trainer
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arc-hybrid with the root as the last buffer item: SHIFT pushes the first buffer word;
 * LEFT makes the first buffer word the head of the stack top and pops it; RIGHT makes the
 * word under the stack top its head and pops it. Classes: 0 is SHIFT, 1 + d is LEFT with
 * relation d, 1 + DM_N_DEPRELS + d is RIGHT with relation d.
 */

#pragma once

#include "dm-parser.h"
#include "dm-perceptron.h"

G_BEGIN_DECLS

typedef enum { DM_MOVE_SHIFT, DM_MOVE_LEFT, DM_MOVE_RIGHT } DmMove;

#define DM_PARSER_N_CLASSES (1 + 2 * DM_N_DEPRELS)

static inline DmMove
dm_parser_class_move (guint klass)
{
  return klass == 0 ? DM_MOVE_SHIFT : klass <= DM_N_DEPRELS ? DM_MOVE_LEFT : DM_MOVE_RIGHT;
}

static inline DmDeprel
dm_parser_class_label (guint klass)
{
  return klass == 0 ? DM_DEP_DEP : (klass - 1) % DM_N_DEPRELS;
}

static inline guint
dm_parser_class (DmMove   move,
                 DmDeprel label)
{
  return move == DM_MOVE_SHIFT ? 0 : move == DM_MOVE_LEFT ? 1 + label : 1 + DM_N_DEPRELS + label;
}

/* "S", "L-nsubj", "R-obj", … in class order, NULL-terminated (static). */
const char * const *dm_parser_class_names (void);

typedef struct {
  guint     n;             /* words; word n is the root */
  guint    *stack;
  guint     stack_len;
  guint     buffer;        /* the first buffer word */
  int      *heads;         /* n + 1; -1 until attached */
  DmDeprel *labels;
  int      *left[2];       /* per word: leftmost and second leftmost child, or -1 */
  int      *right[2];      /* rightmost and second rightmost */
  guint8   *n_left, *n_right;
} DmParserState;

void      dm_parser_state_init     (DmParserState       *state,
                                    guint                n);
void      dm_parser_state_clear    (DmParserState       *state);
static inline gboolean
dm_parser_state_done (const DmParserState *state)
{
  return state->buffer == state->n && state->stack_len == 0;
}
gboolean  dm_parser_state_valid    (const DmParserState *state,
                                    DmMove               move);
/* Which classes are legal now: moves that are valid, the root relation only for LEFT onto
 * the root and there always. */
void      dm_parser_state_allowed  (const DmParserState *state,
                                    gboolean            *allowed);
void      dm_parser_state_apply    (DmParserState       *state,
                                    guint                klass);

/* The feature templates, in the order dm_parser_features () adds them. */
enum {
  F_BIAS = 1,
  F_S0W, F_S0T, F_S0WT, F_N0W, F_N0T, F_N0WT, F_N1W, F_N1T, F_N1WT, F_N2W, F_N2T,
  F_S1W, F_S1T, F_S1WT, F_S2W, F_S2T,
  F_S0W_N0W, F_S0T_N0T, F_S0WT_N0T, F_S0T_N0WT, F_S0W_N0WT, F_S0WT_N0W,
  F_N0T_N1T, F_N0T_N1T_N2T, F_S0T_N0T_N1T, F_S1T_S0T_N0T, F_S2T_S1T_S0T, F_S1T_S0T,
  F_S1W_S0W, F_S1T_S0W, F_S1W_S0T,
  F_S0T_S0L1T_N0T, F_S0T_S0R1T_N0T, F_S0T_N0T_N0L1T, F_S0T_S0L1T_S0L2T, F_S0T_S0R1T_S0R2T,
  F_N0T_N0L1T_N0L2T, F_S1T_S0T_S0L1T, F_S1T_S0T_S0R1T, F_S1T_S1R1T_S0T,
  F_DIST_S0W, F_DIST_S0T, F_DIST_N0W, F_DIST_N0T, F_DIST_S0T_N0T, F_DIST_S0W_N0W,
  F_S0W_VR, F_S0T_VR, F_S0W_VL, F_S0T_VL, F_N0W_VL, F_N0T_VL,
  F_S0L1W, F_S0L1T, F_S0L1L, F_S0R1W, F_S0R1T, F_S0R1L, F_N0L1W, F_N0L1T, F_N0L1L,
  F_S0L2L, F_S0R2L, F_N0L2L, F_S0T_S0LL, F_S0T_S0RL, F_N0T_N0LL, F_S1R1L, F_S1T_S1R1L,
  F_SV_N0T, F_SV_S0T_N0T, F_SV_N0T_N0L1L, F_SV_DEPTH_N0T,
  N_TEMPLATES
};

/* The parser model's extra section: names the feature keys it was trained with (the trainer
 * saves it; dm_parser_new_for_model () refuses a model without it). Owned by the parser. */
GBytes   *dm_parser_model_extra    (void);
/* Whether @model's feature keys are the ones this parser computes; else a
 * DM_MODEL_ERROR_VERSION that says so. */
gboolean  dm_parser_model_keys_match (const DmPerceptron *model,
                                      GError            **error);
/* How a count or distance reads in a feature: "0" … "9", "10+" for 10 and more. */
const char *dm_parser_small_number (guint v);
/* The hashes features are keyed from, once per sentence: @word_hashes and @tag_hashes have
 * room for n + 2 (the n words, then the root, then "none"). */
void      dm_parser_hash_words     (const char * const  *words,
                                    const char * const  *tags,
                                    guint                n,
                                    guint64             *word_hashes,
                                    guint64             *tag_hashes);
/* dm_parser_features_for () from the hashes of dm_parser_hash_words (): for a caller that
 * takes many transitions over one sentence (the trainer). */
void      dm_parser_features_hashed (DmFeatures          *feats,
                                     const DmParserState *state,
                                     const char * const  *tags,
                                     const guint64       *word_hashes,
                                     const guint64       *tag_hashes,
                                     gboolean             stack_verb);

/* The features of @state; @words (lower-case forms) and @tags ("XPOS/UPOS") have n items. */
void      dm_parser_features       (DmFeatures          *feats,
                                    const DmParserState *state,
                                    const char * const  *words,
                                    const char * const  *tags);
/* The same, without the stack-verb templates (F_SV_*) when @stack_verb is FALSE: for a model
 * trained before them, which has no weights for them. */
void      dm_parser_features_for   (DmFeatures          *feats,
                                    const DmParserState *state,
                                    const char * const  *words,
                                    const char * const  *tags,
                                    gboolean             stack_verb);
/* Whether @model has weights for the stack-verb templates: asked of their commonest
 * instances, which every model trained with them has (a stack without a verb before a noun,
 * a determiner, a comma, …). */
gboolean  dm_parser_model_has_stack_verb (const DmPerceptron *model);
/* The key of a stack-verb feature (F_SV_N0T of @verb_tag and @n0_tag), for tests. */
guint64   dm_parser_stack_verb_key (const char          *verb_tag,
                                    const char          *n0_tag);

/* Parses with the model: heads (-1 for the root) and labels of n words. */
void      dm_parser_parse_words    (const DmParser      *self,
                                    const char * const  *words,
                                    const char * const  *tags,
                                    guint                n,
                                    int                 *heads,
                                    DmDeprel            *labels);

/* Lower-case form with ASCII apostrophes, as parser features read words. */
char     *dm_parser_word_key       (const char          *form,
                                    gssize               len);

/* A parser over @model (taken over; freed on error): what dm_parser_new_from_bytes () does
 * after loading, for a model loaded some other way (dm_perceptron_load_built_in ()). */
DmParser *dm_parser_new_for_model  (DmPerceptron        *model,
                                    GError             **error);

G_END_DECLS
