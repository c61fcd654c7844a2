/* test-importer.c — folders of good, bad and duplicate files into a corpus; cancellation
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dm-importer.h"

typedef struct {
  char    *dir;
  char    *in;      /* the folder of articles */
  DmStore *store;
} Fixture;

static void
write_file (Fixture    *fixture,
            const char *relative,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (fixture->in, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static char *
in_path (Fixture    *fixture,
         const char *relative)
{
  return g_build_filename (fixture->in, relative, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("dramatis-importer-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->in = g_build_filename (fixture->dir, "in", NULL);
  g_assert_cmpint (g_mkdir (fixture->in, 0755), ==, 0);

  db = g_build_filename (fixture->dir, "corpus.dramatis", NULL);
  fixture->store = dm_store_open (db, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->store, dm_store_free);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->in);
}

/* Progress as the importer reported it */

typedef struct {
  GPtrArray    *paths;
  GPtrArray    *failed;
  guint         last_done;
  guint         total;
  guint         cancel_after;
  GCancellable *cancellable;
} Recorder;

static void
recorder_init (Recorder *recorder)
{
  memset (recorder, 0, sizeof *recorder);
  recorder->paths = g_ptr_array_new_with_free_func (g_free);
  recorder->failed = g_ptr_array_new_with_free_func (g_free);
}

static void
recorder_clear (Recorder *recorder)
{
  g_ptr_array_unref (recorder->paths);
  g_ptr_array_unref (recorder->failed);
  g_clear_object (&recorder->cancellable);
}

static void
record_progress (guint         done,
                 guint         total,
                 const char   *path,
                 const GError *error,
                 gpointer      user_data)
{
  Recorder *recorder = user_data;

  g_assert_cmpuint (done, ==, recorder->last_done + 1);
  g_assert_cmpuint (done, <=, total);
  recorder->last_done = done;
  recorder->total = total;
  g_ptr_array_add (recorder->paths, g_strdup (path));
  if (error != NULL)
    g_ptr_array_add (recorder->failed, g_strdup (path));

  if (recorder->cancellable != NULL && done == recorder->cancel_after)
    g_cancellable_cancel (recorder->cancellable);
}

static const DmImportFailure *
find_failure (const DmImportSummary *summary,
              const char            *path)
{
  for (guint i = 0; i < summary->failures->len; i++)
    {
      const DmImportFailure *failure = g_ptr_array_index (summary->failures, i);

      if (g_strcmp0 (failure->path, path) == 0)
        return failure;
    }
  return NULL;
}

static guint
n_articles (DmStore *store)
{
  g_autoptr(GError) error = NULL;
  DmStoreStats stats;

  g_assert_true (dm_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  return stats.n_articles;
}

static const char good_one[] =
  "Defence Secretary Pete Hegseth urged European allies on Wednesday to spend more on defence.\n";
static const char good_two[] =
  "<!DOCTYPE html><html><head><title>Talks in Paris</title></head><body><article>"
  "<h1>Talks in Paris</h1><p>Emmanuel Macron met Volodymyr Zelenskiy in Paris on Monday.</p>"
  "</article></body></html>\n";
static const char good_three[] =
  "NATO foreign ministers met in Brussels to discuss support for Ukraine.\n";

static void
write_mixed_folder (Fixture *fixture)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";

  write_file (fixture, "a-good.txt", good_one, -1);
  write_file (fixture, "b-page.HTML", good_two, -1);
  write_file (fixture, "c-bad.txt", "Kyiv \xff\xfe said nothing\n", -1);
  write_file (fixture, "d-empty.txt", "", 0);
  write_file (fixture, "e-copy.txt", good_one, -1);           /* same text as a-good.txt */
  write_file (fixture, "f-image.txt", png, sizeof png - 1);
  write_file (fixture, "notes.md", "Not an article by its name.\n", -1);
  write_file (fixture, ".hidden.txt", "A hidden file is left alone.\n", -1);
  write_file (fixture, "sub/deeper/g-more.txt", good_three, -1);

  /* A link back up the tree must not make the walk endless */
  {
    g_autofree char *loop = in_path (fixture, "sub/loop");

    g_assert_cmpint (symlink (fixture->in, loop), ==, 0);
  }
}

static void
test_mixed_folder (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *paths[] = { fixture->in, NULL };
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = in_path (fixture, "c-bad.txt");
  g_autofree char *empty = in_path (fixture, "d-empty.txt");
  g_autofree char *image = in_path (fixture, "f-image.txt");
  g_autofree char *deeper = in_path (fixture, "sub/deeper/g-more.txt");
  const DmImportFailure *failure;
  Recorder recorder;

  write_mixed_folder (fixture);
  recorder_init (&recorder);

  summary = dm_import_paths (fixture->store, NULL, paths, NULL, record_progress, &recorder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  /* Seven files of recognised kinds; notes.md and the hidden file are not among them */
  g_assert_cmpuint (summary->n_files, ==, 7);
  g_assert_cmpuint (summary->n_articles_added, ==, 3);
  g_assert_cmpuint (summary->n_articles_duplicate, ==, 1);
  g_assert_false (summary->cancelled);
  g_assert_cmpuint (summary->failures->len, ==, 3);
  g_assert_cmpuint (n_articles (fixture->store), ==, 3);

  failure = find_failure (summary, bad);
  g_assert_nonnull (failure);
  g_assert_nonnull (strstr (failure->message, "UTF-8"));
  g_assert_nonnull (find_failure (summary, empty));
  g_assert_nonnull (find_failure (summary, image));
  for (guint i = 0; i < summary->failures->len; i++)
    g_assert_cmpstr (((DmImportFailure *) summary->failures->pdata[i])->message, !=, "");

  /* Progress once per file, in name order, folders depth first */
  g_assert_cmpuint (recorder.paths->len, ==, 7);
  g_assert_cmpuint (recorder.total, ==, 7);
  g_assert_true (g_str_has_suffix (recorder.paths->pdata[0], "a-good.txt"));
  g_assert_true (g_str_has_suffix (recorder.paths->pdata[1], "b-page.HTML"));
  g_assert_true (g_str_has_suffix (recorder.paths->pdata[4], "e-copy.txt"));
  g_assert_cmpstr (recorder.paths->pdata[6], ==, deeper);
  g_assert_cmpuint (recorder.failed->len, ==, 3);
  g_assert_cmpstr (recorder.failed->pdata[0], ==, bad);

  recorder_clear (&recorder);
}

static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  const char *paths[] = { fixture->in, NULL };
  g_autoptr(DmImportSummary) first = NULL;
  g_autoptr(DmImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;

  write_file (fixture, "one.txt", good_one, -1);
  write_file (fixture, "three.txt", good_three, -1);

  first = dm_import_paths (fixture->store, NULL, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_articles_added, ==, 2);

  /* Importing the same folder again adds nothing and fails nothing */
  again = dm_import_paths (fixture->store, NULL, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_files, ==, 2);
  g_assert_cmpuint (again->n_articles_added, ==, 0);
  g_assert_cmpuint (again->n_articles_duplicate, ==, 2);
  g_assert_cmpuint (again->n_mentions, ==, 0);
  g_assert_cmpuint (again->failures->len, ==, 0);
  g_assert_cmpuint (n_articles (fixture->store), ==, 2);
}

static void
test_named_paths (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *notes = in_path (fixture, "notes.md");
  g_autofree char *missing = in_path (fixture, "missing.txt");
  g_autofree char *feed = in_path (fixture, "wire.rss");
  const char *paths[] = { notes, missing, feed, NULL };
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  write_file (fixture, "notes.md", "Named files are tried whatever their extension.\n", -1);
  write_file (fixture, "wire.rss",
              "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>"
              "<link>https://example.org/</link><description>News</description>"
              "<item><title>First</title><link>https://example.org/1</link>"
              "<description>Poland pledged more aid to Ukraine.</description></item>"
              "<item><title>Second</title><link>https://example.org/2</link>"
              "<description>Germany criticised Russia over the strikes.</description></item>"
              "</channel></rss>\n", -1);

  summary = dm_import_paths (fixture->store, NULL, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_files, ==, 3);
  /* One article from the named file, one per feed item */
  g_assert_cmpuint (summary->n_articles_added, ==, 3);
  g_assert_cmpuint (summary->failures->len, ==, 1);
  g_assert_nonnull (find_failure (summary, missing));

  articles = dm_store_list_articles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 3);
  g_assert_cmpstr (((DmArticleInfo *) articles->pdata[0])->origin, ==, notes);
  g_assert_cmpstr (((DmArticleInfo *) articles->pdata[1])->origin, ==, feed);
  g_assert_cmpstr (((DmArticleInfo *) articles->pdata[2])->origin, ==, feed);
}

static void
test_many_files_in_order (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *paths[] = { fixture->in, NULL };
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  /* More files than the analysis threads run ahead, named so that name order is not
   * byte order ("part 2" comes before "part 10") */
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("part %u.txt", i);
      g_autofree char *text = g_strdup_printf ("Report %u: Poland and Germany held talks on "
                                               "%u tanks for Ukraine.\n", i, i * 3);

      write_file (fixture, name, text, -1);
    }

  recorder_init (&recorder);
  summary = dm_import_paths (fixture->store, NULL, paths, NULL, record_progress, &recorder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_files, ==, 40);
  g_assert_cmpuint (summary->n_articles_added, ==, 40);
  g_assert_cmpuint (summary->failures->len, ==, 0);

  g_assert_true (g_str_has_suffix (recorder.paths->pdata[1], "part 2.txt"));
  g_assert_true (g_str_has_suffix (recorder.paths->pdata[9], "part 10.txt"));

  /* Written in the order reported: article ids follow file order */
  articles = dm_store_list_articles (fixture->store, &error);
  g_assert_cmpuint (articles->len, ==, 40);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpstr (((DmArticleInfo *) articles->pdata[i])->origin, ==, recorder.paths->pdata[i]);

  recorder_clear (&recorder);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  const char *paths[] = { fixture->in, NULL };
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(DmImportSummary) nothing = NULL;
  g_autoptr(GCancellable) already = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Recorder recorder;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Day %u: France urged Russia to stop.\n", i);

      write_file (fixture, name, text, -1);
    }

  /* Cancelled after the third file: the import stops between files */
  recorder_init (&recorder);
  recorder.cancellable = g_cancellable_new ();
  recorder.cancel_after = 3;
  summary = dm_import_paths (fixture->store, NULL, paths, recorder.cancellable,
                             record_progress, &recorder, &error);
  g_assert_no_error (error);
  g_assert_true (summary->cancelled);
  g_assert_cmpuint (summary->n_files, ==, 3);
  g_assert_cmpuint (summary->n_articles_added, ==, 3);
  g_assert_cmpuint (recorder.paths->len, ==, 3);
  g_assert_cmpuint (n_articles (fixture->store), ==, 3);
  recorder_clear (&recorder);

  /* Cancelled before it starts: nothing at all */
  g_cancellable_cancel (already);
  nothing = dm_import_paths (fixture->store, NULL, paths, already, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nothing->cancelled);
  g_assert_cmpuint (nothing->n_files, ==, 0);
  g_assert_cmpuint (n_articles (fixture->store), ==, 3);
}

static void
test_import_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmArticleInfo) info = NULL;
  g_autofree char *text = NULL;
  gint64 id = 0;
  gint64 again = 0;

  g_assert_true (dm_import_text (fixture->store, NULL, NULL, good_three, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  info = dm_store_get_article (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->origin, ==, "pasted text");
  text = dm_store_get_article_text (fixture->store, id, &error);
  g_assert_cmpstr (text, ==, good_three);

  /* The same text again is the same article */
  g_assert_true (dm_import_text (fixture->store, NULL, "dropped.txt", good_three, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpuint (n_articles (fixture->store), ==, 1);

  g_assert_false (dm_import_text (fixture->store, NULL, NULL, " \n\t ", NULL, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (dm_import_text (fixture->store, NULL, NULL, "Kyiv \xc3\x28", NULL, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 5"));
  g_assert_cmpuint (n_articles (fixture->store), ==, 1);
}

/* Data in memory (the window's samples and dropped data) */

static const char two_item_feed[] =
  "<?xml version=\"1.0\"?>\n"
  "<rss version=\"2.0\"><channel><title>Wire</title>\n"
  "<item><title>Talks</title><description>Macron urged Scholz to act on Monday.</description></item>\n"
  "<item><title>Sanctions</title><description>Brussels sanctioned Moscow again.</description></item>\n"
  "</channel></rss>\n";

static void
test_import_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GBytes) text = g_bytes_new_static (good_three, strlen (good_three));
  g_autoptr(GBytes) feed = g_bytes_new_static (two_item_feed, strlen (two_item_feed));
  g_autoptr(GBytes) broken = g_bytes_new_static ("Kyiv \xc3\x28", 7);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  summary = dm_import_bytes (fixture->store, NULL, "speech.txt", text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_files, ==, 1);
  g_assert_cmpuint (summary->n_articles_added, ==, 1);
  g_assert_cmpuint (summary->n_articles_duplicate, ==, 0);
  g_assert_cmpuint (summary->failures->len, ==, 0);
  g_clear_pointer (&summary, dm_import_summary_free);

  /* The article is named by the name given */
  articles = dm_store_list_articles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (((DmArticleInfo *) g_ptr_array_index (articles, 0))->origin, ==, "speech.txt");

  /* The same content under another name is the article already there */
  summary = dm_import_bytes (fixture->store, NULL, "copy.txt", text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_articles_added, ==, 0);
  g_assert_cmpuint (summary->n_articles_duplicate, ==, 1);
  g_assert_cmpuint (n_articles (fixture->store), ==, 1);
  g_clear_pointer (&summary, dm_import_summary_free);

  /* A feed's items are articles of their own */
  summary = dm_import_bytes (fixture->store, NULL, "wire.rss", feed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_articles_added, ==, 2);
  g_assert_cmpuint (n_articles (fixture->store), ==, 3);
  g_clear_pointer (&summary, dm_import_summary_free);

  /* Bad data: an error that names it and says what is wrong, and the corpus unchanged */
  g_assert_null (dm_import_bytes (fixture->store, NULL, "broken.txt", broken, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "broken.txt: "));
  g_assert_nonnull (strstr (error->message, "byte 5"));
  g_clear_error (&error);
  g_assert_null (dm_import_bytes (fixture->store, NULL, "empty.txt", empty, &error));
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "empty.txt: "));
  g_clear_error (&error);
  g_assert_cmpuint (n_articles (fixture->store), ==, 3);
}

static void
test_import_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;
  GFile *files[3];
  Recorder recorder;

  write_file (fixture, "one.txt", good_three, -1);
  write_file (fixture, "folder/two.txt", "Brussels sanctioned Moscow again.", -1);
  one = in_path (fixture, "one.txt");

  /* A local file as its path, a local folder expanded, a file GIO cannot read a failure */
  files[0] = g_file_new_for_path (one);
  files[1] = g_file_new_build_filename (fixture->in, "folder", NULL);
  files[2] = g_file_new_for_uri ("resource:///io/github/dramatis/no-such-article.txt");

  recorder_init (&recorder);
  summary = dm_import_files (fixture->store, NULL, files, G_N_ELEMENTS (files), NULL,
                             record_progress, &recorder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_files, ==, 3);
  g_assert_cmpuint (summary->n_articles_added, ==, 2);
  g_assert_cmpuint (summary->failures->len, ==, 1);
  g_assert_cmpstr (((DmImportFailure *) g_ptr_array_index (summary->failures, 0))->path, ==,
                   "resource:///io/github/dramatis/no-such-article.txt");
  g_assert_cmpstr (g_ptr_array_index (recorder.paths, 0), ==, one);
  g_assert_cmpuint (recorder.total, ==, 3);
  recorder_clear (&recorder);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);

  /* A resource folder that is not there is an error of the whole import */
  g_assert_null (dm_import_resources (fixture->store, NULL, "/io/github/dramatis/no-such-folder",
                                      NULL, NULL, NULL, &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* dramatis-cli import and stats, run as a person would */

static int
run_cli (char **out,
         char **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *child_err = NULL;
  const char *cli = g_getenv ("DRAMATIS_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Everything the child prints is captured: its lines must not mix with the TAP stream. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &child_out, &child_err, &wait_status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&child_out);
  if (err != NULL)
    *err = g_steal_pointer (&child_err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_cli_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "cli.dramatis", NULL);
  g_autofree char *bad = in_path (fixture, "c-bad.txt");
  g_autofree char *failure_line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_mixed_folder (fixture);

  /* Usage errors: no --db, no files, an unknown option */
  g_assert_cmpint (run_cli (NULL, NULL, "import", fixture->in, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "import", "--db", db, NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, NULL, "import", "--db", db, "--frobnicate", fixture->in, NULL), ==, 2);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_cli (&out, NULL, "import", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--db"));
  g_clear_pointer (&out, g_free);

  /* Some files fail: exit 1, a summary, one line per failure, progress per file */
  g_assert_cmpint (run_cli (&out, &err, "import", "--db", db, fixture->in, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "7 files, 3 articles added, 1 already in the corpus"));
  g_assert_nonnull (strstr (out, "3 failed"));
  failure_line = g_strdup_printf ("dramatis-cli: %s: ", bad);
  g_assert_nonnull (strstr (err, failure_line));
  g_assert_nonnull (strstr (err, "[1/7] "));
  g_assert_nonnull (strstr (err, "[7/7] "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Only good files: exit 0; already there: added as nothing */
  {
    g_autofree char *good = in_path (fixture, "a-good.txt");

    g_assert_cmpint (run_cli (&out, NULL, "import", "--db", db, good, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "1 file, 0 articles added, 1 already in the corpus"));
  }
}

static void
test_cli_stats (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "cli.dramatis", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.dramatis", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (fixture, "one.txt", good_one, -1);
  write_file (fixture, "three.txt", good_three, -1);
  g_assert_cmpint (run_cli (NULL, NULL, "import", "--db", db, fixture->in, NULL), ==, 0);

  g_assert_cmpint (run_cli (&out, NULL, "stats", "--db", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Articles:   2\n"));
  g_assert_nonnull (strstr (out, "Actors:"));
  g_assert_nonnull (strstr (out, "Relations:"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, NULL, "stats", "--db", db, "--json", "--top", "1", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"corpus\":"));
  g_assert_nonnull (strstr (out, "\"articles\":2,"));
  g_assert_nonnull (strstr (out, "\"relations_by_class\":{\"AGREE\":"));
  g_assert_true (g_str_has_suffix (out, "]}\n"));
  g_clear_pointer (&out, g_free);

  /* A missing corpus is reported, not created */
  g_assert_cmpint (run_cli (NULL, &err, "stats", "--db", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no corpus at"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Something that is not a corpus is refused, and left as it was */
  {
    g_autofree char *notes = in_path (fixture, "one.txt");

    g_assert_cmpint (run_cli (NULL, &err, "stats", "--db", notes, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "not a Dramatis corpus"));
  }
  g_assert_cmpint (run_cli (NULL, NULL, "stats", NULL), ==, 2);
}

#define ADD(name, func) \
  g_test_add ("/dramatis/importer/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("mixed-folder", test_mixed_folder);
  ADD ("reimport", test_reimport);
  ADD ("named-paths", test_named_paths);
  ADD ("many-files-in-order", test_many_files_in_order);
  ADD ("cancel", test_cancel);
  ADD ("import-text", test_import_text);
  ADD ("import-bytes", test_import_bytes);
  ADD ("import-files", test_import_files);
  ADD ("cli-import", test_cli_import);
  ADD ("cli-stats", test_cli_stats);

  return g_test_run ();
}
