/* bench-overview.c — time from a request to a laid-out view: the default overview and the
 * largest hub's ego view, of a 500-actor / 1,100-pair corpus and of a larger one
 *
 * Run by hand: meson test -C build --benchmark overview (BENCH_OVERVIEW_ARTICLES sets the
 * larger corpus's article count; 5,000 by default, which the machine imports in seconds).
 * Times are medians of 5 requests, each built from the corpus and laid out without the
 * layout cache, as the window does on a cache miss; the build's CPU time beside its wall time.
 *
 * bench-overview CORPUS times an existing corpus instead (bench-scale.sh's large ones):
 * opening it, its stats (what `dramatis-cli stats` counts), the overview the window opens
 * on, and the heaviest actor's ego view.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "dm-graph.h"
#include "dm-layout.h"
#include "dense-corpus.h"

#define N_RUNS 5

/* the median CPU time of the last time_view()'s builds */
static double last_build_cpu_ms;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* CPU time of the whole process (the layout runs on its worker thread), in ms */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Median ms of building and laying out @query's view; *@n_nodes, *@n_edges its size;
 * *@build_cpu_ms the median CPU time of the build alone */
static double
time_view (DmStore            *store,
           const DmGraphQuery *query,
           double             *build_ms,
           guint              *n_nodes,
           guint              *n_edges)
{
  double total[N_RUNS], build[N_RUNS], build_cpu[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DmGraph) graph = NULL;
      g_autoptr(DmLayout) layout = NULL;
      gint64 start = g_get_monotonic_time (), built;
      double cpu_start = cpu_ms ();

      graph = dm_graph_build (store, query, &error);
      g_assert_no_error (error);
      built = g_get_monotonic_time ();
      build_cpu[run] = cpu_ms () - cpu_start;
      layout = dm_layout_worker_layout (dm_layout_worker_get_default (), graph,
                                        DM_LAYOUT_ENGINE_AUTO, NULL, NULL, &error);
      g_assert_no_error (error);
      total[run] = (g_get_monotonic_time () - start) / 1000.0;
      build[run] = (built - start) / 1000.0;
      *n_nodes = graph->nodes->len;
      *n_edges = graph->edges->len;
    }
  qsort (total, N_RUNS, sizeof (double), compare_doubles);
  qsort (build, N_RUNS, sizeof (double), compare_doubles);
  qsort (build_cpu, N_RUNS, sizeof (double), compare_doubles);
  *build_ms = build[N_RUNS / 2];
  last_build_cpu_ms = build_cpu[N_RUNS / 2];
  return total[N_RUNS / 2];
}

static void
bench_corpus (guint n_actors,
              guint n_pairs,
              guint n_articles)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dramatis-bench-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "corpus.dramatis", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  DmStore *store;
  gint64 start;
  gint64 hub;
  double ms, build_ms;
  guint n_nodes, n_edges;

  g_assert_no_error (error);
  store = dm_store_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  hub = dense_corpus_fill (store, n_actors, n_pairs, n_articles, 20260105);
  g_print ("corpus: %u actors, %u pairs, %u articles, imported in %.1f s\n",
           n_actors, n_pairs, n_articles, (g_get_monotonic_time () - start) / 1e6);

  ms = time_view (store, query, &build_ms, &n_nodes, &n_edges);
  g_print ("  overview: %u actors, %u edges: median %.0f ms to laid out (%.0f ms to build)\n",
           n_nodes, n_edges, ms, build_ms);
  query->focus_actor = hub;
  ms = time_view (store, query, &build_ms, &n_nodes, &n_edges);
  g_print ("  hub ego view: %u actors, %u edges: median %.0f ms to laid out (%.0f ms to build)\n",
           n_nodes, n_edges, ms, build_ms);

  dm_store_free (store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

static void
bench_existing (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmGraphQuery) query = dm_graph_query_new ();
  g_autoptr(DmStore) store = NULL;
  g_autoptr(DmGraph) overview = NULL;
  double stats_ms[N_RUNS], stats_cpu[N_RUNS];
  DmStoreStats stats;
  gint64 start = g_get_monotonic_time ();
  double ms, build_ms;
  guint n_nodes, n_edges;
  const DmGraphNode *hub = NULL;

  store = dm_store_open (path, &error);
  g_assert_no_error (error);
  g_print ("%s: opened in %.0f ms\n", path, (g_get_monotonic_time () - start) / 1000.0);
  for (guint run = 0; run < N_RUNS; run++)
    {
      double cpu_start = cpu_ms ();

      start = g_get_monotonic_time ();
      g_assert_true (dm_store_get_stats (store, &stats, &error));
      stats_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      stats_cpu[run] = cpu_ms () - cpu_start;
    }
  qsort (stats_ms, N_RUNS, sizeof (double), compare_doubles);
  qsort (stats_cpu, N_RUNS, sizeof (double), compare_doubles);
  g_print ("  stats: %u articles, %u actors, %u mentions, %u relations: median %.0f ms (%.0f ms CPU)\n",
           stats.n_articles, stats.n_actors, stats.n_mentions, stats.n_relations,
           stats_ms[N_RUNS / 2], stats_cpu[N_RUNS / 2]);

  ms = time_view (store, query, &build_ms, &n_nodes, &n_edges);
  g_print ("  overview: %u actors, %u edges: median %.0f ms to laid out (%.0f ms to build, "
           "%.0f ms CPU)\n", n_nodes, n_edges, ms, build_ms, last_build_cpu_ms);
  overview = dm_graph_build (store, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < overview->nodes->len; i++)
    {
      const DmGraphNode *node = g_ptr_array_index (overview->nodes, i);

      if (hub == NULL || node->weight > hub->weight)
        hub = node;
    }
  g_assert_nonnull (hub);
  query->focus_actor = hub->actor_id;
  ms = time_view (store, query, &build_ms, &n_nodes, &n_edges);
  g_print ("  heaviest actor's ego view: %u actors, %u edges: median %.0f ms to laid out "
           "(%.0f ms to build, %.0f ms CPU)\n", n_nodes, n_edges, ms, build_ms, last_build_cpu_ms);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("BENCH_OVERVIEW_ARTICLES");
  guint n_large = env != NULL ? (guint) atoi (env) : 5000;

  if (argc > 1)
    {
      bench_existing (argv[1]);
      return 0;
    }

  bench_corpus (500, 1100, 420);
  if (n_large > 0)
    bench_corpus (2000, 6000, n_large);
  return 0;
}
