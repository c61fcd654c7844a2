/* replay.c — runs a fuzz target over every file of its corpus folders, as a meson test
 *
 * The seed corpora and every input that once crashed a target live under tests/fuzz/<target>/
 * and are replayed on each test run, with or without libFuzzer.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int a = 1; a < argc; a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[a], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          fprintf (stderr, "replay: %s\n", error->message);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (argv[a], g_ptr_array_index (names, i), NULL);
          g_autofree char *contents = NULL;
          gsize len;

          if (!g_file_get_contents (path, &contents, &len, &error))
            {
              fprintf (stderr, "replay: %s\n", error->message);
              return 1;
            }
          printf ("# %s\n", path);
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
          n++;
        }
    }
  /* TAP: one plan, one result — the inputs either all pass or the process aborts */
  printf ("1..1\nok 1 - %u inputs replayed\n", n);
  return 0;
}
