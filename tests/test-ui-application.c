/* test-ui-application.c — files handed to the application: a corpus opens, articles import
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-common.h"

typedef struct {
  char          *corpus_path;
  DmApplication *app;
  DmWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->corpus_path = ui_test_corpus_new ();
  fixture->app = ui_test_application_new ();
  fixture->window = ui_test_window_new (fixture->app, fixture->corpus_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->corpus_path);

  ui_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
  ui_test_remove_tree (dir);
  g_free (fixture->corpus_path);
}

static const char *
open_corpus_path (Fixture *fixture)
{
  return dm_corpus_get_path (dm_window_get_corpus (fixture->window));
}

/* As a double click in the file manager does: the `open` signal with a corpus — here one
 * renamed without its extension, so only its content says what it is — and an article.
 * The corpus replaces the open one and the article is imported into it. */
static void
test_open_corpus_and_article (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *other = ui_test_corpus_new ();
  g_autofree char *other_dir = g_path_get_dirname (other);
  g_autofree char *renamed = g_build_filename (other_dir, "corpus-backup", NULL);
  g_autofree char *article = g_build_filename (other_dir, "kyiv-follow-up.txt", NULL);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[2];
  GPtrArray *failures;

  g_assert_cmpint (g_rename (other, renamed), ==, 0);
  g_assert_true (g_file_set_contents (article,
                                      "Germany sends more air defence systems to Ukraine\n\n"
                                      "Germany sent two more air defence systems to Ukraine on Friday.\n",
                                      -1, NULL));
  files[0] = g_file_new_for_path (renamed);
  files[1] = g_file_new_for_path (article);

  g_application_open (G_APPLICATION (fixture->app), files, 2, "");
  g_assert_cmpstr (open_corpus_path (fixture), ==, renamed);
  ui_test_wait (ui_test_not_importing, fixture->window, 60);

  failures = dm_window_get_import_failures (fixture->window);
  g_assert_true (failures == NULL || failures->len == 0);

  /* the corpus file was opened, not imported as an article: the new article is in it */
  ui_test_wait (ui_test_not_busy, fixture->window, 60);
  articles = dm_store_list_articles (dm_corpus_get_store (dm_window_get_corpus (fixture->window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 4);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  ui_test_remove_tree (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/dramatis/ui-application/open-corpus-and-article", Fixture, NULL,
              fixture_set_up, test_open_corpus_and_article, fixture_tear_down);

  return g_test_run ();
}
