/* test-file-type.c — a corpus is told from an article by its header, whatever its name
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dm-file-type.h"
#include "dm-store.h"

static char *
make_corpus (const char *dir,
             const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = dm_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return path;
}

static void
test_corpus_by_content (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-file-type-XXXXXX", NULL);
  g_autofree char *corpus = make_corpus (dir, "news.dramatis");
  g_autofree char *renamed = g_build_filename (dir, "backup-copy", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (dm_file_type_has_corpus_header (corpus));
  g_assert_true (dm_file_type_is_corpus (corpus));

  /* renamed without its extension: still a corpus */
  g_assert_true (g_file_get_contents (corpus, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (renamed, contents, length, NULL));
  g_assert_true (dm_file_type_has_corpus_header (renamed));
  g_assert_true (dm_file_type_is_corpus (renamed));

  g_remove (renamed);
  g_remove (corpus);
  g_rmdir (dir);
}

static void
test_articles_are_not_corpora (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-file-type-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *short_file = g_build_filename (dir, "short", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);

  g_assert_true (g_file_set_contents (text, "NATO leaders met in Ankara.\n", -1, NULL));
  g_assert_false (dm_file_type_is_corpus (text));
  /* the SQLite magic alone, cut short before the application id */
  g_assert_true (g_file_set_contents (short_file, "SQLite format 3", 16, NULL));
  g_assert_false (dm_file_type_has_corpus_header (short_file));
  g_assert_false (dm_file_type_is_corpus (missing));
  g_assert_false (dm_file_type_is_corpus (dir));

  g_remove (text);
  g_remove (short_file);
  g_rmdir (dir);
}

/* Another program's SQLite database has the magic but not our application id. */
static void
test_other_sqlite_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-file-type-XXXXXX", NULL);
  g_autofree char *other = g_build_filename (dir, "places.sqlite", NULL);
  g_autofree char *named = g_build_filename (dir, "named.dramatis", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; CREATE TABLE t (x);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (dm_file_type_has_corpus_header (other));
  g_assert_false (dm_file_type_is_corpus (other));

  /* Named as a corpus: opened as one, so the store refuses it with its own reason
   * instead of importing a database as an article. */
  g_assert_cmpint (g_rename (other, named), ==, 0);
  g_assert_false (dm_file_type_has_corpus_header (named));
  g_assert_true (dm_file_type_is_corpus (named));

  g_remove (named);
  g_rmdir (dir);
}

/* A corpus to create: `dramatis new.dramatis` names a file that is not there yet. */
static void
test_new_corpus_by_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-file-type-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.dramatis", NULL);

  g_assert_true (dm_file_type_is_corpus (fresh));
  g_assert_false (dm_file_type_has_corpus_header (fresh));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/file-type/corpus-by-content", test_corpus_by_content);
  g_test_add_func ("/dramatis/file-type/articles", test_articles_are_not_corpora);
  g_test_add_func ("/dramatis/file-type/other-sqlite", test_other_sqlite_database);
  g_test_add_func ("/dramatis/file-type/new-corpus", test_new_corpus_by_name);

  return g_test_run ();
}
