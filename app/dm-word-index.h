/* dm-word-index.h — a frozen string → number table for the lexicon's hottest lookups
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The recognizer asks what part of a name each word can be (dm_lexicon_name_part ()) some
 * ten times a word. A GHashTable answers through two function calls (g_str_hash,
 * g_str_equal) and a division-free but generic probe; this table is built once from one,
 * after loading, and answers with an inline hash and one string comparison. The keys stay
 * the GHashTable's: the index only points at them.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DmWordIndex DmWordIndex;

/* An index of @table (char* → GUINT value, nonzero); @table must outlive it unchanged. */
DmWordIndex *dm_word_index_new    (GHashTable        *table);
void         dm_word_index_free   (DmWordIndex       *self);
/* The value of @word, or 0. */
guint        dm_word_index_lookup (const DmWordIndex *self,
                                   const char        *word);

G_END_DECLS
