/* bench-import.c — imports 1,000 generated articles into a new corpus and reports the rate
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three measurements on the same articles:
 *   1. dm_import_paths() into a new corpus: files read, analysed in worker threads, written
 *      one transaction per article (what `dramatis-cli import` and the window do);
 *      peak RSS is taken right after it;
 *   2. the extractor alone, in one thread;
 *   3. the store alone: the analyses of (2) written into another new corpus.
 * (3) much faster than (1) means SQLite is not what limits an import.
 * Usage: bench-import [N_ARTICLES]  (default 1000); DRAMATIS_BENCH_KEEP=1 keeps the files and
 * corpora in the temporary folder it names.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "dm-import.h"
#include "dm-importer.h"
#include "dm-store-write.h"
#include "dm-test-articles.h"
#include "../test-util.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* CPU time of the process (all threads), user + system: steadier than wall time on a
 * machine shared with other work. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_analysis_free);
  g_autoptr(DmImportSummary) summary = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *in = NULL;
  g_autofree char *db = NULL;
  g_autofree char *db_store_only = NULL;
  DmStore *store;
  DmExtractor *extractor;
  struct rusage usage;
  guint n_articles = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint64 bytes = 0;
  gint64 start;
  double import_s, extract_s, store_s;
  double cpu;
  const char *paths[2];

  if (n_articles == 0)
    n_articles = 1000;

  dir = g_dir_make_tmp ("dramatis-bench-XXXXXX", &error);
  g_assert_no_error (error);
  in = g_build_filename (dir, "articles", NULL);
  db = g_build_filename (dir, "bench.dramatis", NULL);
  db_store_only = g_build_filename (dir, "store-only.dramatis", NULL);

  files = dm_test_articles_write (in, "wire", 0, n_articles, 20250212, &bytes);

  extractor = dm_extractor_get_default ();
  printf ("# %u generated articles, %.1f KiB on average, %u processors\n",
          n_articles, bytes / 1024.0 / n_articles, g_get_num_processors ());

  /* 1. The whole import, as the CLI and the window run it */
  store = dm_store_open (db, &error);
  g_assert_no_error (error);
  paths[0] = in;
  paths[1] = NULL;
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  summary = dm_import_paths (store, extractor, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dm_store_free (store);   /* closing checkpoints the WAL: part of the cost */
  import_s = seconds_since (start);
  getrusage (RUSAGE_SELF, &usage);

  g_assert_cmpuint (summary->n_articles_added, ==, n_articles);
  g_assert_cmpuint (summary->failures->len, ==, 0);
  printf ("import:    %8.1f articles/s  (%u articles, %u mentions, %u relations in %.2f s;"
          " %.2f s CPU)\n",
          n_articles / import_s, summary->n_articles_added, summary->n_mentions,
          summary->n_relations, import_s, cpu_seconds () - cpu);
  printf ("peak RSS:  %8.1f MiB\n", usage.ru_maxrss / 1024.0);

  /* 2. The extractor alone, one thread */
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GPtrArray) articles = dm_import_load_path (files->pdata[i], &error);

      g_assert_no_error (error);
      g_ptr_array_set_free_func (articles, NULL);
      for (guint j = 0; j < articles->len; j++)
        g_ptr_array_add (analyses, dm_extractor_analyze (extractor, articles->pdata[j]));
    }
  extract_s = seconds_since (start);
  printf ("extractor: %8.1f articles/s  (one thread, files read included; %.2f s CPU)\n",
          n_articles / extract_s, cpu_seconds () - cpu);

  /* 3. The store alone, one transaction per article */
  store = dm_store_open (db_store_only, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  for (guint i = 0; i < analyses->len; i++)
    {
      gboolean added = FALSE;

      dm_store_add_analysis (store, analyses->pdata[i], NULL, &added, &error);
      g_assert_no_error (error);
      g_assert_true (added);
    }
  dm_store_free (store);
  store_s = seconds_since (start);
  printf ("store:     %8.1f articles/s  (one transaction each, WAL, synchronous=NORMAL;"
          " %.2f s CPU)\n", n_articles / store_s, cpu_seconds () - cpu);

  /* 4. What the window asks of the corpus it just imported */
  store = dm_store_open (db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
    g_autoptr(GPtrArray) actors = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GPtrArray) articles = NULL;
    g_autoptr(GPtrArray) relations = NULL;
    g_autoptr(GPtrArray) filtered = NULL;
    DmStoreStats stats;
    double list_actors_ms, search_ms, articles_ms, relations_ms, filtered_ms, stats_ms;

    start = g_get_monotonic_time ();
    actors = dm_store_list_actors (store, NULL, DM_ALL_ACTOR_TYPES, &error);
    list_actors_ms = seconds_since (start) * 1000;
    start = g_get_monotonic_time ();
    found = dm_store_list_actors (store, "min", DM_ALL_ACTOR_TYPES, &error);
    search_ms = seconds_since (start) * 1000;
    start = g_get_monotonic_time ();
    articles = dm_store_list_articles (store, &error);
    articles_ms = seconds_since (start) * 1000;
    /* The window asks again at every filter change: the best of three, cache warm. */
    relations_ms = G_MAXDOUBLE;
    for (guint i = 0; i < 3; i++)
      {
        g_clear_pointer (&relations, g_ptr_array_unref);
        start = g_get_monotonic_time ();
        relations = dm_store_list_relations (store, NULL, &error);
        relations_ms = MIN (relations_ms, seconds_since (start) * 1000);
      }

    for (gint64 id = 1; id <= 100; id++)
      dm_graph_query_exclude_article (query, id, TRUE);
    query->class_mask &= ~(1u << DM_CLASS_STATEMENT);
    query->date_from = g_strdup ("2025-01-01");
    start = g_get_monotonic_time ();
    filtered = dm_store_list_relations (store, query, &error);
    filtered_ms = seconds_since (start) * 1000;
    start = g_get_monotonic_time ();
    dm_store_get_stats (store, &stats, &error);
    stats_ms = seconds_since (start) * 1000;
    g_assert_no_error (error);

    printf ("queries:   list_actors %u in %.1f ms, search %u in %.1f ms, list_articles %u in %.1f ms,\n"
            "           list_relations %u in %.1f ms, filtered %u in %.1f ms, stats in %.1f ms\n",
            actors->len, list_actors_ms, found->len, search_ms, articles->len, articles_ms,
            relations->len, relations_ms, filtered->len, filtered_ms, stats_ms);
  }
  dm_store_free (store);

  if (g_getenv ("DRAMATIS_BENCH_KEEP") != NULL)
    printf ("# kept %s\n", dir);
  else
    dm_test_remove_tree (dir);
  return 0;
}
