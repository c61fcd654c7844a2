/* dm-perceptron-train.c — training an averaged perceptron, and saving the averaged model
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weights and their running sums per feature, in an open-addressing table keyed by the
 * feature hash; averaging is lazy (each weight remembers when it last changed).
 */

#define G_LOG_DOMAIN "dm-perceptron"

#include "config.h"

#include <string.h>

#include "dm-perceptron-private.h"

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
  return dm_perceptron_best_class (scores, n, allowed);
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

GBytes *
dm_perceptron_trainer_save (DmPerceptronTrainer *self,
                            const char          *kind,
                            GBytes              *extra,
                            float                min_weight)
{
  DmModelWriter *writer;
  double instances = MAX (1, self->instances);

  g_return_val_if_fail (kind != NULL, NULL);

  writer = dm_model_writer_new (kind, self->classes, extra);
  for (guint64 i = 0; i <= self->mask; i++)
    {
      Row *row = &self->rows[i];

      if (row->key == 0)
        continue;
      dm_model_writer_begin_feature (writer, row->key);
      for (guint k = 0; k < row->n; k++)
        {
          TrainEntry *e = &row->e[k];
          double total = e->total + (double) (self->instances - e->stamp) * e->weight;
          float avg = total / instances;

          if (ABS (avg) < min_weight || avg == 0.0f)
            continue;
          dm_model_writer_add_entry (writer, e->klass, avg);
        }
      dm_model_writer_end_feature (writer);
    }
  /* Rows have distinct keys, so writing cannot fail. */
  return dm_model_writer_finish (writer, NULL);
}
