/* test-word-index.c — the lexicon's string → value tables
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dm-word-index.h"

/* Every key added is found with its value, words that are not keys are not (nor a key's
 * prefix or extension), however full the table, however often it grew, and however the
 * probes run. */
static void
test_answers_what_was_added (void)
{
  for (guint n = 0; n <= 600; n += 150)
    {
      g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
      /* room for a few only: the table grows several times */
      DmWordIndex *index = dm_word_index_new (3);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("w%u", i);
          gboolean added;

          *dm_word_index_insert (index, key, strings, &added) = GUINT_TO_POINTER (i + 1);
          g_assert_true (added);
        }
      g_assert_cmpuint (dm_word_index_size (index), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("w%u", i);
          g_autofree char *longer = g_strdup_printf ("w%ux", i);

          g_assert_cmpuint (dm_word_index_lookup (index, key), ==, i + 1);
          g_assert_cmpuint (dm_word_index_lookup (index, longer), ==, 0);
          g_assert_null (dm_word_index_get (index, longer));
        }
      g_assert_cmpuint (dm_word_index_lookup (index, "w"), ==, 0);
      g_assert_cmpuint (dm_word_index_lookup (index, ""), ==, 0);
      g_assert_cmpuint (dm_word_index_lookup (index, "prime minister"), ==, 0);
      dm_word_index_free (index);
    }
}

/* A key added again is found where it was, with its value, and is not counted twice; a key
 * added without a copy is the caller's string. */
static void
test_adds_a_key_once (void)
{
  DmWordIndex *index = dm_word_index_new (0);
  char key[] = "minister";
  gboolean added;
  gpointer *value = dm_word_index_insert (index, key, NULL, &added);

  g_assert_true (added);
  g_assert_null (*value);
  *value = GUINT_TO_POINTER (7);
  value = dm_word_index_insert (index, "minister", NULL, &added);
  g_assert_false (added);
  g_assert_cmpuint (GPOINTER_TO_UINT (*value), ==, 7);
  g_assert_cmpuint (dm_word_index_size (index), ==, 1);
  /* not copied: the key is the caller's */
  key[0] = 'M';
  g_assert_cmpuint (dm_word_index_lookup (index, "minister"), ==, 0);
  dm_word_index_free (index);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/word-index/answers-what-was-added", test_answers_what_was_added);
  g_test_add_func ("/dramatis/word-index/adds-a-key-once", test_adds_a_key_once);
  return g_test_run ();
}
