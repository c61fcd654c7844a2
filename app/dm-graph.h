/* dm-graph.h — the graph of a query: actors as nodes, relations gathered into edges
 *
 * Plain data, immutable once built, reference counted so it can be handed to the layout
 * worker and the GUI at once. No Graphviz here: dm-layout turns it into a cgraph graph.
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dm-graph-query.h"
#include "dm-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64       actor_id;
  char        *name;
  DmActorType  type;
  char        *role;         /* nullable */
  char        *affiliation;  /* nullable */
  guint        n_mentions;
  guint        degree;       /* edges touching it in this graph */
  /* Evidence under the query's filters (dm-graph-select.c): weight = sentences + distinct
   * partners; the DOT text sizes the node by it. */
  guint        n_sentences;  /* relations it is source or target of */
  guint        n_partners;   /* distinct actors at the other end */
  double       weight;
  gboolean     pinned;       /* always shown (dm_store_set_actor_pinned) */
  gboolean     has_position; /* dragged: x, y in Graphviz points, y up; the layout puts it back there */
  double       x, y;
  gint64       group_id;     /* the country/organisation shown in this graph it belongs to
                              * (its affiliation), drawn as a cluster around both; 0 none */
  guint        n_members;    /* a collapsed group: members folded into this node */
  guint        ring;         /* focus views: 0 the focus, 1 its neighbours, 2 theirs… */
} DmGraphNode;

typedef struct {
  guint            source;        /* index into nodes */
  guint            target;
  char            *verb;          /* per verb: the verb; per pair: the most frequent verb */
  char            *label;         /* what the edge shows: "urges", "urges ×3", "urges ×2, meets";
                                   * per pair, negated verbs read "not rules out" (per verb,
                                   * negation shows as a dashed line only) */
  DmRelationClass  klass;         /* per pair: the class of the most evidence */
  gboolean         negated;       /* every supporting relation is negated */
  guint            n_evidence;    /* supporting relations */
  GArray          *relation_ids;  /* gint64: a hand-built graph's evidence; empty in a built
                                   * one, whose edges may stand for thousands of relations:
                                   * dm_graph_list_edge_relation_ids() reads them on demand */
  GArray          *pairs;         /* built: gint64 source, target of the actor pairs it sums */
  gboolean         per_pair;      /* built: every verb of its pairs, not only its own */
} DmGraphEdge;

/* What a built graph leaves out and why, for "Top 60 of 510 actors" and "+35 more". Actors
 * count when at least one relation touches them; edges are those of the graph's kind (per
 * verb, or per pair where the view aggregates). */
typedef struct {
  guint n_actors_total;      /* in the corpus, before any filter */
  guint n_actors_filtered;   /* of those, left out by types, classes, dates, articles, min evidence */
  guint n_actors_excluded;   /* left out because the user excluded them */
  guint n_actors_available;  /* what the view chose from (focus: the actors within depth) */
  guint n_actors_shown;
  guint n_actors_over_budget;/* available but not shown: past max_nodes / max_neighbours */
  guint n_edges_available;   /* between available actors */
  guint n_edges_shown;
  guint n_neighbours;        /* focus: its neighbours under the filters */
  guint n_neighbours_shown;  /* the "+N more" is n_neighbours - n_neighbours_shown */
} DmGraphCounts;

struct _DmGraph
{
  GPtrArray     *nodes;   /* DmGraphNode */
  GPtrArray     *edges;   /* DmGraphEdge */
  DmGraphQuery  *query;   /* what built it */
  DmGraphCounts  counts;  /* zero for dm_graph_new() graphs */
};

/* The view @query asks for (dm-graph-select.c): the whole corpus summarised by its heaviest
 * actors and their strongest edges, or a focus actor's ranked neighbourhood; read from the
 * corpus's aggregates, leaving out the actors the user excluded. */
DmGraph    *dm_graph_build       (DmStore            *store,
                                  const DmGraphQuery *query,
                                  GError            **error);
/* The ids of the relations @edge of @graph shows, in id order (gint64): for a graph
 * dm_graph_build() made from @store, read from it under the graph's query; for a hand-built
 * one, a copy of edge->relation_ids. */
GArray     *dm_graph_list_edge_relation_ids (DmStore            *store,
                                             const DmGraph      *graph,
                                             const DmGraphEdge  *edge,
                                             GError            **error);
DmGraph    *dm_graph_new         (void);   /* empty, for tests and builders; query is NULL */
DmGraph    *dm_graph_ref         (DmGraph  *graph);
void        dm_graph_unref       (DmGraph  *graph);

/* Builders for dm_graph_new() graphs (before the graph is shared). add_node returns the
 * node's index; add_edge labels the edge "verb" or "verb ×n", and counts it in the degree
 * of both ends. */
guint       dm_graph_add_node    (DmGraph      *graph,
                                  gint64        actor_id,
                                  const char   *name,
                                  DmActorType   type,
                                  const char   *role,
                                  const char   *affiliation,
                                  guint         n_mentions);
guint       dm_graph_add_edge    (DmGraph         *graph,
                                  guint            source,
                                  guint            target,
                                  const char      *verb,
                                  DmRelationClass  klass,
                                  gboolean         negated,
                                  guint            n_evidence);
void        dm_graph_node_free   (DmGraphNode  *node);
void        dm_graph_edge_free   (DmGraphEdge  *edge);

/* The styling dm_graph_to_dot() gives, for exporters that draw in other formats:
 * "#rrggbb" colours and the line width in points. */
const char *dm_graph_node_get_fill_color (const DmGraphNode *node);
const char *dm_graph_edge_get_color      (const DmGraphEdge *edge);
double      dm_graph_edge_get_penwidth   (const DmGraphEdge *edge);
/* The same by actor type and class family, for legends. */
const char *dm_graph_actor_type_get_fill_color (DmActorType   type);
const char *dm_graph_actor_type_get_line_color (DmActorType   type);
const char *dm_graph_family_get_color          (DmClassFamily family);
/* The wash and outline of the box round a group whose head is of @type. */
const char *dm_graph_actor_type_get_group_fill_color (DmActorType type);
const char *dm_graph_actor_type_get_group_line_color (DmActorType type);

/* Index of the node for @actor_id, or -1. */
int         dm_graph_find_node   (const DmGraph *graph,
                                  gint64         actor_id);

/* A stable key for the graph's structure (nodes, edges, labels): equal graphs share
 * cached layouts. 64 hex digits (SHA-256 of the graph's DOT text and a format version). */
char       *dm_graph_get_key     (const DmGraph *graph);

/* DOT text of the graph with every label escaped; node ids are "a<actor_id>". Styling
 * attributes (shape, colour, penwidth, style=dashed) follow the actor type and class family. */
char       *dm_graph_to_dot      (const DmGraph *graph);

/* A DOT double-quoted string literal for @str, quotes included: backslashes and quotes
 * escaped, newlines as \n, & as &amp; (Graphviz reads entities in labels), control characters dropped,
 * invalid UTF-8 repaired. Never an HTML-like <…> label. */
char       *dm_dot_quote         (const char    *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmGraph, dm_graph_unref)

G_END_DECLS
