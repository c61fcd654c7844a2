/* test-crash.c — the corpus survives SIGKILL (importing or editing), a second writer, damaged files
 * and a full disk
 *
 * Runs the real `dramatis-cli import` (DRAMATIS_CLI) on articles the test writes, kills it,
 * limits the size of the files it may write, and reads the corpus back through SQLite
 * directly (read-only), comparing every article with a reference import made without harm.
 *
 * DRAMATIS_CRASH_KILLS sets how many times the import is killed (30 by default; a longer
 * run by hand: DRAMATIS_CRASH_KILLS=300 meson test crash).
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dm-curation.h"
#include "dm-extractor.h"
#include "dm-importer.h"
#include "dm-store.h"
#include "dm-test-articles.h"
#include "test-util.h"

#if defined(__SANITIZE_ADDRESS__)
/* The CLI is built with the sanitizers too, and runs several times slower */
#define N_ARTICLES 100
#define DEFAULT_KILLS 15
#else
#define N_ARTICLES 300        /* the set that is imported and killed */
#define DEFAULT_KILLS 30
#endif
#define N_OTHER_ARTICLES 30   /* a second set, for a second writer */

/* Running the CLI */

typedef struct {
  GPid  pid;
  char *err_path;
} Child;

static void
child_clear (Child *child)
{
  g_clear_pointer (&child->err_path, g_free);
}

/* In the child between fork and exec: a file size limit stands in for a full disk. The
 * signal is ignored so that write() fails with EFBIG instead of killing the program. */
static void
limit_file_size (gpointer user_data)
{
  rlim_t limit = GPOINTER_TO_SIZE (user_data);
  struct rlimit rl = { limit, limit };

  if (limit > 0)
    {
      setrlimit (RLIMIT_FSIZE, &rl);
      signal (SIGXFSZ, SIG_IGN);
    }
}

static void
spawn_cli (Child              *child,
           const char         *tmp,
           const char * const *args,
           gsize               file_size_limit)
{
  static guint counter;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DRAMATIS_CLI");
  int null_fd;
  int err_fd;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  child->err_path = g_strdup_printf ("%s/stderr-%u.txt", tmp, counter++);
  err_fd = g_open (child->err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  null_fd = g_open ("/dev/null", O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (err_fd, >=, 0);
  g_assert_cmpint (null_fd, >=, 0);

  g_spawn_async_with_fds (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                          limit_file_size, GSIZE_TO_POINTER (file_size_limit), &child->pid,
                          -1, null_fd, err_fd, &error);
  g_assert_no_error (error);
  close (err_fd);
  close (null_fd);
}

/* Waits up to @timeout_us (forever when negative) for @child; TRUE with its wait status
 * when it ended. */
static gboolean
wait_child (Child  *child,
            gint64  timeout_us,
            int    *status)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  for (;;)
    {
      pid_t pid = waitpid (child->pid, status, timeout_us < 0 ? 0 : WNOHANG);

      if (pid == child->pid)
        return TRUE;
      g_assert_true (pid == 0 || (pid < 0 && errno == EINTR));
      if (timeout_us >= 0 && g_get_monotonic_time () >= deadline)
        return FALSE;
      g_usleep (500);
    }
}

static char *
child_stderr (Child *child)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (child->err_path, &text, NULL, NULL));
  return text;
}

/* Runs the CLI to the end; returns its exit status and, in *@err, what it printed on stderr. */
static int
run_cli (const char         *tmp,
         const char * const *args,
         gsize               file_size_limit,
         char              **err)
{
  Child child = { 0 };
  int status = 0;

  spawn_cli (&child, tmp, args, file_size_limit);
  g_assert_true (wait_child (&child, -1, &status));
  if (err != NULL)
    *err = child_stderr (&child);
  child_clear (&child);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
run_import (const char *tmp,
            const char *db,
            const char *dir,
            char      **err)
{
  const char *args[] = { "import", "--db", db, dir, NULL };

  return run_cli (tmp, args, 0, err);
}

/* Reading a corpus back, read-only, through SQLite itself */

/* Corpora found with a journal to play back (killed while being created) */
static guint n_rollbacks;

typedef struct {
  GPtrArray  *origins;   /* in import order */
  GHashTable *shapes;    /* origin → its mentions and relations, without actor names */
  GHashTable *wholes;    /* origin → the same with actor names */
} CorpusState;

static void
corpus_state_free (CorpusState *state)
{
  g_ptr_array_unref (state->origins);
  g_hash_table_unref (state->shapes);
  g_hash_table_unref (state->wholes);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CorpusState, corpus_state_free)

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *result = g_string_new (NULL);
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (result, "%s%s", i > 0 ? "|" : "",
                                (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (result, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (result, FALSE);
}

/* Appends the rows of @sql (bound to @article_id) to @shape without the columns from
 * @first_name on, and to @whole with them. */
static void
append_rows (sqlite3    *db,
             const char *sql,
             gint64      article_id,
             int         first_name,
             GString    *shape,
             GString    *whole)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          if (i < first_name)
            g_string_append_printf (shape, "%s|", value);
          g_string_append_printf (whole, "%s|", value);
        }
      g_string_append_c (shape, '\n');
      g_string_append_c (whole, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Opens @path read-only, asserts that SQLite finds it sound, and reads every article's
 * mentions and relations. A corpus that was never created (killed before its first write)
 * reads as empty. */
static CorpusState *
read_corpus (const char *path)
{
  g_autoptr(CorpusState) state = g_new0 (CorpusState, 1);
  g_autofree char *integrity = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *n_tables = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int rc;

  state->origins = g_ptr_array_new_with_free_func (g_free);
  state->shapes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->wholes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&state);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 10000);

  /* Killed while it switched a new corpus to WAL, the import left a rollback journal that a
   * read-only connection cannot play back: the next program to open the corpus does that.
   * Let the store do it, as the next import would. */
  rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc == SQLITE_READONLY_ROLLBACK)
    {
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *tmp = g_path_get_dirname (path);
      const char *stats[] = { "stats", "--db", path, NULL };
      g_autofree char *err = NULL;

      g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
      sqlite3_close (db);
      if (run_cli (tmp, stats, 0, &err) != 0)
        g_error ("a corpus with a journal to play back was refused: %s", err);
      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, 10000);
      rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      n_rollbacks++;
    }
  if (rc != SQLITE_OK)
    g_error ("%s: %s (%d)", path, sqlite3_errmsg (db), rc);

  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  foreign = query_text (db, "PRAGMA foreign_key_check");
  g_assert_cmpstr (foreign, ==, "");

  n_tables = query_text (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'");
  if (strcmp (n_tables, "0\n") == 0)
    {
      /* Killed before the schema was committed: nothing else may be there either. */
      g_autofree char *all = query_text (db, "SELECT count(*) FROM sqlite_schema");

      g_assert_cmpstr (all, ==, "0\n");
      sqlite3_close (db);
      return g_steal_pointer (&state);
    }

  /* Every actor was added for a mention, in the same transaction. */
  {
    g_autofree char *orphans =
      query_text (db, "SELECT count(*) FROM actors"
                      " WHERE id NOT IN (SELECT actor_id FROM mentions)");

    g_assert_cmpstr (orphans, ==, "0\n");
  }

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, origin FROM articles ORDER BY id", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *origin = (const char *) sqlite3_column_text (stmt, 1);
      GString *shape = g_string_new (NULL);
      GString *whole = g_string_new (NULL);

      append_rows (db,
                   "SELECT m.start, m.\"end\", m.text, a.name FROM mentions m"
                   " JOIN actors a ON a.id = m.actor_id WHERE m.article_id = ?1 ORDER BY m.id",
                   id, 3, shape, whole);
      g_string_append (shape, "--\n");
      g_string_append (whole, "--\n");
      append_rows (db,
                   "SELECT r.verb, r.class, r.negated, r.sentence_start, r.sentence_end,"
                   " r.trigger_start, r.trigger_end, r.source_start, r.source_end,"
                   " r.target_start, r.target_end, s.name, t.name FROM relations r"
                   " JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id"
                   " WHERE r.article_id = ?1 ORDER BY r.id",
                   id, 11, shape, whole);

      g_ptr_array_add (state->origins, g_strdup (origin));
      g_assert_true (g_hash_table_insert (state->shapes, g_strdup (origin),
                                          g_string_free (shape, FALSE)));
      g_hash_table_insert (state->wholes, g_strdup (origin), g_string_free (whole, FALSE));
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_steal_pointer (&state);
}

/* The articles of @state are the first ones of @files, in order (the importer writes in
 * file order, one transaction per article), and each is exactly as in @reference. With
 * @whole, actor names must match too (once the corpus holds every article). */
static void
assert_prefix_of (const CorpusState *state,
                  const CorpusState *reference,
                  GPtrArray         *files,
                  gboolean           whole)
{
  g_assert_cmpuint (state->origins->len, <=, files->len);
  for (guint i = 0; i < state->origins->len; i++)
    {
      const char *origin = g_ptr_array_index (state->origins, i);

      g_assert_cmpstr (origin, ==, g_ptr_array_index (files, i));
      g_assert_cmpstr (g_hash_table_lookup (state->shapes, origin), ==,
                       g_hash_table_lookup (reference->shapes, origin));
      if (whole)
        g_assert_cmpstr (g_hash_table_lookup (state->wholes, origin), ==,
                         g_hash_table_lookup (reference->wholes, origin));
    }
}

static void
assert_complete (const char        *db,
                 const CorpusState *reference,
                 GPtrArray         *files)
{
  g_autoptr(CorpusState) state = read_corpus (db);

  g_assert_cmpuint (state->origins->len, ==, files->len);
  assert_prefix_of (state, reference, files, TRUE);
}

static void
remove_corpus (const char *db)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_unlink (path);
    }
}

/* Shared by all cases: the articles and a reference corpus imported without harm */

typedef struct {
  char        *tmp;
  char        *dir;          /* N_ARTICLES files */
  char        *other_dir;    /* N_OTHER_ARTICLES other files */
  GPtrArray   *files;
  GPtrArray   *other_files;
  CorpusState *reference;    /* both folders */
  gint64       import_us;    /* how long importing dir took */
} Shared;

static Shared shared;

static guint
count_lines_with_prefix (const char *text,
                         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += lines[i][0] != '\0' && g_str_has_prefix (lines[i], prefix);
  return n;
}

/* The reference holds each article whole: as many mentions and relations as
 * `dramatis-cli extract` finds in its file. */
static void
assert_reference_whole (const char *path)
{
  const char *argv[] = { g_getenv ("DRAMATIS_CLI"), "extract", path, NULL };
  const char *shape = g_hash_table_lookup (shared.reference->shapes, path);
  const char *separator = strstr (shape, "--\n");
  g_autofree char *mentions = g_strndup (shape, separator - shape);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_lines_with_prefix (out, "{\"kind\":\"mention\""), ==,
                    count_lines_with_prefix (mentions, ""));
  g_assert_cmpuint (count_lines_with_prefix (out, "{\"kind\":\"relation\""), ==,
                    count_lines_with_prefix (separator + 3, ""));
}

static void
shared_set_up (void)
{
  g_autofree char *ref_db = NULL;
  g_autofree char *err = NULL;
  gint64 start;

  shared.tmp = g_dir_make_tmp ("dramatis-crash-XXXXXX", NULL);
  g_assert_nonnull (shared.tmp);
  shared.dir = g_build_filename (shared.tmp, "articles", NULL);
  shared.other_dir = g_build_filename (shared.tmp, "other", NULL);
  /* numbered apart, so that no text of one set is in the other */
  shared.files = dm_test_articles_write (shared.dir, "article", 0, N_ARTICLES, 1, NULL);
  shared.other_files = dm_test_articles_write (shared.other_dir, "other", 1000,
                                               N_OTHER_ARTICLES, 2, NULL);

  ref_db = g_build_filename (shared.tmp, "reference.dramatis", NULL);
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_import (shared.tmp, ref_db, shared.dir, &err), ==, 0);
  shared.import_us = g_get_monotonic_time () - start;
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_import (shared.tmp, ref_db, shared.other_dir, &err), ==, 0);
  shared.reference = read_corpus (ref_db);
  g_assert_cmpuint (shared.reference->origins->len, ==, N_ARTICLES + N_OTHER_ARTICLES);
  g_test_message ("reference import of %u articles: %.2f s", N_ARTICLES,
                  shared.import_us / (double) G_USEC_PER_SEC);

  /* Every generated article has mentions and relations */
  for (guint i = 0; i < shared.reference->origins->len; i++)
    {
      const char *shape = g_hash_table_lookup (shared.reference->shapes,
                                               g_ptr_array_index (shared.reference->origins, i));
      const char *separator = strstr (shape, "--\n");

      g_assert_nonnull (separator);
      g_assert_true (separator > shape);
      g_assert_cmpint (separator[3], !=, '\0');
    }
  for (guint i = 0; i < shared.files->len; i += 37)
    assert_reference_whole (g_ptr_array_index (shared.files, i));
  assert_reference_whole (g_ptr_array_index (shared.other_files, 0));
}

static void
shared_tear_down (void)
{
  dm_test_remove_tree (shared.dir);
  dm_test_remove_tree (shared.other_dir);
  dm_test_remove_tree (shared.tmp);
  g_free (shared.tmp);
  g_free (shared.dir);
  g_free (shared.other_dir);
  g_ptr_array_unref (shared.files);
  g_ptr_array_unref (shared.other_files);
  corpus_state_free (shared.reference);
}

static char *
corpus_path (const char *name)
{
  return g_build_filename (shared.tmp, name, NULL);
}

/* SIGKILL at random moments */

static void
test_kill (void)
{
  g_autofree char *db = corpus_path ("killed.dramatis");
  const char *import_args[] = { "import", "--db", db, shared.dir, NULL };
  const char *env = g_getenv ("DRAMATIS_CRASH_KILLS");
  guint n_kills = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_KILLS;
  guint kills = 0;
  guint kills_mid_import = 0;
  guint completions = 0;
  gint64 start = g_get_monotonic_time ();

  remove_corpus (db);
  while (kills < n_kills)
    {
      /* From before the corpus is opened to the end of an import (a re-run skips what is
       * in the corpus already, so it often ends sooner: the corpus is then made anew) */
      gint64 delay = g_test_rand_int_range (0, shared.import_us + 1);
      Child child = { 0 };
      int status = 0;

      spawn_cli (&child, shared.tmp, import_args, 0);
      if (!wait_child (&child, delay, &status))
        {
          g_assert_cmpint (kill (child.pid, SIGKILL), ==, 0);
          g_assert_true (wait_child (&child, -1, &status));
        }

      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        {
          g_autoptr(CorpusState) state = read_corpus (db);

          kills++;
          assert_prefix_of (state, shared.reference, shared.files, FALSE);
          if (state->origins->len > 0 && state->origins->len < shared.files->len)
            kills_mid_import++;
        }
      else
        {
          g_autofree char *err = child_stderr (&child);

          /* It finished first: the corpus is whole; start again from nothing. */
          if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
            g_error ("import ended with status %d: %s", status, err);
          assert_complete (db, shared.reference, shared.files);
          completions++;
          remove_corpus (db);
        }
      child_clear (&child);
    }

  /* Whatever the last kill left, a re-run completes the corpus without duplicates. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_import (shared.tmp, db, shared.dir, &err), ==, 0);
    assert_complete (db, shared.reference, shared.files);
  }

  g_test_message ("%u kills survived (%u with the corpus part-imported, %u with a journal to "
                  "play back), %u imports completed between kills, in %.1f s", kills,
                  kills_mid_import, n_rollbacks, completions,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  remove_corpus (db);
}

/* Two writers on one corpus */

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

/* The import either went through or stopped with the one clear message for a corpus that
 * another program holds. */
static void
assert_done_or_busy (int         status,
                     const char *err,
                     const char *db)
{
  g_autofree char *busy = g_strdup_printf ("dramatis-cli: %s: the corpus is in use by another "
                                           "program", db);

  if (status == 0)
    return;
  g_assert_cmpint (status, ==, 1);
  if (!has_line (err, busy))
    g_error ("import failed without saying the corpus is in use:\n%s", err);
}

/* Each writer wrote its own files in order, one after the other: in the corpus, the articles
 * of each set are the first ones of that set, each exactly as in the reference. */
static void
assert_interleaved (const CorpusState *state,
                    guint             *n_first,
                    guint             *n_second)
{
  *n_first = *n_second = 0;
  for (guint i = 0; i < state->origins->len; i++)
    {
      const char *origin = g_ptr_array_index (state->origins, i);

      if (*n_first < shared.files->len &&
          strcmp (origin, g_ptr_array_index (shared.files, *n_first)) == 0)
        (*n_first)++;
      else if (*n_second < shared.other_files->len &&
               strcmp (origin, g_ptr_array_index (shared.other_files, *n_second)) == 0)
        (*n_second)++;
      else
        g_error ("article %s is out of order or unknown", origin);

      g_assert_cmpstr (g_hash_table_lookup (state->shapes, origin), ==,
                       g_hash_table_lookup (shared.reference->shapes, origin));
    }
}

static void
test_two_imports (void)
{
  g_autofree char *db = corpus_path ("two-imports.dramatis");
  const char *args_a[] = { "import", "--db", db, shared.dir, NULL };
  const char *args_b[] = { "import", "--db", db, shared.other_dir, NULL };
  g_autoptr(CorpusState) state = NULL;
  g_autofree char *err_a = NULL;
  g_autofree char *err_b = NULL;
  Child a = { 0 }, b = { 0 };
  int status_a = 0, status_b = 0;
  guint n_a, n_b;

  /* Both start on a corpus that does not exist yet, and write at the same time. */
  remove_corpus (db);
  spawn_cli (&a, shared.tmp, args_a, 0);
  spawn_cli (&b, shared.tmp, args_b, 0);
  g_assert_true (wait_child (&a, -1, &status_a));
  g_assert_true (wait_child (&b, -1, &status_b));
  err_a = child_stderr (&a);
  err_b = child_stderr (&b);
  g_assert_true (WIFEXITED (status_a) && WIFEXITED (status_b));
  assert_done_or_busy (WEXITSTATUS (status_a), err_a, db);
  assert_done_or_busy (WEXITSTATUS (status_b), err_b, db);

  state = read_corpus (db);
  assert_interleaved (state, &n_a, &n_b);
  g_test_message ("two imports at once: %u + %u articles, exit statuses %d and %d%s%s",
                  n_a, n_b, WEXITSTATUS (status_a), WEXITSTATUS (status_b),
                  WEXITSTATUS (status_a) != 0 ? err_a : "",
                  WEXITSTATUS (status_b) != 0 ? err_b : "");
  /* Each writer holds the corpus for one article at a time: the other one waits its turn. */
  g_assert_cmpint (WEXITSTATUS (status_a), ==, 0);
  g_assert_cmpint (WEXITSTATUS (status_b), ==, 0);
  g_assert_cmpuint (n_a, ==, shared.files->len);
  g_assert_cmpuint (n_b, ==, shared.other_files->len);

  /* Whatever stopped, a re-run completes both sets. */
  g_clear_pointer (&err_a, g_free);
  g_clear_pointer (&err_b, g_free);
  g_assert_cmpint (run_import (shared.tmp, db, shared.dir, &err_a), ==, 0);
  g_assert_cmpint (run_import (shared.tmp, db, shared.other_dir, &err_b), ==, 0);
  g_clear_pointer (&state, corpus_state_free);
  state = read_corpus (db);
  assert_interleaved (state, &n_a, &n_b);
  g_assert_cmpuint (n_a, ==, shared.files->len);
  g_assert_cmpuint (n_b, ==, shared.other_files->len);

  child_clear (&a);
  child_clear (&b);
  remove_corpus (db);
}

/* The store API of this process writes while the CLI imports. */
static void
test_import_and_store (void)
{
  g_autofree char *db = corpus_path ("import-and-store.dramatis");
  const char *args[] = { "import", "--db", db, shared.dir, NULL };
  g_autoptr(CorpusState) state = NULL;
  g_autofree char *err = NULL;
  Child child = { 0 };
  guint n_added = 0, n_busy = 0;
  int status = 0;
  guint i;

  remove_corpus (db);
  spawn_cli (&child, shared.tmp, args, 0);

  for (i = 0; !wait_child (&child, 20000, &status); i++)
    {
      g_autoptr(DmStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *origin = NULL;
      gint64 article_id = 0;

      store = dm_store_open (db, &error);
      if (store == NULL)
        {
          /* The CLI may be creating the corpus just now */
          g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_BUSY);
          n_busy++;
          continue;
        }
      text = g_strdup_printf ("Poland urged Germany to send more tanks, note %u.", i);
      origin = g_strdup_printf ("pasted %u", i);
      if (dm_import_text (store, NULL, origin, text, &article_id, &error))
        {
          g_assert_cmpint (article_id, >, 0);
          n_added++;
        }
      else
        {
          g_assert_error (error, DM_STORE_ERROR, DM_STORE_ERROR_BUSY);
          n_busy++;
        }
    }
  err = child_stderr (&child);
  g_assert_true (WIFEXITED (status));
  assert_done_or_busy (WEXITSTATUS (status), err, db);
  g_test_message ("the store added %u articles while the CLI imported (%u times busy), "
                  "CLI exit status %d", n_added, n_busy, WEXITSTATUS (status));

  state = read_corpus (db);
  if (WEXITSTATUS (status) == 0)
    g_assert_cmpuint (state->origins->len, ==, shared.files->len + n_added);
  else
    g_assert_cmpuint (state->origins->len, <, shared.files->len + n_added);
  child_clear (&child);
  remove_corpus (db);
}

/* Another program holds the write lock longer than the busy timeout: the import says so,
 * writes nothing, and goes through once the lock is released. */
static void
test_held_lock (void)
{
  g_autofree char *db = corpus_path ("held-lock.dramatis");
  g_autofree char *busy = g_strdup_printf ("dramatis-cli: %s: the corpus is in use by another "
                                           "program", db);
  g_autoptr(CorpusState) state = NULL;
  g_autofree char *err = NULL;
  sqlite3 *other = NULL;

  remove_corpus (db);
  g_assert_cmpint (run_import (shared.tmp, db, shared.other_dir, &err), ==, 0);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (run_import (shared.tmp, db, shared.dir, &err), ==, 1);
  if (!has_line (err, busy))
    g_error ("expected “%s” in:\n%s", busy, err);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  state = read_corpus (db);
  g_assert_cmpuint (state->origins->len, ==, shared.other_files->len);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_import (shared.tmp, db, shared.dir, &err), ==, 0);
  g_clear_pointer (&state, corpus_state_free);
  state = read_corpus (db);
  g_assert_cmpuint (state->origins->len, ==, shared.other_files->len + shared.files->len);
  remove_corpus (db);
}

/* Two programs create the same corpus at once: both see an empty database, the second one
 * to get the write lock finds the schema made by the first. */
static void
test_create_race (void)
{
  g_autofree char *db = corpus_path ("create-race.dramatis");
  const char *args[] = { "import", "--db", db, shared.other_dir, NULL };
  g_autoptr(CorpusState) state = NULL;
  Child a = { 0 }, b = { 0 };
  int status_a = 0, status_b = 0;
  sqlite3 *other = NULL;

  /* An empty database (no tables yet), held locked while both imports open it */
  remove_corpus (db);
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA journal_mode = WAL; BEGIN IMMEDIATE",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  spawn_cli (&a, shared.tmp, args, 0);
  spawn_cli (&b, shared.tmp, args, 0);
  g_usleep (G_USEC_PER_SEC);
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (wait_child (&a, -1, &status_a));
  g_assert_true (wait_child (&b, -1, &status_b));
  if (!WIFEXITED (status_a) || WEXITSTATUS (status_a) != 0)
    {
      g_autofree char *err = child_stderr (&a);

      g_error ("first import failed: %s", err);
    }
  if (!WIFEXITED (status_b) || WEXITSTATUS (status_b) != 0)
    {
      g_autofree char *err = child_stderr (&b);

      g_error ("second import failed: %s", err);
    }

  state = read_corpus (db);
  g_assert_cmpuint (state->origins->len, ==, shared.other_files->len);
  child_clear (&a);
  child_clear (&b);

  /* The same, as it happens: two imports started together on a new corpus, where both may
   * hold a shared lock when one switches the corpus to WAL. Neither gives up. */
  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *err_a = NULL;
      g_autofree char *err_b = NULL;

      remove_corpus (db);
      spawn_cli (&a, shared.tmp, args, 0);
      spawn_cli (&b, shared.tmp, args, 0);
      g_assert_true (wait_child (&a, -1, &status_a));
      g_assert_true (wait_child (&b, -1, &status_b));
      err_a = child_stderr (&a);
      err_b = child_stderr (&b);
      if (!WIFEXITED (status_a) || WEXITSTATUS (status_a) != 0 ||
          !WIFEXITED (status_b) || WEXITSTATUS (status_b) != 0)
        g_error ("two imports creating a corpus: %s%s", err_a, err_b);
      child_clear (&a);
      child_clear (&b);
    }
  g_clear_pointer (&state, corpus_state_free);
  state = read_corpus (db);
  g_assert_cmpuint (state->origins->len, ==, shared.other_files->len);
  remove_corpus (db);
}

/* Damaged, truncated and newer corpora, through the CLI */

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

static void
assert_refused (const char *db,
                const char *reason)
{
  g_autoptr(GBytes) before = file_bytes (db);
  g_autofree char *prefix = g_strdup_printf ("dramatis-cli: %s: ", db);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  const char *commands[] = { "import", "stats" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *import_args[] = { "import", "--db", db, shared.other_dir, NULL };
      const char *stats_args[] = { "stats", "--db", db, NULL };
      g_autoptr(GBytes) after = NULL;
      g_autofree char *err = NULL;
      const char *line;

      g_assert_cmpint (run_cli (shared.tmp, i == 0 ? import_args : stats_args, 0, &err), ==, 1);
      line = strstr (err, prefix);
      if (line == NULL || strstr (line, reason) == NULL)
        g_error ("%s: expected “%s%s…” in:\n%s", commands[i], prefix, reason, err);
      /* One line, that ends the output */
      g_assert_cmpuint (strlen (strchr (line, '\n')), ==, 1);
      if (i == 0)
        g_test_message ("%.*s", (int) strcspn (line, "\n"), line);

      after = file_bytes (db);
      g_assert_true (g_bytes_equal (before, after));
      /* Nothing waits in a journal to be written into it later either */
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GBytes) wal_bytes = file_bytes (wal);

          g_assert_cmpuint (g_bytes_get_size (wal_bytes), ==, 0);
        }
    }
}

static void
copy_corpus (const char *from,
             const char *to,
             gsize       length)
{
  g_autoptr(GBytes) bytes = file_bytes (from);
  g_autoptr(GError) error = NULL;

  remove_corpus (to);
  g_file_set_contents (to, g_bytes_get_data (bytes, NULL),
                       MIN (length, g_bytes_get_size (bytes)), &error);
  g_assert_no_error (error);
}

static void
test_refused (void)
{
  g_autofree char *good = corpus_path ("good.dramatis");
  g_autofree char *bad = corpus_path ("bad.dramatis");
  g_autoptr(GBytes) good_bytes = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db = NULL;
  gsize size;

  remove_corpus (good);
  g_assert_cmpint (run_import (shared.tmp, good, shared.other_dir, &err), ==, 0);
  good_bytes = file_bytes (good);
  size = g_bytes_get_size (good_bytes);
  g_assert_cmpuint (size, >, 8 * 4096);

  /* Cut short, as by an interrupted copy */
  copy_corpus (good, bad, size / 2);
  assert_refused (bad, "the corpus file is truncated");

  /* A table's root page overwritten */
  copy_corpus (good, bad, size);
  {
    g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good_bytes, NULL), size);
    g_autoptr(GError) error = NULL;

    memset (data + 4096, 0x55, 4096);
    g_file_set_contents (bad, (const char *) data, size, &error);
    g_assert_no_error (error);
  }
  assert_refused (bad, "damaged");

  /* Not a database at all */
  {
    g_autoptr(GError) error = NULL;

    remove_corpus (bad);
    g_file_set_contents (bad, "Poland urged Germany to act.\n", -1, &error);
    g_assert_no_error (error);
  }
  assert_refused (bad, "not a Dramatis corpus");

  /* Made by a newer Dramatis */
  copy_corpus (good, bad, size);
  g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  assert_refused (bad, "newer version of Dramatis");

  remove_corpus (bad);
  remove_corpus (good);
}

/* A full disk, as a file size limit on the importing process */

static void
assert_full (const char *err,
             const char *db)
{
  g_autofree char *prefix = g_strdup_printf ("dramatis-cli: %s: ", db);
  const char *line = strstr (err, prefix);

  if (line == NULL ||
      (strstr (line, "the disk is full") == NULL &&
       strstr (line, "the corpus file has reached the largest size") == NULL))
    g_error ("expected “%sthe disk is full…” in:\n%s", prefix, err);
}

static void
test_disk_full (void)
{
  g_autofree char *db = corpus_path ("full.dramatis");
  g_autofree char *ref_db = corpus_path ("reference.dramatis");
  const char *args[] = { "import", "--db", db, shared.dir, NULL };
  const gsize limits[] = { 12 * 1024, 256 * 1024, 0 };
  g_autoptr(CorpusState) state = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (ref_db, &st), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      /* Too small to create the corpus, too small for a few articles, half the corpus */
      gsize limit = limits[i] != 0 ? limits[i] : (gsize) st.st_size / 2 / 4096 * 4096;

      remove_corpus (db);
      g_assert_cmpint (run_cli (shared.tmp, args, limit, &err), ==, 1);
      assert_full (err, db);
      state = read_corpus (db);
      assert_prefix_of (state, shared.reference, shared.files, FALSE);
      g_assert_cmpuint (state->origins->len, <, shared.files->len);
      g_test_message ("limit %" G_GSIZE_FORMAT " bytes: %u articles whole, then %s", limit,
                      state->origins->len, strstr (err, "dramatis-cli: "));
      g_clear_pointer (&err, g_free);
      g_clear_pointer (&state, corpus_state_free);

      /* Once there is room again, the same import completes the corpus */
      g_assert_cmpint (run_cli (shared.tmp, args, 0, &err), ==, 0);
      g_clear_pointer (&err, g_free);
      assert_complete (db, shared.reference, shared.files);
    }

  remove_corpus (db);
}

/* A real full disk: a small tmpfs, mounted in a mount namespace of the import's own (where
 * user namespaces are allowed). The corpus is copied out before the namespace goes. */
static void
test_disk_full_tmpfs (void)
{
  g_autofree char *mnt = corpus_path ("tmpfs");
  g_autofree char *out = corpus_path ("tmpfs-out");
  g_autofree char *err_path = corpus_path ("tmpfs-stderr.txt");
  g_autofree char *db = g_build_filename (mnt, "full.dramatis", NULL);
  g_autofree char *copy = g_build_filename (out, "full.dramatis", NULL);
  g_autofree char *err = NULL;
  g_autoptr(CorpusState) state = NULL;
  g_autoptr(GError) error = NULL;
  const char *script =
    "mount -t tmpfs -o size=\"$1\" dramatis-test \"$2\" || exit 77\n"
    "\"$3\" import --db \"$2/full.dramatis\" \"$4\" 2>\"$5\"\n"
    "status=$?\n"
    "cp \"$2/full.dramatis\" \"$6/\" || exit 78\n"
    "if [ -e \"$2/full.dramatis-wal\" ]; then cp \"$2/full.dramatis-wal\" \"$6/\" || exit 78; fi\n"
    "exit $status\n";
  const char *argv[] = {
    "unshare", "--map-root-user", "--mount", "sh", "-c", script, "sh", "600k", mnt,
    g_getenv ("DRAMATIS_CLI"), shared.dir, err_path, out, NULL
  };
  const char *rerun[] = { "import", "--db", copy, shared.dir, NULL };
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (mnt, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  if (error != NULL || !WIFEXITED (status) || WEXITSTATUS (status) == 77 ||
      (WEXITSTATUS (status) != 1 && !g_file_test (err_path, G_FILE_TEST_EXISTS)))
    {
      g_test_skip ("cannot mount a tmpfs here (unshare --map-root-user --mount)");
      return;
    }
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_true (g_file_get_contents (err_path, &err, NULL, NULL));
  if (strstr (err, "the disk is full") == NULL)
    g_error ("expected “the disk is full” in:\n%s", err);

  state = read_corpus (copy);
  assert_prefix_of (state, shared.reference, shared.files, FALSE);
  g_assert_cmpuint (state->origins->len, <, shared.files->len);
  g_test_message ("a tmpfs of 600 KiB: %u articles whole, then %s", state->origins->len,
                  strstr (err, "dramatis-cli: "));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (shared.tmp, rerun, 0, &err), ==, 0);
  assert_complete (copy, shared.reference, shared.files);
  remove_corpus (copy);
}

/* Killed mid-commit with a rollback journal (the corpus keeps one on a file system without
 * shared memory for WAL): a VFS that ends the process right after the first write into the
 * main file at a commit, the page holding the header with the new page count. */

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;
  gboolean      main_db;
} CrashFile;

static sqlite3_vfs *real_vfs;
static gboolean crash_armed;

#define REAL(file) (((CrashFile *) (file))->real)

static int crash_close (sqlite3_file *f) { return REAL (f)->pMethods->xClose (REAL (f)); }
static int crash_read (sqlite3_file *f, void *b, int n, sqlite3_int64 o) { return REAL (f)->pMethods->xRead (REAL (f), b, n, o); }
static int crash_truncate (sqlite3_file *f, sqlite3_int64 s) { return REAL (f)->pMethods->xTruncate (REAL (f), s); }
static int crash_sync (sqlite3_file *f, int flags) { return REAL (f)->pMethods->xSync (REAL (f), flags); }
static int crash_file_size (sqlite3_file *f, sqlite3_int64 *s) { return REAL (f)->pMethods->xFileSize (REAL (f), s); }
static int crash_lock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xLock (REAL (f), l); }
static int crash_unlock (sqlite3_file *f, int l) { return REAL (f)->pMethods->xUnlock (REAL (f), l); }
static int crash_check_lock (sqlite3_file *f, int *r) { return REAL (f)->pMethods->xCheckReservedLock (REAL (f), r); }
static int crash_control (sqlite3_file *f, int op, void *a) { return REAL (f)->pMethods->xFileControl (REAL (f), op, a); }
static int crash_sector (sqlite3_file *f) { return REAL (f)->pMethods->xSectorSize (REAL (f)); }
static int crash_device (sqlite3_file *f) { return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f)); }

static int
crash_write (sqlite3_file  *f,
             const void    *buffer,
             int            amount,
             sqlite3_int64  offset)
{
  int rc = REAL (f)->pMethods->xWrite (REAL (f), buffer, amount, offset);

  if (crash_armed && ((CrashFile *) f)->main_db && offset == 0)
    _exit (0);
  return rc;
}

/* Version 1: no shared memory, so no WAL, as on the file systems in question. */
static const sqlite3_io_methods crash_io = {
  1, crash_close, crash_read, crash_write, crash_truncate, crash_sync, crash_file_size,
  crash_lock, crash_unlock, crash_check_lock, crash_control, crash_sector, crash_device,
};

static int
crash_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  CrashFile *cf = (CrashFile *) file;
  int rc;

  cf->real = (sqlite3_file *) (cf + 1);
  cf->main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  rc = real_vfs->xOpen (real_vfs, name, cf->real, flags, out_flags);
  cf->base.pMethods = rc == SQLITE_OK ? &crash_io : NULL;
  return rc;
}

static void
kill_mid_commit (const char *db)
{
  static sqlite3_vfs vfs;
  sqlite3 *conn = NULL;

  real_vfs = sqlite3_vfs_find (NULL);
  vfs = *real_vfs;
  vfs.zName = "dramatis-crash";
  vfs.szOsFile = sizeof (CrashFile) + real_vfs->szOsFile;
  vfs.xOpen = crash_open;
  sqlite3_vfs_register (&vfs, 0);

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READWRITE, "dramatis-crash"), ==,
                   SQLITE_OK);
  /* An article of some 200 pages: the commit grows the file */
  crash_armed = TRUE;
  sqlite3_exec (conn,
                "INSERT INTO articles (origin, text, length, hash, imported_at)"
                " VALUES ('big', replace(hex(zeroblob(400000)), '00', 'ab'), 1600000,"
                "         'hash', 'now')",
                NULL, NULL, NULL);
  g_error ("the commit did not write the header first");
}

static void
test_hot_journal (void)
{
  g_autofree char *db = corpus_path ("journal.dramatis");
  g_autofree char *journal = g_strconcat (db, "-journal", NULL);
  g_autoptr(CorpusState) before = NULL;
  g_autoptr(CorpusState) after = NULL;
  g_autofree char *err = NULL;
  const char *stats[] = { "stats", "--db", db, NULL };
  sqlite3 *conn = NULL;
  GStatBuf st;
  int status = 0;
  pid_t pid;

  remove_corpus (db);
  g_assert_cmpint (run_import (shared.tmp, db, shared.other_dir, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (sqlite3_open (db, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (conn);
  before = read_corpus (db);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    kill_mid_commit (db);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  /* The header promises pages the file does not have yet; the journal has the old ones. */
  g_assert_cmpint (g_stat (journal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);

  /* The corpus opens: SQLite puts the old pages back */
  if (run_cli (shared.tmp, stats, 0, &err) != 0)
    g_error ("a corpus with a hot journal was refused: %s", err);
  after = read_corpus (db);
  g_assert_cmpuint (after->origins->len, ==, before->origins->len);
  assert_prefix_of (after, shared.reference, shared.other_files, TRUE);
  remove_corpus (db);
}

/* SIGKILL while edits are made: every edit reported committed is in the journal with its
 * effect, the corpus stays sound, and undoing every edit gives back the imported corpus. */

#define EDIT_KILLS 8

static char *
actors_of (const char *db)
{
  sqlite3 *conn = NULL;
  char *rows;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (conn, 10000);
  rows = query_text (conn, "SELECT id, name, type, role FROM actors ORDER BY id");
  sqlite3_close (conn);
  return rows;
}

/* In a forked child: role edits on the corpus's actors in turn ("role N" for the N-th edit
 * of the journal), an undo and redo now and then, each committed edit's number written to
 * @log. Runs until killed. */
static void G_GNUC_NORETURN
edit_until_killed (const char *db,
                   const char *log)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = dm_store_open (db, &error);
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(DmEditInfo) redo = NULL;
  guint first;
  int fd;

  if (store == NULL || !dm_store_get_undo_state (store, NULL, &redo, &error))
    g_error ("%s", error->message);
  /* killed between an undo and its redo: make the edit again first */
  if (redo != NULL && !dm_store_redo (store, NULL, &error))
    g_error ("%s", error->message);
  edits = dm_store_list_edits (store, &error);
  actors = dm_store_list_actors (store, NULL, DM_ALL_ACTOR_TYPES, &error);
  if (edits == NULL || actors == NULL)
    g_error ("%s", error->message);
  first = edits->len;
  fd = g_open (log, O_WRONLY | O_APPEND | O_CLOEXEC, 0);
  if (actors == NULL || fd < 0)
    g_error ("cannot start editing");

  for (guint n = first; ; n++)
    {
      DmActorInfo *actor = g_ptr_array_index (actors, n % actors->len);
      g_autofree char *role = g_strdup_printf ("role %u", n);
      g_autofree char *line = g_strdup_printf ("%u\n", n);

      if (!dm_store_set_actor_role (store, actor->id, role, &error) ||
          (n % 7 == 6 && (!dm_store_undo (store, NULL, &error) ||
                          !dm_store_redo (store, NULL, &error))))
        g_error ("%s", error->message);
      if (write (fd, line, strlen (line)) != (gssize) strlen (line))
        g_error ("cannot write the log");
    }
}

static guint
last_logged (const char *log)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  /* the last line is empty, or a number cut short by the kill */
  return n_lines >= 2 ? (guint) g_ascii_strtoull (lines[n_lines - 2], NULL, 10) + 1 : 0;
}

static void
test_kill_edits (void)
{
  g_autofree char *db = corpus_path ("edited.dramatis");
  g_autofree char *log = corpus_path ("edits.log");
  g_autofree char *imported = NULL;
  g_autofree char *err = NULL;
  guint n_committed = 0;

  remove_corpus (db);
  g_assert_cmpint (run_import (shared.tmp, db, shared.other_dir, &err), ==, 0);
  imported = actors_of (db);
  g_assert_true (g_file_set_contents (log, "", 0, NULL));

  for (guint kill_no = 0; kill_no < EDIT_KILLS; kill_no++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmStore) store = NULL;
      g_autoptr(GPtrArray) edits = NULL;
      g_autoptr(GPtrArray) actors = NULL;
      guint n_made = 0;
      int status = 0;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        edit_until_killed (db, log);
      g_usleep (g_test_rand_int_range (20, 400) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      /* sound, and every edit the child saw committed is there (one more, committed just
       * before the kill, may be too) */
      corpus_state_free (read_corpus (db));
      n_committed = MAX (n_committed, last_logged (log));
      store = dm_store_open (db, &error);
      g_assert_no_error (error);
      edits = dm_store_list_edits (store, &error);
      for (guint i = 0; i < edits->len; i++)
        n_made += !((DmEditInfo *) g_ptr_array_index (edits, i))->undone;
      g_assert_cmpuint (n_made, >=, n_committed);
      g_assert_cmpuint (n_made, <=, n_committed + 1);
      n_committed = n_made;

      /* each edited actor has the role of the last edit on it (the others keep the role
       * extraction gave them) */
      actors = dm_store_list_actors (store, NULL, DM_ALL_ACTOR_TYPES, &error);
      for (guint i = 0; i < actors->len && n_made > 0; i++)
        {
          DmActorInfo *actor = g_ptr_array_index (actors, i);
          g_autofree char *role = NULL;

          for (guint n = n_made; n-- > 0; )
            {
              DmActorInfo *edited = g_ptr_array_index (actors, n % actors->len);

              if (edited->id == actor->id)
                {
                  role = g_strdup_printf ("role %u", n);
                  break;
                }
            }
          if (role != NULL)
            g_assert_cmpstr (actor->role, ==, role);
        }
    }
  g_test_message ("%u edits committed across %u kills", n_committed, EDIT_KILLS);
  g_assert_cmpuint (n_committed, >, 0);

  /* every edit undone: the corpus as imported */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DmStore) store = dm_store_open (db, &error);
    g_autofree char *undone = NULL;

    while (dm_store_undo (store, NULL, &error))
      ;
    g_assert_error (error, DM_CURATION_ERROR, DM_CURATION_ERROR_NOTHING);
    g_clear_pointer (&store, dm_store_free);
    undone = actors_of (db);
    g_assert_cmpstr (undone, ==, imported);
    corpus_state_free (read_corpus (db));
  }
  remove_corpus (db);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dramatis/crash/kill", test_kill);
  g_test_add_func ("/dramatis/crash/kill-edits", test_kill_edits);
  g_test_add_func ("/dramatis/crash/two-imports", test_two_imports);
  g_test_add_func ("/dramatis/crash/import-and-store", test_import_and_store);
  g_test_add_func ("/dramatis/crash/held-lock", test_held_lock);
  g_test_add_func ("/dramatis/crash/create-race", test_create_race);
  g_test_add_func ("/dramatis/crash/refused", test_refused);
  g_test_add_func ("/dramatis/crash/hot-journal", test_hot_journal);
  g_test_add_func ("/dramatis/crash/disk-full", test_disk_full);
  g_test_add_func ("/dramatis/crash/disk-full-tmpfs", test_disk_full_tmpfs);

  shared_set_up ();
  result = g_test_run ();
  shared_tear_down ();
  return result;
}
