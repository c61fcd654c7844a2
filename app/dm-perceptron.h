/* dm-perceptron.h — averaged perceptron over hashed sparse features, and its model files
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The linear model under the tagger, the parser and the entity recognizer. A feature is a
 * 64-bit hash of a template number and one to three strings; a model maps each feature to
 * the weights of the few classes it has evidence for. Training keeps the running sums that
 * averaging needs; a saved model keeps only the averaged weights (as floats), its class
 * names and an opaque "extra" section its owner uses (the tagger's dictionary of
 * unambiguous words, for instance). Model files are checked on load: a truncated, corrupt or
 * foreign file is a GError, never a crash. A model in the current format is used in place:
 * its GBytes stay referenced, nothing is copied.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DM_MODEL_ERROR (dm_model_error_quark ())

typedef enum {
  DM_MODEL_ERROR_FOREIGN,    /* not a Dramatis model, or a model of another kind */
  DM_MODEL_ERROR_VERSION,    /* a model format this build does not read */
  DM_MODEL_ERROR_CORRUPT,    /* truncated or inconsistent */
} DmModelError;

GQuark dm_model_error_quark (void);

/* ---- features ---- */

typedef struct {
  guint64     *hashes;
  guint        len;
  guint        cap;
  /* set by dm_features_prefetch_for (): each feature's slot in that model's table is
   * fetched into the cache as soon as the feature is hashed */
  const void  *prefetch_slots;
  guint64      prefetch_homes;
} DmFeatures;

void     dm_features_init   (DmFeatures *feats);
void     dm_features_clear  (DmFeatures *feats);
static inline void
dm_features_reset (DmFeatures *feats)
{
  feats->len = 0;
}


/* The same features a string at a time, for a caller that reuses the state after the first
 * strings: dm_features_add2 (feats, t, a, b) adds what
 * dm_features_add_hash (feats, dm_features_extend (dm_features_extend (dm_features_start (t), a), b))
 * adds. A 64-bit FNV-1a, each string followed by a separator byte. */
#define DM_FEATURE_FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define DM_FEATURE_FNV_PRIME  G_GUINT64_CONSTANT (0x100000001b3)

/* FNV of the template number's four bytes. Templates are small numbers: on a little-endian
 * processor the three bytes after the first are zeros, and each zero byte is one
 * multiplication by the prime, so the four steps are one multiplication by the prime's
 * fourth power (modulo 2^64, as FNV computes). Same value as the byte loop. */
static inline guint64
dm_features_start (guint template_id)
{
  const guchar *p = (const guchar *) &template_id;
  guint64 h = DM_FEATURE_FNV_OFFSET;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (template_id < 256)
    return (h ^ template_id) * (DM_FEATURE_FNV_PRIME * DM_FEATURE_FNV_PRIME *
                                DM_FEATURE_FNV_PRIME * DM_FEATURE_FNV_PRIME);
#endif
  for (gsize i = 0; i < sizeof template_id; i++)
    h = (h ^ p[i]) * DM_FEATURE_FNV_PRIME;
  return h;
}
static inline guint64
dm_features_extend (guint64     h,
                    const char *s)
{
  if (s != NULL)
    for (; *s; s++)
      h = (h ^ (guchar) *s) * DM_FEATURE_FNV_PRIME;
  return (h ^ 0xff) * DM_FEATURE_FNV_PRIME;   /* separator: ("ab","c") differs from ("a","bc") */
}
/* Room for more features (dm_features_add_hash () calls it when the array is full). */
void     dm_features_grow     (DmFeatures *feats);

/* The size of a model's table slot, for the prefetch below (checked in dm-perceptron.c). */
#define DM_PERCEPTRON_SLOT_SIZE 16

/* splitmix64's finaliser: FNV's low bits are weak, and the table indexes by them. */
static inline guint64
dm_features_mix (guint64 h)
{
  h ^= h >> 30; h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h ^= h >> 27; h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  h ^= h >> 31;
  return h != 0 ? h : 1;           /* 0 marks an empty slot */
}

/* Inline, like the adders below: the tagger, the parser and the recognizer add some
 * seventy features a word or a transition, and a call each cost as much as the hashing;
 * inlined, a template's own hash state is also a constant. */
static inline void
dm_features_add_hash (DmFeatures *feats,
                      guint64     h)
{
  if (G_UNLIKELY (feats->len == feats->cap))
    dm_features_grow (feats);
  h = dm_features_mix (h);
  feats->hashes[feats->len++] = h;
  /* the slot's index as dm_perceptron_home () computes it */
  if (feats->prefetch_slots != NULL)
    __builtin_prefetch ((const guint8 *) feats->prefetch_slots + DM_PERCEPTRON_SLOT_SIZE *
                        (gsize) (((unsigned __int128) h * feats->prefetch_homes) >> 64));
}

/* Adds the feature (template, a[, b[, c]]); NULL strings hash as empty. */
static inline void
dm_features_add (DmFeatures *feats,
                 guint       template_id,
                 const char *a)
{
  dm_features_add_hash (feats, dm_features_extend (dm_features_start (template_id), a));
}

static inline void
dm_features_add2 (DmFeatures *feats,
                  guint       template_id,
                  const char *a,
                  const char *b)
{
  dm_features_add_hash (feats, dm_features_extend (dm_features_extend (dm_features_start (template_id), a), b));
}

static inline void
dm_features_add3 (DmFeatures *feats,
                  guint       template_id,
                  const char *a,
                  const char *b,
                  const char *c)
{
  dm_features_add_hash (feats, dm_features_extend (dm_features_extend (dm_features_extend (dm_features_start (template_id), a), b), c));
}

/* ---- keys from per-string hashes (the parser's features) ----
 *
 * The same kind of feature, (template, a[, b[, c]]), keyed from each string's own hash
 * instead of the string's bytes: the caller hashes a word, a tag or a label once
 * (dm_features_string_hash (), once per word of a sentence) and each feature that combines
 * them then costs a multiplication and a shift per string, where dm_features_add* walks
 * every byte of every string again for every feature. The keys differ from those of
 * dm_features_add*: a model is trained with one scheme and read with the same one (the
 * parser's model says which, dm-parser.c). */
static inline guint64
dm_features_string_hash (const char *s)
{
  guint64 h = DM_FEATURE_FNV_OFFSET;

  if (s != NULL)
    for (; *s; s++)
      h = (h ^ (guchar) *s) * DM_FEATURE_FNV_PRIME;
  return dm_features_mix (h);      /* every bit of the hash depends on every byte */
}

/* Odd multipliers from splitmix64 and xxHash: each step is a bijection of the state for a
 * given string and of the string's hash for a given state, and the shift brings the high
 * bits the multiplication filled back down, so the order of the strings counts. */
static inline guint64
dm_features_key_start (guint template_id)
{
  return ((guint64) template_id + G_GUINT64_CONSTANT (0x243f6a8885a308d3)) *
         G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f);
}

static inline guint64
dm_features_key_extend (guint64 h,
                        guint64 string_hash)
{
  h = (h ^ string_hash) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return h ^ (h >> 32);
}

/* Adds the feature (template, a[, b[, c]]) of the strings with hashes a, b, c. */
static inline void
dm_features_add_key (DmFeatures *feats,
                     guint       template_id,
                     guint64     a)
{
  dm_features_add_hash (feats, dm_features_key_extend (dm_features_key_start (template_id), a));
}

static inline void
dm_features_add_key2 (DmFeatures *feats,
                      guint       template_id,
                      guint64     a,
                      guint64     b)
{
  dm_features_add_hash (feats, dm_features_key_extend (dm_features_key_extend (dm_features_key_start (template_id), a), b));
}

static inline void
dm_features_add_key3 (DmFeatures *feats,
                      guint       template_id,
                      guint64     a,
                      guint64     b,
                      guint64     c)
{
  dm_features_add_hash (feats, dm_features_key_extend (dm_features_key_extend (dm_features_key_extend (dm_features_key_start (template_id), a), b), c));
}

/* ---- a trained model (read-only, shareable between threads) ---- */

typedef struct _DmPerceptron DmPerceptron;

/* From now on, fetch the table slot of each feature added to @feats from @model into the
 * cache while the next features are hashed, so that scoring finds them there: the misses
 * of a large model overlap the hashing instead of stalling the lookups. */
void          dm_features_prefetch_for  (DmFeatures         *feats,
                                         const DmPerceptron *model);

DmPerceptron *dm_perceptron_load        (GBytes             *bytes,
                                         const char         *kind,
                                         GError            **error);
/* A model compiled into this program (the engine's GResources), which the test suite checks
 * in full (tests/test-models.c): the header, the kind and the table's dimensions are checked
 * as by dm_perceptron_load (), but not the checksum nor every slot and weight, so that a
 * start does not read all 28 MB of the shipped models. Never for bytes from a file. */
DmPerceptron *dm_perceptron_load_built_in (GBytes             *bytes,
                                           const char         *kind,
                                           GError            **error);
void          dm_perceptron_free        (DmPerceptron       *self);
/* A model file of any kind, in any format this build reads, checked and written again in
 * the format and layout this build writes (dramatis-train convert): same features and
 * weights, so the same predictions. */
GBytes       *dm_perceptron_convert     (GBytes             *bytes,
                                         GError            **error);
guint         dm_perceptron_n_classes   (const DmPerceptron *self);
const char   *dm_perceptron_class_name  (const DmPerceptron *self,
                                         guint               klass);
/* The class named @name, or -1. */
int           dm_perceptron_class_index (const DmPerceptron *self,
                                         const char         *name);
/* The owner's extra section (may be empty); valid as long as the model. */
GBytes       *dm_perceptron_get_extra   (const DmPerceptron *self);
guint         dm_perceptron_n_features  (const DmPerceptron *self);
/* The model as a file again, without the weights smaller than @min_weight: prunes a trained
 * model without training it again. */
GBytes       *dm_perceptron_save        (const DmPerceptron *self,
                                         float               min_weight);

/* Whether the model has weights for the feature @key (a hash of dm_features_add*). */
gboolean      dm_perceptron_has_feature (const DmPerceptron *self,
                                         guint64             key);
/* Adds the weights of @feats to @scores (n_classes floats, which the caller zeroes). */
void          dm_perceptron_score       (const DmPerceptron *self,
                                         const DmFeatures   *feats,
                                         float              *scores);
/* The best class among those with @allowed[i] TRUE (all when @allowed is NULL). */
guint         dm_perceptron_predict     (const DmPerceptron *self,
                                         const DmFeatures   *feats,
                                         const gboolean     *allowed);

/* ---- training ---- */

typedef struct _DmPerceptronTrainer DmPerceptronTrainer;

DmPerceptronTrainer *dm_perceptron_trainer_new     (const char * const *class_names);
void                 dm_perceptron_trainer_free    (DmPerceptronTrainer *self);
guint                dm_perceptron_trainer_n_classes (const DmPerceptronTrainer *self);
void                 dm_perceptron_trainer_score   (const DmPerceptronTrainer *self,
                                                    const DmFeatures          *feats,
                                                    float                     *scores);
guint                dm_perceptron_trainer_predict (const DmPerceptronTrainer *self,
                                                    const DmFeatures          *feats,
                                                    const gboolean            *allowed);
/* One training instance: moves weights towards @truth and away from @guess when they
 * differ. Call it for every instance, right or wrong: averaging counts instances. */
void                 dm_perceptron_trainer_update  (DmPerceptronTrainer *self,
                                                    const DmFeatures    *feats,
                                                    guint                truth,
                                                    guint                guess);
/* The averaged model as a file: @kind names what it is ("tagger", "parser", "ner");
 * averaged weights with |w| < @min_weight are dropped to keep the file small. */
GBytes              *dm_perceptron_trainer_save    (DmPerceptronTrainer *self,
                                                    const char          *kind,
                                                    GBytes              *extra,
                                                    float                min_weight);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmPerceptron, dm_perceptron_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmPerceptronTrainer, dm_perceptron_trainer_free)

G_END_DECLS
