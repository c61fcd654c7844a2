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

/* ---- features ---- */

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

static const char * const small_numbers[] = {
  "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+",
};

static const char *
small_number (guint v)
{
  return small_numbers[MIN (v, 10)];
}

typedef struct {
  const DmParserState *state;
  const char * const  *words;
  const char * const  *tags;
  guint64             *heads;   /* NULL, or N_TEMPLATES × (n + 2) states (head_state ()) */
} Context;

static const char *
word_of (const Context *c,
         int            i)
{
  return i < 0 ? "-NONE-" : (guint) i == c->state->n ? "-ROOT-" : c->words[i];
}

static const char *
tag_of (const Context *c,
        int            i)
{
  return i < 0 ? "-NONE-" : (guint) i == c->state->n ? "-ROOT-" : c->tags[i];
}

static const char *
label_of (const Context *c,
          int            i)
{
  return i < 0 || c->state->heads[i] < 0 ? "-NONE-" : dm_deprel_to_string (c->state->labels[i]);
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

static void features_of (DmFeatures          *feats,
                         const DmParserState *state,
                         const char * const  *words,
                         const char * const  *tags,
                         gboolean             with_stack_verb,
                         guint64             *heads);

void
dm_parser_features (DmFeatures          *feats,
                    const DmParserState *state,
                    const char * const  *words,
                    const char * const  *tags)
{
  features_of (feats, state, words, tags, TRUE, NULL);
}

void
dm_parser_features_for (DmFeatures          *feats,
                        const DmParserState *state,
                        const char * const  *words,
                        const char * const  *tags,
                        gboolean             with_stack_verb)
{
  features_of (feats, state, words, tags, with_stack_verb, NULL);
}

/* What a template's first strings are: a word's, its tag, or both (word then tag). */
enum { HEAD_W = 1, HEAD_T = 2, HEAD_WT = 3 };

/* The hash state after template @t and the first strings of word @i (-1: none; n: the
 * root). A word stays on the stack or at the front of the buffer for several transitions,
 * so the state is kept in @c->heads for the sentence: the longer strings that follow are
 * all that is hashed again. 0 is "not yet": a state that is 0 is only computed each time. */
static inline guint64
head_state (const Context *c,
            guint          t,
            int            i,
            guint          what)
{
  guint64 *kept = NULL;
  guint64 h;

  if (c->heads != NULL)
    {
      kept = &c->heads[(gsize) t * (c->state->n + 2) + (i < 0 ? c->state->n + 1 : (guint) i)];
      if (*kept != 0)
        return *kept;
    }
  h = dm_features_start (t);
  if (what & HEAD_W)
    h = dm_features_extend (h, word_of (c, i));
  if (what & HEAD_T)
    h = dm_features_extend (h, tag_of (c, i));
  if (kept != NULL)
    *kept = h;
  return h;
}

/* The feature (t, first strings of word @i[, b[, d]]): what dm_features_add* would add. */
static inline void
add_head (DmFeatures    *feats,
          const Context *c,
          guint          t,
          int            i,
          guint          what)
{
  dm_features_add_hash (feats, head_state (c, t, i, what));
}

static inline void
add_head2 (DmFeatures    *feats,
           const Context *c,
           guint          t,
           int            i,
           guint          what,
           const char    *b)
{
  dm_features_add_hash (feats, dm_features_extend (head_state (c, t, i, what), b));
}

static inline void
add_head3 (DmFeatures    *feats,
           const Context *c,
           guint          t,
           int            i,
           guint          what,
           const char    *b,
           const char    *d)
{
  dm_features_add_hash (feats, dm_features_extend (dm_features_extend (head_state (c, t, i, what), b), d));
}

/* dm_parser_features_for (); @head_states: NULL, or zeroed room for N_TEMPLATES × (n + 2)
 * hash states kept from one transition of the sentence to the next (head_state ()). */
static void
features_of (DmFeatures          *feats,
             const DmParserState *state,
             const char * const  *words,
             const char * const  *tags,
             gboolean             with_stack_verb,
             guint64             *heads)
{
  Context c = { state, words, tags, heads };
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
  const char *ws0 = word_of (&c, s0), *ts0 = tag_of (&c, s0);
  const char *wn0 = word_of (&c, n0), *tn0 = tag_of (&c, n0);
  const char *tn1 = tag_of (&c, n1);
  const char *dist = small_number (s0 >= 0 ? (guint) (n0 - s0) : 0);
  const char *vr = small_number (s0 >= 0 ? state->n_right[s0] : 0);
  const char *vl = small_number (s0 >= 0 ? state->n_left[s0] : 0);
  const char *n0vl = small_number (state->n_left[n0]);

  /* The features, in template order; each as dm_features_add* of its strings would add it
   * (the first strings of a word through head_state ()). */
  dm_features_reset (feats);
  dm_features_add (feats, F_BIAS, NULL);

  add_head (feats, &c, F_S0W, s0, HEAD_W);
  add_head (feats, &c, F_S0T, s0, HEAD_T);
  add_head (feats, &c, F_S0WT, s0, HEAD_WT);
  add_head (feats, &c, F_N0W, n0, HEAD_W);
  add_head (feats, &c, F_N0T, n0, HEAD_T);
  add_head (feats, &c, F_N0WT, n0, HEAD_WT);
  add_head (feats, &c, F_N1W, n1, HEAD_W);
  add_head (feats, &c, F_N1T, n1, HEAD_T);
  add_head (feats, &c, F_N1WT, n1, HEAD_WT);
  add_head (feats, &c, F_N2W, n2, HEAD_W);
  add_head (feats, &c, F_N2T, n2, HEAD_T);
  add_head (feats, &c, F_S1W, s1, HEAD_W);
  add_head (feats, &c, F_S1T, s1, HEAD_T);
  add_head (feats, &c, F_S1WT, s1, HEAD_WT);
  add_head (feats, &c, F_S2W, s2, HEAD_W);
  add_head (feats, &c, F_S2T, s2, HEAD_T);

  add_head2 (feats, &c, F_S0W_N0W, s0, HEAD_W, wn0);
  add_head2 (feats, &c, F_S0T_N0T, s0, HEAD_T, tn0);
  add_head2 (feats, &c, F_S0WT_N0T, s0, HEAD_WT, tn0);
  add_head3 (feats, &c, F_S0T_N0WT, s0, HEAD_T, wn0, tn0);
  add_head3 (feats, &c, F_S0W_N0WT, s0, HEAD_W, wn0, tn0);
  add_head2 (feats, &c, F_S0WT_N0W, s0, HEAD_WT, wn0);
  add_head2 (feats, &c, F_N0T_N1T, n0, HEAD_T, tn1);
  add_head3 (feats, &c, F_N0T_N1T_N2T, n0, HEAD_T, tn1, tag_of (&c, n2));
  add_head3 (feats, &c, F_S0T_N0T_N1T, s0, HEAD_T, tn0, tn1);
  add_head3 (feats, &c, F_S1T_S0T_N0T, s1, HEAD_T, ts0, tn0);
  add_head3 (feats, &c, F_S2T_S1T_S0T, s2, HEAD_T, tag_of (&c, s1), ts0);
  add_head2 (feats, &c, F_S1T_S0T, s1, HEAD_T, ts0);
  add_head2 (feats, &c, F_S1W_S0W, s1, HEAD_W, ws0);
  add_head2 (feats, &c, F_S1T_S0W, s1, HEAD_T, ws0);
  add_head2 (feats, &c, F_S1W_S0T, s1, HEAD_W, ts0);

  add_head3 (feats, &c, F_S0T_S0L1T_N0T, s0, HEAD_T, tag_of (&c, s0l1), tn0);
  add_head3 (feats, &c, F_S0T_S0R1T_N0T, s0, HEAD_T, tag_of (&c, s0r1), tn0);
  add_head3 (feats, &c, F_S0T_N0T_N0L1T, s0, HEAD_T, tn0, tag_of (&c, n0l1));
  add_head3 (feats, &c, F_S0T_S0L1T_S0L2T, s0, HEAD_T, tag_of (&c, s0l1), tag_of (&c, s0l2));
  add_head3 (feats, &c, F_S0T_S0R1T_S0R2T, s0, HEAD_T, tag_of (&c, s0r1), tag_of (&c, s0r2));
  add_head3 (feats, &c, F_N0T_N0L1T_N0L2T, n0, HEAD_T, tag_of (&c, n0l1), tag_of (&c, n0l2));
  add_head3 (feats, &c, F_S1T_S0T_S0L1T, s1, HEAD_T, ts0, tag_of (&c, s0l1));
  add_head3 (feats, &c, F_S1T_S0T_S0R1T, s1, HEAD_T, ts0, tag_of (&c, s0r1));
  add_head3 (feats, &c, F_S1T_S1R1T_S0T, s1, HEAD_T, tag_of (&c, s1r1), ts0);

  dm_features_add2 (feats, F_DIST_S0W, dist, ws0);
  dm_features_add2 (feats, F_DIST_S0T, dist, ts0);
  dm_features_add2 (feats, F_DIST_N0W, dist, wn0);
  dm_features_add2 (feats, F_DIST_N0T, dist, tn0);
  dm_features_add3 (feats, F_DIST_S0T_N0T, dist, ts0, tn0);
  dm_features_add3 (feats, F_DIST_S0W_N0W, dist, ws0, wn0);

  add_head2 (feats, &c, F_S0W_VR, s0, HEAD_W, vr);
  add_head2 (feats, &c, F_S0T_VR, s0, HEAD_T, vr);
  add_head2 (feats, &c, F_S0W_VL, s0, HEAD_W, vl);
  add_head2 (feats, &c, F_S0T_VL, s0, HEAD_T, vl);
  add_head2 (feats, &c, F_N0W_VL, n0, HEAD_W, n0vl);
  add_head2 (feats, &c, F_N0T_VL, n0, HEAD_T, n0vl);

  add_head (feats, &c, F_S0L1W, s0l1, HEAD_W);
  add_head (feats, &c, F_S0L1T, s0l1, HEAD_T);
  dm_features_add (feats, F_S0L1L, label_of (&c, s0l1));
  add_head (feats, &c, F_S0R1W, s0r1, HEAD_W);
  add_head (feats, &c, F_S0R1T, s0r1, HEAD_T);
  dm_features_add (feats, F_S0R1L, label_of (&c, s0r1));
  add_head (feats, &c, F_N0L1W, n0l1, HEAD_W);
  add_head (feats, &c, F_N0L1T, n0l1, HEAD_T);
  dm_features_add (feats, F_N0L1L, label_of (&c, n0l1));
  dm_features_add (feats, F_S0L2L, label_of (&c, s0l2));
  dm_features_add (feats, F_S0R2L, label_of (&c, s0r2));
  dm_features_add (feats, F_N0L2L, label_of (&c, n0l2));
  add_head3 (feats, &c, F_S0T_S0LL, s0, HEAD_T, label_of (&c, s0l1), label_of (&c, s0l2));
  add_head3 (feats, &c, F_S0T_S0RL, s0, HEAD_T, label_of (&c, s0r1), label_of (&c, s0r2));
  add_head3 (feats, &c, F_N0T_N0LL, n0, HEAD_T, label_of (&c, n0l1), label_of (&c, n0l2));
  dm_features_add (feats, F_S1R1L, label_of (&c, s1r1));
  add_head2 (feats, &c, F_S1T_S1R1L, s1, HEAD_T, label_of (&c, s1r1));

  /* Four lookups of 74 that a model trained without them would always miss. */
  if (with_stack_verb)
    {
      guint depth;
      int sv = stack_verb (&c, &depth);

      add_head2 (feats, &c, F_SV_N0T, sv, HEAD_T, tn0);
      add_head3 (feats, &c, F_SV_S0T_N0T, sv, HEAD_T, ts0, tn0);
      add_head3 (feats, &c, F_SV_N0T_N0L1L, sv, HEAD_T, tn0, label_of (&c, n0l1));
      dm_features_add3 (feats, F_SV_DEPTH_N0T, small_number (depth), ts0, tn0);
    }
}

guint64
dm_parser_stack_verb_key (const char *verb_tag,
                          const char *n0_tag)
{
  DmFeatures feats;
  guint64 key;

  dm_features_init (&feats);
  dm_features_add2 (&feats, F_SV_N0T, verb_tag, n0_tag);
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
      dm_features_add2 (&feats, F_SV_N0T, verbs[v], tags[a]);
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
  guint64 *head_states;
  gboolean allowed[DM_PARSER_N_CLASSES];

  dm_parser_state_init (&state, n);
  dm_features_init (&feats);
  dm_features_prefetch_for (&feats, self->model);
  /* the states head_state () keeps for this sentence */
  head_states = g_new0 (guint64, N_TEMPLATES * (n + 2));
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
      features_of (&feats, &state, words, tags, self->stack_verb, head_states);
      dm_parser_state_apply (&state, dm_perceptron_predict (self->model, &feats, allowed));
    }
  for (guint i = 0; i < n; i++)
    {
      heads[i] = state.heads[i] == (int) n ? -1 : state.heads[i];
      labels[i] = state.labels[i];
    }
  single_root (n, heads, labels);
  dm_features_clear (&feats);
  g_free (head_states);
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
