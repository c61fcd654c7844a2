/* dm-graph-select-private.h — what the view selection (dm-graph-select.c) shares with its
 * fast path over the store's weights (dm-graph-select-top.c), and both with dm-graph-build.c
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-graph-private.h"
#include "dm-store.h"

G_BEGIN_DECLS

/* One actor as a view weighs it. */
typedef struct {
  const DmActorInfo *info;
  gboolean           type_ok;
  gboolean           excluded;
  gboolean           pinned;
  gboolean           has_position;
  double             x, y;
  gint64             head;        /* collapsed into this group actor; 0 none */
  guint              n_members;
  guint              n_sentences;
  guint              n_partners;
  guint              score;       /* focus: evidence with the ring before */
  guint              ring;
  gboolean           touched_excluded;  /* has evidence, but is excluded */
  gboolean           evidence;    /* some relation passing the filters touches it */
  gboolean           available;
  gboolean           kept;
} Slot;

/* One view being chosen: its actors (slots), its candidate edges (pending), what it keeps. */
typedef struct {
  DmStore            *store;
  DmGraphQuery       *q;
  gboolean            per_pair;
  GHashTable         *slots;      /* gint64 id → Slot */
  GArray             *pending;    /* Pending */
  GPtrArray          *kept;       /* Slot */
  DmGraphCounts       counts;
  GPtrArray          *infos;      /* DmActorInfo the slots borrow, when not the corpus's list */
} Selection;

/* Whether @q filters what the store counts (classes, dates, left-out articles). */
gboolean   dm_graph_query_has_store_filters (const DmGraphQuery *q);

Slot      *dm_graph_selection_slot          (Selection *sel,
                                             gint64     id);
/* The counts (DmRelationCount) into one pending edge per pair (or per verb) between actors
 * with slots that the filters keep: group_counts() then add_pending(). */
GPtrArray *dm_graph_selection_group_counts  (Selection *sel,
                                             GPtrArray *counts);
void       dm_graph_selection_add_pending   (Selection *sel,
                                             GPtrArray *groups);
/* Keeps the first @budget of @candidates in the views' ranking, pinned ones beyond it. */
guint      dm_graph_selection_keep_best     (Selection *sel,
                                             GPtrArray *candidates,
                                             guint      budget,
                                             guint      ring);
/* Keeps the best of ring @r's @candidates (the view's neighbour budget), counts the first
 * ring's, and leaves the kept ones in @ring, the next ring's seeds. */
void       dm_graph_selection_keep_ring     (Selection *sel,
                                             GPtrArray *candidates,
                                             GPtrArray *ring,
                                             guint      r);
/* Which pending edges between kept actors show. */
void       dm_graph_selection_select_edges  (Selection *sel);

/* A Pending array (dm-graph-select.c's candidate edges) that clears its items. */
GArray    *dm_graph_selection_new_pending   (void);
/* Chooses the view of @sel->q from every actor and every pair's counts under its filters. */
gboolean   dm_graph_select_from_all_counts  (Selection  *sel,
                                             GError    **error);
/* The graph of what @sel kept: its nodes, the edges chosen among them. */
DmGraph   *dm_graph_selection_make_graph    (Selection  *sel);

/* dm-graph-select-top.c: chooses the view of @sel->q from the store's running weights and
 * the pairs of the few actors it shows, when the query is one it can answer exactly (no
 * filter but hidden and pinned actors); *@applied FALSE when it is not. */
gboolean   dm_graph_select_top              (Selection  *sel,
                                             gboolean   *applied,
                                             GError    **error);

G_END_DECLS
