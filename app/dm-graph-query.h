/* dm-graph-query.h — which part of the corpus a graph shows: focus, depth and filters
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dm-types.h"

G_BEGIN_DECLS

/* What a view shows unless asked otherwise: the whole corpus as its 60 heaviest actors,
 * an actor's 30 strongest neighbours (dm-graph-select.c says how they are ranked). */
#define DM_GRAPH_DEFAULT_MAX_NODES      60
#define DM_GRAPH_DEFAULT_MAX_NEIGHBOURS 30

struct _DmGraphQuery
{
  gint64    focus_actor;        /* 0: the whole corpus; else an actor id */
  guint     depth;              /* neighbourhood depth around focus_actor (>= 1) */
  guint32   class_mask;         /* 1 << DmRelationClass; DM_ALL_CLASSES by default */
  guint32   type_mask;          /* 1 << DmActorType; DM_ALL_ACTOR_TYPES by default */
  GArray   *excluded_articles;  /* gint64 article ids left out; nullable */
  char     *date_from;          /* nullable "YYYY-MM-DD", inclusive; articles without a date pass */
  char     *date_to;            /* nullable "YYYY-MM-DD", inclusive */
  gboolean  dated_only;         /* articles without a date do not pass either (FALSE); what a
                                 * time window on the timeline means */
  guint     min_evidence;       /* edges with fewer supporting relations are dropped (>= 1) */
  gboolean  per_pair;           /* one edge per directed actor pair ("urges ×3, meets") instead of per verb */
  guint     max_nodes;          /* whole corpus: 0 no limit, else the N heaviest actors (pinned
                                 * ones always); DM_GRAPH_DEFAULT_MAX_NODES by default */
  guint     max_neighbours;     /* focus: 0 no limit, else the N strongest neighbours per ring
                                 * ("+35 more" = raise it); DM_GRAPH_DEFAULT_MAX_NEIGHBOURS */
  gboolean  neighbour_edges;    /* focus: also edges between neighbours of one ring (FALSE) */
  GArray   *collapsed_groups;   /* gint64 actor ids of countries/organisations drawn as one
                                 * node with their members folded in; nullable */
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

void          dm_graph_query_collapse_group (DmGraphQuery *query,
                                             gint64        group_actor_id,
                                             gboolean      collapsed);
gboolean      dm_graph_query_is_group_collapsed (const DmGraphQuery *query,
                                                 gint64              group_actor_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGraphQuery, dm_graph_query_free)

G_END_DECLS
