/* test-hostile.c — hostile and odd input end to end: dramatis-cli extract and import, the
 * store and every export format, given files people should not feed it
 *
 * The loaders' own refusals are unit-tested in test-article.c; here each case goes the whole
 * way (CLI, corpus, Graphviz, exporters) and must end in a clear error or a correct result.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "dm-import.h"
#include "dm-export.h"
#include "dm-extractor.h"
#include "dm-importer.h"
#include "dm-models.h"
#include "dm-ner.h"
#include "dm-layout.h"
#include "dm-store-write.h"

#define GOOD_TEXT "France urged Germany to act on Monday.\n"
#define SQL_INJECTION "'); DROP TABLE actors; --"

/* Helpers */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dramatis-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
rm_tree (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  return path;
}

/* Runs dramatis-cli with @args (raw bytes, as a shell would pass them) in @cwd. */
static int
run_cli (const char         *cwd,
         const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DRAMATIS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static gboolean
have_cli (void)
{
  if (g_getenv ("DRAMATIS_CLI") != NULL)
    return TRUE;
  g_test_skip ("DRAMATIS_CLI is not set");
  return FALSE;
}

/* Every line a person or a JSON reader sees must be UTF-8, whatever the file names were. */
static void
assert_utf8_lines (const char *text)
{
  const char *end = NULL;

  if (!g_utf8_validate (text, -1, &end))
    g_error ("invalid UTF-8 at byte %" G_GSIZE_FORMAT " of: %.80s", (gsize) (end - text), text);
}

/* The stderr line about @name, which must give a reason after the name. */
static void
assert_error_line (const char *err,
                   const char *name,
                   const char *reason)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s: ", name);
      const char *at = strstr (lines[i], prefix);

      if (at != NULL && strstr (at + strlen (prefix), reason) != NULL)
        return;
    }
  g_error ("no error line for “%s” saying “%s” in:\n%s", name, reason, err);
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* The hostile folder: good articles among files that must be refused one by one. */

typedef struct {
  char     *dir;
  gboolean  as_root;   /* root reads the unreadable file */
} Inputs;

static const char latin1_name[] = "r\xe9sum\xe9.txt";       /* a Latin-1 file name */
static const char missing_name[] = "missing\xff.txt";       /* neither UTF-8 nor there */

static void
inputs_make (Inputs *in)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char elf[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0";
  static const char bad_utf8[] = "Spain met Italy.\nA bad \xc3\x28 byte in the middle.\nMore text.\n";
  g_autofree char *fifo = NULL;
  g_autofree char *unreadable = NULL;
  g_autofree char *link = NULL;
  g_autofree char *subdir = NULL;
  g_autoptr(GString) utf16 = g_string_new ("\xff\xfe");   /* UTF-16LE with its BOM */
  const char *spain = "Spain urged Portugal to act on Tuesday.\n";

  in->dir = make_dir ();
  in->as_root = geteuid () == 0;

  g_free (write_file (in->dir, "good.txt", GOOD_TEXT, -1));
  g_free (write_file (in->dir, "empty.txt", "", 0));
  g_free (write_file (in->dir, "png.txt", png, sizeof png - 1));
  g_free (write_file (in->dir, "elf.txt", elf, sizeof elf - 1));
  g_free (write_file (in->dir, "bad-utf8.txt", bad_utf8, -1));
  for (const char *p = spain; *p != '\0'; p++)
    {
      g_string_append_c (utf16, *p);
      g_string_append_c (utf16, '\0');
    }
  g_free (write_file (in->dir, "utf16.txt", utf16->str, utf16->len));
  g_free (write_file (in->dir, latin1_name, "Italy urged Greece to act on Wednesday.\n", -1));

  /* A folder named like an article: extract refuses it, import reads what is inside. */
  subdir = g_build_filename (in->dir, "folder.txt", NULL);
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_free (write_file (subdir, "inside.txt", "Japan urged Korea to act on Thursday.\n", -1));

  fifo = g_build_filename (in->dir, "fifo.txt", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  unreadable = write_file (in->dir, "unreadable.txt", "Chile urged Peru to act on Friday.\n", -1);
  g_assert_cmpint (chmod (unreadable, 0), ==, 0);

  link = g_build_filename (in->dir, "dangling.txt", NULL);
  g_assert_cmpint (symlink ("nowhere/at-all.txt", link), ==, 0);
}

static const char * const input_names[] = {
  "good.txt", "empty.txt", "png.txt", "elf.txt", "bad-utf8.txt", "utf16.txt",
  "folder.txt", "fifo.txt", "unreadable.txt", "dangling.txt", latin1_name, missing_name,
};

static void
inputs_clear (Inputs *in)
{
  rm_tree (in->dir);
  g_free (in->dir);
}

/* Refusals every command must give, by file, with words a person can act on. */
static void
assert_refusals (const char *err)
{
  g_autofree char *missing_display = g_filename_display_name (missing_name);

  assert_utf8_lines (err);
  assert_error_line (err, "empty.txt", "empty");
  assert_error_line (err, "png.txt", "PNG");
  assert_error_line (err, "elf.txt", "ELF");
  assert_error_line (err, "bad-utf8.txt", "UTF-8");
  assert_error_line (err, "bad-utf8.txt", "line 2");
  assert_error_line (err, "fifo.txt", "regular file");
  assert_error_line (err, "dangling.txt", "symbolic link");
  assert_error_line (err, missing_display, "no such file");
}

/* Tests */

static void
test_cli_extract_inputs (void)
{
  Inputs in;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *good, *utf16, *latin1;

  if (!have_cli ())
    return;
  inputs_make (&in);

  g_ptr_array_add (args, (gpointer) "extract");
  for (guint i = 0; i < G_N_ELEMENTS (input_names); i++)
    g_ptr_array_add (args, (gpointer) input_names[i]);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run_cli (in.dir, (const char * const *) args->pdata, &out, &err), ==, 1);

  /* The output stays valid JSON Lines text, whatever the names */
  assert_utf8_lines (out);
  assert_refusals (err);
  assert_error_line (err, "folder.txt", "directory");
  if (!in.as_root)
    assert_error_line (err, "unreadable.txt", "ermission");

  /* The good files were all processed, in the order given, the UTF-16 one converted */
  good = strstr (out, "{\"kind\":\"article\",\"id\":\"good.txt\"");
  utf16 = strstr (out, "{\"kind\":\"article\",\"id\":\"utf16.txt\"");
  latin1 = strstr (out, "\"text\":\"Italy\"");
  g_assert_nonnull (good);
  g_assert_nonnull (utf16);
  g_assert_nonnull (latin1);
  g_assert_true (good < utf16 && utf16 < latin1);
  g_assert_nonnull (strstr (out, "\"source\":\"France\",\"target\":\"Germany\",\"verb\":\"urges\""));
  g_assert_nonnull (strstr (out, "\"source\":\"Spain\",\"target\":\"Portugal\",\"verb\":\"urges\""));
  /* Nothing of the refused files */
  g_assert_null (strstr (out, "\"id\":\"empty.txt\""));
  g_assert_null (strstr (out, "\"id\":\"png.txt\""));
  g_assert_null (strstr (out, "\"id\":\"bad-utf8.txt\""));
  g_assert_null (strstr (out, "\"id\":\"folder.txt\""));

  inputs_clear (&in);
}

static void
test_cli_import_inputs (void)
{
  Inputs in;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *corpus = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) origins = g_string_new (NULL);
  guint expected;

  if (!have_cli ())
    return;
  inputs_make (&in);
  corpus = g_build_filename (in.dir, "corpus.dramatis", NULL);

  g_ptr_array_add (args, (gpointer) "import");
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, corpus);
  for (guint i = 0; i < G_N_ELEMENTS (input_names); i++)
    g_ptr_array_add (args, (gpointer) input_names[i]);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run_cli (in.dir, (const char * const *) args->pdata, &out, &err), ==, 1);
  assert_utf8_lines (out);
  assert_refusals (err);
  if (!in.as_root)
    assert_error_line (err, "unreadable.txt", "ermission");

  /* good, utf16, the Latin-1 name, the article inside the folder (+ the unreadable one as root) */
  expected = in.as_root ? 5 : 4;
  g_assert_nonnull (strstr (out, in.as_root ? "5 articles added" : "4 articles added"));
  g_assert_nonnull (strstr (out, in.as_root ? "7 failed" : "8 failed"));

  store = dm_store_open (corpus, &error);
  g_assert_no_error (error);
  articles = dm_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, expected);
  for (guint i = 0; i < articles->len; i++)
    {
      const DmArticleInfo *info = g_ptr_array_index (articles, i);

      /* what the corpus holds is shown in labels: UTF-8 even for a Latin-1 file name */
      assert_utf8_lines (info->origin);
      g_string_append_printf (origins, "%s\n", info->origin);
    }
  g_assert_nonnull (strstr (origins->str, "good.txt\n"));
  g_assert_nonnull (strstr (origins->str, "utf16.txt\n"));
  g_assert_nonnull (strstr (origins->str, "inside.txt\n"));
  g_assert_nonnull (strstr (origins->str, "sum"));
  {
    g_autoptr(DmActorInfo) portugal = dm_store_find_actor (store, "Portugal", &error);

    g_assert_no_error (error);
    g_assert_nonnull (portugal);
  }

  inputs_clear (&in);
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *huge = g_build_filename (dir, "dump.txt", NULL);
  g_autofree char *good = write_file (dir, "good.txt", GOOD_TEXT, -1);
  g_autofree char *corpus = g_build_filename (dir, "corpus.dramatis", NULL);
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmImportSummary) summary = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { huge, good, NULL };
  const DmImportFailure *failure;
  glong before, after;
  int fd;

  /* 200 MB that take no disk space: a sparse file */
  fd = open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 200 * 1024 * 1024), ==, 0);
  close (fd);

  store = dm_store_open (corpus, &error);
  g_assert_no_error (error);

  /* The extractor's models are loaded once per process, by the first article; load them
   * first, so that what is measured below is the refused file alone. */
  dm_models_get_default (NULL);
  dm_ner_get_default ();

  /* Refused before it is read: the peak memory of this process barely moves */
  before = peak_rss_kb ();
  articles = dm_import_load_path (huge, &error);
  g_assert_null (articles);
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "200 MB"));
  g_assert_nonnull (strstr (error->message, "the limit is 64 MB"));
  g_clear_error (&error);

  summary = dm_import_paths (store, NULL, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  after = peak_rss_kb ();
  g_test_message ("peak RSS before %ld kB, after %ld kB", before, after);
  g_assert_cmpint (after - before, <, 32 * 1024);

  g_assert_cmpuint (summary->n_articles_added, ==, 1);
  g_assert_cmpuint (summary->failures->len, ==, 1);
  failure = g_ptr_array_index (summary->failures, 0);
  g_assert_cmpstr (failure->path, ==, huge);
  g_assert_nonnull (strstr (failure->message, "64 MB"));

  if (have_cli ())
    {
      const char *args[] = { "extract", "dump.txt", "good.txt", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (dir, args, &out, &err), ==, 1);
      assert_error_line (err, "dump.txt", "the limit is 64 MB");
      g_assert_nonnull (strstr (out, "\"id\":\"good.txt\""));
    }

  rm_tree (dir);
}

/* One 5 MB line of sentences: imported whole, every sentence analysed, in time that grows
 * with the length (logged, not asserted: CI machines differ). */
static void
test_long_line (void)
{
  const char *sentence = "France urged Germany to act on Monday. ";
  g_autofree char *dir = make_dir ();
  double seconds[2] = { 0, };
  guint sizes_mb[2] = { 1, 5 };

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(DmAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      guint n = 0;
      DmArticle *article;

      while (line->len + strlen (sentence) <= sizes_mb[k] * 1024 * 1024)
        {
          g_string_append (line, sentence);
          n++;
        }
      path = write_file (dir, "line.txt", line->str, line->len);

      timer = g_timer_new ();
      articles = dm_import_load_path (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 1);
      article = g_ptr_array_steal_index (articles, 0);
      g_assert_cmpuint (article->text_len, ==, line->len);
      analysis = dm_extractor_analyze (dm_extractor_get_default (), article);
      seconds[k] = g_timer_elapsed (timer, NULL);

      g_assert_cmpuint (analysis->relations->len, ==, n);
      g_assert_cmpuint (analysis->mentions->len, ==, 2 * n);
      g_test_message ("%u MB line, %u sentences: %.2f s", sizes_mb[k], n, seconds[k]);
    }
  g_test_message ("5 MB / 1 MB time ratio %.1f (linear: about 5)", seconds[1] / MAX (seconds[0], 1e-6));

  rm_tree (dir);
}

static void
test_html_deep (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "<p>France urged Germany to act on Monday.</p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>");
  path = write_file (dir, "deep.html", html->str, html->len);

  /* libxml2 stops at its depth limit, so the buried paragraph is never reached: the page is
   * refused for what it is, without a crash or a stack overflow. */
  articles = dm_import_load_path (path, &error);
  g_assert_null (articles);
  g_assert_error (error, DM_IMPORT_ERROR, DM_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "no article text"));

  if (have_cli ())
    {
      const char *args[] = { "extract", "deep.html", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (dir, args, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      assert_error_line (err, "deep.html", "no article text");
    }

  rm_tree (dir);
}

static void
test_feed_bomb (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *secret = write_file (dir, "secret.txt", "SECRET-MARKER-4711", -1);
  g_autofree char *feed = NULL;
  g_autofree char *path = NULL;
  const char *args[] = { "extract", "feed.xml", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  feed = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE rss [\n"
    "  <!ENTITY lol \"lol\">\n"
    "  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "  <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "  <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "  <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    "  <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    "  <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    "  <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    "  <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "  <!ENTITY file SYSTEM \"file://%s\">\n"
    "  <!ENTITY net SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
    "]>\n"
    "<rss version=\"2.0\"><channel><title>Wire &lol9;</title>\n"
    "<item><title>One</title><description>France urged Germany to act. &file; &net; &lol9;</description></item>\n"
    "<item><title>Two</title><description>Spain urged Portugal to act.</description></item>\n"
    "</channel></rss>\n", secret);
  path = write_file (dir, "feed.xml", feed, -1);

  if (!have_cli ())
    {
      rm_tree (dir);
      return;
    }

  status = run_cli (dir, args, &out, &err);
  /* Either the items are read without their entities, or the feed is refused with a reason;
   * never a billion "lol"s, never the file's contents, never a network fetch. */
  g_assert_true (status == 0 || status == 1);
  g_assert_null (strstr (out, "SECRET-MARKER"));
  g_assert_null (strstr (err, "SECRET-MARKER"));
  g_assert_null (strstr (out, "lollollollol"));
  g_assert_cmpuint (strlen (out), <, 64 * 1024);
  if (status == 0)
    {
      g_assert_nonnull (strstr (out, "\"source\":\"France\",\"target\":\"Germany\""));
      g_assert_nonnull (strstr (out, "\"source\":\"Spain\",\"target\":\"Portugal\""));
    }
  else
    assert_error_line (err, "feed.xml", "");

  rm_tree (dir);
}

/* Names a corpus must carry into every export exactly as written. */
static const char * const awkward_names[] = {
  "Say \"hi\" \\ Co",
  "<script>alert(1)</script>",
  "AT&T & Sons",
  "Two\nLines",
  "\xe2\x80\x8f\xd8\xad\xd9\x85\xd8\xa7\xd8\xb3\xe2\x80\x8f",         /* RLM, Arabic, RLM */
  "Flag \xf0\x9f\x87\xba\xf0\x9f\x87\xa6 team \xf0\x9f\x98\x80",      /* emoji */
  "Robert" SQL_INJECTION,
  "&amp; is not &",
};

/* An article whose sentence i says "<name i> urges <name i+1>." */
static void
add_awkward_article (DmStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DmAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  DmArticle *article;
  GPtrArray *mentions = g_ptr_array_new ();
  GPtrArray *relations = g_ptr_array_new ();
  gboolean added = FALSE;
  gint64 id = 0;

  for (guint i = 0; i + 1 < G_N_ELEMENTS (awkward_names); i++)
    {
      const char *a = awkward_names[i], *b = awkward_names[i + 1];
      guint start = g_utf8_strlen (text->str, -1);
      guint a_end = start + g_utf8_strlen (a, -1);
      guint verb_end = a_end + strlen (" urges");
      guint b_end = verb_end + 1 + g_utf8_strlen (b, -1);
      DmRelation *relation;

      g_string_append_printf (text, "%s urges %s. ", a, b);
      g_ptr_array_add (mentions, dm_mention_new ((DmSpan) { start, a_end }, a, a, DM_ACTOR_ORGANIZATION, NULL, NULL));
      g_ptr_array_add (mentions, dm_mention_new ((DmSpan) { verb_end + 1, b_end }, b, b, DM_ACTOR_PERSON, NULL, NULL));
      relation = dm_relation_new (a, b, "urges", DM_CLASS_APPEAL, FALSE);
      relation->sentence = (DmSpan) { start, b_end + 1 };
      relation->trigger = (DmSpan) { a_end + 1, verb_end };
      relation->source_mention = (DmSpan) { start, a_end };
      relation->target_mention = (DmSpan) { verb_end + 1, b_end };
      g_ptr_array_add (relations, relation);
    }

  article = dm_article_new ("awkward.txt", text->str, text->len);
  article->title = g_strdup ("Title " SQL_INJECTION " \"quoted\" <b>");
  analysis = dm_analysis_new (article);
  for (guint i = 0; i < mentions->len; i++)
    g_ptr_array_add (analysis->mentions, mentions->pdata[i]);
  for (guint i = 0; i < relations->len; i++)
    g_ptr_array_add (analysis->relations, relations->pdata[i]);
  g_ptr_array_unref (mentions);
  g_ptr_array_unref (relations);

  g_assert_true (dm_store_add_analysis (store, analysis, &id, &added, &error));
  g_assert_no_error (error);
  g_assert_true (added);
}

static char *
export_with_cli (const char *dir,
                 const char *corpus,
                 const char *name)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  const char *args[] = { "export", "--db", corpus, "--engine", "dot", "-o", path, NULL };
  char *contents = NULL;

  g_assert_cmpint (run_cli (dir, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  assert_utf8_lines (contents);
  return contents;
}

static GPtrArray *
xpath_strings (const char *xml,
               const char *expr,
               const char *prefix,
               const char *ns)
{
  xmlDocPtr doc = xmlReadMemory (xml, strlen (xml), "export.xml", NULL, XML_PARSE_NONET);
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr result;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  /* well-formed, strictly: no recovery */
  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  if (prefix != NULL)
    xmlXPathRegisterNs (ctx, (const xmlChar *) prefix, (const xmlChar *) ns);
  result = xmlXPathEvalExpression ((const xmlChar *) expr, ctx);
  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      g_ptr_array_add (strings, g_strdup ((const char *) content));
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return strings;
}

static gboolean
strings_contain (GPtrArray  *strings,
                 const char *s)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (strings->pdata[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* The fields of an RFC 4180 CSV text (quotes doubled, line breaks inside quotes). */
static GPtrArray *
csv_fields (const char *csv)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      g_string_truncate (field, 0);
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        for (; *p != '\0' && *p != ',' && *p != '\r' && *p != '\n'; p++)
          {
            g_assert_cmpint (*p, !=, '"');   /* a bare quote would be invalid */
            g_string_append_c (field, *p);
          }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_assert_true (*p == ',' || *p == '\r' || *p == '\n' || *p == '\0');
      if (*p == '\r')
        p++;
      if (*p != '\0')
        p++;
    }
  return fields;
}

typedef struct {
  const char *dot;
  GPtrArray  *labels;
} DotRead;

static gpointer
read_dot_in_worker (gpointer       gvc,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  DotRead *read = data;
  Agraph_t *g = agmemread (read->dot);

  g_assert_nonnull (g);
  for (Agnode_t *n = agfstnode (g); n != NULL; n = agnxtnode (g, n))
    g_ptr_array_add (read->labels, g_strdup (agget (n, (char *) "label")));
  agclose (g);
  return GINT_TO_POINTER (TRUE);
}

/* A DOT label as Graphviz draws it: \n, \l, \r end lines, \\ is a backslash; the exporter
 * escapes XML-special characters as entities, which Graphviz decodes when drawing. */
static char *
dot_label_as_drawn (const char *label)
{
  GString *s = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '\\' && (p[1] == 'n' || p[1] == 'l' || p[1] == 'r'))
        g_string_append_c (s, '\n'), p++;
      else if (*p == '\\' && p[1] != '\0')
        g_string_append_c (s, *++p);
      else if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (s, '&'), p += 4;
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (s, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (s, '>'), p += 3;
      else if (g_str_has_prefix (p, "&quot;"))
        g_string_append_c (s, '"'), p += 5;
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
test_names_in_exports (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *corpus = g_build_filename (dir, "awkward.dramatis", NULL);
  g_autoptr(GError) error = NULL;

  if (!have_cli ())
    {
      rm_tree (dir);
      return;
    }

  {
    g_autoptr(DmStore) store = dm_store_open (corpus, &error);

    g_assert_no_error (error);
    add_awkward_article (store);
  }

  /* GraphML and GEXF: well-formed XML, every name as written */
  {
    g_autofree char *graphml = export_with_cli (dir, corpus, "graph.graphml");
    g_autoptr(GPtrArray) names = xpath_strings (graphml, "//g:node/g:data[@key='name']", "g",
                                                "http://graphml.graphdrawing.org/xmlns");

    g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (awkward_names));
    for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
      g_assert_true (strings_contain (names, awkward_names[i]));
  }
  {
    g_autofree char *gexf = export_with_cli (dir, corpus, "graph.gexf");
    g_autoptr(GPtrArray) labels = xpath_strings (gexf, "//*[local-name()='node']/@label", NULL, NULL);

    g_assert_cmpuint (labels->len, ==, G_N_ELEMENTS (awkward_names));
    for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
      g_assert_true (strings_contain (labels, awkward_names[i]));
  }

  /* SVG: well-formed, no injected element, each line of each name drawn as a text */
  {
    g_autofree char *svg = export_with_cli (dir, corpus, "graph.svg");
    g_autoptr(GPtrArray) texts = xpath_strings (svg, "//s:text", "s", "http://www.w3.org/2000/svg");
    g_autoptr(GPtrArray) scripts = xpath_strings (svg, "//*[local-name()='script']", NULL, NULL);

    g_assert_cmpuint (scripts->len, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
      {
        g_auto(GStrv) lines = g_strsplit (awkward_names[i], "\n", 0);

        for (guint k = 0; lines[k] != NULL; k++)
          if (!strings_contain (texts, lines[k]))
            g_error ("SVG has no text “%s”", lines[k]);
      }
  }

  /* DOT: Graphviz reads it back, and each label draws the name */
  {
    g_autofree char *dot = export_with_cli (dir, corpus, "graph.dot");
    g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func (g_free);
    DotRead read = { dot, g_ptr_array_new_with_free_func (g_free) };

    g_assert_nonnull (dm_layout_worker_run (dm_layout_worker_get_default (), read_dot_in_worker,
                                            &read, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (read.labels->len, ==, G_N_ELEMENTS (awkward_names));
    for (guint i = 0; i < read.labels->len; i++)
      g_ptr_array_add (drawn, dot_label_as_drawn (read.labels->pdata[i]));
    for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
      if (!strings_contain (drawn, awkward_names[i]))
        g_error ("no DOT label draws “%s”", awkward_names[i]);
    g_ptr_array_unref (read.labels);
  }

  /* CSV: parses as RFC 4180 and gives back each name as a whole field */
  {
    g_autofree char *csv = export_with_cli (dir, corpus, "graph.csv");
    g_autoptr(GPtrArray) fields = csv_fields (csv);

    for (guint i = 0; i < G_N_ELEMENTS (awkward_names); i++)
      if (!strings_contain (fields, awkward_names[i]))
        g_error ("no CSV field holds “%s”", awkward_names[i]);
  }

  rm_tree (dir);
}

static void
test_sql_metacharacters (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *corpus = g_build_filename (dir, "sql.dramatis", NULL);
  const char *text = "Spain urged Portugal to act. " SQL_INJECTION " \" ' % _ \\ ;\n";
  g_autoptr(DmStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *stored = NULL;
  DmStoreStats stats;
  gint64 id = 0;

  store = dm_store_open (corpus, &error);
  g_assert_no_error (error);
  add_awkward_article (store);

  g_assert_true (dm_import_text (store, NULL, SQL_INJECTION, text, &id, &error));
  g_assert_no_error (error);
  stored = dm_store_get_article_text (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, text);

  /* Names and titles come back byte for byte, and the tables are all still there */
  {
    g_autoptr(DmActorInfo) robert = dm_store_find_actor (store, "Robert" SQL_INJECTION, &error);

    g_assert_no_error (error);
    g_assert_nonnull (robert);
    g_assert_cmpstr (robert->name, ==, "Robert" SQL_INJECTION);
  }
  articles = dm_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (((DmArticleInfo *) articles->pdata[0])->title, ==, "Title " SQL_INJECTION " \"quoted\" <b>");
  g_assert_cmpstr (((DmArticleInfo *) articles->pdata[1])->origin, ==, SQL_INJECTION);

  /* A search for SQL or LIKE wildcards matches them literally */
  found = dm_store_list_actors (store, "'); DROP", DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = dm_store_list_actors (store, "%", DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = dm_store_list_actors (store, "_", DM_ALL_ACTOR_TYPES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  g_assert_true (dm_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_articles, ==, 2);
  g_assert_cmpuint (stats.n_actors, >=, G_N_ELEMENTS (awkward_names) + 2);
  g_assert_cmpuint (stats.n_relations, >=, G_N_ELEMENTS (awkward_names));

  g_clear_pointer (&store, dm_store_free);
  rm_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/hostile/cli-extract-inputs", test_cli_extract_inputs);
  g_test_add_func ("/dramatis/hostile/cli-import-inputs", test_cli_import_inputs);
  g_test_add_func ("/dramatis/hostile/too-large", test_too_large);
  g_test_add_func ("/dramatis/hostile/long-line", test_long_line);
  g_test_add_func ("/dramatis/hostile/html-deep", test_html_deep);
  g_test_add_func ("/dramatis/hostile/feed-bomb", test_feed_bomb);
  g_test_add_func ("/dramatis/hostile/names-in-exports", test_names_in_exports);
  g_test_add_func ("/dramatis/hostile/sql-metacharacters", test_sql_metacharacters);

  return g_test_run ();
}
