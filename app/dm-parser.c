/* dm-parser.c — greedy transition-based dependency parser over tagged parse tokens
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-parser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-parse-tokens.h"
#include "dm-parser-private.h"
#include "dm-text.h"

struct _DmParser
{
  DmPerceptron *model;
  gboolean      stack_verb;   /* the model has weights for the F_SV_* templates */
};

/* ---- classes ---- */

const char * const *
dm_parser_class_names (void)
{
  static const char *names[DM_PARSER_N_CLASSES + 1];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      names[0] = "S";
      for (guint d = 0; d < DM_N_DEPRELS; d++)
        {
          g_autofree char *left = g_strconcat ("L-", dm_deprel_to_string (d), NULL);
          g_autofree char *right = g_strconcat ("R-", dm_deprel_to_string (d), NULL);

          names[dm_parser_class (DM_MOVE_LEFT, d)] = g_intern_string (left);
          names[dm_parser_class (DM_MOVE_RIGHT, d)] = g_intern_string (right);
        }
      g_once_init_leave (&initialized, 1);
    }
  return names;
}

/* ---- the transition system ---- */

void
dm_parser_state_init (DmParserState *state,
                      guint          n)
{
  state->n = n;
  state->stack = g_new (guint, n + 1);
  state->stack_len = 0;
  state->buffer = 0;
  state->heads = g_new (int, n + 1);
  state->labels = g_new0 (DmDeprel, n + 1);
  for (guint k = 0; k < 2; k++)
    {
      state->left[k] = g_new (int, n + 1);
      state->right[k] = g_new (int, n + 1);
    }
  for (guint i = 0; i <= n; i++)
    state->heads[i] = state->left[0][i] = state->left[1][i] =
      state->right[0][i] = state->right[1][i] = -1;
  state->n_left = g_new0 (guint8, n + 1);
  state->n_right = g_new0 (guint8, n + 1);
}

void
dm_parser_state_clear (DmParserState *state)
{
  g_clear_pointer (&state->stack, g_free);
  g_clear_pointer (&state->heads, g_free);
  g_clear_pointer (&state->labels, g_free);
  for (guint k = 0; k < 2; k++)
    {
      g_clear_pointer (&state->left[k], g_free);
      g_clear_pointer (&state->right[k], g_free);
    }
  g_clear_pointer (&state->n_left, g_free);
  g_clear_pointer (&state->n_right, g_free);
}

gboolean
dm_parser_state_valid (const DmParserState *state,
                       DmMove               move)
{
  switch (move)
    {
    case DM_MOVE_SHIFT:
      return state->buffer < state->n;
    case DM_MOVE_LEFT:
      return state->stack_len >= 1;
    case DM_MOVE_RIGHT:
      return state->stack_len >= 2;
    default:
      return FALSE;
    }
}

/* The transitions allowed when shift, left and right are valid or not and the buffer front
 * is the root or not (bits 0 to 3 of the index): sixteen rows made once, as asked at every
 * transition. */
static const gboolean *
allowed_rows (void)
{
  static gboolean rows[16][DM_PARSER_N_CLASSES];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint k = 0; k < 16; k++)
        {
          gboolean shift = (k & 1) != 0, left = (k & 2) != 0, right = (k & 4) != 0;
          gboolean onto_root = (k & 8) != 0;

          rows[k][0] = shift;
          for (guint d = 0; d < DM_N_DEPRELS; d++)
            {
              rows[k][dm_parser_class (DM_MOVE_LEFT, d)] = left && (onto_root == (d == DM_DEP_ROOT));
              rows[k][dm_parser_class (DM_MOVE_RIGHT, d)] = right && d != DM_DEP_ROOT;
            }
        }
      g_once_init_leave (&initialized, 1);
    }
  return &rows[0][0];
}

void
dm_parser_state_allowed (const DmParserState *state,
                         gboolean            *allowed)
{
  guint k = (dm_parser_state_valid (state, DM_MOVE_SHIFT) ? 1 : 0) |
            (dm_parser_state_valid (state, DM_MOVE_LEFT) ? 2 : 0) |
            (dm_parser_state_valid (state, DM_MOVE_RIGHT) ? 4 : 0) |
            (state->buffer == state->n ? 8 : 0);

  memcpy (allowed, allowed_rows () + k * DM_PARSER_N_CLASSES, DM_PARSER_N_CLASSES * sizeof (gboolean));
}

static void
attach (DmParserState *state,
        guint          head,
        guint          child,
        DmDeprel       label)
{
  state->heads[child] = head;
  state->labels[child] = label;
  if (child < head)
    {
      /* Children arrive from the inside out on the left: the newest is the leftmost. */
      state->left[1][head] = state->left[0][head];
      state->left[0][head] = child;
      if (state->n_left[head] < G_MAXUINT8)
        state->n_left[head]++;
    }
  else
    {
      state->right[1][head] = state->right[0][head];
      state->right[0][head] = child;
      if (state->n_right[head] < G_MAXUINT8)
        state->n_right[head]++;
    }
}

void
dm_parser_state_apply (DmParserState *state,
                       guint          klass)
{
  DmMove move = dm_parser_class_move (klass);
  DmDeprel label = dm_parser_class_label (klass);

  g_assert (dm_parser_state_valid (state, move));
  switch (move)
    {
    case DM_MOVE_SHIFT:
      state->stack[state->stack_len++] = state->buffer++;
      break;
    case DM_MOVE_LEFT:
      attach (state, state->buffer, state->stack[state->stack_len - 1], label);
      state->stack_len--;
      break;
    case DM_MOVE_RIGHT:
      attach (state, state->stack[state->stack_len - 2], state->stack[state->stack_len - 1], label);
      state->stack_len--;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ---- features ----
 *
 * Each feature's key combines the hashes of its strings (dm_features_add_key* ()): words and
 * tags hashed once per word of the sentence, labels and small numbers once per process.
 * The model says it was trained with these keys (PARSER_KEYS below); a model keyed the
 * earlier way, by FNV over the strings' bytes for every feature, is refused. */

/* The parser model's extra section: which key scheme it was trained with. */
#define PARSER_KEYS "dramatis-parser-keys 2: per-string hashes"

GBytes *
dm_parser_model_extra (void)
{
  static GBytes *extra;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      extra = g_bytes_new_static (PARSER_KEYS, strlen (PARSER_KEYS));
      g_once_init_leave (&initialized, 1);
    }
  return extra;
}

static const char * const small_numbers[] = {
  "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+",
};

const char *
dm_parser_small_number (guint v)
{
  return small_numbers[MIN (v, G_N_ELEMENTS (small_numbers) - 1)];
}

/* Hashes of the strings that are not words or tags: labels (DM_N_DEPRELS: "-NONE-"), the
 * small numbers, the empty string. */
typedef struct {
  guint64 labels[DM_N_DEPRELS + 1];
  guint64 numbers[G_N_ELEMENTS (small_numbers)];
  guint64 empty;
} ConstantHashes;

static const ConstantHashes *
constant_hashes (void)
{
  static ConstantHashes hashes;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint d = 0; d < DM_N_DEPRELS; d++)
        hashes.labels[d] = dm_features_string_hash (dm_deprel_to_string (d));
      hashes.labels[DM_N_DEPRELS] = dm_features_string_hash ("-NONE-");
      for (guint k = 0; k < G_N_ELEMENTS (small_numbers); k++)
        hashes.numbers[k] = dm_features_string_hash (small_numbers[k]);
      hashes.empty = dm_features_string_hash ("");
      g_once_init_leave (&initialized, 1);
    }
  return &hashes;
}

void
dm_parser_hash_words (const char * const *words,
                      const char * const *tags,
                      guint               n,
                      guint64            *word_hashes,
                      guint64            *tag_hashes)
{
  for (guint i = 0; i < n; i++)
    {
      word_hashes[i] = dm_features_string_hash (words[i]);
      tag_hashes[i] = dm_features_string_hash (tags[i]);
    }
  word_hashes[n] = tag_hashes[n] = dm_features_string_hash ("-ROOT-");
  word_hashes[n + 1] = tag_hashes[n + 1] = dm_features_string_hash ("-NONE-");
}

typedef struct {
  const DmParserState  *state;
  const char * const   *tags;
  const guint64        *words_h;   /* n + 2 hashes: the words, the root, none */
  const guint64        *tags_h;
  const ConstantHashes *k;
} Context;

static inline gsize
index_of (const Context *c,
          int            i)
{
  return i < 0 ? c->state->n + 1 : (gsize) i;
}

static inline guint64
word_h (const Context *c,
        int            i)
{
  return c->words_h[index_of (c, i)];
}

static inline guint64
tag_h (const Context *c,
       int            i)
{
  return c->tags_h[index_of (c, i)];
}

static inline guint64
label_h (const Context *c,
         int            i)
{
  return c->k->labels[i < 0 || c->state->heads[i] < 0 ? DM_N_DEPRELS : c->state->labels[i]];
}

static inline guint64
number_h (const Context *c,
          guint          v)
{
  return c->k->numbers[MIN (v, 10)];
}

static int
child (int * const *kids,
       guint        k,
       int          i)
{
  return i < 0 ? -1 : kids[k][i];
}

/* Whether a tag ("VBD/VERB", "MD/AUX") is a verb's or an auxiliary's: asked for several
 * stack words at every transition, so without g_str_has_suffix ()'s calls. */
static inline gboolean
is_verb_tag (const char *tag)
{
  gsize len = strlen (tag);

  return (len >= 5 && memcmp (tag + len - 5, "/VERB", 5) == 0) ||
         (len >= 4 && memcmp (tag + len - 4, "/AUX", 4) == 0);
}

/* The nearest verb or auxiliary under the stack top (-1: none within a few words), and how
 * deep it lies. A clause that ends at s0 ("… has been too slow") and a participle in the
 * buffer (", calling on …") ask whether the participle belongs to s0 or to a verb further
 * down the stack ("repeated"); the features of s1 and s2 alone do not say a verb is there. */
static int
stack_verb (const Context *c,
            guint         *depth)
{
  const DmParserState *state = c->state;

  for (guint k = 2; k <= MIN (state->stack_len, 6); k++)
    {
      guint i = state->stack[state->stack_len - k];

      if (i < state->n && is_verb_tag (c->tags[i]))
        {
          *depth = k - 1;
          return (int) i;
        }
    }
  *depth = 0;
  return -1;
}

/* The features of @state, in template order, from the hashes of dm_parser_hash_words (). */
static void
features_of (DmFeatures          *feats,
             const DmParserState *state,
             const char * const  *tags,
             const guint64       *words_h,
             const guint64       *tags_h,
             gboolean             with_stack_verb)
{
  Context c = { state, tags, words_h, tags_h, constant_hashes () };
  guint sl = state->stack_len;
  int s0 = sl >= 1 ? (int) state->stack[sl - 1] : -1;
  int s1 = sl >= 2 ? (int) state->stack[sl - 2] : -1;
  int s2 = sl >= 3 ? (int) state->stack[sl - 3] : -1;
  int n0 = state->buffer;
  int n1 = (guint) n0 < state->n ? n0 + 1 : -1;
  int n2 = n1 >= 0 && (guint) n1 < state->n ? n1 + 1 : -1;
  int s0l1 = child (state->left, 0, s0), s0l2 = child (state->left, 1, s0);
  int s0r1 = child (state->right, 0, s0), s0r2 = child (state->right, 1, s0);
  int n0l1 = child (state->left, 0, n0), n0l2 = child (state->left, 1, n0);
  int s1r1 = child (state->right, 0, s1);
  guint64 ws0 = word_h (&c, s0), ts0 = tag_h (&c, s0);
  guint64 ws1 = word_h (&c, s1), ts1 = tag_h (&c, s1);
  guint64 ts2 = tag_h (&c, s2);
  guint64 wn0 = word_h (&c, n0), tn0 = tag_h (&c, n0);
  guint64 wn1 = word_h (&c, n1), tn1 = tag_h (&c, n1);
  guint64 tn2 = tag_h (&c, n2);
  guint64 ts0l1 = tag_h (&c, s0l1), ts0r1 = tag_h (&c, s0r1), tn0l1 = tag_h (&c, n0l1);
  guint64 ls0l1 = label_h (&c, s0l1), ls0l2 = label_h (&c, s0l2);
  guint64 ls0r1 = label_h (&c, s0r1), ls0r2 = label_h (&c, s0r2);
  guint64 ln0l1 = label_h (&c, n0l1), ln0l2 = label_h (&c, n0l2), ls1r1 = label_h (&c, s1r1);
  guint64 dist = number_h (&c, s0 >= 0 ? (guint) (n0 - s0) : 0);
  guint64 vr = number_h (&c, s0 >= 0 ? state->n_right[s0] : 0);
  guint64 vl = number_h (&c, s0 >= 0 ? state->n_left[s0] : 0);
  guint64 n0vl = number_h (&c, state->n_left[n0]);

  dm_features_reset (feats);
  dm_features_add_key (feats, F_BIAS, c.k->empty);

  dm_features_add_key (feats, F_S0W, ws0);
  dm_features_add_key (feats, F_S0T, ts0);
  dm_features_add_key2 (feats, F_S0WT, ws0, ts0);
  dm_features_add_key (feats, F_N0W, wn0);
  dm_features_add_key (feats, F_N0T, tn0);
  dm_features_add_key2 (feats, F_N0WT, wn0, tn0);
  dm_features_add_key (feats, F_N1W, wn1);
  dm_features_add_key (feats, F_N1T, tn1);
  dm_features_add_key2 (feats, F_N1WT, wn1, tn1);
  dm_features_add_key (feats, F_N2W, word_h (&c, n2));
  dm_features_add_key (feats, F_N2T, tn2);
  dm_features_add_key (feats, F_S1W, ws1);
  dm_features_add_key (feats, F_S1T, ts1);
  dm_features_add_key2 (feats, F_S1WT, ws1, ts1);
  dm_features_add_key (feats, F_S2W, word_h (&c, s2));
  dm_features_add_key (feats, F_S2T, ts2);

  dm_features_add_key2 (feats, F_S0W_N0W, ws0, wn0);
  dm_features_add_key2 (feats, F_S0T_N0T, ts0, tn0);
  dm_features_add_key3 (feats, F_S0WT_N0T, ws0, ts0, tn0);
  dm_features_add_key3 (feats, F_S0T_N0WT, ts0, wn0, tn0);
  dm_features_add_key3 (feats, F_S0W_N0WT, ws0, wn0, tn0);
  dm_features_add_key3 (feats, F_S0WT_N0W, ws0, ts0, wn0);
  dm_features_add_key2 (feats, F_N0T_N1T, tn0, tn1);
  dm_features_add_key3 (feats, F_N0T_N1T_N2T, tn0, tn1, tn2);
  dm_features_add_key3 (feats, F_S0T_N0T_N1T, ts0, tn0, tn1);
  dm_features_add_key3 (feats, F_S1T_S0T_N0T, ts1, ts0, tn0);
  dm_features_add_key3 (feats, F_S2T_S1T_S0T, ts2, ts1, ts0);
  dm_features_add_key2 (feats, F_S1T_S0T, ts1, ts0);
  dm_features_add_key2 (feats, F_S1W_S0W, ws1, ws0);
  dm_features_add_key2 (feats, F_S1T_S0W, ts1, ws0);
  dm_features_add_key2 (feats, F_S1W_S0T, ws1, ts0);

  dm_features_add_key3 (feats, F_S0T_S0L1T_N0T, ts0, ts0l1, tn0);
  dm_features_add_key3 (feats, F_S0T_S0R1T_N0T, ts0, ts0r1, tn0);
  dm_features_add_key3 (feats, F_S0T_N0T_N0L1T, ts0, tn0, tn0l1);
  dm_features_add_key3 (feats, F_S0T_S0L1T_S0L2T, ts0, ts0l1, tag_h (&c, s0l2));
  dm_features_add_key3 (feats, F_S0T_S0R1T_S0R2T, ts0, ts0r1, tag_h (&c, s0r2));
  dm_features_add_key3 (feats, F_N0T_N0L1T_N0L2T, tn0, tn0l1, tag_h (&c, n0l2));
  dm_features_add_key3 (feats, F_S1T_S0T_S0L1T, ts1, ts0, ts0l1);
  dm_features_add_key3 (feats, F_S1T_S0T_S0R1T, ts1, ts0, ts0r1);
  dm_features_add_key3 (feats, F_S1T_S1R1T_S0T, ts1, tag_h (&c, s1r1), ts0);

  dm_features_add_key2 (feats, F_DIST_S0W, dist, ws0);
  dm_features_add_key2 (feats, F_DIST_S0T, dist, ts0);
  dm_features_add_key2 (feats, F_DIST_N0W, dist, wn0);
  dm_features_add_key2 (feats, F_DIST_N0T, dist, tn0);
  dm_features_add_key3 (feats, F_DIST_S0T_N0T, dist, ts0, tn0);
  dm_features_add_key3 (feats, F_DIST_S0W_N0W, dist, ws0, wn0);

  dm_features_add_key2 (feats, F_S0W_VR, ws0, vr);
  dm_features_add_key2 (feats, F_S0T_VR, ts0, vr);
  dm_features_add_key2 (feats, F_S0W_VL, ws0, vl);
  dm_features_add_key2 (feats, F_S0T_VL, ts0, vl);
  dm_features_add_key2 (feats, F_N0W_VL, wn0, n0vl);
  dm_features_add_key2 (feats, F_N0T_VL, tn0, n0vl);

  dm_features_add_key (feats, F_S0L1W, word_h (&c, s0l1));
  dm_features_add_key (feats, F_S0L1T, ts0l1);
  dm_features_add_key (feats, F_S0L1L, ls0l1);
  dm_features_add_key (feats, F_S0R1W, word_h (&c, s0r1));
  dm_features_add_key (feats, F_S0R1T, ts0r1);
  dm_features_add_key (feats, F_S0R1L, ls0r1);
  dm_features_add_key (feats, F_N0L1W, word_h (&c, n0l1));
  dm_features_add_key (feats, F_N0L1T, tn0l1);
  dm_features_add_key (feats, F_N0L1L, ln0l1);
  dm_features_add_key (feats, F_S0L2L, ls0l2);
  dm_features_add_key (feats, F_S0R2L, ls0r2);
  dm_features_add_key (feats, F_N0L2L, ln0l2);
  dm_features_add_key3 (feats, F_S0T_S0LL, ts0, ls0l1, ls0l2);
  dm_features_add_key3 (feats, F_S0T_S0RL, ts0, ls0r1, ls0r2);
  dm_features_add_key3 (feats, F_N0T_N0LL, tn0, ln0l1, ln0l2);
  dm_features_add_key (feats, F_S1R1L, ls1r1);
  dm_features_add_key2 (feats, F_S1T_S1R1L, ts1, ls1r1);

  /* Four lookups of 74 that a model trained without them would always miss. */
  if (with_stack_verb)
    {
      guint depth;
      int sv = stack_verb (&c, &depth);
      guint64 tsv = tag_h (&c, sv);

      dm_features_add_key2 (feats, F_SV_N0T, tsv, tn0);
      dm_features_add_key3 (feats, F_SV_S0T_N0T, tsv, ts0, tn0);
      dm_features_add_key3 (feats, F_SV_N0T_N0L1L, tsv, tn0, ln0l1);
      dm_features_add_key3 (feats, F_SV_DEPTH_N0T, number_h (&c, depth), ts0, tn0);
    }
}

void
dm_parser_features_hashed (DmFeatures          *feats,
                           const DmParserState *state,
                           const char * const  *tags,
                           const guint64       *word_hashes,
                           const guint64       *tag_hashes,
                           gboolean             stack_verb)
{
  features_of (feats, state, tags, word_hashes, tag_hashes, stack_verb);
}

void
dm_parser_features_for (DmFeatures          *feats,
                        const DmParserState *state,
                        const char * const  *words,
                        const char * const  *tags,
                        gboolean             with_stack_verb)
{
  g_autofree guint64 *words_h = g_new (guint64, 2 * (state->n + 2));
  guint64 *tags_h = words_h + state->n + 2;

  dm_parser_hash_words (words, tags, state->n, words_h, tags_h);
  features_of (feats, state, tags, words_h, tags_h, with_stack_verb);
}

void
dm_parser_features (DmFeatures          *feats,
                    const DmParserState *state,
                    const char * const  *words,
                    const char * const  *tags)
{
  dm_parser_features_for (feats, state, words, tags, TRUE);
}

guint64
dm_parser_stack_verb_key (const char *verb_tag,
                          const char *n0_tag)
{
  DmFeatures feats;
  guint64 key;

  dm_features_init (&feats);
  dm_features_add_key2 (&feats, F_SV_N0T, dm_features_string_hash (verb_tag),
                        dm_features_string_hash (n0_tag));
  key = feats.hashes[0];
  dm_features_clear (&feats);
  return key;
}

gboolean
dm_parser_model_has_stack_verb (const DmPerceptron *model)
{
  /* The commonest instances of one of the four templates (the trainer emits all four or,
   * before them, none): no verb under the stack top, or a past or present verb, before the
   * tags that open most noun phrases and clauses. 75 lookups, once: a model without the
   * templates takes them all, and each may touch another page of the mapped model at
   * every start of `dramatis-cli extract` (the second template's 450 took ~170 faults). */
  static const char * const verbs[] = { "-NONE-", "VBD/VERB", "VBZ/VERB", "VBP/VERB", "VB/VERB", NULL };
  static const char * const tags[] = {
    "-ROOT-", "NN/NOUN", "NNS/NOUN", "NNP/PROPN", "DT/DET", "IN/ADP", "JJ/ADJ", ",/PUNCT",
    "./PUNCT", "CC/CCONJ", "TO/PART", "PRP/PRON", "VBD/VERB", "VB/VERB", "CD/NUM", NULL
  };
  DmFeatures feats;
  gboolean found = FALSE;

  dm_features_init (&feats);
  for (guint v = 0; verbs[v] != NULL; v++)
    for (guint a = 0; tags[a] != NULL; a++)
      dm_features_add_key2 (&feats, F_SV_N0T, dm_features_string_hash (verbs[v]),
                            dm_features_string_hash (tags[a]));
  for (guint i = 0; i < feats.len && !found; i++)
    found = dm_perceptron_has_feature (model, feats.hashes[i]);
  dm_features_clear (&feats);
  return found;
}

char *
dm_parser_word_key (const char *form,
                    gssize      len)
{
  char *ascii = dm_parse_tokens_ascii_apostrophes (form, len);

  return dm_text_strdown_take (ascii, strlen (ascii));
}

/* ---- the model ---- */

DmParser *
dm_parser_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  DmPerceptron *model;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((model = dm_perceptron_load (bytes, "parser", error)) == NULL)
    return NULL;
  return dm_parser_new_for_model (model, error);
}

gboolean
dm_parser_model_keys_match (const DmPerceptron  *model,
                            GError             **error)
{
  GBytes *extra = dm_perceptron_get_extra (model);

  if (extra == NULL || !g_bytes_equal (extra, dm_parser_model_extra ()))
    {
      g_set_error_literal (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                           _("the parser model's feature keys are hashed the earlier way "
                             "(whole strings, byte by byte); this Dramatis reads only parser "
                             "models keyed from per-word hashes: train it again, or rewrite it "
                             "with “dramatis-train rekey-parser”"));
      return FALSE;
    }
  return TRUE;
}

DmParser *
dm_parser_new_for_model (DmPerceptron  *model_,
                         GError       **error)
{
  g_autoptr(DmPerceptron) model = model_;
  const char * const *names = dm_parser_class_names ();
  DmParser *self;

  if (dm_perceptron_n_classes (model) != DM_PARSER_N_CLASSES)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                   _("the parser model has %u transitions where this Dramatis has %u"),
                   dm_perceptron_n_classes (model), DM_PARSER_N_CLASSES);
      return NULL;
    }
  for (guint k = 0; k < DM_PARSER_N_CLASSES; k++)
    if (strcmp (dm_perceptron_class_name (model, k), names[k]) != 0)
      {
        g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                     _("the parser model's transition %u is “%s” where this Dramatis has “%s”"),
                     k, dm_perceptron_class_name (model, k), names[k]);
        return NULL;
      }

  if (!dm_parser_model_keys_match (model, error))
    return NULL;

  self = g_new0 (DmParser, 1);
  self->model = g_steal_pointer (&model);
  self->stack_verb = dm_parser_model_has_stack_verb (self->model);
  g_debug ("the parser model %s the stack-verb features", self->stack_verb ? "has" : "lacks");
  return self;
}

void
dm_parser_free (DmParser *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->model, dm_perceptron_free);
  g_free (self);
}

/* Arc-hybrid may hang several words on the root; UD has one. The first word labelled root
 * stays (else the first root child); the others hang from it. */
static void
single_root (guint     n,
             int      *heads,
             DmDeprel *labels)
{
  int root = -1;

  for (guint i = 0; i < n; i++)
    if (heads[i] < 0 && (root < 0 || (labels[root] != DM_DEP_ROOT && labels[i] == DM_DEP_ROOT)))
      root = i;
  for (guint i = 0; i < n; i++)
    if (heads[i] < 0 && (int) i != root)
      {
        heads[i] = root;
        if (labels[i] == DM_DEP_ROOT)
          labels[i] = DM_DEP_PARATAXIS;
      }
  if (root >= 0)
    labels[root] = DM_DEP_ROOT;
}

void
dm_parser_parse_words (const DmParser     *self,
                       const char * const *words,
                       const char * const *tags,
                       guint               n,
                       int                *heads,
                       DmDeprel           *labels)
{
  DmParserState state;
  DmFeatures feats;
  guint64 *words_h, *tags_h;
  gboolean allowed[DM_PARSER_N_CLASSES];

  dm_parser_state_init (&state, n);
  dm_features_init (&feats);
  dm_features_prefetch_for (&feats, self->model);
  /* each word's and tag's hash, once for the sentence */
  words_h = g_new (guint64, 2 * (n + 2));
  tags_h = words_h + n + 2;
  dm_parser_hash_words (words, tags, n, words_h, tags_h);
  while (!dm_parser_state_done (&state))
    {
      /* The first shift and the last arc to the root are forced: the model has no say. */
      if (state.stack_len == 0)
        {
          dm_parser_state_apply (&state, dm_parser_class (DM_MOVE_SHIFT, 0));
          continue;
        }
      if (state.stack_len == 1 && state.buffer == n)
        {
          dm_parser_state_apply (&state, dm_parser_class (DM_MOVE_LEFT, DM_DEP_ROOT));
          continue;
        }
      dm_parser_state_allowed (&state, allowed);
      features_of (&feats, &state, tags, words_h, tags_h, self->stack_verb);
      dm_parser_state_apply (&state, dm_perceptron_predict (self->model, &feats, allowed));
    }
  for (guint i = 0; i < n; i++)
    {
      heads[i] = state.heads[i] == (int) n ? -1 : state.heads[i];
      labels[i] = state.labels[i];
    }
  single_root (n, heads, labels);
  dm_features_clear (&feats);
  g_free (words_h);
  dm_parser_state_clear (&state);
}

void
dm_parser_parse (const DmParser  *self,
                 const DmTextDoc *doc,
                 DmParse         *parse,
                 guint            sentence)
{
  DmParseSentence *ps;
  char **words, **tags;
  int *heads;
  DmDeprel *labels;

  g_return_if_fail (self != NULL && doc != NULL && parse != NULL);
  g_return_if_fail (sentence < parse->sentences->len);

  ps = &g_array_index (parse->sentences, DmParseSentence, sentence);
  words = g_new0 (char *, ps->n_tokens + 1);
  tags = g_new0 (char *, ps->n_tokens + 1);
  heads = g_new (int, ps->n_tokens + 1);
  labels = g_new (DmDeprel, ps->n_tokens + 1);
  for (guint i = 0; i < ps->n_tokens; i++)
    {
      const DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, ps->first + i);
      gsize len;
      const char *text = dm_parse_token_text (doc, t, &len);

      words[i] = dm_parser_word_key (text, len);
      tags[i] = g_strconcat (dm_xpos_to_string (t->xpos), "/", dm_upos_to_string (t->upos), NULL);
    }

  dm_parser_parse_words (self, (const char * const *) words, (const char * const *) tags,
                         ps->n_tokens, heads, labels);
  for (guint i = 0; i < ps->n_tokens; i++)
    {
      DmParseToken *t = &g_array_index (parse->tokens, DmParseToken, ps->first + i);

      t->head = heads[i] < 0 ? -1 : (int) ps->first + heads[i];
      t->deprel = labels[i];
    }
  ps->parsed = TRUE;

  g_strfreev (words);
  g_strfreev (tags);
  g_free (heads);
  g_free (labels);
}
