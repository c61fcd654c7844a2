/* test-util.h — small helpers the tests and benchmarks share: temporary folders, actors
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "dm-store.h"

/* Removes @path and everything below it. */
static inline void
dm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        dm_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The id of the actor named (or aliased) @name, which must exist. */
static inline gint64
dm_test_actor_id (DmStore    *store,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DmActorInfo) info = dm_store_find_actor (store, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info->id;
}
