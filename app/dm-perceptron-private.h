/* dm-perceptron-private.h — the model file format shared by the loader, the writer and the
 * trainer
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-perceptron.h"

G_BEGIN_DECLS

#define DM_MODEL_MAGIC   "DMMODEL"   /* 8 bytes with its NUL */
#define DM_MODEL_VERSION 3u          /* the format written; formats 1 and 2 are still read */

/* A feature with weights for at least this many classes keeps them as a full row (format
 * 3): a row is added a vector at a time, a few instructions where its entries took one
 * scattered addition each. Below it, the entries take less memory. */
#define DM_DENSE_MIN 14u

/* The weights table as it lies in a format-2 or -3 file (little-endian, 8-byte aligned),
 * used in place: a feature's slot is found by linear probing from its home slot
 * (dm_perceptron_home ()); an empty slot (key 0) ends every probe. */
typedef struct {
  guint64 key;
  guint32 first;   /* into the entries; with count 0, the row (format 3) */
  guint32 count;   /* entries; 0: a full row of weights */
} DmPerceptronSlot;

typedef struct {
  guint16 klass;
  guint16 zero;
  float   weight;
} DmPerceptronEntry;

G_STATIC_ASSERT (sizeof (DmPerceptronSlot) == 16);
G_STATIC_ASSERT (sizeof (DmPerceptronEntry) == 8);

struct _DmPerceptron
{
  char                    *kind;
  GPtrArray               *classes;   /* char* */
  GBytes                  *extra;     /* a slice of file */
  GBytes                  *file;      /* what slots and entries point into */
  const DmPerceptronSlot  *slots;
  guint64                  n_homes;   /* slots a key can hash to; more follow for overflow */
  const DmPerceptronEntry *entries;
  guint                    n_features;   /* G_MAXUINT: not counted (a built-in model) */
  const float             *rows;      /* format 3: full rows of row_len weights, zero past
                                       * the classes; NULL without */
  guint                    row_len;   /* the classes rounded up to a multiple of 8 */
};

/* How many weights a full row holds for @n_classes classes: whole vectors of 8. */
static inline guint
dm_perceptron_row_len (guint n_classes)
{
  return (n_classes + 7) / 8 * 8;
}

/* Where a key's probe starts: its high bits scaled to the table (keys are mixed hashes). */
static inline guint64
dm_perceptron_home (guint64 key,
                    guint64 n_homes)
{
  return (guint64) (((unsigned __int128) key * n_homes) >> 64);
}

/* The best class among those with @allowed[i] TRUE (all when @allowed is NULL); ties go to
 * the lower class. */
guint          dm_perceptron_best_class      (const float    *scores,
                                              guint           n_classes,
                                              const gboolean *allowed);

/* ---- writing a model file ---- */

typedef struct _DmModelWriter DmModelWriter;

DmModelWriter *dm_model_writer_new           (const char   *kind,
                                              GPtrArray    *classes,
                                              GBytes       *extra);
void           dm_model_writer_begin_feature (DmModelWriter *self,
                                              guint64        key);
void           dm_model_writer_add_entry     (DmModelWriter *self,
                                              guint16        klass,
                                              float          weight);
/* A feature left without entries is dropped. */
void           dm_model_writer_end_feature   (DmModelWriter *self);
void           dm_model_writer_free          (DmModelWriter *self);
/* The file; frees @self. Fails (a DM_MODEL_ERROR_CORRUPT) only on a feature added twice. */
GBytes        *dm_model_writer_finish        (DmModelWriter *self,
                                              GError       **error);

/* dm_perceptron_save () with each key replaced by @new_key (key, @data) (never 0) and the
 * extra section by @extra: for a model whose features are to be keyed another way
 * (dramatis-train rekey-parser). Fails like dm_model_writer_finish () when two keys map to
 * one. */
GBytes        *dm_perceptron_save_rekeyed    (const DmPerceptron  *self,
                                              GBytes              *extra,
                                              float                min_weight,
                                              guint64            (*new_key) (guint64  key,
                                                                             gpointer data),
                                              gpointer             data,
                                              GError             **error);

/* A format-1 file (already recognised by its magic and version) as a format-2 file. */
GBytes        *dm_model_upgrade_v1           (GBytes        *bytes,
                                              GError       **error);

gboolean       dm_model_corrupt              (GError      **error,
                                              const char   *what);
/* The checksum that ends a format-2 file: of its first @n_words little-endian words. */
guint64        dm_model_word_checksum        (const guchar *p,
                                              gsize         n_words);

G_END_DECLS
