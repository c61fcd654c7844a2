/* bench-extract.c — what one article costs: loading the models, extracting it in a running
 * process, and a whole `dramatis-cli extract ARTICLE` from start to exit; and what many cost
 * with one thread against two (`extract --jobs`)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One article is the longest text of data/samples; the batch is every file there, ten times
 * over. Prints medians of wall-clock and processor time
 * (the processor time is what an idle machine would take; the machine this runs on is
 * shared). Usage: bench-extract DRAMATIS-CLI. Run: meson test -C build --benchmark extract
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "dm-analysis.h"
#include "dm-article.h"
#include "dm-extractor.h"
#include "dm-import.h"
#include "dm-lexicon.h"
#include "dm-models.h"
#include "dm-ner.h"

#define ROUNDS 15
/* Each of data/samples' files given this many times: a batch of some 50 articles. */
#define BATCH_COPIES 10

typedef struct {
  double wall_ms;
  double cpu_ms;
} Timing;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v)
{
  qsort (v, ROUNDS, sizeof *v, (int (*) (const void *, const void *)) compare_doubles);
  return v[ROUNDS / 2];
}

static double
cpu_ms (gboolean children)
{
  struct rusage usage;

  getrusage (children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static char *
samples_dir (void)
{
  const char *root = g_getenv ("DRAMATIS_SOURCE_DIR");

  return g_build_filename (root != NULL ? root : ".", "data", "samples", NULL);
}

/* The longest .txt of data/samples. */
static char *
longest_sample (void)
{
  g_autofree char *dir = samples_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  char *best = NULL;
  gsize best_len = 0;
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &data, &len, NULL) &&
          len > best_len)
        {
          g_free (best);
          best = g_steal_pointer (&path);
          best_len = len;
        }
    }
  g_assert_nonnull (best);
  return best;
}

/* Loading each shipped model from the engine's resources, as the first extract does. */
static Timing
load_models (void)
{
  double wall[ROUNDS], cpu[ROUNDS];
  Timing t;

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms (FALSE);

      for (guint m = 0; m < 2; m++)
        {
          const char *name = m == 0 ? "tagger.model" : "parser.model";
          g_autofree char *path = g_strconcat ("/io/github/dramatis/models/", name, NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
          g_autoptr(GError) error = NULL;
          gpointer model = dm_models_load_one (name, bytes, &error);

          g_assert_no_error (error);
          dm_models_free_one (name, model);
        }
      {
        g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/dramatis/models/ner.model", 0, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(DmNer) ner = dm_ner_new_from_bytes (bytes, dm_lexicon_get_default (), &error);

        g_assert_no_error (error);
      }
      wall[r] = (g_get_monotonic_time () - start) / 1e3;
      cpu[r] = cpu_ms (FALSE) - cpu_start;
    }
  t.wall_ms = median (wall);
  t.cpu_ms = median (cpu);
  return t;
}

/* One article through the extractor of a running process (models loaded). */
static Timing
extract_in_process (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = dm_import_load_path (path, &error);
  DmExtractor *extractor = dm_extractor_get_default ();
  double wall[ROUNDS], cpu[ROUNDS];
  Timing t;

  g_assert_no_error (error);
  /* The first loads the lexicon and the models. An analysis takes its article. */
  dm_analysis_free (dm_extractor_analyze (extractor, dm_article_copy (articles->pdata[0])));
  for (guint r = 0; r < ROUNDS; r++)
    {
      DmArticle *article = dm_article_copy (articles->pdata[0]);
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms (FALSE);

      dm_analysis_free (dm_extractor_analyze (extractor, article));
      wall[r] = (g_get_monotonic_time () - start) / 1e3;
      cpu[r] = cpu_ms (FALSE) - cpu_start;
    }
  t.wall_ms = median (wall);
  t.cpu_ms = median (cpu);
  return t;
}

/* `dramatis-cli extract ARTICLE`, start to exit: what a script calling it once pays. */
static Timing
extract_process (const char *cli,
                 const char *path)
{
  const char *argv[] = { cli, "extract", path, NULL };
  double wall[ROUNDS], cpu[ROUNDS];
  Timing t;

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms (TRUE);
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                    NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      wall[r] = (g_get_monotonic_time () - start) / 1e3;
      cpu[r] = cpu_ms (TRUE) - cpu_start;
    }
  t.wall_ms = median (wall);
  t.cpu_ms = median (cpu);
  return t;
}

/* `dramatis-cli extract --jobs=N` over every article of data/samples, BATCH_COPIES times each
 * (the same files in the same order for every N); @bytes gets the input's size. */
static Timing
extract_batch (const char *cli,
               guint       jobs,
               gsize      *bytes)
{
  g_autofree char *dir = samples_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  double wall[ROUNDS], cpu[ROUNDS];
  const char *name;
  Timing t;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  g_ptr_array_add (argv, g_strdup (cli));
  g_ptr_array_add (argv, g_strdup ("extract"));
  g_ptr_array_add (argv, g_strdup_printf ("--jobs=%u", jobs));
  *bytes = 0;
  for (guint c = 0; c < BATCH_COPIES; c++)
    for (guint i = 0; i < names->len; i++)
      {
        struct stat st;

        g_assert_cmpint (g_stat (names->pdata[i], &st), ==, 0);
        *bytes += st.st_size;
        g_ptr_array_add (argv, g_strdup (names->pdata[i]));
      }
  g_ptr_array_add (argv, NULL);

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms (TRUE);
      int status = 0;

      g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                    NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      wall[r] = (g_get_monotonic_time () - start) / 1e3;
      cpu[r] = cpu_ms (TRUE) - cpu_start;
    }
  t.wall_ms = median (wall);
  t.cpu_ms = median (cpu);
  return t;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = longest_sample ();
  g_autofree char *name = g_path_get_basename (path);
  Timing t;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-extract DRAMATIS-CLI\n");
      return 2;
    }
  printf ("# %s, medians of %d rounds: wall clock (processor time)\n", name, ROUNDS);
  t = load_models ();
  printf ("loading the tagger, parser and entity models: %6.1f ms (%.1f ms)\n", t.wall_ms, t.cpu_ms);
  t = extract_in_process (path);
  printf ("one article, models loaded:                  %6.1f ms (%.1f ms)\n", t.wall_ms, t.cpu_ms);
  t = extract_process (argv[1], path);
  printf ("dramatis-cli extract of one article:          %6.1f ms (%.1f ms)\n", t.wall_ms, t.cpu_ms);

  /* One thread against two, on the same batch: the wall clock is what parallel
   * analysis saves, the processor time what it costs (the same work, plus the threads). */
  printf ("# data/samples x %d, medians of %d rounds: wall clock (processor time), rate\n",
          BATCH_COPIES, ROUNDS);
  for (guint jobs = 1; jobs <= 2; jobs++)
    {
      gsize bytes;

      t = extract_batch (argv[1], jobs, &bytes);
      printf ("dramatis-cli extract --jobs=%u of %5.0f KB:      %6.1f ms (%.1f ms), %.0f KB/s\n",
              jobs, bytes / 1e3, t.wall_ms, t.cpu_ms, bytes / 1e3 / (t.wall_ms / 1e3));
    }
  return 0;
}
