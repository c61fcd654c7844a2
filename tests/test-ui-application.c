/* test-ui-application.c — files handed to the application: a corpus opens, articles import
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-common.h"

/* As a double click in the file manager does: the `open` signal with a corpus — here one
 * renamed without its extension, so only its content says what it is — and an article.
 * The corpus replaces the open one and the article is imported into it. */
static void
test_open_corpus_and_article (void)
{
  UiTestSession session;
  DmWindow *window;
  g_autofree char *other = ui_test_corpus_new ();
  g_autofree char *other_dir = g_path_get_dirname (other);
  g_autofree char *renamed = g_build_filename (other_dir, "corpus-backup", NULL);
  g_autofree char *article = g_build_filename (other_dir, "kyiv-follow-up.txt", NULL);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[2];
  GPtrArray *failures;

  ui_test_session_start (&session);
  window = session.window;
  g_assert_cmpint (g_rename (other, renamed), ==, 0);
  g_assert_true (g_file_set_contents (article,
                                      "Germany sends more air defence systems to Ukraine\n\n"
                                      "Germany sent two more air defence systems to Ukraine on Friday.\n",
                                      -1, NULL));
  files[0] = g_file_new_for_path (renamed);
  files[1] = g_file_new_for_path (article);

  g_application_open (G_APPLICATION (session.app), files, 2, "");
  g_assert_cmpstr (dm_corpus_get_path (dm_window_get_corpus (window)), ==, renamed);
  ui_test_wait (ui_test_not_importing, window, 60);

  failures = dm_window_get_import_failures (window);
  g_assert_true (failures == NULL || failures->len == 0);

  /* the corpus file was opened, not imported as an article: the new article is in it */
  ui_test_wait (ui_test_not_busy, window, 60);
  articles = dm_store_list_articles (dm_corpus_get_store (dm_window_get_corpus (window)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 4);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  ui_test_session_end (&session);
  ui_test_remove_tree (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/dramatis/ui-application/open-corpus-and-article", test_open_corpus_and_article);

  return g_test_run ();
}
