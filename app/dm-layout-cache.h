/* dm-layout-cache.h — a graph's layout read from, and kept in, the corpus's layout cache
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dm-layout.h"
#include "dm-types.h"

G_BEGIN_DECLS

/* The layout of @graph cached under @key (dm_layout_cache_key()), decoded from its
 * serialisation without Graphviz; NULL when the cache holds none that fits. Then *@xdot
 * (when not NULL) is the cached xdot text, from which dm_layout_worker_layout() only parses
 * the positions, or NULL on a miss. A cache that cannot be read is a miss (and a g_debug()):
 * it only costs a fresh layout. Any thread. */
DmLayout *dm_layout_cache_lookup (DmStore     *store,
                                  DmGraph     *graph,
                                  const char  *key,
                                  char       **xdot);

/* Keeps @layout under @key: its xdot text (unless @has_xdot says the cache holds it
 * already), then its serialisation, which the xdot text of another layout would drop. */
gboolean  dm_layout_cache_save   (DmStore     *store,
                                  const char  *key,
                                  DmLayout    *layout,
                                  gboolean     has_xdot,
                                  GError     **error);

G_END_DECLS
