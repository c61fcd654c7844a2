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

/* Each test writes its files into a temporary folder of its own, emptied afterwards. */
typedef struct {
  char      *dir;
  GPtrArray *paths;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("dramatis-file-type-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->paths->len; i++)
    g_remove (g_ptr_array_index (fixture->paths, i));
  g_ptr_array_unref (fixture->paths);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

/* @name in the fixture's folder, removed at tear-down; owned by the fixture */
static const char *
path_of (Fixture    *fixture,
         const char *name)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_ptr_array_add (fixture->paths, path);
  return path;
}

/* @name holding @len bytes of @contents (-1: a string) */
static const char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  const char *path = path_of (fixture, name);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
test_corpus_by_content (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *corpus = path_of (fixture, "news.dramatis");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *renamed;
  gsize length;

  dm_store_free (dm_store_open (corpus, &error));
  g_assert_no_error (error);
  g_assert_true (dm_file_type_has_corpus_header (corpus));
  g_assert_true (dm_file_type_is_corpus (corpus));

  /* renamed without its extension: still a corpus */
  g_assert_true (g_file_get_contents (corpus, &contents, &length, NULL));
  renamed = write_file (fixture, "backup-copy", contents, length);
  g_assert_true (dm_file_type_has_corpus_header (renamed));
  g_assert_true (dm_file_type_is_corpus (renamed));
}

static void
test_articles_are_not_corpora (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_false (dm_file_type_is_corpus (write_file (fixture, "article.txt", "NATO leaders met in Ankara.\n", -1)));
  /* the SQLite magic alone, cut short before the application id */
  g_assert_false (dm_file_type_has_corpus_header (write_file (fixture, "short", "SQLite format 3", 16)));
  g_assert_false (dm_file_type_is_corpus (path_of (fixture, "missing.txt")));
  g_assert_false (dm_file_type_is_corpus (fixture->dir));
}

/* Another program's SQLite database has the magic but not our application id. */
static void
test_other_sqlite_database (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *other = path_of (fixture, "places.sqlite");
  const char *named = path_of (fixture, "named.dramatis");
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
}

/* A corpus to create: `dramatis new.dramatis` names a file that is not there yet. */
static void
test_new_corpus_by_name (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *fresh = path_of (fixture, "new.dramatis");

  g_assert_true (dm_file_type_is_corpus (fresh));
  g_assert_false (dm_file_type_has_corpus_header (fresh));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dramatis/file-type/corpus-by-content", Fixture, NULL,
              fixture_set_up, test_corpus_by_content, fixture_tear_down);
  g_test_add ("/dramatis/file-type/articles", Fixture, NULL,
              fixture_set_up, test_articles_are_not_corpora, fixture_tear_down);
  g_test_add ("/dramatis/file-type/other-sqlite", Fixture, NULL,
              fixture_set_up, test_other_sqlite_database, fixture_tear_down);
  g_test_add ("/dramatis/file-type/new-corpus", Fixture, NULL,
              fixture_set_up, test_new_corpus_by_name, fixture_tear_down);

  return g_test_run ();
}
