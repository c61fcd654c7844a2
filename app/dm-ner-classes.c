/* dm-ner-classes.c — the entity model's word classes, read in place from its extra section
 *
 * The section holds ~12,000 lines "word<TAB>class" and is read at every start of
 * `dramatis-cli extract`. A GHashTable of copied keys cost ~5 M instructions there; this
 * table keeps only the offset of each word in the (mapped, read-only) section, in one block
 * sized once from the line count.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dm-ner-private.h"

struct _DmNerClasses
{
  GBytes     *extra;
  const char *data;
  guint32    *slots;    /* 1 + offset of a word in data; 0 for an empty slot */
  guint       mask;     /* slots - 1, a power of two minus one */
  guint       n;        /* words */
};

/* The djb hash of g_str_hash(), of NUL-terminated @word. */
static guint
hash_word (const char *word)
{
  guint h = 5381;

  for (const guchar *p = (const guchar *) word; *p; p++)
    h = (h << 5) + h + *p;
  return h;
}

/* Whether the word at @entry (ended by a tab) is @word (@len bytes, or NUL-terminated for -1). */
static inline gboolean
word_is (const char *entry,
         const char *word,
         gssize      len)
{
  if (len >= 0)
    return memcmp (entry, word, len) == 0 && entry[len] == '\t';
  for (gssize i = 0;; i++)
    if (word[i] == '\0')
      return entry[i] == '\t';
    else if (entry[i] != word[i])
      return FALSE;
}

/* The slot that holds @word (of hash @h), or the empty slot where it would go. */
static inline guint32 *
find_slot (const DmNerClasses *self,
           guint               h,
           const char         *word,
           gssize              len)
{
  for (guint i = h & self->mask;; i = (i + 1) & self->mask)
    if (self->slots[i] == 0 || word_is (self->data + self->slots[i] - 1, word, len))
      return &self->slots[i];
}

DmNerClasses *
dm_ner_classes_new (GBytes *extra)
{
  DmNerClasses *self;
  gsize len;
  const char *data = g_bytes_get_data (extra, &len);
  const char *end = data + len;
  gsize head = strlen (DM_NER_FEATURE_SET);
  guint lines = 0;
  guint size = 16;

  if (data == NULL || len < head || memcmp (data, DM_NER_FEATURE_SET, head) != 0 ||
      (len > head && data[head] != '\n') || len >= G_MAXUINT32)
    return NULL;

  for (const char *p = data + head; (p = memchr (p, '\n', end - p)) != NULL; p++)
    lines++;
  while (size < 2 * lines)
    size *= 2;

  self = g_new0 (DmNerClasses, 1);
  self->extra = g_bytes_ref (extra);
  self->data = data;
  self->slots = g_new0 (guint32, size);
  self->mask = size - 1;

  /* ~12,000 lines "word<TAB>c", read at every start: the pass that makes sure a word
   * holds no tab hashes it */
  for (const char *p = data + head; p < end;)
    {
      const char *line = p + 1;
      const char *nl = memchr (line, '\n', end - line);
      const char *tab;
      guint h = 5381;

      if (nl == NULL)
        nl = end;
      p = nl;
      /* a line is a word, a tab and one class letter */
      tab = nl - 2;
      if (tab <= line || *tab != '\t')
        continue;
      for (const char *q = line; q < tab; q++)
        {
          if (*q == '\t')
            goto next;
          h = (h << 5) + h + (guchar) *q;
        }
      {
        /* a later line for the same word replaces the earlier one */
        guint32 *slot = find_slot (self, h, line, tab - line);

        self->n += *slot == 0;
        *slot = (guint32) (line - data) + 1;
      }
    next:
      ;
    }
  return self;
}

void
dm_ner_classes_free (DmNerClasses *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->extra);
  g_free (self->slots);
  g_free (self);
}

guint
dm_ner_classes_size (const DmNerClasses *self)
{
  return self->n;
}

char
dm_ner_classes_lookup (const DmNerClasses *self,
                       const char         *lower)
{
  guint32 slot = *find_slot (self, hash_word (lower), lower, -1);

  return slot != 0 ? self->data[slot - 1 + strlen (lower) + 1] : 0;
}
