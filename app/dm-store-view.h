/* dm-store-view.h — what the explorer keeps in a corpus beside the articles: actors left out
 * of every view, actors always shown, dragged positions, and the aggregates views are built from
 *
 * The widgets may call these: they change how the corpus is shown, never what it says.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-store.h"

G_BEGIN_DECLS

/* An actor with a choice of the user's. Positions are Graphviz points, y growing upwards
 * (dm_layout_to_graphviz_point() converts from the window's layout coordinates). */
typedef struct {
  gint64    actor_id;
  gboolean  excluded;      /* left out of every view */
  gboolean  pinned;        /* always shown, whatever the budget */
  gboolean  has_position;  /* dragged to x, y; kept there by the layout */
  double    x, y;
} DmActorView;

/* Relations of one (source, target, verb, class, negated) that pass a query's filters,
 * counted (dm_store_list_relation_counts), or one relation (dm_store_list_pair_relations,
 * where n is 1 and relation_id its id). */
typedef struct {
  gint64           source_id;
  gint64           target_id;
  char            *verb;
  DmRelationClass  klass;
  gboolean         negated;
  guint            n;
  gint64           relation_id;   /* 0 in counts */
} DmRelationCount;

/* An actor's weight in the unfiltered views (dm-graph-select.c): its relations at either
 * end and its distinct partners, kept up to date by the store. */
typedef struct {
  gint64  actor_id;
  guint   n_sentences;
  guint   n_partners;
} DmActorWeight;

gboolean    dm_store_set_actor_excluded   (DmStore     *self,
                                           gint64       actor_id,
                                           gboolean     excluded,
                                           GError     **error);
gboolean    dm_store_set_actor_pinned     (DmStore     *self,
                                           gint64       actor_id,
                                           gboolean     pinned,
                                           GError     **error);
gboolean    dm_store_set_actor_position   (DmStore     *self,
                                           gint64       actor_id,
                                           double       x,
                                           double       y,
                                           GError     **error);
gboolean    dm_store_clear_actor_position (DmStore     *self,
                                           gint64       actor_id,
                                           GError     **error);
/* Every actor with at least one choice (DmActorView), by actor id. */
GArray     *dm_store_list_actor_views     (DmStore     *self,
                                           GError     **error);

/* Counts of the relations passing @query's class, date and excluded-article filters
 * (DmRelationCount), read from the aggregates: no scan of the relation table. Actor types
 * are the caller's to filter. */
GPtrArray  *dm_store_list_relation_counts (DmStore            *self,
                                           const DmGraphQuery *query,
                                           GError            **error);
/* The relations from @source_id to @target_id passing @query's filters, by id. */
GPtrArray  *dm_store_list_pair_relations  (DmStore            *self,
                                           gint64              source_id,
                                           gint64              target_id,
                                           const DmGraphQuery *query,
                                           GError            **error);
/* Every actor passing @type_mask with its mention count from the aggregates
 * (n_relations is left 0: the graph counts evidence under its own filters). */
GPtrArray  *dm_store_list_view_actors     (DmStore            *self,
                                           guint32             type_mask,
                                           GError            **error);

/* The actors of @ids (gint64) as dm_store_list_view_actors() has them, by id. */
GPtrArray  *dm_store_list_view_actors_by_id (DmStore       *self,
                                             const GArray  *ids,
                                             GError       **error);

/* The number of actors with a relation and of directed (source, target) pairs with one,
 * kept as running totals. */
gboolean    dm_store_get_view_totals      (DmStore     *self,
                                           guint       *n_actors,
                                           guint       *n_pairs,
                                           GError     **error);
/* @limit actors from @offset down the ranking by unfiltered weight (sentences + partners,
 * heaviest first, then by id), DmActorWeight; read off an index, no scan. */
GArray     *dm_store_list_heaviest_actors (DmStore     *self,
                                           guint        offset,
                                           guint        limit,
                                           GError     **error);
/* The unfiltered weights of the actors of @ids with a relation (DmActorWeight). */
GArray     *dm_store_list_actor_weights   (DmStore       *self,
                                           const GArray  *ids,
                                           GError       **error);
/* The unfiltered counts (DmRelationCount) of @actor_id's relations, either way round. */
GPtrArray  *dm_store_list_actor_pair_counts (DmStore  *self,
                                             gint64    actor_id,
                                             GError  **error);
/* The unfiltered counts of the relations between any two actors of @ids (gint64), a self
 * pair included, by (source, target, verb, class, negated). */
GPtrArray  *dm_store_list_pair_counts_among (DmStore       *self,
                                             const GArray  *ids,
                                             GError       **error);

void        dm_relation_count_free        (DmRelationCount *count);

G_END_DECLS
