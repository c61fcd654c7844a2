/* dm-graph-query.h — which part of the corpus a graph shows: focus, depth and filters
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-types.h"

G_BEGIN_DECLS

struct _DmGraphQuery
{
  gint64    focus_actor;        /* 0: the whole corpus; else an actor id */
  guint     depth;              /* neighbourhood depth around focus_actor (>= 1) */
  guint32   class_mask;         /* 1 << DmRelationClass; DM_ALL_CLASSES by default */
  guint32   type_mask;          /* 1 << DmActorType; DM_ALL_ACTOR_TYPES by default */
  GArray   *excluded_articles;  /* gint64 article ids left out; nullable */
  char     *date_from;          /* nullable "YYYY-MM-DD", inclusive; articles without a date pass */
  char     *date_to;            /* nullable "YYYY-MM-DD", inclusive */
  guint     min_evidence;       /* edges with fewer supporting relations are dropped (>= 1) */
  gboolean  per_pair;           /* one edge per directed actor pair ("urges ×3, meets") instead of per verb */
  guint     max_nodes;          /* 0: no limit; else keep the most connected actors */
};

DmGraphQuery *dm_graph_query_new      (void);
DmGraphQuery *dm_graph_query_copy     (const DmGraphQuery *query);
void          dm_graph_query_free     (DmGraphQuery       *query);
gboolean      dm_graph_query_equal    (const DmGraphQuery *a,
                                       const DmGraphQuery *b);
void          dm_graph_query_exclude_article (DmGraphQuery *query,
                                              gint64        article_id,
                                              gboolean      excluded);
gboolean      dm_graph_query_is_article_excluded (const DmGraphQuery *query,
                                                  gint64              article_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGraphQuery, dm_graph_query_free)

G_END_DECLS
