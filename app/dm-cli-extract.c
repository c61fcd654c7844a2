/* dm-cli-extract.c — `dramatis-cli extract`: actors and relations of articles as JSON Lines
 *
 * The contract is shared/contract/extract-jsonl.md: one article line, its mentions, its
 * relations, per article in input order; offsets in code points; exit 0 / 1 / 2.
 * Files are analysed on a few threads (--jobs; the extractor is immutable) a bounded window
 * ahead of the one being written, and written in order, each flushed as soon as it and every
 * earlier one are done.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dm-import.h"
#include "dm-cli-private.h"
#include "dm-extractor.h"
#include "dm-json.h"
#include "dm-store.h"

typedef struct {
  const char *path;
  GPtrArray  *articles;   /* DmArticle, consumed by the analysis */
  GError     *error;
  GString    *output;
  GPtrArray  *analyses;   /* kept only with --db */
  gboolean    keep;
  gboolean    with_text;   /* --with-text: "text" for plain-text files too */
  gboolean    done;
} Job;

typedef struct {
  GMutex  mutex;
  GCond   cond;
} Progress;

static Progress progress;

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  DmExtractor *extractor = user_data;
  g_autoptr(GPtrArray) articles = dm_import_load_path (job->path, &job->error);

  job->output = g_string_new (NULL);
  if (articles != NULL)
    {
      job->analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_analysis_free);
      while (articles->len > 0)
        {
          DmArticle *article = g_ptr_array_steal_index (articles, 0);
          gboolean with_text = job->with_text || article->format != DM_ARTICLE_FORMAT_TEXT;
          DmAnalysis *analysis = dm_extractor_analyze (extractor, article);

          dm_json_append_analysis (job->output, analysis, with_text);
          if (job->keep)
            g_ptr_array_add (job->analyses, analysis);
          else
            dm_analysis_free (analysis);
        }
    }

  g_mutex_lock (&progress.mutex);
  job->done = TRUE;
  g_cond_broadcast (&progress.cond);
  g_mutex_unlock (&progress.mutex);
}

static void
job_clear (Job *job)
{
  g_clear_error (&job->error);
  if (job->output != NULL)
    g_string_free (job->output, TRUE);
  g_clear_pointer (&job->analyses, g_ptr_array_unref);
}

int
dm_cli_extract (int    argc,
                char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *db_path = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autofree Job *jobs = NULL;
  GThreadPool *pool = NULL;
  DmExtractor *extractor;
  guint n_files;
  guint n_workers;
  guint window;
  guint submitted = 0;
  int n_jobs = 0;
  gboolean stdin_jsonl = FALSE;
  gboolean stdin_lines = FALSE;
  gboolean with_text = FALSE;
  int status = DM_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format (only “jsonl”)"), "jsonl" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Also add the articles to the corpus at PATH"), N_("PATH") },
    { "stdin-jsonl", 0, 0, G_OPTION_ARG_NONE, &stdin_jsonl,
      N_("Read articles from standard input, one JSON object a line (see below)"), NULL },
    { "stdin-lines", 0, 0, G_OPTION_ARG_NONE, &stdin_lines,
      N_("Read articles from standard input, one line of plain text each"), NULL },
    { "with-text", 0, 0, G_OPTION_ARG_NONE, &with_text,
      N_("Give plain-text files their “text” too (for import --jsonl)"), NULL },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &n_jobs,
      N_("Analyse N articles at a time (default: one per processor, at most 4; 1: one after another)"),
      N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  /* The FILE… of the usage line comes from the G_OPTION_REMAINING entry above. */
  g_set_prgname ("dramatis-cli extract");
  context = g_option_context_new (N_("— print the actors and relations of articles as JSON Lines"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    N_("FILE is a plain-text article, an HTML page, an RSS or Atom feed, or “-” for one plain-text\n"
       "article on standard input. The format is recognised from the content. Output follows the\n"
       "extract-jsonl contract."));
  g_option_context_set_description (context,
    N_("As a streaming mapper (Spark rdd.pipe, Hadoop streaming), with no FILE:\n"
       "  --stdin-jsonl  each line is {\"id\": …, \"text\": …, \"title\": …, \"date\": …, \"source\": …}:\n"
       "                 \"text\" is required (plain text, an HTML page or a feed, as a file would be);\n"
       "                 \"id\" (a string or a whole number) names the article, \"stdin:LINE\" without it;\n"
       "                 \"title\", \"source\", \"url\" (strings) and \"date\" (ISO 8601, 2025-02-12) are\n"
       "                 optional and win over what the text gives; other keys are ignored.\n"
       "  --stdin-lines  each line is one plain-text article, named \"stdin:LINE\".\n"
       "Blank lines are skipped. Every record gives its lines in input order, flushed at once;\n"
       "article lines carry \"text\".\n"
       "A record that cannot be read gives, in its place,\n"
       "  {\"kind\":\"error\",\"id\":…|null,\"line\":N,\"message\":\"…\"}\n"
       "and a line on stderr, and the stream goes on.\n"
       "\n"
       "With --jobs N, N articles are analysed at once; the output is the same, in input order.\n"
       "\n"
       "Exit status: 0 when every file was read (with standard input: 0 unless it cannot be read\n"
       "or the output cannot be written), 1 when some file could not be read or the corpus not\n"
       "written, 2 for a usage error."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dm_cli_error (NULL, "%s", error->message);
      return DM_CLI_EXIT_USAGE;
    }
  if (format != NULL && strcmp (format, "jsonl") != 0)
    {
      dm_cli_error (NULL, _("unknown format “%s” (only “jsonl”)"), format);
      return DM_CLI_EXIT_USAGE;
    }
  if (stdin_jsonl && stdin_lines)
    {
      dm_cli_error (NULL, _("--stdin-jsonl and --stdin-lines exclude each other"));
      return DM_CLI_EXIT_USAGE;
    }
  if ((stdin_jsonl || stdin_lines) && files != NULL && files[0] != NULL)
    {
      dm_cli_error (NULL, _("--stdin-%s reads standard input only: no FILE with it"),
                    stdin_jsonl ? "jsonl" : "lines");
      return DM_CLI_EXIT_USAGE;
    }
  if (!stdin_jsonl && !stdin_lines && (files == NULL || files[0] == NULL))
    {
      dm_cli_error (NULL, _("no input files (see “dramatis-cli extract --help”)"));
      return DM_CLI_EXIT_USAGE;
    }

  if (n_jobs < 0 || n_jobs > DM_CLI_MAX_JOBS)
    {
      dm_cli_error (NULL, _("--jobs must be between 1 and %d, not %d"), DM_CLI_MAX_JOBS, n_jobs);
      return DM_CLI_EXIT_USAGE;
    }

  if (db_path != NULL && !(store = dm_store_open (db_path, &error)))
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  extractor = dm_extractor_get_default ();
  n_workers = dm_cli_count_workers (n_jobs);
  if (stdin_jsonl || stdin_lines)
    return dm_cli_extract_stdin (stdin_jsonl ? DM_CLI_STDIN_JSONL : DM_CLI_STDIN_LINES,
                                 extractor, n_workers, store, db_path);

  n_files = g_strv_length (files);
  jobs = g_new0 (Job, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      jobs[i].path = files[i];
      jobs[i].keep = store != NULL;
      jobs[i].with_text = with_text;
    }

  g_mutex_init (&progress.mutex);
  g_cond_init (&progress.cond);

  /* One job: no thread at all, each file analysed just before it is written. */
  if (n_workers > 1)
    pool = g_thread_pool_new (job_run, extractor, n_workers, TRUE, NULL);
  window = pool != NULL ? DM_CLI_WINDOW_PER_WORKER * n_workers : 0;

  for (guint i = 0; i < n_files; i++)
    {
      Job *job = &jobs[i];

      /* Analysis runs ahead of writing by a bounded window, so that memory stays flat
       * however many files there are. Standard input can be read only once and in order:
       * it is analysed on this thread. */
      for (; submitted < n_files && submitted <= i + window; submitted++)
        {
          if (pool == NULL || strcmp (files[submitted], "-") == 0)
            job_run (&jobs[submitted], extractor);
          else
            g_thread_pool_push (pool, &jobs[submitted], NULL);
        }

      g_mutex_lock (&progress.mutex);
      while (!job->done)
        g_cond_wait (&progress.cond, &progress.mutex);
      g_mutex_unlock (&progress.mutex);

      if (job->error != NULL)
        {
          g_autofree char *display = g_filename_display_name (job->path);

          fflush (stdout);
          dm_cli_error (display, "%s", job->error->message);
          status = DM_CLI_EXIT_FAILED;
        }
      else
        {
          fwrite (job->output->str, 1, job->output->len, stdout);
          fflush (stdout);

          if (store != NULL && !dm_cli_add_analyses (store, db_path, job->analyses))
            status = DM_CLI_EXIT_FAILED;
        }
      job_clear (job);
    }

  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&progress.mutex);
  g_cond_clear (&progress.cond);

  if (fflush (stdout) != 0)
    {
      dm_cli_error (NULL, _("cannot write the output: %s"), g_strerror (errno));
      return DM_CLI_EXIT_FAILED;
    }
  return status;
}
