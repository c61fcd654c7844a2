/* test-word-index.c — the lexicon's frozen string → number tables
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-word-index.h"

/* Every key of the table is found with its value, words that are not keys are not (nor a
 * key's prefix or extension), however full the table and however the probes run. */
static void
test_answers_as_the_table (void)
{
  for (guint n = 0; n <= 600; n += 150)
    {
      g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      DmWordIndex *index;

      for (guint i = 0; i < n; i++)
        g_hash_table_insert (table, g_strdup_printf ("w%u", i), GUINT_TO_POINTER (i + 1));
      index = dm_word_index_new (table);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("w%u", i);
          g_autofree char *longer = g_strdup_printf ("w%ux", i);

          g_assert_cmpuint (dm_word_index_lookup (index, key), ==, i + 1);
          g_assert_cmpuint (dm_word_index_lookup (index, longer), ==, 0);
        }
      g_assert_cmpuint (dm_word_index_lookup (index, "w"), ==, 0);
      g_assert_cmpuint (dm_word_index_lookup (index, ""), ==, 0);
      g_assert_cmpuint (dm_word_index_lookup (index, "prime minister"), ==, 0);
      dm_word_index_free (index);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/word-index/answers-as-the-table", test_answers_as_the_table);
  return g_test_run ();
}
