/* bench-shards.c — extract on standard input against extract on files, and import --jsonl
 * against importing the texts, through dramatis-cli as a cluster would run it
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * N generated articles (tests/write-articles: DIR/article-NNNN.txt and the same texts as
 * JSONL). Each command runs 3 times; the medians of wall time and of CPU time (user + system
 * of the child, steadier on a shared machine) are reported:
 *   1. extract FILE…                 (N paths on the command line)
 *   2. extract --stdin-jsonl < JSONL (the streaming mapper)   target: ≥ 95 % of (1)'s rate
 *   3. import --db NEW DIR           (read, extract, store)
 *   4. import --db NEW --jsonl OUT   (OUT: the output of 2)   target: ≥ 2 × (3)'s rate
 *   5. with BASELINE-CLI (another build, e.g. the commit before a change): (4) with it, the
 *      two medians side by side.
 * Usage: bench-shards DRAMATIS-CLI WRITE-ARTICLES [N [BASELINE-CLI]]  (N: 2000 by default;
 * the command line of 1 holds N paths, so keep N under some 50,000). DRAMATIS_BENCH_RUNS
 * sets the runs per command (3; 1 for a quick look at a large N).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#define MAX_RUNS 9

static guint runs = 3;

typedef struct {
  double wall;
  double cpu;
} Timing;

static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static Timing
run (const char *command)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", "-c", command, NULL };
  double cpu = children_cpu ();
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  Timing timing;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", command, error->message);
  timing.wall = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  timing.cpu = children_cpu () - cpu;
  return timing;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of RUNS runs of @command; @before (nullable) runs first each time, untimed. */
static Timing
median (const char *before,
        const char *command)
{
  double walls[MAX_RUNS], cpus[MAX_RUNS];
  Timing timing;

  for (guint i = 0; i < runs; i++)
    {
      if (before != NULL)
        run (before);
      timing = run (command);
      walls[i] = timing.wall;
      cpus[i] = timing.cpu;
    }
  qsort (walls, runs, sizeof (double), compare_doubles);
  qsort (cpus, runs, sizeof (double), compare_doubles);
  timing.wall = walls[runs / 2];
  timing.cpu = cpus[runs / 2];
  return timing;
}

static void
report (const char *what,
        Timing      timing,
        guint       n)
{
  printf ("%-34s wall %6.2f s (%6.0f articles/s)   cpu %6.2f s (%6.0f articles/s)\n", what,
          timing.wall, n / timing.wall, timing.cpu, n / timing.cpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *files = NULL;
  g_autofree char *baseline = NULL;
  Timing extract_files, extract_stdin, import_texts, import_jsonl;
  const char *runs_env = g_getenv ("DRAMATIS_BENCH_RUNS");
  guint n;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-shards DRAMATIS-CLI WRITE-ARTICLES [N [BASELINE-CLI]]\n");
      return 2;
    }
  n = argc > 3 ? (guint) atoi (argv[3]) : 2000;
  if (argc > 4)
    baseline = g_canonicalize_filename (argv[4], NULL);
  if (runs_env != NULL)
    runs = CLAMP ((guint) atoi (runs_env), 1, MAX_RUNS);
  tmp = g_dir_make_tmp ("dramatis-bench-shards-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  g_assert_cmpint (g_chdir (tmp), ==, 0);
  cli = g_shell_quote (argv[1]);

  cmd = g_strdup_printf ("%s articles %u 4242 articles.jsonl", argv[2], n);
  run (cmd);

  /* article-0001.txt … in number order, as a shell glob gives them */
  files = g_strdup ("articles/article-*.txt");

  printf ("# %u generated articles, %u runs each, medians\n", n, runs);

  g_free (cmd);
  cmd = g_strdup_printf ("%s extract %s > files.out", cli, files);
  extract_files = median (NULL, cmd);
  report ("extract FILE…", extract_files, n);

  g_free (cmd);
  cmd = g_strdup_printf ("%s extract --stdin-jsonl < articles.jsonl > stdin.out", cli);
  extract_stdin = median (NULL, cmd);
  report ("extract --stdin-jsonl", extract_stdin, n);
  printf ("  stdin keeps %.0f %% of the file-based rate (wall), %.0f %% (cpu); target ≥ 95 %%\n",
          100 * extract_files.wall / extract_stdin.wall, 100 * extract_files.cpu / extract_stdin.cpu);

  g_free (cmd);
  cmd = g_strdup_printf ("%s import --db texts.dramatis articles > /dev/null 2>&1", cli);
  import_texts = median ("rm -f texts.dramatis*", cmd);
  report ("import DIR", import_texts, n);

  g_free (cmd);
  cmd = g_strdup_printf ("%s import --db jsonl.dramatis --jsonl stdin.out > /dev/null 2>&1", cli);
  import_jsonl = median ("rm -f jsonl.dramatis*", cmd);
  report ("import --jsonl", import_jsonl, n);
  printf ("  import --jsonl is %.2f × as fast as importing the texts (wall), %.2f × (cpu); "
          "target ≥ 2 ×\n", import_texts.wall / import_jsonl.wall, import_texts.cpu / import_jsonl.cpu);

  if (baseline != NULL)
    {
      g_autofree char *quoted = g_shell_quote (baseline);
      Timing before;

      g_free (cmd);
      cmd = g_strdup_printf ("%s import --db before.dramatis --jsonl stdin.out > /dev/null 2>&1",
                             quoted);
      before = median ("rm -f before.dramatis*", cmd);
      report ("import --jsonl (baseline)", before, n);
      printf ("  this build imports extract output %.2f × as fast as the baseline (wall), "
              "%.2f × (cpu)\n", before.wall / import_jsonl.wall, before.cpu / import_jsonl.cpu);
    }

  g_free (cmd);
  cmd = g_strdup_printf ("rm -rf %s", tmp);
  run (cmd);
  return 0;
}
