/* dm-word-index.c — a frozen string → number table for the lexicon's hottest lookups
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open addressing with linear probing over a power-of-two array at most half full, so that
 * a probe is short and always meets an empty slot. Each slot keeps its key's hash, so that
 * most slots of other words are passed without comparing strings.
 */

#include "config.h"

#include <string.h>

#include "dm-word-index.h"

typedef struct {
  const char *key;     /* NULL: empty */
  guint32     hash;
  guint32     value;
} Slot;

struct _DmWordIndex {
  Slot  *slots;
  guint  mask;
};

/* FNV-1a, 32 bits */
static inline guint32
hash_word (const char *word)
{
  guint32 h = 2166136261u;

  for (const guchar *p = (const guchar *) word; *p; p++)
    h = (h ^ *p) * 16777619u;
  return h;
}

DmWordIndex *
dm_word_index_new (GHashTable *table)
{
  DmWordIndex *self = g_new0 (DmWordIndex, 1);
  guint size = 2;
  GHashTableIter iter;
  gpointer key, value;

  while (size < 2 * g_hash_table_size (table) + 2)
    size *= 2;
  self->slots = g_new0 (Slot, size);
  self->mask = size - 1;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 h = hash_word (key);
      guint i = h & self->mask;

      while (self->slots[i].key != NULL)
        i = (i + 1) & self->mask;
      self->slots[i] = (Slot) { key, h, GPOINTER_TO_UINT (value) };
    }
  return self;
}

void
dm_word_index_free (DmWordIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->slots);
  g_free (self);
}

guint
dm_word_index_lookup (const DmWordIndex *self,
                      const char        *word)
{
  guint32 h = hash_word (word);

  for (guint i = h & self->mask; self->slots[i].key != NULL; i = (i + 1) & self->mask)
    if (self->slots[i].hash == h && strcmp (self->slots[i].key, word) == 0)
      return self->slots[i].value;
  return 0;
}
