/* test-cli.c — `dramatis-cli extract` keeps the contract: lines, offsets, errors, exit codes;
 * `edit` and `rules` correct a corpus and share the corrections
 *
 * Runs the real binary (DRAMATIS_CLI) on files written by the test.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
run_cli (Run                *run,
         const char * const *args,
         const char         *stdin_text)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DRAMATIS_CLI");
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (stdin_text != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  proc = g_subprocess_newv ((const char * const *) argv->pdata, flags, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, stdin_text, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The integer value of "key":N in a JSON line. */
static gint64
json_int (const char *line,
          const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (line, needle);

  g_assert_nonnull (p);
  return g_ascii_strtoll (p + strlen (needle), NULL, 10);
}

static char *
json_string (const char *line,
             const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":\"", key);
  const char *p = strstr (line, needle);
  const char *end;

  if (p == NULL)
    return NULL;
  p += strlen (needle);
  end = strchr (p, '"');
  return g_strndup (p, end - p);
}

static void
test_extract_offsets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-cli-XXXXXX", NULL);
  /* curly quotes and a non-ASCII name: offsets count code points, not bytes */
  const char *text = "Kyiv’s “plan” was rejected.\r\nPresident Joe Biden urged Poland to support Ukraine.\n";
  g_autofree char *path = write_temp (dir, "article.txt", text);
  const char *args[] = { "extract", path, NULL };
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };
  guint n_mentions = 0, n_relations = 0;

  run_cli (&run, args, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "{\"kind\":\"article\""));
  g_assert_cmpint (json_int (lines[0], "length"), ==, g_utf8_strlen (text, -1));
  /* a .txt article carries no "text": its text is the file */
  g_assert_null (strstr (lines[0], "\"text\""));

  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      if (g_str_has_prefix (lines[i], "{\"kind\":\"mention\""))
        {
          gint64 start = json_int (lines[i], "start");
          gint64 end = json_int (lines[i], "end");
          g_autofree char *surface = json_string (lines[i], "text");
          const char *a = g_utf8_offset_to_pointer (text, start);
          const char *b = g_utf8_offset_to_pointer (text, end);

          g_assert_cmpint (n_relations, ==, 0);  /* mentions come before relations */
          g_assert_cmpint (strncmp (a, surface, b - a), ==, 0);
          g_assert_cmpint (strlen (surface), ==, b - a);
          n_mentions++;
        }
      else
        {
          g_assert_true (g_str_has_prefix (lines[i], "{\"kind\":\"relation\""));
          g_assert_nonnull (strstr (lines[i], "\"class\":\""));
          g_assert_nonnull (strstr (lines[i], "\"negated\":"));
          n_relations++;
        }
    }
  g_assert_cmpuint (n_mentions, >=, 3);
  g_assert_cmpuint (n_relations, >=, 1);
  g_assert_nonnull (strstr (run.out, "\"source\":\"Joe Biden\",\"target\":\"Poland\",\"verb\":\"urges\",\"class\":\"APPEAL\""));
  run_clear (&run);
}

static void
test_extract_errors_continue (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-cli-XXXXXX", NULL);
  g_autofree char *good = write_temp (dir, "good.txt", "Russia attacked Ukraine on Monday.");
  g_autofree char *empty = write_temp (dir, "empty.txt", "");
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  const char *args[] = { "extract", empty, good, missing, NULL };
  g_autofree char *empty_prefix = g_strdup_printf ("dramatis-cli: %s: ", empty);
  g_autofree char *missing_prefix = g_strdup_printf ("dramatis-cli: %s: ", missing);
  Run run = { 0 };

  run_cli (&run, args, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* the good file is still processed, in input order */
  g_assert_nonnull (strstr (run.out, good));
  g_assert_nonnull (strstr (run.err, empty_prefix));
  g_assert_nonnull (strstr (run.err, missing_prefix));
  run_clear (&run);
}

static void
test_extract_usage (void)
{
  const char *no_files[] = { "extract", NULL };
  const char *bad_option[] = { "extract", "--no-such-option", "x.txt", NULL };
  const char *bad_format[] = { "extract", "--format", "xml", "x.txt", NULL };
  const char *bad_command[] = { "frobnicate", NULL };
  const char *help[] = { "extract", "--help", NULL };
  Run run = { 0 };

  run_cli (&run, no_files, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, bad_option, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, bad_format, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, bad_command, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cli (&run, help, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "FILE"));
  /* the usage line names the command and its files once */
  g_assert_nonnull (strstr (run.out, "dramatis-cli extract [OPTION…] FILE…"));
  g_assert_null (strstr (run.out, "FILE… FILE…"));
  run_clear (&run);
}

static void
test_extract_stdin (void)
{
  const char *args[] = { "extract", "-", NULL };
  Run run = { 0 };

  run_cli (&run, args, "NATO criticized Russia.");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\"kind\":\"article\",\"id\":\"-\""));
  g_assert_nonnull (strstr (run.out, "\"source\":\"NATO\",\"target\":\"Russia\""));
  run_clear (&run);
}

/* --stdin-jsonl: every record in input order, an error line in place of a bad one, blank
 * lines skipped, exit 0. */
static void
test_extract_stdin_jsonl (void)
{
  const char *args[] = { "extract", "--stdin-jsonl", NULL };
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };
  guint n_articles = 0;

  run_cli (&run, args,
           "{\"id\":\"a\",\"text\":\"NATO criticized Russia.\",\"source\":\"Wire\"}\n"
           "{\"id\":\"b\",\"title\":\"no text\"}\n"
           "\n"
           "{\"id\":3,\"text\":\"Germany urged France to act.\",\"date\":\"2025-02-12\"}");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "{\"kind\":\"article\",\"id\":\"a\""));
  g_assert_nonnull (strstr (lines[0], "\"source\":\"Wire\""));
  g_assert_nonnull (strstr (lines[0], "\"text\":\"NATO criticized Russia.\""));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "\"kind\":\"error\"") != NULL)
        {
          g_assert_cmpuint (n_articles, ==, 1);
          g_assert_cmpstr (lines[i], ==,
                           "{\"kind\":\"error\",\"id\":\"b\",\"line\":2,\"message\":\"“text” must be a string\"}");
        }
      if (g_str_has_prefix (lines[i], "{\"kind\":\"article\""))
        n_articles++;
    }
  g_assert_cmpuint (n_articles, ==, 2);
  g_assert_nonnull (strstr (run.out, "{\"kind\":\"article\",\"id\":\"3\",\"title\":null,\"date\":\"2025-02-12\""));
  g_assert_nonnull (strstr (run.err, "line 2, b: “text” must be a string"));
  run_clear (&run);
}

/* The mapper answers each record before the next one arrives (Spark and Hadoop feed it
 * through pipes): a record's lines come out while its standard input is still open. A
 * mapper that waited for more input would hang here until the test's timeout. */
static void
test_extract_stdin_streams (void)
{
  const char *cli = g_getenv ("DRAMATIS_CLI");
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *in;
  const char *records[] = { "NATO criticized Russia.\n", "Germany urged France to act.\n" };
  const char *targets[] = { "\"target\":\"Russia\"", "\"target\":\"France\"" };

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           cli, "extract", "--stdin-lines", NULL);
  g_assert_no_error (error);
  in = g_subprocess_get_stdin_pipe (proc);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      gboolean found = FALSE;

      g_output_stream_write_all (in, records[i], strlen (records[i]), NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_flush (in, NULL, &error);
      g_assert_no_error (error);
      while (!found)
        {
          g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (line);
          found = strstr (line, "\"kind\":\"relation\"") != NULL && strstr (line, targets[i]) != NULL;
        }
    }

  g_output_stream_close (in, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
}

/* An article of @n_sentences, varied by @seed, so that articles differ in length and content. */
static char *
varied_article (guint seed,
                guint n_sentences)
{
  static const char * const sentences[] = {
    "NATO criticized Russia over the strikes.",
    "Germany urged France to act before the summit.",
    "The United States imposed sanctions on Iran on Tuesday.",
    "China rejected the proposal of Japan.",
    "Turkey met with Greece in Ankara to discuss the border.",
    "Emmanuel Macron praised Olaf Scholz for his support.",
    "The rebels attacked the army near the capital.",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_sentences; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentences[(seed + i) % G_N_ELEMENTS (sentences)]);
    }
  return g_string_free (text, FALSE);
}

/* Articles long then short, so that a later one is done first on several workers. */
static guint
varied_length (guint i)
{
  return i % 5 == 0 ? 60 : 1 + i % 3;
}

static void
assert_same_run (const Run *a,
                 const Run *b)
{
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->out, ==, b->out);
  g_assert_cmpstr (a->err, ==, b->err);
}

/* The article lines name @ids in this order, and nothing else. */
static void
assert_article_order (const char         *out,
                      const char * const *ids)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_prefix (lines[i], "{\"kind\":\"article\"") &&
          !g_str_has_prefix (lines[i], "{\"kind\":\"error\""))
        continue;
      id = json_string (lines[i], "id");
      g_assert_nonnull (ids[n]);
      g_assert_cmpstr (id, ==, ids[n]);
      n++;
    }
  g_assert_null (ids[n]);
}

/* --jobs: several workers give byte for byte what one gives, in input order, with the
 * errors of unreadable files in their place; more files than the window holds. */
static void
test_extract_jobs_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-cli-XXXXXX", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) four = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *too_many[] = { "extract", "--jobs", "65", "x.txt", NULL };
  const char *negative[] = { "extract", "-j", "-1", "x.txt", NULL };
  Run serial = { 0 }, parallel = { 0 }, usage = { 0 };

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%02u.txt", i);

      if (i == 7)
        g_ptr_array_add (paths, write_temp (dir, name, ""));   /* unreadable: no text */
      else if (i == 23)
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));   /* missing */
      else
        {
          g_autofree char *text = varied_article (i, varied_length (i));

          g_ptr_array_add (paths, write_temp (dir, name, text));
          g_ptr_array_add (ids, paths->pdata[paths->len - 1]);
        }
    }
  g_ptr_array_add (ids, NULL);

  g_ptr_array_add (one, (gpointer) "extract");
  g_ptr_array_add (one, (gpointer) "--jobs=1");
  g_ptr_array_add (four, (gpointer) "extract");
  g_ptr_array_add (four, (gpointer) "-j");
  g_ptr_array_add (four, (gpointer) "4");
  for (guint i = 0; i < paths->len; i++)
    {
      g_ptr_array_add (one, paths->pdata[i]);
      g_ptr_array_add (four, paths->pdata[i]);
    }
  g_ptr_array_add (one, NULL);
  g_ptr_array_add (four, NULL);

  run_cli (&serial, (const char * const *) one->pdata, NULL);
  run_cli (&parallel, (const char * const *) four->pdata, NULL);
  g_assert_cmpint (serial.status, ==, 1);
  g_assert_nonnull (strstr (serial.out, "\"kind\":\"relation\""));
  assert_article_order (parallel.out, (const char * const *) ids->pdata);
  assert_same_run (&serial, &parallel);
  run_clear (&serial);
  run_clear (&parallel);

  run_cli (&usage, too_many, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "--jobs"));
  run_clear (&usage);
  run_cli (&usage, negative, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  run_clear (&usage);
}

/* --jobs on --stdin-jsonl: the same lines as one worker, error lines of bad records in
 * their place, in input order. */
static void
test_extract_jobs_stdin (void)
{
  const char *one[] = { "extract", "--stdin-jsonl", "--jobs=1", NULL };
  const char *four[] = { "extract", "--stdin-jsonl", "--jobs=4", NULL };
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Run serial = { 0 }, parallel = { 0 };

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = varied_article (i, varied_length (i));

      if (i % 9 == 4)
        g_string_append_printf (input, "{\"id\":\"r%u\",\"text\":%u}\n", i, i);   /* not a string */
      else if (i % 13 == 6)
        g_string_append (input, "{not json\n");
      else
        g_string_append_printf (input, "{\"id\":\"r%u\",\"text\":\"%s\"}\n", i, text);
      g_ptr_array_add (ids, i % 13 == 6 ? NULL : g_strdup_printf ("r%u", i));
    }

  run_cli (&serial, one, input->str);
  run_cli (&parallel, four, input->str);
  g_assert_cmpint (serial.status, ==, 0);
  g_assert_nonnull (strstr (serial.out, "{\"kind\":\"error\",\"id\":\"r4\",\"line\":5,"));
  g_assert_nonnull (strstr (serial.out, "{\"kind\":\"error\",\"id\":null,\"line\":7,"));
  assert_same_run (&serial, &parallel);
  /* the order of every record's first line, errors included (an unparsed one has no id) */
  {
    g_auto(GStrv) lines = g_strsplit (parallel.out, "\n", -1);
    guint n = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "{\"kind\":\"article\"") ||
            g_str_has_prefix (lines[i], "{\"kind\":\"error\""))
          {
            g_autofree char *id = json_string (lines[i], "id");

            g_assert_cmpuint (n, <, ids->len);
            g_assert_cmpstr (id, ==, ids->pdata[n]);
            n++;
          }
      }
    g_assert_cmpuint (n, ==, 40);
  }
  run_clear (&serial);
  run_clear (&parallel);
}

static void
test_extract_html_has_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-cli-XXXXXX", NULL);
  /* an HTML page named .txt is still HTML: its article line carries the extracted text */
  g_autofree char *path = write_temp (dir, "page.txt",
                                      "<!DOCTYPE html><html><head><title>Talks</title></head><body>"
                                      "<nav>Home | World</nav><article><p>France urged Iran to return to talks.</p>"
                                      "</article></body></html>");
  const char *args[] = { "extract", path, NULL };
  g_autofree char *text = NULL;
  Run run = { 0 };

  run_cli (&run, args, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = json_string (run.out, "text");
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "France urged Iran"));
  g_assert_null (strstr (text, "Home"));
  run_clear (&run);
}

/* edit and rules: the curation commands */

static const char dated_a[] =
  "Election day\n\nLONDON, 12 March 2025 — The Conservative Party criticised the Labour Party. The Harbour Society was founded in 1900.\n";
static const char dated_b[] =
  "Tax row\n\nLONDON, 20 March 2025 — The Blue Party attacked the Labour Party over taxes.\n";
static const char dated_c[] =
  "More\n\nLONDON, 28 March 2025 — The Labour Party condemned the Blue Party.\n";

static void
run_ok (const char * const *args,
        const char         *expected_out)
{
  Run run = { 0 };

  run_cli (&run, args, NULL);
  if (run.status != 0)
    g_error ("%s: %s", args[0], run.err);
  if (expected_out != NULL)
    g_assert_cmpstr (run.out, ==, expected_out);
  run_clear (&run);
}

static void
test_edit_and_rules (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-cli-XXXXXX", NULL);
  g_autofree char *a = write_temp (dir, "a.txt", dated_a);
  g_autofree char *b = write_temp (dir, "b.txt", dated_b);
  g_autofree char *c = write_temp (dir, "c.txt", dated_c);
  g_autofree char *db = g_build_filename (dir, "news.dramatis", NULL);
  g_autofree char *other = g_build_filename (dir, "other.dramatis", NULL);
  g_autofree char *rules = g_build_filename (dir, "team.rules", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.dramatis", NULL);
  const char *import_ab[] = { "import", "--db", db, a, b, NULL };
  const char *import_c[] = { "import", "--db", db, c, NULL };
  const char *merge[] = { "edit", "--db", db, "merge", "Conservative Party", "Blue Party", NULL };
  const char *not_actor[] = { "edit", "--db", db, "not-actor", "Harbour Society", NULL };
  const char *undo[] = { "edit", "--db", db, "undo", NULL };
  const char *redo[] = { "edit", "--db", db, "redo", NULL };
  const char *tory[] = { "edit", "--db", db, "relations", "Blue Party", NULL };
  const char *export_rules[] = { "rules", "--db", db, "export", "-o", rules, NULL };
  const char *list_rules[] = { "rules", "--db", db, "list", NULL };
  const char *import_rules[] = { "rules", "--db", other, "import", rules, NULL };
  const char *import_other[] = { "import", "--db", other, a, b, c, NULL };
  const char *other_tory[] = { "edit", "--db", other, "relations", "Blue Party", NULL };
  Run run = { 0 };
  g_autofree char *relations = NULL;
  g_auto(GStrv) lines = NULL;

  run_ok (import_ab, NULL);
  run_ok (merge, "Merged “Blue Party” into “Conservative Party”\n");
  run_ok (not_actor, "Marked “Harbour Society” as not an actor\n");
  run_ok (undo, "Undone: Marked “Harbour Society” as not an actor\n");
  run_ok (redo, "Redone: Marked “Harbour Society” as not an actor\n");
  run_ok (import_c, NULL);

  /* the third article's "Blue Party" is the Conservative Party */
  run_cli (&run, tory, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (run.out, "Labour Party\tcondemns\tConservative Party"));
  g_assert_null (strstr (run.out, "Harbour Society\t"));
  relations = g_steal_pointer (&run.out);
  run_clear (&run);

  run_cli (&run, list_rules, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "alias\t2 relations\t“Blue Party” is “Conservative Party”"));
  run_clear (&run);

  /* shared with another corpus: the same graph from the same articles */
  run_ok (export_rules, "");
  run_ok (import_rules, "Imported 2 rules\n");
  run_ok (import_other, NULL);
  run_cli (&run, other_tory, NULL);
  g_assert_cmpstr (run.out, ==, relations);
  run_clear (&run);

  /* errors: "dramatis-cli: PATH: reason", 1 for the corpus, 2 for usage */
  {
    const char *unknown[] = { "edit", "--db", db, "merge", "Conservative Party", "Nobody", NULL };
    const char *no_corpus[] = { "edit", "--db", missing, "undo", NULL };
    const char *bad_edit[] = { "edit", "--db", db, "frobnicate", NULL };
    const char *bad_args[] = { "edit", "--db", db, "rename", "Labour Party", NULL };
    const char *bad_type[] = { "edit", "--db", db, "set-type", "Labour Party", "party", NULL };
    const char *bad_file[] = { "rules", "--db", db, "import", a, NULL };
    const char *no_output[] = { "rules", "--db", db, "export", NULL };

    run_cli (&run, unknown, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "dramatis-cli: "));
    g_assert_nonnull (strstr (run.err, "news.dramatis: no actor “Nobody” in the corpus"));
    run_clear (&run);
    run_cli (&run, no_corpus, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    run_clear (&run);
    run_cli (&run, bad_edit, NULL);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
    run_cli (&run, bad_args, NULL);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
    run_cli (&run, bad_type, NULL);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
    run_cli (&run, bad_file, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "a.txt: not a rules file"));
    run_clear (&run);
    run_cli (&run, no_output, NULL);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
  }
}

static void
test_edit_help (void)
{
  const char *edit[] = { "edit", "--help", NULL };
  const char *rules[] = { "rules", "--help", NULL };
  Run run = { 0 };

  run_cli (&run, edit, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "merge KEEP OTHER…"));
  g_assert_nonnull (strstr (run.out, "undo"));
  run_clear (&run);
  run_cli (&run, rules, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "export -o FILE"));
  run_clear (&run);
}

/* export --from/--to keeps the plain-text articles of the days asked for, dated by their
 * datelines. */
static void
test_export_dated_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dramatis-cli-XXXXXX", NULL);
  g_autofree char *a = write_temp (dir, "a.txt", dated_a);
  g_autofree char *b = write_temp (dir, "b.txt", dated_b);
  g_autofree char *c = write_temp (dir, "c.txt", dated_c);
  g_autofree char *db = g_build_filename (dir, "news.dramatis", NULL);
  g_autofree char *csv = g_build_filename (dir, "window.csv", NULL);
  g_autofree char *contents = NULL;
  const char *import[] = { "import", "--db", db, a, b, c, NULL };
  const char *export[] = { "export", "--db", db, "--from", "2025-03-15", "--to", "2025-03-25",
                           "-o", csv, NULL };
  Run run = { 0 };

  run_ok (import, NULL);
  run_cli (&run, export, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "2025-03-20"));
  g_assert_null (strstr (contents, "2025-03-12"));
  g_assert_null (strstr (contents, "2025-03-28"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dramatis/cli/extract-offsets", test_extract_offsets);
  g_test_add_func ("/dramatis/cli/extract-errors-continue", test_extract_errors_continue);
  g_test_add_func ("/dramatis/cli/extract-usage", test_extract_usage);
  g_test_add_func ("/dramatis/cli/extract-stdin", test_extract_stdin);
  g_test_add_func ("/dramatis/cli/extract-html-has-text", test_extract_html_has_text);
  g_test_add_func ("/dramatis/cli/extract-stdin-jsonl", test_extract_stdin_jsonl);
  g_test_add_func ("/dramatis/cli/extract-stdin-streams", test_extract_stdin_streams);
  g_test_add_func ("/dramatis/cli/extract-jobs-files", test_extract_jobs_files);
  g_test_add_func ("/dramatis/cli/extract-jobs-stdin", test_extract_jobs_stdin);
  g_test_add_func ("/dramatis/cli/edit-and-rules", test_edit_and_rules);
  g_test_add_func ("/dramatis/cli/edit-help", test_edit_help);
  g_test_add_func ("/dramatis/cli/export-dated-text", test_export_dated_text);
  return g_test_run ();
}
