/* bench-parse.c — model load time and tokens per second of the tagger and the parser
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over the sample articles in data/samples (every sentence, so more than the extractor will
 * parse). Prints medians of several rounds. Run: meson test -C build --benchmark parse
 */

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dm-models.h"
#include "dm-parse-tokens.h"

#define ROUNDS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, (int (*) (const void *, const void *)) compare_doubles);
  return v[n / 2];
}

/* The sample articles, one text: enough sentences for a stable figure. */
static char *
sample_text (void)
{
  const char *root = g_getenv ("DRAMATIS_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (root != NULL ? root : ".", "data", "samples", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GString *text = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;

      if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &data, NULL, NULL))
        g_string_append_printf (text, "%s\n\n", data);
    }
  return g_string_free (text, FALSE);
}

/* Wall-clock and processor time of loading both models, medians (on a shared machine the
 * processor time is what an idle one would take). */
static void
load_ms (double *wall,
         double *cpu)
{
  double times[ROUNDS], cpu_times[ROUNDS];

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();

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
      times[r] = (g_get_monotonic_time () - start) / 1e3;
      cpu_times[r] = (clock () - cpu_start) * 1e3 / CLOCKS_PER_SEC;
    }
  *wall = median (times, ROUNDS);
  *cpu = median (cpu_times, ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = sample_text ();
  g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
  g_autoptr(DmParse) parse = dm_parse_tokens_new (doc);
  g_autoptr(GError) error = NULL;
  const DmModels *models = dm_models_get_default (&error);
  double tag_rate[ROUNDS], parse_rate[ROUNDS], tag_cpu[ROUNDS], parse_cpu[ROUNDS];
  guint n_tokens = parse->tokens->len;
  const guint repeat = 20;
  double wall, cpu;

  g_assert_no_error (error);
  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      clock_t cpu_start = clock ();

      for (guint k = 0; k < repeat; k++)
        for (guint s = 0; s < parse->sentences->len; s++)
          dm_tagger_tag (models->tagger, doc, parse, s, NULL);
      tag_rate[r] = repeat * n_tokens / ((g_get_monotonic_time () - start) / 1e6);
      tag_cpu[r] = repeat * n_tokens / ((double) (clock () - cpu_start) / CLOCKS_PER_SEC);

      start = g_get_monotonic_time ();
      cpu_start = clock ();
      for (guint k = 0; k < repeat; k++)
        for (guint s = 0; s < parse->sentences->len; s++)
          dm_parser_parse (models->parser, doc, parse, s);
      parse_rate[r] = repeat * n_tokens / ((g_get_monotonic_time () - start) / 1e6);
      parse_cpu[r] = repeat * n_tokens / ((double) (clock () - cpu_start) / CLOCKS_PER_SEC);
    }

  printf ("# %u tokens in %u sentences, %d rounds × %u passes, medians:\n",
          n_tokens, parse->sentences->len, ROUNDS, repeat);
  printf ("tagger: %.0f tokens/s (per processor second %.0f)\n",
          median (tag_rate, ROUNDS), median (tag_cpu, ROUNDS));
  printf ("parser: %.0f tokens/s (per processor second %.0f)\n",
          median (parse_rate, ROUNDS), median (parse_cpu, ROUNDS));
  load_ms (&wall, &cpu);
  printf ("model load (tagger + parser): %.1f ms (processor time %.1f ms)\n", wall, cpu);
  return 0;
}
