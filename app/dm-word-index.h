/* dm-word-index.h — the lexicon's string → value tables
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recognizer asks what part of a name each word can be (dm_lexicon_name_part ()) some
 * ten times a word, and every `dramatis-cli extract` fills these tables with ~20,000 keys
 * before it reads a word. A GHashTable answers through two function calls (g_str_hash,
 * g_str_equal) and grows by rehashing; this table is sized once from the expected count,
 * hashes inline, and adds a key with the probe that found it missing.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DmWordIndex DmWordIndex;

/* An empty table with room for about @expected keys before it first grows. */
DmWordIndex *dm_word_index_new     (guint              expected);
void         dm_word_index_free    (DmWordIndex       *self);
guint        dm_word_index_size    (const DmWordIndex *self);
/* The value of @word, or NULL. */
gpointer     dm_word_index_get     (const DmWordIndex *self,
                                    const char        *word);
/* The value of @word as a number (values stored with GUINT_TO_POINTER), or 0. */
guint        dm_word_index_lookup  (const DmWordIndex *self,
                                    const char        *word);
/* Where the value of @word is kept. When @word was no key it becomes one, with the value
 * NULL, and *@added is set: a copy of it in @copy_into, or when that is NULL @word itself,
 * which must then outlive the table. The place is valid until the next addition. */
gpointer    *dm_word_index_insert  (DmWordIndex       *self,
                                    const char        *word,
                                    GStringChunk      *copy_into,
                                    gboolean          *added);

G_END_DECLS
