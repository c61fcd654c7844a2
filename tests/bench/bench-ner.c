/* bench-ner.c — what the entity recognizer costs the recognizer: processor time per KB of
 * the sample articles, with and without it
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by hand: meson test -C build --benchmark ner. Prints rates, asserts nothing.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "dm-recognizer.h"

#define ROUNDS 40

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Seconds of processor time to recognise every text ROUNDS times. */
static double
run (GPtrArray   *texts,
     const DmNer *ner)
{
  double start = cpu_seconds ();

  for (guint round = 0; round < ROUNDS; round++)
    for (guint k = 0; k < texts->len; k++)
      {
        const char *text = texts->pdata[k];
        g_autoptr(DmTextDoc) doc = dm_text_doc_new (text, strlen (text));
        g_autoptr(DmRecognition) r = dm_recognize_with_ner (dm_lexicon_get_default (), ner, doc);

        g_assert_nonnull (r);
      }
  return cpu_seconds () - start;
}

int
main (void)
{
  const char *source = g_getenv ("DRAMATIS_SOURCE_DIR");
  g_autofree char *dir = g_build_filename (source ? source : ".", "data", "samples", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gsize bytes = 0;
  double load, with, without;
  double kb;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      char *text = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &text, &len, NULL))
        continue;
      g_ptr_array_add (texts, text);
      bytes += len;
    }
  g_assert_cmpuint (texts->len, >, 0);

  dm_lexicon_get_default ();
  load = cpu_seconds ();
  g_assert_nonnull (dm_ner_get_default ());
  load = cpu_seconds () - load;
  without = run (texts, NULL);
  with = run (texts, dm_ner_get_default ());
  kb = bytes * (double) ROUNDS / 1024.0;

  g_print ("entity model load: %.1f ms\n", load * 1000);
  g_print ("recognizer without the entity recognizer: %.0f KB/s of processor time\n", kb / without);
  g_print ("recognizer with the entity recognizer:    %.0f KB/s of processor time\n", kb / with);
  return 0;
}
