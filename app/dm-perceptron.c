/* dm-perceptron.c — averaged perceptron over hashed sparse features: hashing and scoring
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Features are looked up in the open-addressing table of the model file itself
 * (dm-perceptron-file.c); the weights stay in one packed array, so scoring a feature
 * touches one slot and one run of entries. The trainer is in dm-perceptron-train.c.
 */

#define G_LOG_DOMAIN "dm-perceptron"

#include "config.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

#include "dm-perceptron-private.h"

/* ---- features ---- */

/* dm_features_add_hash () prefetches a slot by this size */
G_STATIC_ASSERT (sizeof (DmPerceptronSlot) == DM_PERCEPTRON_SLOT_SIZE);

void
dm_features_init (DmFeatures *feats)
{
  memset (feats, 0, sizeof *feats);
}

void
dm_features_clear (DmFeatures *feats)
{
  g_clear_pointer (&feats->hashes, g_free);
  feats->len = feats->cap = 0;
}

void
dm_features_grow (DmFeatures *feats)
{
  feats->cap = MAX (64, feats->cap * 2);
  feats->hashes = g_renew (guint64, feats->hashes, feats->cap);
}

void
dm_features_prefetch_for (DmFeatures         *feats,
                          const DmPerceptron *model)
{
  feats->prefetch_slots = model->slots;
  feats->prefetch_homes = model->n_homes;
}

/* ---- argmax shared by the model and the trainer ---- */

guint
dm_perceptron_best_class (const float    *scores,
                          guint           n_classes,
                          const gboolean *allowed)
{
  guint best;
  float best_score = 0.0f;

  /* Ties go to the lower class, so predictions are deterministic. */
  if (allowed == NULL)
    {
      if (n_classes == 0)
        return 0;
      best = 0;
      best_score = scores[0];
      for (guint i = 1; i < n_classes; i++)
        if (scores[i] > best_score)
          best = i, best_score = scores[i];
      return best;
    }
  for (best = 0; best < n_classes && !allowed[best]; best++)
    ;
  if (best == n_classes)
    return 0;
  best_score = scores[best];
  for (guint i = best + 1; i < n_classes; i++)
    if (allowed[i] && scores[i] > best_score)
      best = i, best_score = scores[i];
  return best;
}

void
dm_perceptron_free (DmPerceptron *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_clear_pointer (&self->extra, g_bytes_unref);
  g_clear_pointer (&self->file, g_bytes_unref);
  g_free (self);
}

guint
dm_perceptron_n_classes (const DmPerceptron *self)
{
  return self->classes->len;
}

const char *
dm_perceptron_class_name (const DmPerceptron *self,
                          guint               klass)
{
  g_return_val_if_fail (klass < self->classes->len, NULL);
  return g_ptr_array_index (self->classes, klass);
}

int
dm_perceptron_class_index (const DmPerceptron *self,
                           const char         *name)
{
  for (guint i = 0; i < self->classes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->classes, i), name) == 0)
      return i;
  return -1;
}

GBytes *
dm_perceptron_get_extra (const DmPerceptron *self)
{
  return self->extra;
}

guint
dm_perceptron_n_features (const DmPerceptron *self)
{
  guint n = 0;

  if (self->n_features != G_MAXUINT)
    return self->n_features;
  /* A built-in model was not read through on load: count its slots now. */
  for (const DmPerceptronSlot *s = self->slots; s < self->slots + self->n_homes || s->key != 0; s++)
    n += s->key != 0;
  return n;
}

/* Features are looked up in batches: the slots of a batch are prefetched first, then the
 * weights they point to, so the cache misses of a large model overlap instead of queueing
 * one after another. Then each found feature's weights are added, in feature order: a run
 * of entries one by one, a full row (format 3) a vector of 8 at a time when @vectors (then
 * @scores holds row_len floats). Either way every class gets the same additions in the
 * same order (a row's zeros add nothing: x + 0 is x, but for -0, whose sign no comparison
 * sees), so the scores are those of format 2, bit for bit. */
#define SCORE_BATCH 32
#define DM_PERCEPTRON_MAX_FIXED_VECTORS 13

#if defined(__GNUC__) || defined(__clang__)
#define HAVE_VECTORS 1
typedef float DmVec8 __attribute__ ((vector_size (32), aligned (4), may_alias));
#endif

#ifdef HAVE_VECTORS
/* The sums kept in registers for a fixed row length (score_features ()) back into @scores,
 * and from it; nothing to do without a fixed length (@fixed_vectors 0). */
static inline __attribute__ ((always_inline)) void
store_sums (float        *scores,
            const DmVec8 *acc,
            guint         fixed_vectors)
{
#pragma GCC unroll 16
  for (guint v = 0; v < fixed_vectors; v++)
    ((DmVec8 *) scores)[v] = acc[v];
}

static inline __attribute__ ((always_inline)) void
load_sums (DmVec8      *acc,
           const float *scores,
           guint        fixed_vectors)
{
#pragma GCC unroll 16
  for (guint v = 0; v < fixed_vectors; v++)
    acc[v] = ((const DmVec8 *) scores)[v];
}
#endif

static inline __attribute__ ((always_inline)) void
score_features (const DmPerceptron *self,
                const DmFeatures   *feats,
                float              *scores,
                gboolean            vectors,
                guint               fixed_vectors)
{
  const DmPerceptronSlot *slots = self->slots;
  const DmPerceptronEntry *entries = self->entries;
  const float *rows = self->rows;
  guint n_classes = self->classes->len;
  /* locals: a store into @scores may alias anything, so fields would be read again */
  guint row_len = self->row_len;
  guint n_vectors = fixed_vectors != 0 ? fixed_vectors : row_len / 8;
#ifdef HAVE_VECTORS
  /* With a fixed row length the sums stay in registers from one row to the next instead of
   * being stored into @scores and loaded again for each: @scores may alias a row, so the
   * compiler could not keep them there itself. A run of entries adds to @scores in between,
   * so the sums go back there first: every class still gets its additions in feature order. */
  DmVec8 acc[DM_PERCEPTRON_MAX_FIXED_VECTORS];

  load_sums (acc, scores, fixed_vectors);
#endif

  for (guint base = 0; base < feats->len; base += SCORE_BATCH)
    {
      guint n = MIN (SCORE_BATCH, feats->len - base);
      const DmPerceptronSlot *found[SCORE_BATCH];
      guint n_found = 0;

      for (guint f = 0; f < n; f++)
        __builtin_prefetch (&slots[dm_perceptron_home (feats->hashes[base + f], self->n_homes)]);
      for (guint f = 0; f < n; f++)
        {
          guint64 key = feats->hashes[base + f];

          /* The table ends with an empty slot (checked on load): every probe stops. */
          for (const DmPerceptronSlot *s = &slots[dm_perceptron_home (key, self->n_homes)];
               s->key != 0; s++)
            if (s->key == key)
              {
                found[n_found++] = s;
                if (s->count == 0)
                  {
                    const char *row = (const char *) (rows + (gsize) s->first * row_len);

                    /* a known row length: the prefetches unrolled, no loop to count */
                    if (fixed_vectors != 0)
                      {
#pragma GCC unroll 16
                        for (guint b = 0; b < fixed_vectors * 8 * sizeof (float); b += 64)
                          __builtin_prefetch (row + b);
                      }
                    else
                      for (gsize b = 0; b < row_len * sizeof (float); b += 64)
                        __builtin_prefetch (row + b);
                  }
                else
                  __builtin_prefetch (entries + s->first);
                break;
              }
        }
      for (guint f = 0; f < n_found; f++)
        {
          const float *row;

          if (found[f]->count > 0)
            {
              const DmPerceptronEntry *e = entries + found[f]->first;

#ifdef HAVE_VECTORS
              store_sums (scores, acc, fixed_vectors);
#endif
              for (guint32 k = 0; k < found[f]->count; k++)
                scores[e[k].klass] += e[k].weight;
#ifdef HAVE_VECTORS
              load_sums (acc, scores, fixed_vectors);
#endif
              continue;
            }
          /* count 0 only in a format-3 table, which has rows (checked on load) */
          row = rows + (gsize) found[f]->first * row_len;
#ifdef HAVE_VECTORS
          if (fixed_vectors != 0)
            {
#pragma GCC unroll 16
              for (guint v = 0; v < fixed_vectors; v++)
                acc[v] += ((const DmVec8 *) row)[v];
            }
          else if (vectors)
            {
#pragma GCC unroll 16
              for (guint v = 0; v < n_vectors; v++)
                ((DmVec8 *) scores)[v] += ((const DmVec8 *) row)[v];
            }
          else
#endif
            for (guint c = 0; c < n_classes; c++)
              scores[c] += row[c];
        }
    }
#ifdef HAVE_VECTORS
  store_sums (scores, acc, fixed_vectors);
#endif
}

gboolean
dm_perceptron_has_feature (const DmPerceptron *self,
                           guint64             key)
{
  for (const DmPerceptronSlot *s = &self->slots[dm_perceptron_home (key, self->n_homes)];
       s->key != 0; s++)
    if (s->key == key)
      return TRUE;
  return FALSE;
}

void
dm_perceptron_score (const DmPerceptron *self,
                     const DmFeatures   *feats,
                     float              *scores)
{
  score_features (self, feats, scores, FALSE, 0);
}

#ifdef HAVE_VECTORS
static void
score_vectors (const DmPerceptron *self,
               const DmFeatures   *feats,
               float              *scores)
{
  score_features (self, feats, scores, TRUE, 0);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/* The same with eight lanes a vector where the build's baseline has four: one addition a
 * vector instead of two, on processors that have AVX2 (every x86-64 one of the last ten
 * years). The sums are the same: a lane adds as a scalar addition does. */
__attribute__ ((target ("avx2"))) static void
score_vectors_avx2 (const DmPerceptron *self,
                    const DmFeatures   *feats,
                    float              *scores)
{
  score_features (self, feats, scores, TRUE, 0);
}

/* The same for rows of 13 vectors (97 to 104 classes: the tagger's and the parser's), the
 * row's additions unrolled: most features the parser finds are frequent ones with a row, so
 * the loop's own counting and the re-reading of its bound cost as much as the additions. */
__attribute__ ((target ("avx2"))) static void
score_vectors_avx2_13 (const DmPerceptron *self,
                       const DmFeatures   *feats,
                       float              *scores)
{
  score_features (self, feats, scores, TRUE, 13);
}
#endif
#endif

#if defined(HAVE_VECTORS) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/* dm_perceptron_best_class () eight classes at a time: the largest allowed score first, then
 * the first allowed class that has it, which is the class the scalar loop keeps (it moves on
 * only to a strictly greater score; -0 and 0 compare equal both ways). A parser transition
 * weighs some hundred classes, and the scalar loop's branches cost as much as a tenth of the
 * scoring. Scores are sums of finite weights: never NaN, which the two loops would order
 * differently. No class allowed: the scalar loop's answer. */
__attribute__ ((target ("avx2"))) static guint
best_class_avx2 (const float    *scores,
                 guint           n_classes,
                 const gboolean *allowed)
{
  __m256 best8 = _mm256_set1_ps (-INFINITY);
  __m256 none = best8;
  float lanes[8];
  float best = -INFINITY;
  guint i;

  for (i = 0; i + 8 <= n_classes; i += 8)
    {
      __m256 v = _mm256_loadu_ps (scores + i);

      if (allowed != NULL)
        {
          __m256i a = _mm256_loadu_si256 ((const __m256i *) (allowed + i));
          __m256 off = _mm256_castsi256_ps (_mm256_cmpeq_epi32 (a, _mm256_setzero_si256 ()));

          v = _mm256_blendv_ps (v, none, off);
        }
      best8 = _mm256_max_ps (best8, v);
    }
  _mm256_storeu_ps (lanes, best8);
  for (guint k = 0; k < 8; k++)
    best = MAX (best, lanes[k]);
  for (; i < n_classes; i++)
    if ((allowed == NULL || allowed[i]) && scores[i] > best)
      best = scores[i];
  for (i = 0; i + 8 <= n_classes; i += 8)
    {
      __m256 eq = _mm256_cmp_ps (_mm256_loadu_ps (scores + i), _mm256_set1_ps (best), _CMP_EQ_OQ);
      int hits;

      if (allowed != NULL)
        {
          __m256i a = _mm256_loadu_si256 ((const __m256i *) (allowed + i));

          eq = _mm256_andnot_ps (_mm256_castsi256_ps (_mm256_cmpeq_epi32 (a, _mm256_setzero_si256 ())), eq);
        }
      hits = _mm256_movemask_ps (eq);
      if (hits != 0)
        return i + (guint) __builtin_ctz ((unsigned) hits);
    }
  for (; i < n_classes; i++)
    if ((allowed == NULL || allowed[i]) && scores[i] == best)
      return i;
  return dm_perceptron_best_class (scores, n_classes, allowed);
}
#endif

guint
dm_perceptron_predict (const DmPerceptron *self,
                       const DmFeatures   *feats,
                       const gboolean     *allowed)
{
  guint n = self->classes->len;
  guint len = MAX (n, self->row_len);
  float *scores = g_newa (float, len);

  memset (scores, 0, len * sizeof (float));
#ifdef HAVE_VECTORS
  if (self->rows != NULL)
    {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
      if (__builtin_cpu_supports ("avx2") && self->row_len == 13 * 8)
        score_vectors_avx2_13 (self, feats, scores);
      else if (__builtin_cpu_supports ("avx2"))
        score_vectors_avx2 (self, feats, scores);
      else
#endif
        score_vectors (self, feats, scores);
    }
  else
#endif
    dm_perceptron_score (self, feats, scores);
#if defined(HAVE_VECTORS) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (__builtin_cpu_supports ("avx2"))
    return best_class_avx2 (scores, n, allowed);
#endif
  return dm_perceptron_best_class (scores, n, allowed);
}
