/* dm-perceptron.c — averaged perceptron over hashed sparse features, and its model files
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Model file (all integers little-endian):
 *   "DMMODEL\0"  u32 version (1)
 *   u32 n + kind bytes
 *   u32 n_classes, then per class: u32 n + name bytes
 *   u32 n + extra bytes
 *   u32 n_features, then per feature: u64 hash, u16 n_entries, n_entries × (u16 class, f32 weight)
 *   u64 FNV-1a of every byte before it
 * Features are looked up in an open-addressing table built on load; the weights stay in
 * one packed array, so scoring a feature touches one slot and one run of entries.
 */

#define G_LOG_DOMAIN "dm-perceptron"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "dm-perceptron.h"

#define MODEL_MAGIC   "DMMODEL"   /* 8 bytes with its NUL */
#define MODEL_VERSION 1u
#define FNV_OFFSET    G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME     G_GUINT64_CONSTANT (0x100000001b3)

G_DEFINE_QUARK (dm-model-error-quark, dm_model_error)

/* ---- features ---- */

static inline guint64
fnv_bytes (guint64     h,
           const void *data,
           gsize       len)
{
  const guchar *p = data;

  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * FNV_PRIME;
  return h;
}

static inline guint64
fnv_string (guint64     h,
            const char *s)
{
  if (s != NULL)
    for (; *s; s++)
      h = (h ^ (guchar) *s) * FNV_PRIME;
  return (h ^ 0xff) * FNV_PRIME;   /* separator: ("ab","c") differs from ("a","bc") */
}

/* splitmix64's finaliser: FNV's low bits are weak, and the table indexes by them. */
static inline guint64
mix (guint64 h)
{
  h ^= h >> 30; h *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h ^= h >> 27; h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  h ^= h >> 31;
  return h != 0 ? h : 1;           /* 0 marks an empty slot */
}

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

static void
features_push (DmFeatures *feats,
               guint64     h)
{
  if (feats->len == feats->cap)
    {
      feats->cap = MAX (64, feats->cap * 2);
      feats->hashes = g_renew (guint64, feats->hashes, feats->cap);
    }
  feats->hashes[feats->len++] = mix (h);
}

void
dm_features_add (DmFeatures *feats,
                 guint       template_id,
                 const char *a)
{
  guint64 h = fnv_bytes (FNV_OFFSET, &template_id, sizeof template_id);

  features_push (feats, fnv_string (h, a));
}

void
dm_features_add2 (DmFeatures *feats,
                  guint       template_id,
                  const char *a,
                  const char *b)
{
  guint64 h = fnv_bytes (FNV_OFFSET, &template_id, sizeof template_id);

  features_push (feats, fnv_string (fnv_string (h, a), b));
}

void
dm_features_add3 (DmFeatures *feats,
                  guint       template_id,
                  const char *a,
                  const char *b,
                  const char *c)
{
  guint64 h = fnv_bytes (FNV_OFFSET, &template_id, sizeof template_id);

  features_push (feats, fnv_string (fnv_string (fnv_string (h, a), b), c));
}

/* ---- argmax shared by the model and the trainer ---- */

static guint
best_class (const float    *scores,
            guint           n_classes,
            const gboolean *allowed)
{
  guint best = G_MAXUINT;

  for (guint i = 0; i < n_classes; i++)
    {
      if (allowed != NULL && !allowed[i])
        continue;
      /* Ties go to the lower class, so predictions are deterministic. */
      if (best == G_MAXUINT || scores[i] > scores[best])
        best = i;
    }
  return best == G_MAXUINT ? 0 : best;
}

/* ---- a trained model ---- */

typedef struct {
  guint16 klass;
  float   weight;
} Entry;

typedef struct {
  guint64 key;
  guint32 first;   /* into entries */
  guint32 count;
} Slot;

struct _DmPerceptron
{
  char     *kind;
  GPtrArray *classes;   /* char* */
  GBytes   *extra;
  Slot     *slots;
  guint64   mask;
  Entry    *entries;
  guint     n_features;
};

typedef struct {
  const guchar *p, *end;
} Reader;

static gboolean
read_bytes (Reader  *r,
            void    *out,
            gsize    len)
{
  if ((gsize) (r->end - r->p) < len)
    return FALSE;
  memcpy (out, r->p, len);
  r->p += len;
  return TRUE;
}

static gboolean
read_u32 (Reader  *r,
          guint32 *out)
{
  if (!read_bytes (r, out, 4))
    return FALSE;
  *out = GUINT32_FROM_LE (*out);
  return TRUE;
}

/* A length-prefixed string, at most @max bytes, without NULs. */
static char *
read_string (Reader *r,
             guint32 max)
{
  guint32 len;
  char *s;

  if (!read_u32 (r, &len) || len > max || (gsize) (r->end - r->p) < len)
    return NULL;
  if (memchr (r->p, '\0', len) != NULL)
    return NULL;
  s = g_strndup ((const char *) r->p, len);
  r->p += len;
  return s;
}

static gboolean
corrupt (GError    **error,
         const char *what)
{
  g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_CORRUPT,
               _("the model file is damaged or truncated (%s)"), what);
  return FALSE;
}

static gboolean
load_weights (DmPerceptron *self,
              Reader       *r,
              GError      **error)
{
  guint32 n_features;
  gsize n_entries = 0, cap;
  guint64 size = 16;

  if (!read_u32 (r, &n_features))
    return corrupt (error, "feature count");
  /* Each feature takes at least 10 bytes: reject a count the file cannot hold before
   * allocating for it. */
  if ((guint64) n_features * 10 > (guint64) (r->end - r->p))
    return corrupt (error, "feature count");

  while (size < (guint64) n_features * 2)
    size <<= 1;
  self->slots = g_new0 (Slot, size);
  self->mask = size - 1;
  /* Every entry takes 6 bytes of the file: one allocation holds them all. */
  cap = MAX (1, (gsize) (r->end - r->p) / 6);
  self->entries = g_new (Entry, cap);

  for (guint32 f = 0; f < n_features; f++)
    {
      guint64 key;
      guint16 count;
      guint64 i;

      if (!read_bytes (r, &key, 8) || !read_bytes (r, &count, 2))
        return corrupt (error, "feature");
      key = GUINT64_FROM_LE (key);
      count = GUINT16_FROM_LE (count);
      if (key == 0 || count == 0 || count > self->classes->len)
        return corrupt (error, "feature entry count");

      for (i = key & self->mask; self->slots[i].key != 0; i = (i + 1) & self->mask)
        if (self->slots[i].key == key)
          return corrupt (error, "feature listed twice");
      self->slots[i].key = key;
      self->slots[i].first = n_entries;
      self->slots[i].count = count;

      if (n_entries + count > cap)
        return corrupt (error, "weights");
      for (guint16 e = 0; e < count; e++)
        {
          guint16 klass;
          guint32 bits;

          if (!read_bytes (r, &klass, 2) || !read_u32 (r, &bits))
            return corrupt (error, "weights");
          klass = GUINT16_FROM_LE (klass);
          if (klass >= self->classes->len)
            return corrupt (error, "class out of range");
          self->entries[n_entries].klass = klass;
          memcpy (&self->entries[n_entries].weight, &bits, 4);
          n_entries++;
        }
    }
  self->n_features = n_features;
  self->entries = g_renew (Entry, self->entries, MAX (1, n_entries));
  return TRUE;
}

DmPerceptron *
dm_perceptron_load (GBytes      *bytes,
                    const char  *kind,
                    GError     **error)
{
  g_autoptr(DmPerceptron) self = NULL;
  char magic[8];
  guint32 version, n_classes;
  guint64 sum, stored;
  g_autofree char *extra = NULL;
  gsize size;
  Reader r;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  r.p = g_bytes_get_data (bytes, &size);
  r.end = r.p + size;

  if (!read_bytes (&r, magic, sizeof magic) || memcmp (magic, MODEL_MAGIC, sizeof magic) != 0)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                   _("not a Dramatis model file"));
      return NULL;
    }
  if (size < 8 + 4 + 8)
    return corrupt (error, "too short"), NULL;
  memcpy (&stored, r.end - 8, 8);
  stored = GUINT64_FROM_LE (stored);
  sum = fnv_bytes (FNV_OFFSET, r.p - 8, size - 8);
  if (sum != stored)
    return corrupt (error, "checksum mismatch"), NULL;
  r.end -= 8;

  if (!read_u32 (&r, &version))
    return corrupt (error, "version"), NULL;
  if (version != MODEL_VERSION)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_VERSION,
                   _("model format %u; this Dramatis reads format %u"), version, MODEL_VERSION);
      return NULL;
    }

  self = g_new0 (DmPerceptron, 1);
  self->classes = g_ptr_array_new_with_free_func (g_free);
  if ((self->kind = read_string (&r, 64)) == NULL)
    return corrupt (error, "kind"), NULL;
  if (strcmp (self->kind, kind) != 0)
    {
      g_set_error (error, DM_MODEL_ERROR, DM_MODEL_ERROR_FOREIGN,
                   _("a %s model where a %s model was expected"), self->kind, kind);
      return NULL;
    }
  if (!read_u32 (&r, &n_classes) || n_classes == 0 || n_classes > G_MAXUINT16)
    return corrupt (error, "class count"), NULL;
  for (guint32 i = 0; i < n_classes; i++)
    {
      char *name = read_string (&r, 256);

      if (name == NULL)
        return corrupt (error, "class name"), NULL;
      g_ptr_array_add (self->classes, name);
    }
  {
    guint32 len;

    if (!read_u32 (&r, &len) || (gsize) (r.end - r.p) < len)
      return corrupt (error, "extra section"), NULL;
    self->extra = g_bytes_new (r.p, len);
    r.p += len;
  }
  if (!load_weights (self, &r, error))
    return NULL;
  if (r.p != r.end)
    return corrupt (error, "trailing bytes"), NULL;

  return g_steal_pointer (&self);
}

void
dm_perceptron_free (DmPerceptron *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_clear_pointer (&self->extra, g_bytes_unref);
  g_free (self->slots);
  g_free (self->entries);
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
  return self->n_features;
}

/* Features are looked up in batches: the slots of a batch are prefetched first, then the
 * entries they point to, so the cache misses of a large model overlap instead of queueing
 * one after another. */
#define SCORE_BATCH 32

void
dm_perceptron_score (const DmPerceptron *self,
                     const DmFeatures   *feats,
                     float              *scores)
{
  for (guint base = 0; base < feats->len; base += SCORE_BATCH)
    {
      guint n = MIN (SCORE_BATCH, feats->len - base);
      const Slot *found[SCORE_BATCH];

      for (guint f = 0; f < n; f++)
        __builtin_prefetch (&self->slots[feats->hashes[base + f] & self->mask]);
      for (guint f = 0; f < n; f++)
        {
          guint64 key = feats->hashes[base + f];

          found[f] = NULL;
          for (guint64 i = key & self->mask; self->slots[i].key != 0; i = (i + 1) & self->mask)
            if (self->slots[i].key == key)
              {
                found[f] = &self->slots[i];
                __builtin_prefetch (self->entries + found[f]->first);
                break;
              }
        }
      for (guint f = 0; f < n; f++)
        if (found[f] != NULL)
          {
            const Entry *e = self->entries + found[f]->first;

            for (guint32 k = 0; k < found[f]->count; k++)
              scores[e[k].klass] += e[k].weight;
          }
    }
}

guint
dm_perceptron_predict (const DmPerceptron *self,
                       const DmFeatures   *feats,
                       const gboolean     *allowed)
{
  guint n = self->classes->len;
  float *scores = g_newa (float, n);

  memset (scores, 0, n * sizeof (float));
  dm_perceptron_score (self, feats, scores);
  return best_class (scores, n, allowed);
}

/* ---- training ---- */

typedef struct {
  guint16 klass;
  float   weight;
  double  total;     /* sum of the weight over all instances up to `stamp` */
  guint64 stamp;
} TrainEntry;

typedef struct {
  guint64     key;
  guint       n, cap;
  TrainEntry *e;
} Row;

struct _DmPerceptronTrainer
{
  GPtrArray *classes;
  Row       *rows;       /* open addressing by key */
  guint64    mask;
  guint64    n_rows;
  guint64    instances;
};

DmPerceptronTrainer *
dm_perceptron_trainer_new (const char * const *class_names)
{
  DmPerceptronTrainer *self;

  g_return_val_if_fail (class_names != NULL && class_names[0] != NULL, NULL);

  self = g_new0 (DmPerceptronTrainer, 1);
  self->classes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; class_names[i] != NULL; i++)
    g_ptr_array_add (self->classes, g_strdup (class_names[i]));
  g_return_val_if_fail (self->classes->len <= G_MAXUINT16, self);
  self->mask = (1 << 16) - 1;
  self->rows = g_new0 (Row, self->mask + 1);
  return self;
}

void
dm_perceptron_trainer_free (DmPerceptronTrainer *self)
{
  if (self == NULL)
    return;
  for (guint64 i = 0; i <= self->mask; i++)
    g_free (self->rows[i].e);
  g_free (self->rows);
  g_ptr_array_unref (self->classes);
  g_free (self);
}

guint
dm_perceptron_trainer_n_classes (const DmPerceptronTrainer *self)
{
  return self->classes->len;
}

static Row *
trainer_find (const DmPerceptronTrainer *self,
              guint64                    key)
{
  for (guint64 i = key & self->mask; self->rows[i].key != 0; i = (i + 1) & self->mask)
    if (self->rows[i].key == key)
      return &self->rows[i];
  return NULL;
}

static void
trainer_grow (DmPerceptronTrainer *self)
{
  Row *old = self->rows;
  guint64 old_size = self->mask + 1;

  self->mask = old_size * 2 - 1;
  self->rows = g_new0 (Row, self->mask + 1);
  for (guint64 j = 0; j < old_size; j++)
    if (old[j].key != 0)
      {
        guint64 i;

        for (i = old[j].key & self->mask; self->rows[i].key != 0; i = (i + 1) & self->mask)
          ;
        self->rows[i] = old[j];
      }
  g_free (old);
}

static Row *
trainer_row (DmPerceptronTrainer *self,
             guint64              key)
{
  Row *row = trainer_find (self, key);
  guint64 i;

  if (row != NULL)
    return row;
  if ((self->n_rows + 1) * 2 > self->mask + 1)
    trainer_grow (self);
  for (i = key & self->mask; self->rows[i].key != 0; i = (i + 1) & self->mask)
    ;
  self->rows[i].key = key;
  self->n_rows++;
  return &self->rows[i];
}

void
dm_perceptron_trainer_score (const DmPerceptronTrainer *self,
                             const DmFeatures          *feats,
                             float                     *scores)
{
  for (guint f = 0; f < feats->len; f++)
    {
      const Row *row = trainer_find (self, feats->hashes[f]);

      if (row != NULL)
        for (guint k = 0; k < row->n; k++)
          scores[row->e[k].klass] += row->e[k].weight;
    }
}

guint
dm_perceptron_trainer_predict (const DmPerceptronTrainer *self,
                               const DmFeatures          *feats,
                               const gboolean            *allowed)
{
  guint n = self->classes->len;
  float *scores = g_newa (float, n);

  memset (scores, 0, n * sizeof (float));
  dm_perceptron_trainer_score (self, feats, scores);
  return best_class (scores, n, allowed);
}

static void
nudge (DmPerceptronTrainer *self,
       Row                 *row,
       guint                klass,
       float                delta)
{
  TrainEntry *e = NULL;

  for (guint k = 0; k < row->n; k++)
    if (row->e[k].klass == klass)
      {
        e = &row->e[k];
        break;
      }
  if (e == NULL)
    {
      if (row->n == row->cap)
        {
          row->cap = MAX (2, row->cap * 2);
          row->e = g_renew (TrainEntry, row->e, row->cap);
        }
      e = &row->e[row->n++];
      memset (e, 0, sizeof *e);
      e->klass = klass;
      e->stamp = self->instances;
    }
  /* The lazy average: the weight held its value since the last change. */
  e->total += (double) (self->instances - e->stamp) * e->weight;
  e->stamp = self->instances;
  e->weight += delta;
}

void
dm_perceptron_trainer_update (DmPerceptronTrainer *self,
                              const DmFeatures    *feats,
                              guint                truth,
                              guint                guess)
{
  g_return_if_fail (truth < self->classes->len && guess < self->classes->len);

  self->instances++;
  if (truth == guess)
    return;
  for (guint f = 0; f < feats->len; f++)
    {
      Row *row = trainer_row (self, feats->hashes[f]);

      nudge (self, row, truth, 1.0f);
      nudge (self, row, guess, -1.0f);
    }
}

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_string (GByteArray *out,
            const char *s)
{
  put_u32 (out, strlen (s));
  g_byte_array_append (out, (const guint8 *) s, strlen (s));
}

/* The file up to its weights; returns where the feature count goes. */
static guint
put_header (GByteArray *out,
            const char *kind,
            GPtrArray  *classes,
            GBytes     *extra)
{
  gsize extra_len = 0;
  const guint8 *extra_data = extra != NULL ? g_bytes_get_data (extra, &extra_len) : NULL;
  guint n_at;

  g_byte_array_append (out, (const guint8 *) MODEL_MAGIC, 8);
  put_u32 (out, MODEL_VERSION);
  put_string (out, kind);
  put_u32 (out, classes->len);
  for (guint i = 0; i < classes->len; i++)
    put_string (out, g_ptr_array_index (classes, i));
  put_u32 (out, extra_len);
  if (extra_len > 0)
    g_byte_array_append (out, extra_data, extra_len);
  n_at = out->len;
  put_u32 (out, 0);   /* patched by finish_file () */
  return n_at;
}

/* Starts a feature: its key and a count patched by end_feature (). */
static guint
begin_feature (GByteArray *out,
               guint64     key)
{
  guint at = out->len;
  guint16 count = 0;

  key = GUINT64_TO_LE (key);
  g_byte_array_append (out, (const guint8 *) &key, 8);
  g_byte_array_append (out, (const guint8 *) &count, 2);
  return at;
}

static void
put_entry (GByteArray *out,
           guint16     klass,
           float       weight)
{
  guint32 bits;

  klass = GUINT16_TO_LE (klass);
  memcpy (&bits, &weight, 4);
  g_byte_array_append (out, (const guint8 *) &klass, 2);
  put_u32 (out, bits);
}

/* Patches the feature's entry count, or takes the feature back when it kept none. */
static gboolean
end_feature (GByteArray *out,
             guint       at,
             guint16     count)
{
  if (count == 0)
    {
      g_byte_array_set_size (out, at);
      return FALSE;
    }
  count = GUINT16_TO_LE (count);
  memcpy (out->data + at + 8, &count, 2);
  return TRUE;
}

static GBytes *
finish_file (GByteArray *out,
             guint       n_at,
             guint32     n_features)
{
  guint64 sum;

  n_features = GUINT32_TO_LE (n_features);
  memcpy (out->data + n_at, &n_features, 4);
  sum = GUINT64_TO_LE (fnv_bytes (FNV_OFFSET, out->data, out->len));
  g_byte_array_append (out, (const guint8 *) &sum, 8);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
dm_perceptron_trainer_save (DmPerceptronTrainer *self,
                            const char          *kind,
                            GBytes              *extra,
                            float                min_weight)
{
  GByteArray *out = g_byte_array_new ();
  double instances = MAX (1, self->instances);
  guint32 n_features = 0;
  guint n_at;

  g_return_val_if_fail (kind != NULL, NULL);

  n_at = put_header (out, kind, self->classes, extra);
  for (guint64 i = 0; i <= self->mask; i++)
    {
      Row *row = &self->rows[i];
      guint16 count = 0;
      guint at;

      if (row->key == 0)
        continue;
      at = begin_feature (out, row->key);
      for (guint k = 0; k < row->n; k++)
        {
          TrainEntry *e = &row->e[k];
          double total = e->total + (double) (self->instances - e->stamp) * e->weight;
          float avg = total / instances;

          if (ABS (avg) < min_weight || avg == 0.0f)
            continue;
          put_entry (out, e->klass, avg);
          count++;
        }
      n_features += end_feature (out, at, count);
    }
  return finish_file (out, n_at, n_features);
}

GBytes *
dm_perceptron_save (const DmPerceptron *self,
                    float               min_weight)
{
  GByteArray *out = g_byte_array_new ();
  guint32 n_features = 0;
  guint n_at = put_header (out, self->kind, self->classes, self->extra);

  for (guint64 i = 0; i <= self->mask; i++)
    {
      const Slot *slot = &self->slots[i];
      guint16 count = 0;
      guint at;

      if (slot->key == 0)
        continue;
      at = begin_feature (out, slot->key);
      for (guint32 k = 0; k < slot->count; k++)
        {
          const Entry *e = &self->entries[slot->first + k];

          if (ABS (e->weight) < min_weight)
            continue;
          put_entry (out, e->klass, e->weight);
          count++;
        }
      n_features += end_feature (out, at, count);
    }
  return finish_file (out, n_at, n_features);
}
