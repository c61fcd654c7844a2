/* dm-word-index.c — the lexicon's string → value tables
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open addressing with linear probing over a power-of-two array at most half full, so that
 * a probe is short and always meets an empty slot. A slot is a key and a value, no more: the
 * tables hold ~20,000 keys made at every start, and each page of them is a page fault. Most
 * slots of other words are passed on their first letter, without a call to strcmp ().
 */

#include "config.h"

#include <string.h>

#include "dm-word-index.h"

typedef struct {
  const char *key;     /* NULL: empty */
  gpointer    value;
} Slot;

struct _DmWordIndex {
  Slot  *slots;
  guint  mask;
  guint  n;
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

static guint
size_for (guint n)
{
  guint size = 16;

  while (size < 2 * n + 2)
    size *= 2;
  return size;
}

DmWordIndex *
dm_word_index_new (guint expected)
{
  DmWordIndex *self = g_new0 (DmWordIndex, 1);
  guint size = size_for (expected);

  self->slots = g_new0 (Slot, size);
  self->mask = size - 1;
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
dm_word_index_size (const DmWordIndex *self)
{
  return self->n;
}

/* The slot of @word (hash @h), or the empty slot where it would go. */
static inline Slot *
find (const DmWordIndex *self,
      const char        *word,
      guint32            h)
{
  guint i;

  for (i = h & self->mask; self->slots[i].key != NULL; i = (i + 1) & self->mask)
    if (self->slots[i].key[0] == word[0] && strcmp (self->slots[i].key, word) == 0)
      break;
  return &self->slots[i];
}

gpointer
dm_word_index_get (const DmWordIndex *self,
                   const char        *word)
{
  return find (self, word, hash_word (word))->value;
}

guint
dm_word_index_lookup (const DmWordIndex *self,
                      const char        *word)
{
  return GPOINTER_TO_UINT (dm_word_index_get (self, word));
}

/* Twice the slots, the keys moved to theirs. */
static void
grow (DmWordIndex *self)
{
  Slot *old = self->slots;
  guint old_size = self->mask + 1;

  self->slots = g_new0 (Slot, 2 * old_size);
  self->mask = 2 * old_size - 1;
  for (guint j = 0; j < old_size; j++)
    if (old[j].key != NULL)
      {
        guint i = hash_word (old[j].key) & self->mask;

        while (self->slots[i].key != NULL)
          i = (i + 1) & self->mask;
        self->slots[i] = old[j];
      }
  g_free (old);
}

gpointer *
dm_word_index_insert (DmWordIndex  *self,
                      const char   *word,
                      GStringChunk *copy_into,
                      gboolean     *added)
{
  guint32 h = hash_word (word);
  Slot *slot = find (self, word, h);

  *added = slot->key == NULL;
  if (*added)
    {
      if (2 * (self->n + 1) + 2 > self->mask + 1)
        {
          grow (self);
          slot = find (self, word, h);
        }
      slot->key = copy_into != NULL ? g_string_chunk_insert (copy_into, word) : word;
      self->n++;
    }
  return &slot->value;
}
