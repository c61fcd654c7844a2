/* dm-cli-common.c — what the dramatis-cli subcommands share: error lines, adding to a corpus
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <stdio.h>

#include "dm-cli-private.h"
#include "dm-store-write.h"

/* Apart from dm-cli.c, which calls the subcommands, so that they never call back into it. */
void
dm_cli_error (const char *path,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* File names are bytes; what a person reads (and a UTF-8 log) must be text. */
  if (path != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      fprintf (stderr, "dramatis-cli: %s: %s\n", display, message);
    }
  else
    fprintf (stderr, "dramatis-cli: %s\n", message);
}

/* --jobs N, or 0 for the default: one worker per processor, a few at most (beyond that
 * the analysis waits on memory more than it gains, and the machine is often shared). */
guint
dm_cli_count_workers (int jobs)
{
  if (jobs > 0)
    return MIN ((guint) jobs, DM_CLI_MAX_JOBS);
  return CLAMP (g_get_num_processors (), 1, DM_CLI_DEFAULT_JOBS);
}

gboolean
dm_cli_add_analyses (DmStore    *store,
                     const char *db_path,
                     GPtrArray  *analyses)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < analyses->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dm_store_add_analysis (store, g_ptr_array_index (analyses, i), NULL, NULL, &error))
        {
          dm_cli_error (db_path, "%s", error->message);
          ok = FALSE;
        }
    }
  return ok;
}
