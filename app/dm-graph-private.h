/* dm-graph-private.h — what dm-graph.c shares with the view selection (dm-graph-select.c)
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-graph.h"

G_BEGIN_DECLS

/* "urges", "urges ×3", "not urges ×2" */
char        *dm_graph_label_for_verb (const char      *verb,
                                      gboolean         negated,
                                      guint            n_evidence);
/* An edge with no label and no relation ids yet (an empty array). */
DmGraphEdge *dm_graph_edge_new       (guint            source,
                                      guint            target,
                                      const char      *verb,
                                      DmRelationClass  klass,
                                      gboolean         negated,
                                      guint            n_evidence);

/* Sets each node's group_id: the shown country, organisation or group its affiliation names. */
void         dm_graph_assign_groups  (DmGraph         *graph);

/* dm_graph_build() without its fast path over the store's running weights: every actor and
 * every pair's counts read and weighed. What the fast path must equal (tests). */
DmGraph     *dm_graph_build_from_all_counts (DmStore            *store,
                                             const DmGraphQuery *query,
                                             GError            **error);

G_END_DECLS
