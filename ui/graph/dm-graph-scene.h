/* dm-graph-scene.h — a DmLayout's geometry as the canvas draws and hit-tests it
 *
 * Copyright 2026 The Dramatis developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphene.h>
#include <pango/pango.h>

#include "dm-graph.h"
#include "dm-layout.h"

G_BEGIN_DECLS

/* Labels smaller than this on screen (device pixels of text height) are not drawn. */
#define DM_SCENE_NODE_TEXT_MIN_PX 4.5
#define DM_SCENE_EDGE_TEXT_MIN_PX 5.5

/* All coordinates are scene points (the layout's), origin top-left. */
typedef struct {
  double           x, y, width, height;  /* box; x, y is the top-left */
  graphene_rect_t  bounds;               /* everything drawn for the node */
  gboolean         is_ellipse;
  PangoLayout     *label;
  PangoLayout     *worker_label;         /* the same, made and used by the tile worker */
  double           label_scale;          /* shrinks labels wider than the node */
  double           label_width, label_height;
} DmSceneNode;

typedef struct {
  graphene_rect_t  bounds;
  double          *poly;        /* flattened path: x0,y0,x1,y1,… for hit-testing */
  guint            n_poly;
  double           pen_width;   /* in half points, so edges batch by width */
  int              batch;       /* edges of one batch share colour, width and dash */
  PangoLayout     *label;
  PangoLayout     *worker_label;
  graphene_rect_t  pill;        /* label background; empty without label */
} DmSceneEdge;

/* A group's box (a country or organisation and its officials) and its name. */
typedef struct {
  graphene_rect_t  box;
  guint            head;                 /* the node of its country or organisation */
  PangoLayout     *label;
  PangoLayout     *worker_label;
  graphene_rect_t  label_box;            /* where the name is drawn */
} DmSceneGroup;

/* Prepared once per layout (and font); read-only afterwards, but for the worker labels
 * the tile worker makes on first use (see dm-graph-painter.c). */
typedef struct {
  DmLayout    *layout;        /* nullable: an empty scene */
  DmSceneNode *nodes;
  DmSceneEdge *edges;
  DmSceneGroup *groups;       /* drawn behind everything, larger ones first */
  guint        n_nodes;
  guint        n_edges;
  guint        n_groups;
  int         *tab_order;     /* node indices in reading order */
  int         *tab_position;  /* inverse of tab_order */
  guint       *node_degree;   /* edges touching each node, counted from the edges */
  int         *edge_order;    /* edges sorted by drawing batch: family, dash, width */
  int         *node_order;    /* nodes sorted by actor type */
} DmGraphScene;

/* A Pango context for labels: unhinted, 72 dpi (one Pango unit per scene point), so a
 * label laid out once scales through the cairo transform at every zoom. */
PangoContext       *dm_graph_scene_label_context_new  (PangoFontMap *font_map);

/* Labels are laid out in @pango with @font_family. @layout is nullable. */
DmGraphScene       *dm_graph_scene_new                (DmLayout     *layout,
                                                       PangoContext *pango,
                                                       const char   *font_family);
void                dm_graph_scene_free               (DmGraphScene *self);

static inline const DmGraphNode *
dm_graph_scene_graph_node (const DmGraphScene *self,
                           guint               i)
{
  return g_ptr_array_index (self->layout->graph->nodes, i);
}

static inline const DmGraphEdge *
dm_graph_scene_graph_edge (const DmGraphScene *self,
                           guint               i)
{
  return g_ptr_array_index (self->layout->graph->edges, i);
}

static inline gboolean
dm_graph_scene_rects_meet (const graphene_rect_t *a,
                           const graphene_rect_t *b)
{
  return a->origin.x <= b->origin.x + b->size.width &&
         b->origin.x <= a->origin.x + a->size.width &&
         a->origin.y <= b->origin.y + b->size.height &&
         b->origin.y <= a->origin.y + a->size.height;
}

/* The family an edge is coloured by, the type a node is drawn as (out-of-range values
 * fall back to statement and organisation). */
DmClassFamily       dm_graph_scene_get_family         (const DmGraphScene *self,
                                                       guint               edge);
DmActorType         dm_graph_scene_get_actor_type     (const DmGraphScene *self,
                                                       guint               node);

/* The layout's box: (0, 0, width, height); empty for an empty scene. */
void                dm_graph_scene_get_bounds         (const DmGraphScene *self,
                                                       graphene_rect_t    *bounds);
void                dm_graph_scene_get_node_center    (const DmGraphScene *self,
                                                       guint               node,
                                                       double             *x,
                                                       double             *y);
/* Whether any node or edge is drawn within @area. */
gboolean            dm_graph_scene_meets              (const DmGraphScene    *self,
                                                       const graphene_rect_t *area);

/* Hit-testing at scene point (x, y). @tolerance (scene points) widens nodes and edges;
 * later nodes are on top; of the edges, the nearest wins, and a label pill hits at once.
 * -1 where there is nothing. */
int                 dm_graph_scene_node_at            (const DmGraphScene *self,
                                                       double              x,
                                                       double              y,
                                                       double              tolerance);
int                 dm_graph_scene_edge_at            (const DmGraphScene *self,
                                                       double              x,
                                                       double              y,
                                                       double              tolerance);

/* The group whose box holds scene point (x, y), the innermost (smallest) where boxes
 * overlap; -1 outside every box. */
int                 dm_graph_scene_group_at           (const DmGraphScene *self,
                                                       double              x,
                                                       double              y);
/* The type of a group's head, which colours its box. */
DmActorType         dm_graph_scene_get_group_type     (const DmGraphScene *self,
                                                       guint               group);
gboolean            dm_graph_scene_group_label_visible (const DmGraphScene *self,
                                                        guint               group,
                                                        double              scale);

/* The nearest node from @node in direction (dx, dy), straight ahead preferred to closer but
 * off to the side; -1 when there is none that way. */
int                 dm_graph_scene_node_towards       (const DmGraphScene *self,
                                                       int                 node,
                                                       double              dx,
                                                       double              dy);

/* Label placement at @scale (device pixels per scene point): whether the label is big
 * enough to read, and where the type badge sits on a node's outline. */
gboolean            dm_graph_scene_node_label_visible (const DmGraphScene *self,
                                                       guint               node,
                                                       double              scale);
gboolean            dm_graph_scene_edge_label_visible (const DmGraphScene *self,
                                                       guint               edge,
                                                       double              scale);
/* The least @scale at which every node's label has @px pixels a line (0 without labels). */
double              dm_graph_scene_get_label_zoom     (const DmGraphScene *self,
                                                       double              px);
void                dm_graph_scene_get_badge          (const DmGraphScene *self,
                                                       guint               node,
                                                       double             *x,
                                                       double             *y,
                                                       double             *radius);

/* Matching across layouts, so the selection and the view survive a new layout: the node of
 * @actor_id; the relation from @source_actor to @target_actor, with @verb where there
 * are several (-1: none); whether @layout holds the same actors. */
int                 dm_graph_scene_find_actor         (const DmGraphScene *self,
                                                       gint64              actor_id);
int                 dm_graph_scene_find_relation      (const DmGraphScene *self,
                                                       gint64              source_actor,
                                                       gint64              target_actor,
                                                       const char         *verb);
gboolean            dm_graph_scene_same_actors        (const DmGraphScene *self,
                                                       DmLayout           *layout);

G_END_DECLS
