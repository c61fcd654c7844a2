/* dm-layout-cache.c — a graph's layout read from, and kept in, the corpus's layout cache
 *
 * Two forms live under one key: the xdot text Graphviz wrote (which the CLI also reads) and
 * the layout's own serialisation (dm_layout_to_cache()), which decodes without Graphviz.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-layout-cache"

#include "config.h"

#include "dm-layout-cache.h"
#include "dm-store-write.h"

DmLayout *
dm_layout_cache_lookup (DmStore     *store,
                        DmGraph     *graph,
                        const char  *key,
                        char       **xdot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  DmLayout *layout = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (xdot != NULL)
    *xdot = NULL;

  if (!dm_store_lookup_layout_data (store, key, &data, &error))
    {
      g_debug ("Layout cache: %s", error->message);
      g_clear_error (&error);
    }
  else if (data != NULL && !(layout = dm_layout_new_from_cache (graph, data, &error)))
    {
      g_debug ("Layout cache: %s", error->message);
      g_clear_error (&error);
    }

  if (layout == NULL && xdot != NULL && !dm_store_lookup_layout (store, key, xdot, &error))
    g_debug ("Layout cache: %s", error->message);

  return layout;
}

gboolean
dm_layout_cache_save (DmStore     *store,
                      const char  *key,
                      DmLayout    *layout,
                      gboolean     has_xdot,
                      GError     **error)
{
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (layout != NULL, FALSE);

  if (!has_xdot && !dm_store_save_layout (store, key, layout->xdot, error))
    return FALSE;

  /* after the xdot text, which drops the serialisation of the layout it replaces */
  data = dm_layout_to_cache (layout);
  return dm_store_save_layout_data (store, key, data, error);
}
