/* dm-cli-import.c — dramatis-cli import: adds files and folders of articles, or extraction
 * output (--jsonl), to a corpus
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib-unix.h>

#include "dm-cli-private.h"
#include "dm-text-encoding.h"
#include "dm-import-jsonl.h"
#include "dm-importer.h"

typedef struct {
  gboolean on_terminal;
  guint    last_width;   /* of the progress line being overwritten */
  guint    total;        /* files to import, once known */
} Progress;

/* The import runs in a thread of its own so that the main loop can catch Ctrl+C: the first
 * one stops the import after the file being written (the corpus stays whole and is closed
 * properly), a second one ends the program at once. */
typedef struct {
  DmStore             *store;
  const char * const  *files;
  GCancellable        *cancellable;
  gboolean             jsonl;        /* the files are extract output: no extraction */
  Progress            *progress;
  GMainLoop           *loop;
  DmImportSummary     *summary;
  GError              *error;
} ImportRun;

static void report_progress (guint         done,
                             guint         total,
                             const char   *path,
                             const GError *error,
                             gpointer      user_data);

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
import_thread (gpointer user_data)
{
  ImportRun *run = user_data;

  if (run->jsonl)
    run->summary = dm_import_jsonl (run->store, run->files, run->cancellable,
                                    report_progress, run->progress, &run->error);
  else
    run->summary = dm_import_paths (run->store, NULL, run->files, run->cancellable,
                                    report_progress, run->progress, &run->error);
  g_main_context_invoke (NULL, quit_loop, run->loop);
  return NULL;
}

static gboolean
on_interrupt (gpointer user_data)
{
  ImportRun *run = user_data;

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      signal (SIGINT, SIG_DFL);
      raise (SIGINT);
      return G_SOURCE_REMOVE;
    }

  fprintf (stderr, "\n%s\n", _("Stopping after the current file (press Ctrl+C again to quit now)…"));
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

/* "7 files, 6 articles added, 1 already in the corpus, 80 mentions, 30 relations, 0 failed" */
static void
print_summary (const DmImportSummary *summary)
{
  g_autofree char *files = g_strdup_printf (ngettext ("%u file", "%u files", summary->n_files),
                                            summary->n_files);
  g_autofree char *added = g_strdup_printf (ngettext ("%u article added", "%u articles added",
                                                      summary->n_articles_added),
                                            summary->n_articles_added);
  g_autofree char *duplicates = g_strdup_printf (_("%u already in the corpus"),
                                                 summary->n_articles_duplicate);
  g_autofree char *mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", summary->n_mentions),
                                               summary->n_mentions);
  g_autofree char *relations = g_strdup_printf (ngettext ("%u relation", "%u relations",
                                                          summary->n_relations),
                                                summary->n_relations);
  g_autofree char *failed = g_strdup_printf (_("%u failed"), summary->failures->len);

  printf ("%s, %s, %s, %s, %s, %s\n", files, added, duplicates, mentions, relations, failed);
}

static void
report_progress (guint         done,
                 guint         total,
                 const char   *path,
                 const GError *error,
                 gpointer      user_data)
{
  Progress *progress = user_data;
  g_autofree char *display = g_filename_display_name (path);   /* g_utf8_strlen needs UTF-8 */
  g_autofree char *line = g_strdup_printf ("[%u/%u] %s", done, total, display);

  progress->total = total;

  if (progress->on_terminal)
    {
      guint width = g_utf8_strlen (line, -1);

      /* One line that keeps changing; spaces wipe what a longer path left behind. */
      fprintf (stderr, "\r%s%*s", line,
               (int) (progress->last_width > width ? progress->last_width - width : 0), "");
      progress->last_width = width;
      if (done == total)
        fputc ('\n', stderr);
    }
  else
    {
      fprintf (stderr, "%s%s\n", line, error != NULL ? _(" (failed)") : "");
    }
  fflush (stderr);
}

int
dm_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmImportSummary) summary = NULL;
  g_autofree char *db_path = NULL;
  g_auto(GStrv) files = NULL;
  gboolean jsonl = FALSE;
  Progress progress = { 0 };

  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The corpus to add to (created when it does not exist)"), N_("PATH") },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl,
      N_("The files (“-”: standard input) are output of “dramatis-cli extract”: add it without "
         "extracting again"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…|FOLDER…") },
    { NULL }
  };

  g_set_prgname ("dramatis-cli import");
  context = g_option_context_new (N_("— add articles to a corpus"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    N_("Reads plain-text articles, HTML pages and RSS or Atom feeds, finds who does what to whom,\n"
       "and adds them to the corpus at PATH. Folders are read recursively (.txt .text .html .htm\n"
       ".xhtml .xml .rss .atom .feed files, in name order). Articles already in the corpus are\n"
       "not added twice."));
  g_option_context_set_description (context,
    N_("With --jsonl, FILE… are shards of extract output in the order to add them (article lines\n"
       "need their \"text\": extract from standard input, or plain-text files with --with-text).\n"
       "A run that was stopped or killed can be run again: what landed is not added twice.\n"
       "\n"
       "Ctrl+C stops after the file being written (with --jsonl: the article); every article is\n"
       "added whole or not at all.\n"
       "\n"
       "Exit status: 0 when every file was imported, 1 when some file failed, the import was\n"
       "interrupted or the corpus could not be written, 2 for a usage error."));
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dm_cli_error (NULL, "%s", error->message);
      return DM_CLI_EXIT_USAGE;
    }
  if (db_path == NULL)
    {
      dm_cli_error (NULL, _("import: --db PATH is required"));
      return DM_CLI_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL)
    {
      dm_cli_error (NULL, _("import: no files or folders to import"));
      return DM_CLI_EXIT_USAGE;
    }

  store = dm_store_open (db_path, &error);
  if (store == NULL)
    {
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  progress.on_terminal = isatty (STDERR_FILENO);

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    ImportRun run = { store, (const char * const *) files, cancellable, jsonl, &progress, loop };
    GThread *thread;
    guint interrupt_id;

    interrupt_id = g_unix_signal_add (SIGINT, on_interrupt, &run);
    thread = g_thread_new ("import", import_thread, &run);
    g_main_loop_run (loop);
    g_thread_join (thread);
    g_source_remove (interrupt_id);

    summary = run.summary;
    if (run.error != NULL)
      g_propagate_error (&error, run.error);
  }

  if (summary == NULL)
    {
      if (progress.on_terminal && progress.last_width > 0)
        fputc ('\n', stderr);
      dm_cli_error (db_path, "%s", error->message);
      return DM_CLI_EXIT_FAILED;
    }

  if (summary->cancelled)
    {
      if (progress.on_terminal && progress.last_width > 0)
        fputc ('\n', stderr);
      printf (ngettext ("Interrupted after %u of %u file; the others were not imported.\n",
                        "Interrupted after %u of %u files; the others were not imported.\n",
                        MAX (progress.total, summary->n_files)),
              summary->n_files, MAX (progress.total, summary->n_files));
    }
  print_summary (summary);
  fflush (stdout);

  for (guint i = 0; summary->converted != NULL && i < summary->converted->len; i++)
    {
      g_autofree char *display = g_filename_display_name (g_ptr_array_index (summary->converted, i));

      /* Translators: "news.txt: not UTF-8, read as Windows-1252 (Latin-1)" */
      printf (_("%s: not UTF-8, read as %s\n"), display, DM_TEXT_ENCODING_LEGACY_NAME);
    }

  for (guint i = 0; i < summary->failures->len; i++)
    {
      const DmImportFailure *failure = g_ptr_array_index (summary->failures, i);

      dm_cli_error (failure->path, "%s", failure->message);
    }

  return summary->failures->len > 0 || summary->cancelled ? DM_CLI_EXIT_FAILED : DM_CLI_EXIT_OK;
}
