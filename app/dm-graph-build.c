/* dm-graph-build.c — a view of the corpus as a graph: the fast path over the store's running
 * weights where the query allows it (dm-graph-select-top.c), the full count otherwise
 * (dm-graph-select.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dm-graph"

#include "config.h"

#include "dm-graph-select-private.h"

static DmGraph *
build (DmStore             *store,
       const DmGraphQuery  *query,
       gboolean             top_first,
       GError             **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) dm_actor_info_free);
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(GArray) pending = dm_graph_selection_new_pending ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(DmGraphQuery) q = NULL;
  Selection sel = { 0 };
  DmGraph *graph;
  gboolean applied = FALSE;

  q = query != NULL ? dm_graph_query_copy (query) : dm_graph_query_new ();
  sel.store = store;
  sel.q = q;
  sel.slots = slots;
  sel.pending = pending;
  sel.kept = kept;
  sel.infos = infos;
  sel.per_pair = q->per_pair || q->focus_actor != 0 || q->max_nodes > 0;

  if (top_first && !dm_graph_select_top (&sel, &applied, error))
    return NULL;
  if (!applied && !dm_graph_select_from_all_counts (&sel, error))
    return NULL;

  graph = dm_graph_selection_make_graph (&sel);
  sel.counts.n_edges_shown = graph->edges->len;
  if (q->focus_actor == 0)
    sel.counts.n_edges_available = MAX (sel.counts.n_edges_available, graph->edges->len);
  graph->counts = sel.counts;
  graph->query = g_steal_pointer (&q);
  return graph;
}

DmGraph *
dm_graph_build (DmStore             *store,
                const DmGraphQuery  *query,
                GError             **error)
{
  g_return_val_if_fail (store != NULL, NULL);

  return build (store, query, TRUE, error);
}

DmGraph *
dm_graph_build_from_all_counts (DmStore             *store,
                                const DmGraphQuery  *query,
                                GError             **error)
{
  g_return_val_if_fail (store != NULL, NULL);

  return build (store, query, FALSE, error);
}
